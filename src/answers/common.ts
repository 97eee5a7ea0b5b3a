/**
 * Pieces every answer is built from: cleaning input, citing passages, excerpts, paging.
 */
import { t } from '../i18n.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Locale, Passage } from '../knowledge/model.js';
import {
  REPLY_BUDGET,
  citationLabel,
  renderedLength,
  truncateRendered,
  type Highlight,
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

/** A user's input as it is echoed back: cut short (renderers escape it like any text). */
export function echo(text: string, max = 60): string {
  return truncate(text, max);
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

/** A piece of source text with the ranges to highlight in it. */
export type Excerpt = { readonly text: string; readonly highlights: readonly Highlight[] };

/** `text[from, to)` with an ellipsis where it is cut, and the ranges of `disjoint` inside it. */
function cutExcerpt(text: string, disjoint: readonly (readonly [number, number])[], from: number, to: number): Excerpt {
  const lead = from > 0 ? '…' : '';
  const highlights: Highlight[] = [];
  for (const [a, b] of disjoint) {
    if (b <= from || a >= to) continue;
    highlights.push([Math.max(a, from) - from + lead.length, Math.min(b, to) - from + lead.length]);
  }
  return { text: `${lead}${text.slice(from, to)}${to < text.length ? '…' : ''}`, highlights };
}

function size(e: Excerpt): number {
  return renderedLength(e.text, e.highlights);
}

/**
 * An excerpt of source text, exactly as written, with the given ranges highlighted, at most `max`
 * rendered characters (`renderedLength`). When the text is too long, a window around the first
 * range is shown with ellipses.
 */
export function excerpt(text: string, ranges: readonly Highlight[] = [], max: number = REPLY_BUDGET.body): Excerpt {
  const sorted = [...ranges].filter(([a, b]) => b > a && a >= 0 && b <= text.length).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const disjoint: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = disjoint[disjoint.length - 1];
    if (last && a < last[1]) last[1] = Math.max(last[1], b);
    else disjoint.push([a, b]);
  }
  let shown = cutExcerpt(text, disjoint, 0, text.length);
  let span = Math.min(text.length, max);
  while (size(shown) > max && span > 20) {
    const focus = disjoint[0]?.[0] ?? 0;
    let from = Math.max(0, Math.min(focus - Math.floor(span / 4), text.length - span));
    // Start and end at word boundaries where one is near.
    const space = text.lastIndexOf(' ', from);
    if (from > 0 && space >= 0 && from - space < 30) from = space + 1;
    let to = Math.min(text.length, from + span);
    const endSpace = text.lastIndexOf(' ', to);
    if (to < text.length && endSpace > from + span / 2) to = endSpace;
    shown = cutExcerpt(text, disjoint, from, to);
    span = Math.floor(span * 0.85);
  }
  return size(shown) <= max ? shown : { text: truncateRendered(shown.text, max), highlights: [] };
}

/** Rough size of a section as rendered: what the page budget counts. */
function sectionSize(section: ReplySection): number {
  return (
    renderedLength(section.heading) +
    renderedLength(section.body, section.highlights) +
    section.citations.length * (REPLY_BUDGET.citation + 4) +
    8
  );
}

/** Keeps a section inside its budgets. `body` is plain text or an excerpt with its highlights. */
export function section(heading: string, body: string | Excerpt, citations: readonly Citation[]): ReplySection {
  const { text, highlights } = typeof body === 'string' ? { text: body, highlights: [] } : body;
  const fits = renderedLength(text, highlights) <= REPLY_BUDGET.body + 200;
  return {
    heading: truncateRendered(heading, REPLY_BUDGET.heading),
    body: fits ? text : truncateRendered(text, REPLY_BUDGET.body),
    ...(fits && highlights.length > 0 ? { highlights } : {}),
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
  const fixed = renderedLength(title) + renderedLength(intro ?? '') + renderedLength(footer ?? '') + 40;
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
  /** Answer only the asker (see `Reply.private`); by default a miss is private (status not `ok`). */
  readonly private?: boolean;
}): Reply {
  const title = truncateRendered(args.title, REPLY_BUDGET.title);
  const intro = args.intro === undefined ? undefined : truncateRendered(args.intro, REPLY_BUDGET.intro);
  const footer = args.footer === undefined ? undefined : truncateRendered(args.footer, REPLY_BUDGET.footer);
  return {
    status: args.status,
    locale: args.locale,
    command: args.command,
    title,
    pages: paginate(title, intro, args.sections ?? [], footer, args.perPage),
    suggestions: (args.suggestions ?? []).slice(0, REPLY_BUDGET.suggestions).map((s) => ({
      label: truncateRendered(s.label, 80),
      command: truncate(s.command, 100),
    })),
    ...(footer !== undefined ? { footer } : {}),
    ...((args.private ?? args.status !== 'ok') ? { private: true } : {}),
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
