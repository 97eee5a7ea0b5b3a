/**
 * Fuzzing the core and its renderers (fast-check): any command, any option values (any Unicode,
 * up to 6,000 characters, mixed with names and ids the knowledge really has, Markdown and
 * mention syntax), any page, either language. For each case: nothing throws, every Discord
 * message is within Discord's limits, nothing in it can be read as a mention, and autocomplete
 * and the console renderer hold too. `npm test` runs a few hundred cases
 * (tests/discord/fuzz.test.ts); `npm run bench -- --fuzz` runs 10,000 (scripts/fuzz.ts).
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import type { APIEmbed } from 'discord.js';
import { answer, COMMAND_OPTIONS, complete, type CommandName } from '../../src/answers/index.js';
import { DISCORD_LIMITS } from '../../src/answers/reply.js';
import { renderReply as renderConsole } from '../../src/console/render.js';
import { encodePageId, PageIdKeys } from '../../src/discord/custom-id.js';
import { embedLength, renderReply, type RenderedMessage } from '../../src/discord/render.js';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import type { Locale, Problem } from '../../src/knowledge/model.js';
import { renderReloadOutcome } from '../../src/discord/kb-panels.js';
import { BUNDLED_KNOWLEDGE } from './knowledge.js';

export type FuzzCase = {
  readonly command: CommandName;
  readonly options: Readonly<Record<string, string | undefined>>;
  readonly page: number;
  readonly locale: Locale;
  /** The option being typed, for autocomplete. */
  readonly partial: string;
};

/** Text a hostile or careless user (or teacher) writes: Markdown, mentions, links, odd Unicode. */
const TRICKY = [
  '<@123456789012345678>',
  '<@!123456789012345678>',
  '<@&123456789012345678>',
  '<#123456789012345678>',
  '@everyone',
  '@here',
  '**bold** __under__ ~~strike~~ ||spoiler||',
  '`code` ```block```',
  '[masked](https://example.org/@everyone)',
  '> quote\n- list\n# heading',
  '\\',
  '\\<@1>',
  '|',
  '%7C~',
  '\u202e\u200b\u0000\u001b[31m',
  '\ud83c\udff3\ufe0f\u200d\ud83c\udf08',
  '\ud800',
  'gencatan senjata',
  'Nagorno-Karabakh',
];

/**
 * A folder with the bundled article, plus a source and an actor whose titles, names and text
 * are full of Markdown and mention syntax: teacher data must come out as written too.
 */
export async function hostileKnowledge(): Promise<{ kb: KnowledgeBase; remove: () => void }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sumber-fuzz-'));
  cpSync(BUNDLED_KNOWLEDGE, dir, { recursive: true, filter: (src) => !src.split(path.sep).includes('.cache') });
  writeFileSync(
    path.join(dir, 'sources', 'hostile.md'),
    [
      '---',
      "title: '<@123456789012345678> **Berita** @everyone [x](https://example.org)'",
      'language: id',
      'url: https://example.org/<@1>/a_b*c',
      '---',
      'Menurut <@&123456789012345678>, @here **gencatan senjata** di Nagorno-Karabakh ||rahasia|| gagal.',
      '',
      '"Kami menolak __semua__ `usulan` itu," kata Aliyev @everyone kepada <#123456789012345678>.',
      '',
      '# Bukan judul\n- bukan daftar\n> bukan kutipan',
      '',
    ].join('\n'),
  );
  appendFileSync(
    path.join(dir, 'actors.yaml'),
    [
      '',
      '- id: markdown-group',
      "  names: { en: '**Bold** <@&1> Group', id: 'Kelompok __Miring__ @here' }",
      "  aliases: ['`kode`', '<#9>']",
      '  kind: group',
      "  description: { en: 'A group named with [markup](https://example.org).', id: 'Kelompok ||rahasia||.' }",
      '',
    ].join('\n'),
  );
  const loaded = await loadKnowledgeBase(dir, { useSavedIndex: false });
  if (!loaded.ok) throw new Error(`the hostile fuzz folder does not load: ${JSON.stringify(loaded.problems.slice(0, 3))}`);
  return { kb: loaded.kb, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Option values: from the knowledge (so real answers are exercised), tricky, or any Unicode up to 6,000. */
function valueArbitrary(kb: KnowledgeBase): fc.Arbitrary<string> {
  const known = [
    ...kb.actors.flatMap((a) => [a.id, a.names.en, a.names.id, ...a.aliases]),
    ...kb.passages.slice(0, 50).map((p) => p.id),
    ...kb.sources.map((s) => s.id),
    ...kb.scenarios.map((s) => s.id),
    ...kb.quotes.flatMap((q) => (q.speakerName ? [q.speakerName] : [])),
  ];
  const word = fc.constantFrom(...known, ...TRICKY);
  return fc.oneof(
    { weight: 4, arbitrary: word },
    { weight: 2, arbitrary: fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(' ')) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 300 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6_000 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme-composite', minLength: 5_000, maxLength: 6_000 }) },
    { weight: 1, arbitrary: fc.tuple(word, fc.string({ unit: 'binary', maxLength: 50 }), word).map(([a, b, c]) => `${a}${b}${c}`) },
  );
}

export function fuzzCaseArbitrary(kb: KnowledgeBase): fc.Arbitrary<FuzzCase> {
  const commands = Object.keys(COMMAND_OPTIONS) as CommandName[];
  const value = valueArbitrary(kb);
  return fc.record({
    command: fc.constantFrom(...commands),
    // Every option name any command has, each present or not: any combination, wrong ones included.
    options: fc.dictionary(fc.constantFrom(...new Set(Object.values(COMMAND_OPTIONS).flat())), fc.option(value, { nil: undefined }), {
      maxKeys: 4,
    }),
    page: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: -5, max: 10_000 })),
    locale: fc.constantFrom<Locale>('en', 'id'),
    partial: value,
  });
}

/** Discord's limits on one rendered message; the first breach, or undefined. */
export function limitBreach(message: RenderedMessage): string | undefined {
  const L = DISCORD_LIMITS;
  if ((message.content?.length ?? 0) > L.content) return `content ${message.content?.length}`;
  if (message.embeds.length > 10) return `${message.embeds.length} embeds`;
  for (const embed of message.embeds as APIEmbed[]) {
    if ((embed.title?.length ?? 0) > L.embedTitle) return `title ${embed.title?.length}`;
    if ((embed.description?.length ?? 0) > L.embedDescription) return `description ${embed.description?.length}`;
    if ((embed.fields?.length ?? 0) > L.embedFields) return `${embed.fields?.length} fields`;
    for (const f of embed.fields ?? []) {
      if (f.name.length === 0 || f.name.length > L.fieldName) return `field name ${f.name.length}`;
      if (f.value.length === 0 || f.value.length > L.fieldValue) return `field value ${f.value.length}`;
    }
    if ((embed.footer?.text.length ?? 0) > L.footer) return `footer ${embed.footer?.text.length}`;
    if (embedLength(embed) > L.embedTotal) return `embed total ${embedLength(embed)}`;
  }
  for (const row of message.components as { components: { custom_id?: string }[] }[]) {
    if (row.components.length > 5) return `${row.components.length} buttons in a row`;
    for (const c of row.components) if ((c.custom_id?.length ?? 0) > L.customId) return `custom_id ${c.custom_id?.length}`;
  }
  const parse = (message.allowedMentions as { parse?: unknown[] } | undefined)?.parse;
  if (!Array.isArray(parse) || parse.length > 0) return 'allowed_mentions is not { parse: [] }';
  return undefined;
}

/**
 * Text Discord would read as a mention: `<@id>`, `<@!id>`, `<@&id>`, `<#id>`, `@everyone`,
 * `@here`, outside an escape (`\<`, `\@`) and outside a link target. Footers are plain text.
 */
export function mentionIn(message: RenderedMessage): string | undefined {
  const texts: string[] = [message.content ?? ''];
  for (const embed of message.embeds as APIEmbed[]) {
    texts.push(embed.title ?? '', embed.description ?? '', ...(embed.fields ?? []).flatMap((f) => [f.name, f.value]));
  }
  for (const text of texts) {
    // Escapes first (an escaped backtick opens no code span), then code, where nothing renders.
    const unescaped = text
      .replace(/\]\(https?:[^)\s]*\)/g, '](link)')
      .replace(/\\[\s\S]/g, '')
      .replace(/```[\s\S]*?```/g, '')
      .replace(/`[^`]*`/g, '');
    const found = /<(?:@[!&]?|#)\d+>|@everyone|@here/.exec(unescaped);
    if (found) return `${found[0]} in ${JSON.stringify(text.slice(0, 200))}`;
  }
  return undefined;
}

const keys = new PageIdKeys('fuzz-button-secret-0123456789abcdef');

/** Checks one case; throws with what broke. */
export function checkCase(kb: KnowledgeBase, c: FuzzCase): void {
  const reply = answer(kb, c.command, c.options, c.locale);
  const pageId = (page: number) => encodePageId({ command: c.command, page, askerId: '100000000000000001', options: c.options }, keys);
  for (const page of new Set([c.page, 0, Math.max(0, reply.pages.length - 1)])) {
    const message = renderReply(reply, page, pageId);
    const breach = limitBreach(message);
    if (breach !== undefined) throw new Error(`/${c.command} page ${page}: over Discord's limits: ${breach}`);
    const mention = mentionIn(message);
    if (mention !== undefined) throw new Error(`/${c.command} page ${page}: a mention would be parsed: ${mention}`);
  }
  renderConsole(reply, { color: c.locale === 'id' });
  for (const option of COMMAND_OPTIONS[c.command]) {
    const choices = complete(kb, c.command, option, c.partial, c.locale);
    if (choices.length > DISCORD_LIMITS.autocompleteChoices) throw new Error(`autocomplete: ${choices.length} choices`);
    for (const choice of choices) {
      if (choice.name.length < 1 || choice.name.length > DISCORD_LIMITS.choiceName) throw new Error(`choice name ${choice.name.length}`);
      if (choice.value.length < 1 || choice.value.length > DISCORD_LIMITS.choiceValue)
        throw new Error(`choice value ${choice.value.length}`);
    }
  }
}

/** Problems as a teacher's folder could produce them: any file name, line and message text. */
export function problemsArbitrary(): fc.Arbitrary<Problem[]> {
  const text = fc.oneof(
    fc.constantFrom(...TRICKY),
    fc.string({ unit: 'grapheme', maxLength: 400 }),
    fc.string({ unit: 'binary', maxLength: 2_000 }),
  );
  return fc.array(
    fc.record({
      file: text,
      line: fc.integer({ min: 0, max: 100_000 }),
      message: text,
      severity: fc.constantFrom<Problem['severity']>('warning', undefined),
    }),
    { maxLength: 40 },
  );
}

/** The `/kb reload` panels for any problems: within limits, no mention parsed. */
export function checkPanels(problems: readonly Problem[], locale: Locale): void {
  const at = new Date(0);
  const stats = { sources: 1, passages: 2, actors: 3, quotes: 4, scenarios: 5, buildMs: 6, indexMs: 7, indexFromSaved: false };
  for (const message of [
    renderReloadOutcome({ ok: false, at, problems, servingSince: at }, locale),
    renderReloadOutcome({ ok: true, at, stats, warnings: problems }, locale),
  ]) {
    const breach = limitBreach(message);
    if (breach !== undefined) throw new Error(`/kb reload panel: over Discord's limits: ${breach}`);
    const mention = mentionIn(message);
    if (mention !== undefined) throw new Error(`/kb reload panel: a mention would be parsed: ${mention}`);
  }
}

/** Runs `numRuns` cases; resolves with the figures, rejects with fast-check's report (seed, path, counterexample). */
export function runFuzz(kb: KnowledgeBase, numRuns: number, seed?: number): { readonly cases: number; readonly ms: number } {
  const started = performance.now();
  const settings = { numRuns, ...(seed !== undefined ? { seed } : {}) };
  fc.assert(
    fc.property(fuzzCaseArbitrary(kb), (c) => checkCase(kb, c)),
    settings,
  );
  fc.assert(
    fc.property(problemsArbitrary(), fc.constantFrom<Locale>('en', 'id'), (problems, locale) => checkPanels(problems, locale)),
    { ...settings, numRuns: Math.max(10, Math.round(numRuns / 10)) },
  );
  return { cases: numRuns, ms: Math.round(performance.now() - started) };
}
