/**
 * `/scenario [name]`: the scenarios the teacher prepared and the outcomes the articles state.
 */
import { t } from '../i18n.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { resolveActor } from '../knowledge/actors.js';
import type { Actor, Locale, Scenario } from '../knowledge/model.js';
import type { ScenarioStatement } from '../knowledge/scenario-statements.js';
import type { Reply, ReplySection } from './reply.js';
import { editDistance, foldText, words } from '../text.js';
import { actorFamily, actorName } from './actor.js';
import { preparedReply } from './prepared.js';
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

function curatedSection(kb: KnowledgeBase, scenario: Scenario, locale: Locale): ReplySection {
  return section(`${scenario.title[locale]} · ${scenario.id}`, scenario.summary[locale], citeIds(kb, scenario.evidence));
}

function statedSections(kb: KnowledgeBase, statements: readonly ScenarioStatement[], locale: Locale): ReplySection[] {
  return statements.slice(0, MAX_STATED_SCENARIOS).flatMap((st) => {
    const passage = kb.passageById.get(st.passageId);
    return passage ? [section(t(locale, 'scenario.stated'), excerpt(passage.text, [[st.start, st.end]]), [cite(kb, passage)])] : [];
  });
}

/** Stated outcomes in passages no curated scenario cites (those are shown with their scenario). */
function uncitedStatements(kb: KnowledgeBase): ScenarioStatement[] {
  const cited = new Set(kb.scenarios.flatMap((s) => s.evidence));
  return kb.scenarioStatements.filter((st) => !cited.has(st.passageId));
}

function listScenarios(kb: KnowledgeBase, locale: Locale): Reply {
  const curated = kb.scenarios.map((s) => curatedSection(kb, s, locale));
  const statements = uncitedStatements(kb);
  const stated = statedSections(kb, statements, locale);
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

/**
 * Every scenario involving an actor (or the people who speak for it): the curated ones that
 * list it, then the outcomes the articles state in sentences naming it.
 */
function scenariosOfActor(kb: KnowledgeBase, actor: Actor, locale: Locale): Reply | undefined {
  const family = actorFamily(kb, actor.id);
  const curated = kb.scenarios.filter((s) => s.actors.some((id) => family.has(id)));
  const statements = uncitedStatements(kb).filter((st) => {
    const passage = kb.passageById.get(st.passageId);
    return (kb.mentionsByPassage.get(st.passageId) ?? []).some(
      (m) => passage !== undefined && family.has(m.actorId) && m.start - passage.start >= st.start && m.end - passage.start <= st.end,
    );
  });
  if (curated.length + statements.length === 0) return undefined;
  return reply({
    status: 'ok',
    locale,
    command: 'scenario',
    title: t(locale, 'scenario.actorTitle', { actor: actorName(actor, locale) }),
    intro: t(locale, 'scenario.actorIntro', { actor: actorName(actor, locale), curated: curated.length, stated: statements.length }),
    sections: [...curated.map((s) => curatedSection(kb, s, locale)), ...statedSections(kb, statements, locale)],
  });
}

/** Scenarios named equally well by a query, as a list to choose from. */
function chooseScenario(kb: KnowledgeBase, scenarios: readonly Scenario[], query: string, locale: Locale): Reply {
  return reply({
    status: 'ok',
    locale,
    command: 'scenario',
    title: t(locale, 'scenario.severalTitle', { query: echo(query) }),
    intro: t(locale, 'scenario.severalIntro', { count: scenarios.length }),
    sections: scenarios.map((s) => curatedSection(kb, s, locale)),
  });
}

/**
 * `/scenario [name]`: with no name, the list; with a scenario's id or title, that scenario; with
 * an actor's name, every scenario involving it. Several scenarios named equally well are all
 * listed: none is chosen silently.
 */
export function answerScenario(kb: KnowledgeBase, name: string | undefined, locale: Locale): Reply {
  if (name === undefined || name.trim() === '') return preparedReply(kb, `scenarios\u0000${locale}`, () => listScenarios(kb, locale));
  const input = cleanInput(name);
  if (!input.ok) return invalidInput('scenario', locale, input, '/scenario', name);
  const scored = kb.scenarios
    .map((s) => ({ s, score: scenarioScore(s, input.text) }))
    .filter((x) => x.score >= 1)
    .sort((a, b) => b.score - a.score);
  const best = scored[0];
  if (best && best.score === 100) return showScenario(kb, best.s, locale);
  const asActor = resolveActor(kb.matcher, input.text);
  if (asActor.kind === 'found') {
    const involving = scenariosOfActor(kb, asActor.actor, locale);
    if (involving) return involving;
  }
  const top = scored.filter((x) => best !== undefined && x.score === best.score).map((x) => x.s);
  if (top.length === 1 && top[0]) return showScenario(kb, top[0], locale);
  if (top.length > 1) return chooseScenario(kb, top, input.text, locale);
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
