/**
 * Platform-neutral replies. The core builds them; `src/discord/` turns them into embeds and
 * `src/console/` into terminal text. Every string here already fits Discord's limits, so the
 * renderers never have to cut a citation in half.
 */
import type { Locale } from '../knowledge/model.js';

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

/** Budgets the core keeps so a rendered reply stays inside `DISCORD_LIMITS` by construction. */
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

/** One item of a reply: a passage excerpt, a quote, a position or a scenario, with its sources. */
export type ReplySection = {
  readonly heading: string;
  /** Text; may contain `**bold**` for highlighted search terms. Source text is quoted as written. */
  readonly body: string;
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
};

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
