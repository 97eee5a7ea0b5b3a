/**
 * Pieces every answer is built from: cleaning input, citing passages, excerpts, paging.
 */
import { t } from '../i18n.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Locale, Passage } from '../knowledge/model.js';
import {
  REPLY_BUDGET,
  citationLabel,
  type Citation,
  type Reply,
  type ReplyPage,
  type ReplySection,
  type ReplyStatus,
  type Suggestion,
} from './reply.js';
import { stripControl, truncate } from '../text.js';

/** Longest input a command takes; Discord's own option limit is 6000, ours is far lower. */
export const MAX_INPUT = 200;

export type CleanInput =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly reason: 'empty' | 'too-long' | 'nothing-usable'; readonly length: number };

/** Trims, removes control characters, and rejects input that is empty, huge or has no letters or digits. */
export function cleanInput(raw: string | undefined): CleanInput {
  const text = stripControl(raw ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  if (text === '') return { ok: false, reason: 'empty', length: 0 };
  if (text.length > MAX_INPUT) return { ok: false, reason: 'too-long', length: text.length };
  if (!/[\p{L}\p{N}]/u.test(text)) return { ok: false, reason: 'nothing-usable', length: text.length };
  return { ok: true, text };
}

const MARKDOWN_SPECIAL = /[\\*_`~|>[\]()#<@:-]/g;

/**
 * Escapes Markdown so text shows as written on Discord: source text and anything a user typed.
 * `@` and `<` are escaped too, so nothing reads as a mention even where one could be parsed.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(MARKDOWN_SPECIAL, (c) => `\\${c}`);
}

/** A user's input as it is echoed back: cut short and escaped. */
export function echo(text: string, max = 60): string {
  return escapeMarkdown(truncate(text, max));
}

/** The citation of a passage. */
export function cite(kb: KnowledgeBase, passage: Passage): Citation {
  const source = kb.sourceById.get(passage.sourceId);
  return {
    passageId: passage.id,
    sourceId: passage.sourceId,
    sourceTitle: source?.title ?? passage.sourceId,
    paragraph: passage.paragraph,
    ...(source?.url !== undefined ? { url: source.url } : {}),
  };
}

/** Citations of passage ids that exist, at most `REPLY_BUDGET.citationsPerSection`, no repeats. */
export function citeIds(kb: KnowledgeBase, passageIds: readonly string[]): Citation[] {
  const seen = new Set<string>();
  const out: Citation[] = [];
  for (const id of passageIds) {
    const passage = kb.passageById.get(id);
    if (!passage || seen.has(id)) continue;
    seen.add(id);
    out.push(cite(kb, passage));
    if (out.length === REPLY_BUDGET.citationsPerSection) break;
  }
  return out;
}

/**
 * An excerpt of source text, escaped, with the given ranges in bold, at most `max` characters.
 * When the text is too long, a window around the first range is shown with ellipses.
 */
export function excerpt(text: string, bold: readonly (readonly [number, number])[] = [], max: number = REPLY_BUDGET.body): string {
  const ranges = [...bold].filter(([a, b]) => b > a && a >= 0 && b <= text.length).sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const [a, b] of ranges) {
    const last = merged[merged.length - 1];
    // Words next to each other read as one highlight: **gencatan senjata**.
    if (last && (a <= last[1] || text.slice(last[1], a).trim() === '')) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  // Escaping can double the length: choose a window on the raw text with room to spare.
  let from = 0;
  let to = text.length;
  const render = (f: number, e: number): string => {
    let out = f > 0 ? '…' : '';
    let pos = f;
    for (const [a, b] of merged) {
      if (b <= f || a >= e) continue;
      const s = Math.max(a, f);
      const en = Math.min(b, e);
      out += escapeMarkdown(text.slice(pos, s)) + `**${escapeMarkdown(text.slice(s, en))}**`;
      pos = en;
    }
    out += escapeMarkdown(text.slice(pos, e)) + (e < text.length ? '…' : '');
    return out;
  };
  let rendered = render(from, to);
  let span = Math.min(text.length, max);
  while (rendered.length > max && span > 20) {
    const focus = merged[0]?.[0] ?? 0;
    from = Math.max(0, Math.min(focus - Math.floor(span / 4), text.length - span));
    // Start and end at word boundaries where one is near.
    const space = text.lastIndexOf(' ', from);
    if (from > 0 && space >= 0 && from - space < 30) from = space + 1;
    to = Math.min(text.length, from + span);
    const endSpace = text.lastIndexOf(' ', to);
    if (to < text.length && endSpace > from + span / 2) to = endSpace;
    rendered = render(from, to);
    span = Math.floor(span * 0.85);
  }
  return rendered.length <= max ? rendered : truncate(rendered.replace(/\*\*/g, ''), max);
}

/** Rough size of a section as rendered: what the page budget counts. */
function sectionSize(section: ReplySection): number {
  return section.heading.length + section.body.length + section.citations.length * (REPLY_BUDGET.citation + 4) + 8;
}

/** Keeps a section inside its budgets. */
export function section(heading: string, body: string, citations: readonly Citation[]): ReplySection {
  return {
    heading: truncate(heading, REPLY_BUDGET.heading),
    body: body.length > REPLY_BUDGET.body + 200 ? truncate(body, REPLY_BUDGET.body) : body,
    citations: citations.slice(0, REPLY_BUDGET.citationsPerSection),
  };
}

/** Splits sections into pages that each fit Discord's limits. */
export function paginate(
  title: string,
  intro: string | undefined,
  sections: readonly ReplySection[],
  footer?: string,
  perPage: number = REPLY_BUDGET.sectionsPerPage,
): ReplyPage[] {
  const fixed = title.length + (intro?.length ?? 0) + (footer?.length ?? 0) + 40;
  const pages: ReplyPage[] = [];
  let current: ReplySection[] = [];
  let size = fixed;
  for (const s of sections) {
    const add = sectionSize(s);
    if (current.length > 0 && (current.length >= Math.min(perPage, 25) || size + add > REPLY_BUDGET.page)) {
      pages.push(pages.length === 0 && intro !== undefined ? { intro, sections: current } : { sections: current });
      current = [];
      size = fixed;
    }
    current.push(s);
    size += add;
  }
  if (current.length > 0 || pages.length === 0) {
    pages.push(pages.length === 0 && intro !== undefined ? { intro, sections: current } : { sections: current });
  }
  return pages;
}

/** Assembles a reply, applying every budget. */
export function reply(args: {
  readonly status: ReplyStatus;
  readonly locale: Locale;
  readonly command: string;
  readonly title: string;
  readonly intro?: string;
  readonly sections?: readonly ReplySection[];
  readonly suggestions?: readonly Suggestion[];
  readonly footer?: string;
  /** Sections per page when not the default (the page size budget still applies). */
  readonly perPage?: number;
}): Reply {
  const title = truncate(args.title, REPLY_BUDGET.title);
  const intro = args.intro === undefined ? undefined : truncate(args.intro, REPLY_BUDGET.intro);
  const footer = args.footer === undefined ? undefined : truncate(args.footer, REPLY_BUDGET.footer);
  return {
    status: args.status,
    locale: args.locale,
    command: args.command,
    title,
    pages: paginate(title, intro, args.sections ?? [], footer, args.perPage),
    suggestions: (args.suggestions ?? []).slice(0, REPLY_BUDGET.suggestions).map((s) => ({
      label: truncate(s.label, 80),
      command: truncate(s.command, 100),
    })),
    ...(footer !== undefined ? { footer } : {}),
  };
}

/** The reply for input `cleanInput` rejected. */
export function invalidInput(command: string, locale: Locale, input: CleanInput & { ok: false }, example: string, rawText = ''): Reply {
  const intro =
    input.reason === 'empty'
      ? t(locale, 'input.empty', { example })
      : input.reason === 'too-long'
        ? t(locale, 'input.tooLong', { length: input.length, max: MAX_INPUT })
        : t(locale, 'input.nothingUsable', { query: echo(rawText, 40) });
  return reply({ status: 'invalid-input', locale, command, title: intro, intro });
}

/** A label for a citation, exported for renderers that show one line per citation. */
export { citationLabel };
