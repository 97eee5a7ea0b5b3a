import { buildKnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../src/answers/index.js';
import { quotePieces } from '../../src/answers/quote.js';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import type { Reply } from '../../src/answers/reply.js';
import { knowledge } from '../support/knowledge.js';

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await knowledge();
});

// Bodies are plain text: the quote's characters exactly (renderers escape them for their medium).
const bodies = (reply: Reply) => reply.pages.flatMap((p) => p.sections.map((s) => s.body));

const FIRST = 'Kita harus memulihkan keadilan historis. Kami harus melakukan ini untuk memulihkan keutuhan wilayah Azerbaijan,';
const SECOND_START =
  'Saya telah berulang kali mengatakan kami tidak akan pernah mengizinkan pembentukan negara kedua yang disebut "negara Armenia"';

describe('/quote on the seed article', () => {
  it('returns exactly Aliyev’s two quotes, verbatim, and no third', () => {
    const reply = answer(kb, 'quote', { speaker: 'aliyev' }, 'en');
    expect(reply.status).toBe('ok');
    const shown = bodies(reply);
    expect(shown).toHaveLength(2);
    expect(shown[0]).toBe(`“${FIRST}”`);
    expect(shown[1]?.startsWith(`“${SECOND_START}`)).toBe(true);
    expect(shown[1]?.endsWith('acara hari ini menunjukkannya lagi,”')).toBe(true);
    const citations = reply.pages.flatMap((p) => p.sections.flatMap((s) => s.citations.map((c) => c.passageId)));
    expect(citations).toEqual(['nagorno-karabakh-2020#5', 'nagorno-karabakh-2020#6']);
  });

  it('shows each quote exactly as it stands in the source file', () => {
    for (const q of kb.quotes) {
      const source = kb.sourceById.get(q.sourceId);
      expect(source?.content.slice(q.start, q.end)).toBe(q.text);
    }
  });

  it('filters by topic, reaching the Indonesian quote from an English word through the glossary', () => {
    const justice = answer(kb, 'quote', { speaker: 'aliyev', topic: 'justice' }, 'en');
    expect(bodies(justice)).toEqual([`“${FIRST}”`]);
    const none = answer(kb, 'quote', { speaker: 'aliyev', topic: 'ekonomi' }, 'id');
    expect(none.status).toBe('not-found');
    expect(none.pages[0]?.intro).toContain('2');
  });

  it('says plainly when an actor is never quoted, and suggests for an unknown speaker', () => {
    expect(answer(kb, 'quote', { speaker: 'putin' }, 'en').status).toBe('not-found');
    const unknown = answer(kb, 'quote', { speaker: 'alyev' }, 'en');
    expect(unknown.status).toBe('ok'); // a small typo still resolves
    const nobody = answer(kb, 'quote', { speaker: 'Zelensky' }, 'en');
    expect(nobody.status).toBe('not-found');
    expect(nobody.pages[0]?.intro).toContain('Ilham Aliyev');
  });
});

describe('quotePieces', () => {
  it('splits a long quote at spaces and loses no character', () => {
    const text = 'kata '.repeat(500).trim();
    const pieces = quotePieces(text, 300);
    expect(pieces.join('')).toBe(text);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(300);
  });
});

describe('/quote for a speaker quoted very often', () => {
  it('shows the first 60 quotes and says how many there are, so the reply stays a few pages', () => {
    const lines = Array.from({ length: 70 }, (_, i) => `“Kami menolak usulan nomor ${i + 1},” kata Aliyev.`);
    const result = buildKnowledgeBase({
      dir: '/k',
      fingerprint: '',
      problems: [],
      sources: [{ file: 'sources/s.md', text: `---\ntitle: S\nlanguage: id\n---\n${lines.join('\n\n')}\n` }],
      actors: {
        file: 'actors.yaml',
        text: '- id: aliyev\n  names: { en: Ilham Aliyev, id: Ilham Aliyev }\n  aliases: [Aliyev]\n  kind: person\n',
      },
    } as Parameters<typeof buildKnowledgeBase>[0]);
    if (!result.ok) throw new Error('fixture does not load');
    const reply = answer(result.kb, 'quote', { speaker: 'aliyev' }, 'en');
    expect(reply.pages.flatMap((p) => p.sections)).toHaveLength(60);
    expect(reply.pages[0]?.intro).toBe(
      'Direct quotes: 70, word for word as the articles give them. The first 60 are shown: add a topic to narrow them.',
    );
  });
});
