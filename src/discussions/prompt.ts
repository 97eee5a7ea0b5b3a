/**
 * What a discussion opens with, and what each role's student is briefed with: platform-neutral
 * replies, so the console previews exactly what the thread shows.
 */
import { actorFamily, actorName, quotesOf } from '../answers/actor.js';
import { cite, excerpt, reply, section } from '../answers/common.js';
import type { Reply, ReplySection } from '../answers/reply.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Locale, Passage, Scenario } from '../knowledge/model.js';
import { dt } from './messages.js';

/** The prompt shows two or three key passages: enough to start from, short enough to read. */
export const PROMPT_PASSAGES = 3;
/** A briefing stays one page: positions, quotes and passages together. */
const BRIEFING_SECTIONS = 6;
const EXCERPT = 450;

/**
 * The scenario's key passages: its evidence first; when it has fewer than two, passages naming
 * two or more of its actors, in reading order.
 */
export function keyPassages(kb: KnowledgeBase, scenario: Scenario): Passage[] {
  const chosen = scenario.evidence.map((id) => kb.passageById.get(id)).filter((p): p is Passage => p !== undefined);
  if (chosen.length < 2) {
    const actors = new Set(scenario.actors);
    for (const passage of kb.passages) {
      if (chosen.length >= 2) break;
      if (chosen.some((p) => p.id === passage.id)) continue;
      const named = new Set((kb.mentionsByPassage.get(passage.id) ?? []).map((m) => m.actorId).filter((id) => actors.has(id)));
      if (named.size >= 2) chosen.push(passage);
    }
  }
  return chosen.slice(0, PROMPT_PASSAGES);
}

export function actorLabel(kb: KnowledgeBase, actorId: string, locale: Locale): string {
  const actor = kb.actorById.get(actorId);
  return actor ? actorName(actor, locale) : actorId;
}

/** The prompt posted at the top of the thread: summary, actors, key passages, guiding question. */
export function buildPrompt(kb: KnowledgeBase, scenario: Scenario, question: string, locale: Locale, minutes?: number | null): Reply {
  const actors = scenario.actors.map((id) => actorLabel(kb, id, locale));
  const sections: ReplySection[] = [
    ...(actors.length > 0 ? [section(dt(locale, 'prompt.actors'), actors.join(' · '), [])] : []),
    ...keyPassages(kb, scenario).map((p) => section(dt(locale, 'prompt.passage'), excerpt(p.text, [], EXCERPT), [cite(kb, p)])),
  ];
  const intro = [
    dt(locale, 'prompt.intro', { summary: scenario.summary[locale], question: question }),
    dt(locale, 'prompt.howTo'),
    ...(minutes ? [dt(locale, 'prompt.timeUp', { minutes })] : []),
  ].join('\n\n');
  return reply({
    status: 'ok',
    locale,
    command: 'discuss',
    title: dt(locale, 'prompt.title', { title: scenario.title[locale] }),
    intro,
    sections,
    perPage: 5,
    footer: dt(locale, 'prompt.footer', { scenario: scenario.id }),
  });
}

/**
 * A student's private briefing for their actor: the teacher's positions, the actor's (and its
 * people's) quotes, and the scenario's key passages that name it, each with its citation.
 */
export function buildBriefing(kb: KnowledgeBase, scenario: Scenario, actorId: string, locale: Locale): Reply {
  const name = actorLabel(kb, actorId, locale);
  const actor = kb.actorById.get(actorId);
  const family = actor ? actorFamily(kb, actorId) : new Set([actorId]);
  const positions = (actor?.positions ?? []).map((p) =>
    section(
      dt(locale, 'briefing.position'),
      p.text[locale],
      p.evidence.flatMap((id) => {
        const passage = kb.passageById.get(id);
        return passage ? [cite(kb, passage)] : [];
      }),
    ),
  );
  const quotes = quotesOf(kb, actorId).map((q) => {
    const passage = kb.passageById.get(q.passageId);
    const speaker = q.speaker ? actorLabel(kb, q.speaker, locale) : (q.speakerName ?? name);
    return section(dt(locale, 'briefing.quote', { speaker: speaker }), `“${q.text}”`, passage ? [cite(kb, passage)] : []);
  });
  const naming = (p: Passage) => (kb.mentionsByPassage.get(p.id) ?? []).some((m) => family.has(m.actorId));
  const passages = [...keyPassages(kb, scenario).filter(naming), ...kb.passages.filter(naming)]
    .filter((p, i, all) => all.findIndex((x) => x.id === p.id) === i)
    .map((p) => {
      const ranges = (kb.mentionsByPassage.get(p.id) ?? [])
        .filter((m) => family.has(m.actorId))
        .map((m) => [m.start - p.start, m.end - p.start] as const);
      return section(dt(locale, 'briefing.passage'), excerpt(p.text, ranges, EXCERPT), [cite(kb, p)]);
    });
  const sections = [...positions.slice(0, 2), ...quotes.slice(0, 2), ...passages].slice(0, BRIEFING_SECTIONS);
  return reply({
    status: 'ok',
    locale,
    command: 'discuss',
    title: dt(locale, 'briefing.title', { actor: name }),
    intro: dt(locale, sections.length > 0 ? 'briefing.intro' : 'briefing.nothing', { actor: name }),
    sections,
    perPage: BRIEFING_SECTIONS,
    footer: scenario.id,
  });
}
