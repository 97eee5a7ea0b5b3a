/**
 * Platform-neutral replies. The core builds them; `src/discord/` turns them into embeds and
 * `src/console/` into terminal text. Every string is plain text: the source's characters
 * exactly, user input as typed (cut short), no Markdown and no escapes. Highlights are ranges
 * beside the text. Each renderer escapes for its own medium.
 *
 * Budgets are counted in *rendered* characters (`renderedLength`): a character some medium has
 * to escape counts twice and each highlight four more (`**…**`), so the escaped text still fits
 * Discord's limits by construction and the renderers never have to cut a citation in half.
 */
import type { Locale } from '../knowledge/model.js';
import { truncate } from '../text.js';

/** Discord's documented limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const DISCORD_LIMITS = {
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  embedTotal: 6000,
  content: 2000,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
  customId: 100,
} as const;

/** Budgets the core keeps so a rendered reply stays inside `DISCORD_LIMITS` by construction (in `renderedLength` units). */
export const REPLY_BUDGET = {
  title: 200,
  intro: 1500,
  heading: 200,
  /** Body of one section; its citations are rendered after it in the same field. */
  body: 700,
  citationsPerSection: 3,
  /** Rendered length of one citation line, at most (see `citationLabel`). */
  citation: 100,
  sectionsPerPage: 5,
  /** All text of one page together (title, intro, headings, bodies, citations, footer). */
  page: 5200,
  footer: 300,
  suggestions: 5,
} as const;

/** Where a sentence of a reply comes from. */
export type Citation = {
  readonly passageId: string;
  readonly sourceId: string;
  readonly sourceTitle: string;
  readonly paragraph: number;
  readonly url?: string;
};

/** A range `[start, end)` of a text to highlight (matched words, the actor's name). */
export type Highlight = readonly [start: number, end: number];

/** One item of a reply: a passage excerpt, a quote, a position or a scenario, with its sources. */
export type ReplySection = {
  readonly heading: string;
  /** Plain text: source text exactly as written (an excerpt may start or end with `…`). */
  readonly body: string;
  /** Ranges of `body` to highlight, sorted, not overlapping; absent when nothing is highlighted. */
  readonly highlights?: readonly Highlight[];
  readonly citations: readonly Citation[];
};

export type ReplyPage = {
  readonly intro?: string;
  readonly sections: readonly ReplySection[];
};

/** A "did you mean" entry: what to show and the command line that asks it. */
export type Suggestion = {
  readonly label: string;
  readonly command: string;
};

export type ReplyStatus =
  /** An answer was found. */
  | 'ok'
  /** Nothing matched; `suggestions` may help. */
  | 'not-found'
  /** The input itself was unusable (empty, too long, ...). */
  | 'invalid-input';

/** What a command answers, for any platform. */
export type Reply = {
  readonly status: ReplyStatus;
  readonly locale: Locale;
  /** Which command built it, e.g. `actor`. */
  readonly command: string;
  readonly title: string;
  /** At least one page. */
  readonly pages: readonly ReplyPage[];
  readonly suggestions: readonly Suggestion[];
  readonly footer?: string;
  /**
   * Answer only the asker: set on a miss (unknown name, id or scenario, no hits, unusable input),
   * so a class channel is not filled with misses. Discord makes it ephemeral; the console ignores it.
   */
  readonly private?: boolean;
};

/**
 * Characters a renderer may have to escape anywhere in a line (Discord Markdown, mentions; with
 * the brackets escaped no masked link `[text](url)` can form, so parentheses need nothing).
 */
export const INLINE_MARKUP = /[\\*_`~|[\]<@]/g;

/** A list, heading or quote marker at the start of a line (`- `, `# `, `> `, `1. `): escaped there only. */
export const LINE_START_MARKUP = /^[ \t]*(?:[-#>*+]|\d+[.)])/gm;

/** Extra characters a highlight costs at most once rendered (`**` on each side). */
export const HIGHLIGHT_COST = 4;

/**
 * The length of `text` once a renderer has escaped it and marked its highlights, at most: what
 * every budget of a reply counts. `src/discord/render.ts` escapes only what these patterns
 * match, so the budgets hold.
 */
export function renderedLength(text: string, highlights: readonly Highlight[] = []): number {
  return text.length + markupCount(text) + highlights.length * HIGHLIGHT_COST;
}

/** 1 for the characters `INLINE_MARKUP` matches. */
const INLINE_CHAR = new Uint8Array(128).map((_, c) => (new RegExp(INLINE_MARKUP.source).test(String.fromCharCode(c)) ? 1 : 0));
/** 1 for the markers `LINE_START_MARKUP` matches without digits. */
const LINE_MARKER = new Uint8Array(128).map((_, c) => (/[-#>*+]/.test(String.fromCharCode(c)) ? 1 : 0));
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
/** Where `^` of a multiline pattern may match next: after \n, \r, U+2028, U+2029. */
const isLineEnd = (c: number): boolean => c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;

/**
 * How many matches `INLINE_MARKUP` and `LINE_START_MARKUP` have in `text`, counted in one pass
 * without building match arrays: every page budget counts every section body several times.
 */
function markupCount(text: string): number {
  let count = 0;
  let lineStart = true;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (lineStart) {
      lineStart = false;
      // LINE_START_MARKUP: spaces or tabs, then a marker, or digits followed by `.` or `)`.
      let j = i;
      while (j < n && (text.charCodeAt(j) === 0x20 || text.charCodeAt(j) === 0x09)) j++;
      const d = j < n ? text.charCodeAt(j) : -1;
      if (d >= 0 && d < 128 && LINE_MARKER[d] === 1) count++;
      else if (isDigit(d)) {
        let k = j;
        while (k < n && isDigit(text.charCodeAt(k))) k++;
        const e = k < n ? text.charCodeAt(k) : -1;
        if (e === 0x2e || e === 0x29) count++;
      }
    }
    if (c < 128 && INLINE_CHAR[c] === 1) count++;
    else if (isLineEnd(c)) lineStart = true;
  }
  return count;
}

/**
 * Highlights as a renderer marks them: sorted, and those that touch or are separated only by
 * spaces merged, so adjacent words read as one (`**gencatan senjata**`).
 */
export function mergeHighlights(text: string, highlights: readonly Highlight[] = []): [number, number][] {
  const merged: [number, number][] = [];
  for (const [a, b] of [...highlights].sort((x, y) => x[0] - y[0])) {
    if (b <= a || a < 0 || b > text.length) continue;
    const last = merged[merged.length - 1];
    if (last && (a <= last[1] || text.slice(last[1], a).trim() === '')) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}

/** `text` cut at a word boundary (with `…`) so that its `renderedLength` is at most `max`. */
export function truncateRendered(text: string, max: number): string {
  if (renderedLength(text) <= max) return text;
  let cut = Math.min(text.length, max);
  let out = truncate(text, cut);
  while (cut > 0 && renderedLength(out) > max) {
    cut = Math.max(0, Math.min(cut - 1, Math.floor(cut * 0.9)));
    out = truncate(text, cut);
  }
  return out;
}

/**
 * The one-line form of a citation, at most `REPLY_BUDGET.citation` characters:
 * `Source title, ¶5 (source-id#5)`. The passage id is never cut.
 */
export function citationLabel(citation: Citation): string {
  const tail = ` ¶${citation.paragraph} (${citation.passageId})`;
  const room = Math.max(0, REPLY_BUDGET.citation - tail.length - 1);
  let title = citation.sourceTitle;
  if (title.length > room) title = `${title.slice(0, Math.max(0, room - 1)).trimEnd()}…`;
  const label = `${title},${tail}`;
  return label.length <= REPLY_BUDGET.citation ? label : `(${citation.passageId})`.slice(0, REPLY_BUDGET.citation);
}
