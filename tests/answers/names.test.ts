import { beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../src/answers/index.js';
import { buildKnowledgeBase, formatProblem } from '../../src/knowledge/knowledge-base.js';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import type { Reply } from '../../src/answers/reply.js';
import { knowledge } from '../support/knowledge.js';

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await knowledge();
});

const cited = (reply: Reply) => reply.pages.flatMap((p) => p.sections.flatMap((s) => s.citations.map((c) => c.passageId)));

describe('names actors.yaml does not list', () => {
  it('/actor ukraine finds the passage naming "Ukraina" through the built-in country names', () => {
    for (const [name, locale, title] of [
      ['ukraine', 'en', '“Ukraine” (not in the actor list)'],
      ['Ukraina', 'id', '“Ukraina” (tidak ada di daftar aktor)'],
      ['ukrane', 'en', '“Ukraine” (not in the actor list)'],
    ] as const) {
      const reply = answer(kb, 'actor', { name }, locale);
      expect(reply.status, name).toBe('ok');
      expect(reply.title).toBe(title);
      expect(cited(reply)).toEqual(['nagorno-karabakh-2020#13']);
    }
  });

  it('/actor amerika is the United States of actors.yaml (Amerika Serikat)', () => {
    const reply = answer(kb, 'actor', { name: 'amerika' }, 'id');
    expect(reply.title).toBe('Amerika Serikat (United States)');
    expect(cited(reply)).toContain('nagorno-karabakh-2020#7');
  });

  it('offers a country the articles name in "did you mean", privately, when nothing matches', () => {
    const reply = answer(kb, 'actor', { name: 'ukr' }, 'en');
    expect(reply.status).toBe('not-found');
    expect(reply.private).toBe(true);
    expect(reply.pages[0]?.intro).toContain('Ukraine');
    expect(reply.suggestions).toContainEqual({ label: 'Actor Ukraine', command: '/actor ukraine' });
  });

  it('/search … actor:X accepts a name the articles use that actors.yaml lacks', () => {
    const reply = answer(kb, 'search', { query: 'pelajaran', actor: 'ukraina' }, 'en');
    expect(reply.status).toBe('ok');
    expect(reply.title).toBe('Search: “pelajaran”, about Ukraine (not in the actor list)');
    expect(cited(reply)).toEqual(['nagorno-karabakh-2020#13']);
    // Passages that do not name it are left out, even when they match the query.
    expect(cited(answer(kb, 'search', { query: 'Rusia', actor: 'georgia' }, 'en'))).toEqual(['nagorno-karabakh-2020#13']);
  });
});

describe('a lookup that finds nothing answers privately', () => {
  it('marks misses private and answers public', () => {
    expect(answer(kb, 'actor', { name: 'zzzz' }, 'en').private).toBe(true);
    expect(answer(kb, 'source', { id: 'nope#1' }, 'en').private).toBe(true);
    expect(answer(kb, 'scenario', { name: 'alien invasion' }, 'en').private).toBe(true);
    expect(answer(kb, 'search', { query: 'xylophone' }, 'en').private).toBe(true);
    expect(answer(kb, 'actor', { name: 'russia' }, 'en').private).toBeUndefined();
  });
});

describe('kb check on aliases', () => {
  it('warns when an alias is a common word of either language; an all-capital acronym is fine', () => {
    const result = buildKnowledgeBase({
      dir: '/k',
      fingerprint: '',
      problems: [],
      sources: [{ file: 'sources/s.md', text: '---\ntitle: S\nlanguage: id\n---\nAS dan Uni Eropa bertemu.\n' }],
      actors: {
        file: 'actors.yaml',
        text: [
          '- id: united-states',
          '  names: { en: United States, id: Amerika Serikat }',
          '  aliases: [AS, us, dan]',
          '  kind: state',
        ].join('\n'),
      },
    } as Parameters<typeof buildKnowledgeBase>[0]);
    expect(result.ok && result.warnings.map(formatProblem)).toEqual([
      'actors.yaml:1: warning: actor "united-states": alias "us" is a common word, so ordinary sentences would count as naming this actor: remove it, or write an acronym in capitals (AS, not as)',
      'actors.yaml:1: warning: actor "united-states": alias "dan" is a common word, so ordinary sentences would count as naming this actor: remove it, or write an acronym in capitals (AS, not as)',
    ]);
  });
});
