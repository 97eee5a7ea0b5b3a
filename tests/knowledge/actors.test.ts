import { describe, expect, it } from 'vitest';
import { compileActorMatcher, findMentionsInText, isAcronym, resolveActor } from '../../src/knowledge/actors.js';
import type { Actor } from '../../src/knowledge/model.js';

const actor = (id: string, en: string, idName: string, aliases: string[] = [], kind: Actor['kind'] = 'state', affiliation?: string): Actor => ({
  id,
  names: { en, id: idName },
  aliases,
  kind,
  positions: [],
  ...(affiliation ? { affiliation } : {}),
});

const actors: Actor[] = [
  actor('azerbaijan', 'Azerbaijan', 'Azerbaijan'),
  actor('armenia', 'Armenia', 'Armenia'),
  actor('russia', 'Russia', 'Rusia'),
  actor('turkey', 'Turkey', 'Turki', ['Türkiye']),
  actor('united-states', 'United States', 'Amerika Serikat', ['AS', 'US']),
  actor('nato', 'NATO', 'NATO'),
  actor('nkr', 'Nagorno-Karabakh Republic', 'Republik Nagorno-Karabakh'),
  actor('erdogan', 'Recep Tayyip Erdoğan', 'Recep Tayyip Erdoğan', ['Erdoğan'], 'person', 'turkey'),
  actor('aliyev', 'Ilham Aliyev', 'Ilham Aliyev', ['Aliyev'], 'person', 'azerbaijan'),
];
const matcher = compileActorMatcher(actors);
const ids = (text: string) => findMentionsInText(matcher, text).map((m) => m.actorId);

describe('findMentionsInText', () => {
  it('finds actors inside hyphenated forms ("Azerbaijan-Turki" mentions both)', () => {
    expect(ids('pasukan Azerbaijan atau Azerbaijan-Turki memasuki Armenia')).toEqual(['azerbaijan', 'azerbaijan', 'turkey', 'armenia']);
  });

  it('matches regardless of case and diacritics (Erdoğan = Erdogan = ERDOGAN)', () => {
    expect(ids('Erdogan said')).toEqual(['erdogan']);
    expect(ids('ERDOĞAN said')).toEqual(['erdogan']);
    expect(ids('Presiden Recep Tayyip Erdoğan berkata')).toEqual(['erdogan']);
  });

  it('matches acronyms only in capitals: "AS" is the United States, English "as" is not', () => {
    expect(ids('NATO dan AS meminta')).toEqual(['nato', 'united-states']);
    expect(ids('as soon as the talks began, us and them')).toEqual([]);
    expect(ids('Nato officials')).toEqual([]);
  });

  it('matches whole words only (Rusia is not found in "Prusia" or "Rusiawan")', () => {
    expect(ids('Prusia dan Rusiawan')).toEqual([]);
  });

  it('prefers the longest name: "Republik Nagorno-Karabakh" is the republic, once', () => {
    const found = findMentionsInText(matcher, 'Republik Nagorno-Karabakh sebenarnya');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ actorId: 'nkr', start: 0, surface: 'Republik Nagorno-Karabakh' });
  });

  it('gives offsets that point at the surface text, shifted by the passage offset', () => {
    const text = 'Kata Aliyev pada pertemuan.';
    const [m] = findMentionsInText(matcher, text, 100);
    expect(m).toMatchObject({ actorId: 'aliyev', start: 105, end: 111 });
    expect(text.slice((m?.start ?? 0) - 100, (m?.end ?? 0) - 100)).toBe('Aliyev');
  });
});

describe('isAcronym', () => {
  it('treats short all-capital names as acronyms and ordinary names not', () => {
    expect(isAcronym('NATO')).toBe(true);
    expect(isAcronym('AS')).toBe(true);
    expect(isAcronym('Rusia')).toBe(false);
    expect(isAcronym('A')).toBe(false);
  });
});

describe('resolveActor', () => {
  const resolved = (q: string) => {
    const r = resolveActor(matcher, q);
    return r.kind === 'found' ? r.actor.id : null;
  };

  it('resolves a name in either language and any case: russia, Rusia, rusia, RUSSIA', () => {
    for (const q of ['russia', 'Rusia', 'rusia', 'RUSSIA', 'Russia ']) expect(resolved(q)).toBe('russia');
  });

  it('resolves the English name to the Indonesian actor: turkey means Turki', () => {
    expect(resolved('turkey')).toBe('turkey');
    expect(resolved('turki')).toBe('turkey');
    expect(resolved('turkiye')).toBe('turkey');
  });

  it('resolves small misspellings (russsia, azerbaijn, armnia)', () => {
    expect(resolved('russsia')).toBe('russia');
    expect(resolved('azerbaijn')).toBe('azerbaijan');
    expect(resolved('armnia')).toBe('armenia');
  });

  it('resolves a last name alone and acronyms typed in lower case (aliyev, as, nato)', () => {
    expect(resolved('aliyev')).toBe('aliyev');
    expect(resolved('as')).toBe('united-states');
    expect(resolved('nato')).toBe('nato');
  });

  it('answers an unknown name with the closest actors, not a guess', () => {
    const r = resolveActor(matcher, 'armenian army');
    expect(r.kind).toBe('unknown');
    const far = resolveActor(matcher, 'zzzzzz');
    expect(far.kind).toBe('unknown');
    const close = resolveActor(matcher, 'azerbaijanistan');
    expect(close.kind === 'unknown' && close.suggestions.map((a) => a.id)).toContain('azerbaijan');
  });

  it('does not crash on empty, emoji or regex characters', () => {
    for (const q of ['', '   ', '🙂🙂', '.*(?[', '\u0000\u0007']) expect(resolveActor(matcher, q).kind).toBe('unknown');
  });
});

describe('resolveActor with apostrophes and accents', () => {
  const withObrien = compileActorMatcher([
    { id: 'siobhan-obrien', names: { en: 'Siobhán O’Brien', id: 'Siobhán O’Brien' }, aliases: ['O’Brien'], kind: 'person', positions: [] },
  ]);
  it('resolves O’Brien however the apostrophe and accents are typed', () => {
    for (const q of ['Siobhán O’Brien', "siobhan o'brien", 'OBrien', 'o’brien']) {
      const r = resolveActor(withObrien, q);
      expect(r.kind === 'found' && r.actor.id, q).toBe('siobhan-obrien');
    }
  });
});

describe('findMentionsInText with apostrophes', () => {
  it('finds O’Brien written with a straight or a curly apostrophe', () => {
    const m = compileActorMatcher([{ id: 'obrien', names: { en: 'Siobhán O’Brien', id: 'Siobhán O’Brien' }, aliases: ['O’Brien'], kind: 'person', positions: [] }]);
    expect(findMentionsInText(m, "O'Brien said, and Siobhan O’Brien agreed").map((x) => x.surface)).toEqual(["O'Brien", 'Siobhan O’Brien']);
  });
});

describe('resolveActor does not guess from part of a title', () => {
  const m = compileActorMatcher([
    { id: 'wardhani', names: { en: 'Laksmi Wardhani', id: 'Laksmi Wardhani' }, aliases: ['Indonesian Foreign Minister'], kind: 'person', positions: [] },
    { id: 'us', names: { en: 'United States', id: 'Amerika Serikat' }, aliases: [], kind: 'state', positions: [] },
  ]);
  it('resolves a person by last name but not by another word of an alias', () => {
    const byLast = resolveActor(m, 'wardhani');
    expect(byLast.kind === 'found' && byLast.actor.id).toBe('wardhani');
    const byWord = resolveActor(m, 'Indonesian');
    expect(byWord.kind).toBe('unknown');
    expect(byWord.kind === 'unknown' && byWord.suggestions.map((a) => a.id)).toContain('wardhani');
  });

  it('suggests, rather than resolves, a short prefix of a long name', () => {
    expect(resolveActor(m, 'uni').kind).toBe('unknown');
    expect(resolveActor(m, 'united stat').kind).toBe('found');
  });
});
