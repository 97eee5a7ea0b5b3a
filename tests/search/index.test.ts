import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { evaluateSearch, loadSearchFixtures, rankOf } from '../support/eval-search.js';
import { buildPassageIndex, highlight, loadPassageIndex, type SearchablePassage, type SearchHit } from '../../src/search/index.js';

const fixtures = loadSearchFixtures();
const index = buildPassageIndex(fixtures.passages, fixtures.glossary);
const textOf = (passageId: string): string => fixtures.passages.find((p) => p.id === passageId)?.text ?? '';
const ids = (hits: readonly SearchHit[]): string[] => hits.map((h) => h.passageId);

describe('search ranking on the labelled set', () => {
  test.each(fixtures.cases.map((c) => [c.query, c] as const))('%s', (_query, c) => {
    // Each case says why in tests/fixtures/search/ranking.json.
    const rank = rankOf(index, c);
    expect(rank, c.why).not.toBeNull();
    expect(rank ?? Infinity, c.why).toBeLessThanOrEqual(c.within ?? 1);
  });

  test('evaluateSearch reports the figures of the labelled set', () => {
    const figures = evaluateSearch();
    expect(figures.queries).toBe(fixtures.cases.length);
    expect(figures.hitAt3).toBe(1);
    expect(figures.hitAt1).toBeGreaterThanOrEqual(0.9);
    expect(figures.mrr).toBeGreaterThanOrEqual(0.9);
  });
});

describe('search', () => {
  test('returns only passages with every query word when some have them all', () => {
    const hits = index.search('tanggul rapuh');
    expect(ids(hits)).toEqual(['id-banjir#4']);
  });

  test('falls back to passages with some of the words when none has them all', () => {
    const hits = index.search('tanggul pemilu');
    expect(ids(hits)).toEqual(expect.arrayContaining(['id-banjir#3', 'id-banjir#4', 'id-pilkada#4']));
  });

  test('finds the Indonesian phrase for an English glossary word and the other way round', () => {
    expect(ids(index.search('ceasefire'))).toContain('id-perbatasan#1');
    expect(ids(index.search('gencatan senjata'))).toContain('en-border#1');
  });

  test('needs all words of a glossary phrase, not one of them', () => {
    // "senjata" alone is not "gencatan senjata": no passage may match "truce" through it.
    const passages: SearchablePassage[] = [
      { id: 'a', text: 'Pabrik senjata itu ditutup.', actorIds: [], language: 'id' },
      { id: 'b', text: 'Gencatan senjata berlaku sejak pagi.', actorIds: [], language: 'id' },
    ];
    const small = buildPassageIndex(passages, fixtures.glossary);
    expect(ids(small.search('truce'))).toEqual(['b']);
  });

  test('matches a glossary phrase by its words, not by their root', () => {
    // "pengadilan" (court) and "keadilan" (justice) share the root "adil"; only the first is a court.
    const passages: SearchablePassage[] = [
      { id: 'court', text: 'Pengadilan negeri memutus perkara itu kemarin.', actorIds: [], language: 'id' },
      { id: 'its-court', text: 'Putusan pengadilannya dibacakan pagi ini.', actorIds: [], language: 'id' },
      { id: 'justice', text: 'Warga menuntut keadilan bagi para korban.', actorIds: [], language: 'id' },
    ];
    const small = buildPassageIndex(passages, [{ en: ['court', 'courts'], id: ['pengadilan'] }]);
    expect(ids(small.search('court')).sort()).toEqual(['court', 'its-court']);
    expect(ids(small.search('courts')).sort()).toEqual(['court', 'its-court']);
  });

  test('keeps only passages naming the actor given as actorId', () => {
    const hits = index.search('perbatasan', { actorId: 'un' });
    expect(ids(hits)).toEqual(['id-perbatasan#4']);
    expect(index.search('perbatasan', { actorId: 'nobody' })).toEqual([]);
  });

  test('ranks passages of the query actors higher', () => {
    const plain = ids(index.search('perbatasan'));
    const boosted = ids(index.search('perbatasan', { queryActorIds: ['un'] }));
    expect(plain[0]).not.toBe('id-perbatasan#4');
    expect(boosted[0]).toBe('id-perbatasan#4');
  });

  test('matches a query word naming an actor id in passages tagged with that actor', () => {
    const passages: SearchablePassage[] = [
      { id: 'a', text: 'Presiden Estria menolak tuduhan itu.', actorIds: ['mirela-dascu'], language: 'id' },
      { id: 'b', text: 'Tuduhan itu ditolak oleh menteri.', actorIds: [], language: 'id' },
    ];
    const small = buildPassageIndex(passages, []);
    // Without the actor no passage says "dascu": the OR fallback finds both by "tuduhan".
    expect(ids(small.search('dascu tuduhan')).sort()).toEqual(['a', 'b']);
    // With it, passage a has both words, so AND holds and b drops out.
    expect(ids(small.search('dascu tuduhan', { queryActorIds: ['mirela-dascu'] }))).toEqual(['a']);
  });

  test('returns at most limit hits, and none for a limit of 0', () => {
    expect(index.search('pasukan', { limit: 2 })).toHaveLength(2);
    expect(index.search('pasukan', { limit: 0 })).toEqual([]);
  });

  test('does not correct words shorter than 5 letters', () => {
    expect(index.search('kotx ')).toEqual([]);
    expect(index.search('bnjr ')).toEqual([]);
  });

  test('corrects a typo to a single word, the most frequent of the nearest', () => {
    const passages: SearchablePassage[] = [
      { id: 'a', text: 'kartu kuning untuk pemain', actorIds: [], language: 'id' },
      { id: 'b', text: 'kartu merah dan kartu kuning', actorIds: [], language: 'id' },
      { id: 'c', text: 'karta adalah nama tempat', actorIds: [], language: 'id' },
      { id: 'd', text: 'karto pulang kampung', actorIds: [], language: 'id' },
    ];
    const small = buildPassageIndex(passages, []);
    const hits = small.search('kartx ');
    expect(ids(hits).sort()).toEqual(['a', 'b']);
    expect(new Set(hits.flatMap((h) => h.matchedTerms))).toEqual(new Set(['kartu']));
  });

  test('does not correct a word that is in some passage', () => {
    // "banjir" exists, so it is not turned into a near word.
    const hits = index.search('banjir ');
    expect(hits.every((h) => h.matchedTerms.includes('banjir') || h.matchedTerms.includes('flood'))).toBe(true);
  });

  test('completes the last word only while it is being typed and has 3 letters or more', () => {
    expect(ids(index.search('pengun'))).toContain('id-perbatasan#5');
    expect(index.search('pengun ')).toEqual([]);
    expect(index.search('pe')).toEqual([]);
  });

  test('completes only a last word that is not a word of the passages itself', () => {
    const passages: SearchablePassage[] = [
      { id: 'a', text: 'kota tua itu sepi', actorIds: [], language: 'id' },
      { id: 'b', text: 'kotamadya baru dibentuk', actorIds: [], language: 'id' },
    ];
    const small = buildPassageIndex(passages, []);
    expect(ids(small.search('kota'))).toEqual(['a']);
    expect(ids(small.search('kotam'))).toEqual(['b']);
  });

  test('does not complete words before the last', () => {
    expect(ids(index.search('pengun tenda'))).toEqual(ids(index.search('tenda')));
  });

  test('highlights the words that matched, by their stem', () => {
    const [hit] = index.search('menyerang');
    expect(hit?.passageId).toBe('id-perbatasan#3');
    const text = textOf('id-perbatasan#3');
    expect(hit?.highlights.map(([a, b]) => text.slice(a, b))).toEqual(['serangan']);
    expect(hit?.matchedTerms).toEqual(['serang']);
  });

  test('highlights each word of a glossary phrase', () => {
    const hit = index.search('truce').find((h) => h.passageId === 'id-perbatasan#1');
    const text = textOf('id-perbatasan#1');
    expect(hit?.highlights.map(([a, b]) => text.slice(a, b))).toEqual(['gencatan', 'senjata']);
    expect(highlight(text, hit?.highlights ?? [])).toContain('**gencatan senjata**');
  });

  test('treats folded and accented spellings alike', () => {
    expect(ids(index.search('Jürgen'))).toEqual(ids(index.search('jurgen')));
    expect(ids(index.search('JURGEN HOLM'))).toEqual(['en-border#3']);
  });

  test.each(['', ' ', '   \n\t', '.*(?[', '\\', '🙂🙂🙂', '\u0000\u0007\u001b[31m', 'the of and', 'yang dan di ke dari', '?!.,;:'])(
    'returns [] for a query with nothing to look for: %j',
    (query) => {
      expect(index.search(query)).toEqual([]);
    },
  );

  test('copes with a 10 kB query', () => {
    const long = 'pasukan perbatasan gencatan senjata '.repeat(300);
    const started = performance.now();
    const hits = index.search(long);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(hits[0]?.passageId).toBe('id-perbatasan#1');
    expect(() => index.search('x'.repeat(10_000))).not.toThrow();
  });

  test('never throws, whatever the query', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (query) => {
        const hits = index.search(query);
        expect(Array.isArray(hits)).toBe(true);
        for (const hit of hits) expect(fixtures.passages.some((p) => p.id === hit.passageId)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  test('never throws on mixes of real words, typos and junk', () => {
    const vocabulary = ['pasukan', 'gencatn', 'ceasefire', 'negotations', 'PBB', 'Dascu', '🙂', '(?', 'yang', 'pe', 'banjr'];
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...vocabulary), fc.string({ maxLength: 8 })), { maxLength: 12 }),
        fc.constantFrom(' ', '', '-', '\n'),
        fc.option(fc.constantFrom('un', 'dascu', 'nobody'), { nil: undefined }),
        (parts, separator, actorId) => {
          const hits = index.search(parts.join(separator), { actorId, queryActorIds: actorId ? [actorId] : [] });
          expect(Array.isArray(hits)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('tolerates bad options from JavaScript callers', () => {
    const loose = index.search as (query: unknown, options?: unknown) => SearchHit[];
    expect(loose.call(index, 42)).toEqual([]);
    expect(loose.call(index, 'pasukan', { limit: Number.NaN })).not.toHaveLength(0);
    expect(loose.call(index, 'pasukan', { queryActorIds: 'un' })).not.toHaveLength(0);
  });

  test('finds nothing in an empty index', () => {
    const empty = buildPassageIndex([], fixtures.glossary);
    expect(empty.documentCount).toBe(0);
    expect(empty.search('pasukan')).toEqual([]);
  });

  test('refuses two passages with the same id', () => {
    const passage: SearchablePassage = { id: 'x#1', text: 'a', actorIds: [], language: 'id' };
    expect(() => buildPassageIndex([passage, passage], [])).toThrow(/duplicate passage id "x#1"/);
  });
});

describe('search over words in most passages', () => {
  // 1,200 passages: enough for the common words below to be answered from the ready answers.
  const fillers = ['lorem', 'sitam', 'dolor', 'amet', 'konsek', 'adipis', 'elitra', 'sedo', 'eiusmo', 'tempor'];
  const passages: SearchablePassage[] = Array.from({ length: 1200 }, (_, i) => {
    const words = ['warga', i % 2 === 0 ? 'banjir' : 'kemarau', i % 3 === 0 ? 'tanggul' : 'sawah'];
    for (let k = 0; k < 4 + (i % 7); k++) words.push(fillers[(i * 7 + k) % fillers.length] ?? 'lorem');
    return { id: `p${i}`, text: `${words.join(' ')}.`, actorIds: i % 5 === 0 ? ['bpbd'] : [], language: 'id' };
  });
  // Short passages saying "warga" twice: BM25 ranks them first for "warga".
  for (const id of ['best-a', 'best-b', 'best-c']) passages.push({ id, text: 'Warga, warga banjir.', actorIds: [], language: 'id' });
  const common = buildPassageIndex(passages, []);
  const textById = new Map(passages.map((p) => [p.id, p.text]));

  test('ranks the passages that say a common word most, in the fewest words, first', () => {
    const hits = common.search('warga', { limit: 50 });
    expect(ids(hits).slice(0, 3).sort()).toEqual(['best-a', 'best-b', 'best-c']);
    expect(hits).toHaveLength(50);
  });

  test('finds only passages with both common words, as many as asked for', () => {
    const hits = common.search('banjir tanggul', { limit: 40 });
    expect(hits).toHaveLength(40);
    for (const hit of hits) expect(textById.get(hit.passageId)).toMatch(/banjir.*tanggul|tanggul.*banjir/);
  });

  test('keeps only passages of the actor asked for, with a common word', () => {
    const hits = common.search('warga', { actorId: 'bpbd', limit: 30 });
    expect(hits).toHaveLength(30);
    for (const hit of hits) expect(passages.find((p) => p.id === hit.passageId)?.actorIds).toContain('bpbd');
  });

  test('gives the same answers after saving and loading', () => {
    const loaded = loadPassageIndex(JSON.parse(JSON.stringify(common)), passages, []);
    for (const query of ['warga', 'banjir tanggul', 'kemarau sawah', 'warga lorem']) {
      expect(loaded.search(query, { limit: 20 }), query).toEqual(common.search(query, { limit: 20 }));
    }
  });
});

describe('toJSON and loadPassageIndex', () => {
  const queries = [...fixtures.cases.map((c) => c.query), 'pasukan', 'tanggul pemilu', 'pengun', 'kartx', '', '🙂'];

  test('give the same results as the index that was saved', () => {
    const loaded = loadPassageIndex(JSON.parse(JSON.stringify(index)), fixtures.passages, fixtures.glossary);
    expect(loaded.documentCount).toBe(index.documentCount);
    for (const query of queries) {
      expect(loaded.search(query), query).toEqual(index.search(query));
      expect(loaded.search(query, { queryActorIds: ['un'], limit: 3 })).toEqual(index.search(query, { queryActorIds: ['un'], limit: 3 }));
      expect(loaded.search(query, { actorId: 'norvalia' })).toEqual(index.search(query, { actorId: 'norvalia' }));
    }
  });

  test('accept the JSON text as well as the parsed object', () => {
    const loaded = loadPassageIndex(JSON.stringify(index), fixtures.passages, fixtures.glossary);
    expect(loaded.search('ceasefire')).toEqual(index.search('ceasefire'));
  });

  test('save an index that saves the same again', () => {
    const once = JSON.stringify(index);
    const twice = JSON.stringify(loadPassageIndex(JSON.parse(once), fixtures.passages, fixtures.glossary));
    expect(twice).toBe(once);
  });

  test('refuse an index saved from other passages or another glossary', () => {
    const saved = JSON.parse(JSON.stringify(index)) as unknown;
    const edited = fixtures.passages.map((p, i) => (i === 0 ? { ...p, text: `${p.text} ` } : p));
    expect(() => loadPassageIndex(saved, edited, fixtures.glossary)).toThrow(/build it again/);
    expect(() => loadPassageIndex(saved, fixtures.passages, [])).toThrow(/build it again/);
    expect(() => loadPassageIndex(saved, fixtures.passages.slice(1), fixtures.glossary)).toThrow(/build it again/);
  });

  test.each([null, 42, 'not json', '{}', { format: 'sumber/passage-index', version: 99 }])(
    'refuse %j, which is not a saved index',
    (json) => {
      expect(() => loadPassageIndex(json, fixtures.passages, fixtures.glossary)).toThrow(/search: not a saved passage index/);
    },
  );

  test('refuse a saved MiniSearch index that was tampered with', () => {
    const saved = JSON.parse(JSON.stringify(index)) as Record<string, unknown>;
    expect(() => loadPassageIndex({ ...saved, miniSearch: { serializationVersion: 99 } }, fixtures.passages, fixtures.glossary)).toThrow(
      /search:/,
    );
    expect(() =>
      loadPassageIndex({ ...saved, miniSearch: { ...(saved.miniSearch as object), index: 'AAAA' } }, fixtures.passages, fixtures.glossary),
    ).toThrow(/search:/);
  });
});

describe('highlight', () => {
  test('wraps each range in **', () => {
    expect(
      highlight('Banjir merendam rumah', [
        [0, 6],
        [16, 21],
      ]),
    ).toBe('**Banjir** merendam **rumah**');
  });

  test('merges overlapping ranges and ranges separated only by spaces', () => {
    expect(
      highlight('gencatan senjata dilanggar', [
        [9, 16],
        [0, 8],
        [2, 5],
      ]),
    ).toBe('**gencatan senjata** dilanggar');
  });

  test('keeps ranges apart when punctuation stands between them', () => {
    expect(
      highlight('banjir, tanggul', [
        [0, 6],
        [8, 15],
      ]),
    ).toBe('**banjir**, **tanggul**');
  });

  test('clips ranges to the text and drops empty or inverted ones', () => {
    expect(
      highlight('abc', [
        [-5, 1],
        [2, 99],
        [1, 1],
        [3, 2],
      ]),
    ).toBe('**a**b**c**');
  });

  test('returns the text unchanged without ranges', () => {
    expect(highlight('tidak ada', [])).toBe('tidak ada');
  });
});
