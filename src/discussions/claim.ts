/**
 * A claim: a student's own words resting on one passage. Checking it and showing it.
 */
import { cite, section } from '../answers/common.js';
import type { Reply } from '../answers/reply.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Locale, Passage } from '../knowledge/model.js';
import { stripControl } from '../text.js';
import { dt } from './messages.js';
import { actorLabel } from './prompt.js';
import { withoutMarks } from './marks.js';

/** Longest claim: long enough for an argument, short enough for a card and the recap. */
export const MAX_CLAIM = 500;
/** The passage's text on the card is cut here (Discord's embed holds 4096; the card stays readable). */
const CARD_PASSAGE = 1_500;

export type ClaimCheck =
  | { readonly ok: true; readonly text: string; readonly passage: Passage }
  | { readonly ok: false; readonly reason: 'empty-text' }
  | { readonly ok: false; readonly reason: 'too-long'; readonly length: number }
  | { readonly ok: false; readonly reason: 'unknown-passage'; readonly passageId: string };

/** Checks a claim's words and that its passage exists in the loaded knowledge. */
export function checkClaim(kb: KnowledgeBase, text: string | null | undefined, passageId: string | null | undefined): ClaimCheck {
  const words = withoutMarks(stripControl(text ?? '')).trim();
  if (words === '') return { ok: false, reason: 'empty-text' };
  if (words.length > MAX_CLAIM) return { ok: false, reason: 'too-long', length: words.length };
  const id = stripControl(passageId ?? '').trim();
  const passage = kb.passageById.get(id);
  if (!passage) return { ok: false, reason: 'unknown-passage', passageId: id.slice(0, 100) };
  return { ok: true, text: words, passage };
}

/** What the student is told privately when a claim is refused. */
export function claimRefusal(check: ClaimCheck & { ok: false }, locale: Locale): string {
  switch (check.reason) {
    case 'empty-text':
      return dt(locale, 'claim.emptyText');
    case 'too-long':
      return dt(locale, 'claim.tooLong', { max: MAX_CLAIM, length: check.length });
    case 'unknown-passage':
      return dt(locale, 'claim.unknownPassage', { passageId: check.passageId.replace(/`/g, "'") || ' ' });
  }
}

/**
 * The claim card: who claims it (and as which actor), their words, and the passage's exact text
 * with its citation. `student` names the student (a name, or on Discord a placeholder the edge
 * turns into a mention that pings nobody). Built directly rather than through `reply()`, whose
 * intro budget would cut the passage: the card stays under 2,300 rendered characters.
 */
export function claimCard(
  kb: KnowledgeBase,
  claim: { readonly text: string; readonly passage: Passage; readonly actorId: string | null },
  student: string,
  locale: Locale,
): Reply {
  const actor = claim.actorId !== null ? actorLabel(kb, claim.actorId, locale) : null;
  const full = claim.passage.text;
  const shown =
    full.length > CARD_PASSAGE
      ? `${full.slice(0, CARD_PASSAGE).trimEnd()}…\n${dt(locale, 'claim.passageClipped', { passageId: claim.passage.id })}`
      : full;
  const intro = [
    actor !== null ? dt(locale, 'claim.byRole', { student, actor }) : dt(locale, 'claim.by', { student }),
    `“${claim.text}”`,
    '',
    shown,
  ].join('\n');
  return {
    status: 'ok',
    locale,
    command: 'claim',
    title: dt(locale, 'claim.title'),
    pages: [{ intro, sections: [section(dt(locale, 'claim.passage'), claim.passage.id, [cite(kb, claim.passage)])] }],
    suggestions: [],
  };
}
