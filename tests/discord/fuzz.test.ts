/**
 * Fuzzing every command's core function and both renderers (see tests/support/fuzz.ts): any
 * Unicode up to 6,000 characters, any option combination, any page, both languages, over the
 * bundled article and a source and an actor full of Markdown and mention syntax.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../src/answers/index.js';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { renderReply } from '../../src/discord/render.js';
import { checkCase, hostileKnowledge, limitBreach, mentionIn, runFuzz } from '../support/fuzz.js';

let kb: KnowledgeBase;
let remove: () => void = () => undefined;
beforeAll(async () => {
  ({ kb, remove } = await hostileKnowledge());
});
afterAll(() => remove());

describe('the checks themselves', () => {
  it('see a mention Discord would parse, and not an escaped one or one in a link target', () => {
    const message = (description: string) => ({ embeds: [{ description }], components: [], allowedMentions: { parse: [] } });
    expect(mentionIn(message('hi <@123456789012345678>'))).toMatch(/^<@123456789012345678> in/);
    expect(mentionIn(message('hi @everyone'))).toMatch(/^@everyone in/);
    expect(mentionIn(message('hi \\\\<@123>'))).toMatch(/^<@123> in/); // an escaped backslash escapes nothing
    expect(mentionIn(message('hi \\<\\@123> \\@here'))).toBeUndefined();
    expect(mentionIn(message('[a](https://x.org/<@1>)'))).toBeUndefined();
  });

  it('see a breach of each limit', () => {
    const base = { embeds: [{ title: 'x' }], components: [], allowedMentions: { parse: [] } };
    expect(limitBreach(base)).toBeUndefined();
    expect(limitBreach({ ...base, embeds: [{ title: 'x'.repeat(257) }] })).toBe('title 257');
    expect(limitBreach({ ...base, embeds: [{ fields: [{ name: 'n', value: 'v'.repeat(1025) }] }] })).toBe('field value 1025');
    expect(limitBreach({ ...base, allowedMentions: { parse: ['users'] as never[] } })).toBe('allowed_mentions is not { parse: [] }');
  });
});

describe('fuzzing the core and the renderers', () => {
  it('answers the hostile source as written: its title and text show their Markdown and mentions escaped', () => {
    // The hostile source's first passage: its title and text carry <@…>, @everyone, ** and ||.
    const passage = kb.passages.find((p) => p.sourceId === 'hostile');
    if (!passage) throw new Error('the hostile source has no passage');
    const message = renderReply(answer(kb, 'source', { id: passage.id }, 'en'), 0);
    expect(JSON.stringify(message.embeds)).toContain('\\\\<\\\\@123456789012345678>');
    expect(mentionIn(message)).toBeUndefined();
    expect(limitBreach(message)).toBeUndefined();
  });

  it('300 random cases: no throw, within Discord limits, no mention parsed, autocomplete within limits', () => {
    const { cases } = runFuzz(kb, 300);
    expect(cases).toBe(300);
  });

  it('replays single hand-written cases (long input, every option at once, a page far past the end)', () => {
    checkCase(kb, {
      command: 'search',
      options: { query: 'x'.repeat(6_000), actor: '<@1>' },
      page: 9_999,
      locale: 'id',
      partial: '\ud800',
    });
    checkCase(kb, {
      command: 'quote',
      options: { speaker: 'Aliyev', topic: '@everyone', name: 'extra', id: 'nagorno-karabakh-2020#5' },
      page: -1,
      locale: 'en',
      partial: '',
    });
  });
});
