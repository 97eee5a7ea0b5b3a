/**
 * `/discuss preview scenario` without Discord: the prompt a thread would open with, and what the
 * recap looks like, filled with three example students so every part shows.
 */
import { rankScenarios } from '../answers/scenario.js';
import type { Reply } from '../answers/reply.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Locale, Scenario } from '../knowledge/model.js';
import { assignRoles, guidingQuestion, stanceOptionsFor } from './discussion.js';
import type { DiscussionRecord, Participant } from './model.js';
import { buildPrompt, keyPassages } from './prompt.js';
import { buildRecap, recapData } from './recap.js';

/** The scenario a teacher means: its id, or the best match of its title in either language. */
export function findScenario(kb: KnowledgeBase, query: string | null | undefined): Scenario | undefined {
  const q = (query ?? '').trim();
  if (q === '') return undefined;
  return kb.scenarios.find((s) => s.id === q) ?? rankScenarios(kb, q)[0];
}

const EXAMPLE_NAMES = {
  en: ['Example student A', 'Example student B', 'Example student C'],
  id: ['Contoh siswa A', 'Contoh siswa B', 'Contoh siswa C'],
};

/** An imaginary, finished discussion of `scenario`: three students, their roles, check-ins and one claim. */
export function exampleRecord(kb: KnowledgeBase, scenario: Scenario, question: string, locale: Locale): DiscussionRecord {
  const options = stanceOptionsFor(scenario);
  const people: Participant[] = EXAMPLE_NAMES[locale].map((displayName, i) => ({
    userId: String(i + 1),
    displayName,
    joinedAt: i,
    actorId: null,
    roleSource: null,
  }));
  const roles = new Map(assignRoles(people, scenario.actors, 'balanced').map((a) => [a.userId, a.actorId]));
  const participants = people.map((p) => ({ ...p, actorId: roles.get(p.userId) ?? null, roleSource: 'balanced' as const }));
  const first = options[0]?.key ?? 'agree';
  const last = options[options.length - 1]?.key ?? 'disagree';
  const passage = keyPassages(kb, scenario)[0];
  return {
    discussion: {
      id: 0,
      guildId: '0',
      channelId: '0',
      threadId: '0',
      scenarioId: scenario.id,
      question,
      stanceOptions: options,
      locale,
      startedBy: '0',
      startedAt: Date.UTC(2026, 0, 12, 8, 0),
      remindAt: null,
      reminded: false,
      endedAt: Date.UTC(2026, 0, 12, 8, 45),
      status: 'closed',
      recapMessageId: null,
    },
    participants,
    stances: [
      { userId: '1', phase: 'before', optionKey: first, chosenAt: 1 },
      { userId: '2', phase: 'before', optionKey: first, chosenAt: 1 },
      { userId: '3', phase: 'before', optionKey: last, chosenAt: 1 },
      { userId: '1', phase: 'after', optionKey: first, chosenAt: 2 },
      { userId: '2', phase: 'after', optionKey: last, chosenAt: 2 },
    ],
    claims: passage
      ? [
          {
            id: 1,
            userId: '1',
            displayName: participants[0]?.displayName ?? '',
            text: locale === 'id' ? '(contoh klaim dengan kata-kata siswa)' : '(an example claim in the student’s words)',
            passageId: passage.id,
            messageId: null,
            actorId: participants[0]?.actorId ?? null,
            createdAt: 3,
          },
        ]
      : [],
    messageCounts: [
      { userId: '1', displayName: participants[0]?.displayName ?? '', messages: 6 },
      { userId: '2', displayName: participants[1]?.displayName ?? '', messages: 3 },
    ],
  };
}

export type Preview =
  { readonly ok: true; readonly prompt: Reply; readonly recap: Reply } | { readonly ok: false; readonly known: readonly string[] };

/** The prompt and an example recap for the scenario a teacher names. */
export function previewDiscussion(
  kb: KnowledgeBase,
  query: string | null | undefined,
  question: string | null | undefined,
  locale: Locale,
): Preview {
  const scenario = findScenario(kb, query);
  if (!scenario) return { ok: false, known: kb.scenarios.map((s) => s.id) };
  const asked = guidingQuestion(scenario, question, locale);
  const record = exampleRecord(kb, scenario, asked, locale);
  return {
    ok: true,
    prompt: buildPrompt(kb, scenario, asked, locale),
    recap: buildRecap(kb, recapData(record), locale, (c) => c.displayName),
  };
}
