/**
 * `/search query [actor]`: passages about anything, in either language.
 */
import { findMentionsInText, resolveActor } from '../knowledge/actors.js';
import { t } from '../i18n.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Locale } from '../knowledge/model.js';
import type { Reply } from './reply.js';
import { actorName, actorSuggestions } from './actor.js';
import { cite, cleanInput, echo, excerpt, invalidInput, reply, section } from './common.js';

/** At most this many passages are listed (over several pages). */
export const MAX_SEARCH_RESULTS = 30;

/** `/search query [actor]`. */
export function answerSearch(kb: KnowledgeBase, queryInput: string | undefined, actorInput: string | undefined, locale: Locale): Reply {
  const query = cleanInput(queryInput);
  if (!query.ok) return invalidInput('search', locale, query, '/search gencatan senjata', queryInput);
  let actorId: string | undefined;
  let actorLabel: string | undefined;
  if (actorInput !== undefined && actorInput.trim() !== '') {
    const actorQuery = cleanInput(actorInput);
    if (!actorQuery.ok) return invalidInput('search', locale, actorQuery, '/search gencatan senjata actor:nato', actorInput);
    const resolution = resolveActor(kb.matcher, actorQuery.text);
    if (resolution.kind === 'unknown') {
      return reply({
        status: 'not-found',
        locale,
        command: 'search',
        title: t(locale, 'search.unknownActor.title', { query: echo(actorQuery.text) }),
        intro:
          resolution.suggestions.length > 0
            ? t(locale, 'actor.didYouMean', { names: resolution.suggestions.map((a) => actorName(a, locale)).join(', ') })
            : t(locale, 'actor.known', { names: kb.actors.map((a) => actorName(a, locale)).join(', ') }),
        suggestions: actorSuggestions(resolution.suggestions, locale),
      });
    }
    actorId = resolution.actor.id;
    actorLabel = actorName(resolution.actor, locale);
  }
  const queryActorIds = [...new Set(findMentionsInText(kb.matcher, query.text).map((m) => m.actorId))];
  const hits = kb.index.search(query.text, {
    limit: MAX_SEARCH_RESULTS,
    ...(actorId !== undefined ? { actorId } : {}),
    ...(queryActorIds.length > 0 ? { queryActorIds } : {}),
  });
  const title = actorLabel
    ? t(locale, 'search.titleActor', { query: echo(query.text), actor: actorLabel })
    : t(locale, 'search.title', { query: echo(query.text) });
  if (hits.length === 0) {
    const asActor = resolveActor(kb.matcher, query.text);
    return reply({
      status: 'not-found',
      locale,
      command: 'search',
      title: t(locale, 'search.none.title', { query: echo(query.text) }),
      intro: t(locale, 'search.none.intro'),
      suggestions: asActor.kind === 'found' ? actorSuggestions([asActor.actor], locale) : [],
    });
  }
  const sections = hits.flatMap((hit) => {
    const passage = kb.passageById.get(hit.passageId);
    if (!passage) return [];
    const source = kb.sourceById.get(passage.sourceId);
    return [
      section(`${source?.title ?? passage.sourceId} ¶${passage.paragraph}`, excerpt(passage.text, hit.highlights), [cite(kb, passage)]),
    ];
  });
  return reply({ status: 'ok', locale, command: 'search', title, intro: t(locale, 'search.intro', { count: sections.length }), sections });
}
