/**
 * The rules of a class discussion as plain functions: the check-in's choices, the guiding
 * question, giving out roles, and counting stances. No storage and no Discord here.
 */
import type { Locale, Scenario } from '../knowledge/model.js';
import { stripControl, truncate } from '../text.js';
import { dt } from './messages.js';
import { withoutMarks } from './marks.js';
import type { Member, Participant, RoleAssignment, RoleSource, Stance, StanceOption, StancePhase } from './model.js';
import type { RandomSource } from '../random.js';

export { seededRandom, type RandomSource } from '../random.js';

/** Longest guiding question a teacher may type (it is shown in an embed and the chart). */
export const MAX_QUESTION = 300;
/** Longest discussion, in minutes, a reminder can be set for (one school day). */
export const MAX_MINUTES = 600;

/** The check-in's choices: the scenario's own `options`, or agree / unsure / disagree. */
export function stanceOptionsFor(scenario: Scenario): StanceOption[] {
  if (scenario.stanceOptions && scenario.stanceOptions.length >= 2) {
    return scenario.stanceOptions.map((label, i) => ({ key: `o${i + 1}`, label }));
  }
  return (['agree', 'unsure', 'disagree'] as const).map((key) => ({
    key,
    label: { en: dt('en', `stance.${key}`), id: dt('id', `stance.${key}`) },
  }));
}

/**
 * The guiding question: the teacher's own (`question` option), else `questions` from
 * scenarios.yaml, else one made from the scenario's title.
 */
export function guidingQuestion(scenario: Scenario, typed: string | null | undefined, locale: Locale): string {
  const own = withoutMarks(stripControl(typed ?? ''))
    .replace(/\s+/g, ' ')
    .trim();
  if (own !== '') return truncate(own, MAX_QUESTION);
  if (scenario.question) return truncate(scenario.question[locale], MAX_QUESTION);
  return truncate(dt(locale, 'question.default', { title: scenario.title[locale] }), MAX_QUESTION);
}

export type RoleMode = 'balanced' | 'random';

/**
 * Gives every student who has no role yet one of `actorIds`, so that the actors are held as
 * evenly as possible (7 students over 3 actors: 3, 2, 2). Roles already given (by an earlier run
 * or by the teacher) stay and count toward the balance, so running it again after late joiners
 * changes nobody's role. `balanced` deals in join order; `random` shuffles the students first.
 * Returns the new assignments, in join order.
 *
 * @example
 * assignRoles(participants, ['russia', 'armenia', 'azerbaijan'], 'balanced')
 */
export function assignRoles(
  participants: readonly Participant[],
  actorIds: readonly string[],
  mode: RoleMode,
  random: RandomSource = Math.random,
): RoleAssignment[] {
  if (actorIds.length === 0) return [];
  const load = new Map(actorIds.map((id) => [id, 0]));
  const holds = (p: Participant): p is Participant & { actorId: string } => p.actorId !== null && load.has(p.actorId);
  for (const p of participants.filter(holds)) load.set(p.actorId, (load.get(p.actorId) ?? 0) + 1);
  const toAssign = participants.filter((p) => !holds(p));
  const order = mode === 'random' ? shuffle(toAssign, random) : toAssign;
  const given = new Map<string, string>();
  for (const student of order) {
    // The least-held actor; ties go to the one listed first in the scenario.
    let best = actorIds[0] as string;
    for (const id of actorIds) if ((load.get(id) ?? 0) < (load.get(best) ?? 0)) best = id;
    load.set(best, (load.get(best) ?? 0) + 1);
    given.set(student.userId, best);
  }
  const source: RoleSource = mode;
  return toAssign.flatMap((p) => {
    const actorId = given.get(p.userId);
    return actorId === undefined ? [] : [{ userId: p.userId, actorId, source }];
  });
}

/** Fisher–Yates over a copy. */
export function shuffle<T>(items: readonly T[], random: RandomSource): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.min(i, Math.floor(random() * (i + 1)));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

export type StanceCount = { readonly option: StanceOption; readonly before: number; readonly after: number };

/** How many chose each option, before and after. Answers for an option no longer offered are left out. */
export function tallyStances(stances: readonly Stance[], options: readonly StanceOption[]): StanceCount[] {
  return options.map((option) => ({
    option,
    before: stances.filter((s) => s.phase === 'before' && s.optionKey === option.key).length,
    after: stances.filter((s) => s.phase === 'after' && s.optionKey === option.key).length,
  }));
}

/** The option a student chose in a phase, if any: only for the student themself or the teacher's named export. */
export function stanceOf(stances: readonly Stance[], userId: string, phase: StancePhase): string | undefined {
  return stances.find((s) => s.userId === userId && s.phase === phase)?.optionKey;
}

/** A name fit for an export and a log: control characters out, at most 80 characters. */
export function cleanDisplayName(member: Member): Member {
  const name = withoutMarks(stripControl(member.displayName)).replace(/\s+/g, ' ').trim();
  return { userId: member.userId, displayName: truncate(name === '' ? member.userId : name, 80) };
}
