/**
 * `/scenario [name]`: the scenarios the teacher prepared and the outcomes the articles state.
 */
import { t } from '../i18n.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Locale, Scenario } from '../knowledge/model.js';
import type { Reply, ReplySection } from './reply.js';
import { editDistance, foldText, words } from '../text.js';
import { actorName } from './actor.js';
import { cite, citeIds, cleanInput, echo, excerpt, invalidInput, reply, section } from './common.js';

/** At most this many stated outcomes are listed (the intro gives the full count). */
export const MAX_STATED_SCENARIOS = 50;

function scenarioWords(scenario: Scenario): string[] {
  return words(`${scenario.id.replace(/-/g, ' ')} ${scenario.title.en} ${scenario.title.id}`).map((w) => foldText(w.word));
}

/** How well `query` names a scenario: 0 is not at all. Ids, titles in both languages, small typos. */
export function scenarioScore(scenario: Scenario, query: string): number {
  const q = foldText(query).trim();
  if (q === scenario.id || q === foldText(scenario.title.en) || q === foldText(scenario.title.id)) return 100;
  const vocabulary = scenarioWords(scenario);
  const queryWords = words(q).map((w) => w.word);
  let score = 0;
  for (const w of queryWords) {
    if (vocabulary.includes(w)) score += 2;
    else if (w.length >= 5 && vocabulary.some((v) => editDistance(v, w, 1) <= 1)) score += 1.5;
    else if (w.length >= 3 && vocabulary.some((v) => v.startsWith(w))) score += 1;
  }
  return queryWords.length === 0 ? 0 : score / queryWords.length;
}

/** Scenarios ranked by how well `query` names them, best first, only those it names at all. */
export function rankScenarios(kb: KnowledgeBase, query: string): Scenario[] {
  return kb.scenarios
    .map((s) => ({ s, score: scenarioScore(s, query) }))
    .filter((x) => x.score >= 1)
    .sort((a, b) => b.score - a.score)
    .map((x) => x.s);
}

function listScenarios(kb: KnowledgeBase, locale: Locale): Reply {
  const curated: ReplySection[] = kb.scenarios.map((s) =>
    section(`${s.title[locale]} · ${s.id}`, s.summary[locale], citeIds(kb, s.evidence)),
  );
  const cited = new Set(kb.scenarios.flatMap((s) => s.evidence));
  const statements = kb.scenarioStatements.filter((st) => !cited.has(st.passageId));
  const stated: ReplySection[] = statements.slice(0, MAX_STATED_SCENARIOS).flatMap((st) => {
    const passage = kb.passageById.get(st.passageId);
    return passage ? [section(t(locale, 'scenario.stated'), excerpt(passage.text, [[st.start, st.end]]), [cite(kb, passage)])] : [];
  });
  const intro =
    curated.length + stated.length === 0
      ? t(locale, 'scenario.noneIntro')
      : t(locale, 'scenario.listIntro', { curated: curated.length, stated: statements.length });
  return reply({
    status: curated.length + stated.length === 0 ? 'not-found' : 'ok',
    locale,
    command: 'scenario',
    title: t(locale, 'scenario.listTitle'),
    intro,
    sections: [...curated, ...stated],
  });
}

function showScenario(kb: KnowledgeBase, scenario: Scenario, locale: Locale): Reply {
  const actors = scenario.actors.map((id) => kb.actorById.get(id)).filter((a) => a !== undefined);
  const intro = [
    scenario.summary[locale],
    actors.length > 0 ? t(locale, 'scenario.actors', { names: actors.map((a) => actorName(a, locale)).join(', ') }) : '',
  ]
    .filter(Boolean)
    .join('\n');
  const sections = scenario.evidence.flatMap((id) => {
    const passage = kb.passageById.get(id);
    if (!passage) return [];
    const statements = kb.scenarioStatements.filter((st) => st.passageId === id).map((st) => [st.start, st.end] as const);
    return [section(t(locale, 'scenario.evidence'), excerpt(passage.text, statements), [cite(kb, passage)])];
  });
  return reply({
    status: 'ok',
    locale,
    command: 'scenario',
    title: scenario.title[locale],
    intro,
    sections,
    footer: scenario.id,
  });
}

/** `/scenario [name]`: with no name, the list. */
export function answerScenario(kb: KnowledgeBase, name: string | undefined, locale: Locale): Reply {
  if (name === undefined || name.trim() === '') return listScenarios(kb, locale);
  const input = cleanInput(name);
  if (!input.ok) return invalidInput('scenario', locale, input, '/scenario', name);
  const ranked = rankScenarios(kb, input.text);
  const best = ranked[0];
  if (best) return showScenario(kb, best, locale);
  return reply({
    status: 'not-found',
    locale,
    command: 'scenario',
    title: t(locale, 'scenario.unknown.title', { query: echo(input.text) }),
    intro: t(locale, 'scenario.unknown.intro'),
    suggestions: kb.scenarios.map((s) => ({
      label: t(locale, 'suggest.scenario', { name: s.title[locale] }),
      command: `/scenario ${s.id}`,
    })),
  });
}
