import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { answer, COMMAND_OPTIONS, complete, type CommandName } from '../../src/answers/index.js';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { citationLabel, DISCORD_LIMITS, type Reply } from '../../src/answers/reply.js';
import { knowledge } from '../support/knowledge.js';
import { embedLength, renderReply } from '../../src/discord/render.js';

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await knowledge();
});

/** Every page of a reply, laid out as an embed would be, stays within Discord's limits. */
function expectWithinDiscordLimits(reply: Reply): void {
  expect(reply.pages.length).toBeGreaterThan(0);
  expect(reply.title.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedTitle);
  for (const page of reply.pages) {
    expect(page.sections.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedFields);
    expect(page.intro?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
    let total = reply.title.length + (page.intro?.length ?? 0) + (reply.footer?.length ?? 0) + 40;
    for (const s of page.sections) {
      const value = [s.body, ...s.citations.map((c) => `— ${citationLabel(c)}`)].join('\n');
      expect(s.heading.length).toBeGreaterThan(0);
      expect(s.heading.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldName);
      expect(value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
      total += s.heading.length + value.length;
    }
    expect(total).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
  }
  // And as Discord receives it, escaped: every page fits without the renderer cutting a citation.
  reply.pages.forEach((_, page) => {
    for (const embed of renderReply(reply, page, String).embeds) {
      expect(embedLength(embed)).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
      expect(embed.title?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedTitle);
      for (const field of embed.fields ?? []) expect(field.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
    }
  });
}

const commands = Object.keys(COMMAND_OPTIONS) as CommandName[];
const nasty = [
  '',
  '   ',
  'x'.repeat(10_000),
  '\u0000\u0007\u001b[31m',
  '🙂🔥',
  '.*(?[\\',
  '@everyone <@123>',
  '**bold** `code`',
  'ﷺ'.repeat(300),
];

describe('answer', () => {
  it('answers every command in both locales within Discord’s limits', () => {
    for (const command of commands) {
      for (const locale of ['en', 'id'] as const) {
        for (const value of ['russia', 'aliyev', 'gencatan senjata', 'nagorno-karabakh-2020#5', 'russia-stays-out', undefined]) {
          const option = COMMAND_OPTIONS[command][0];
          const reply = answer(kb, command, option ? { [option]: value } : {}, locale);
          expect(reply.locale).toBe(locale);
          expectWithinDiscordLimits(reply);
        }
      }
    }
  });

  it('gives a clear answer, never a crash, for empty, huge, control, emoji and regex input', () => {
    for (const command of commands) {
      for (const value of nasty) {
        const options = Object.fromEntries(COMMAND_OPTIONS[command].map((o) => [o, value]));
        const reply = answer(kb, command, options, 'en');
        expectWithinDiscordLimits(reply);
        if (value.length === 10_000 && command !== 'help') {
          expect(reply.status).toBe('invalid-input');
          expect(reply.title).toMatch(/too long/);
        }
      }
    }
  });

  it('echoes user input as typed, which Discord then shows escaped: never as Markdown or a mention', () => {
    const reply = answer(kb, 'actor', { name: '@everyone **x** <@123>' }, 'en');
    expect(reply.title).toBe('No actor called “@everyone **x** <@123>”');
    const title = renderReply(reply, 0).embeds[0]?.title;
    expect(title).toBe('No actor called “\\@everyone \\*\\*x\\*\\* \\<\\@123>”');
  });

  it('never throws on arbitrary input (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...commands),
        fc.string({ maxLength: 300 }),
        fc.constantFrom('en' as const, 'id' as const),
        (command, value, locale) => {
          const options = Object.fromEntries(COMMAND_OPTIONS[command].map((o) => [o, value]));
          expectWithinDiscordLimits(answer(kb, command, options, locale));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('complete', () => {
  it('offers actors for a partial name in either language, typos included', () => {
    expect(complete(kb, 'actor', 'name', 'rus', 'en')[0]?.value).toBe('russia');
    expect(complete(kb, 'actor', 'name', 'turki', 'en')[0]?.value).toBe('turkey');
    expect(complete(kb, 'actor', 'name', 'aliy', 'id')[0]?.value).toBe('aliyev');
    expect(complete(kb, 'actor', 'name', 'armnia', 'en').map((c) => c.value)).toContain('armenia');
  });

  it('offers quoted speakers first for /quote', () => {
    expect(complete(kb, 'quote', 'speaker', '', 'en')[0]?.value).toBe('aliyev');
  });

  it('offers passage ids for /source and scenarios for /scenario', () => {
    expect(complete(kb, 'source', 'id', 'nagorno-karabakh-2020#1', 'en').map((c) => c.value)).toContain('nagorno-karabakh-2020#1');
    expect(complete(kb, 'scenario', 'name', 'rusia', 'id').map((c) => c.value)).toContain('russia-stays-out');
  });

  it('keeps to 25 choices of at most 100 characters and never throws', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(['actor', 'name'], ['quote', 'speaker'], ['scenario', 'name'], ['search', 'actor'], ['source', 'id']),
        fc.string({ maxLength: 200 }),
        ([c, o], partial) => {
          const choices = complete(kb, c as string, o as string, partial, 'en');
          expect(choices.length).toBeLessThanOrEqual(25);
          for (const choice of choices) {
            expect(choice.name.length).toBeGreaterThan(0);
            expect(choice.name.length).toBeLessThanOrEqual(100);
            expect(choice.value.length).toBeLessThanOrEqual(100);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
