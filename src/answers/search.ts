/**
 * `/search query [actor]`: passages about anything, in either language.
 */
import { findMentionsInText, resolveActor } from '../knowledge/actors.js';
import { t } from '../i18n.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Locale } from '../knowledge/model.js';
import type { Reply } from './reply.js';
import { actorName, actorSuggestions, didYouMean, nameSuggestions } from './actor.js';
import { lookupName } from './names.js';
import { cite, cleanInput, echo, excerpt, invalidInput, reply, section } from './common.js';

/** At most this many passages are listed (over several pages). */
export const MAX_SEARCH_RESULTS = 30;

/** `/search query [actor]`. */
export function answerSearch(kb: KnowledgeBase, queryInput: string | undefined, actorInput: string | undefined, locale: Locale): Reply {
  const query = cleanInput(queryInput);
  if (!query.ok) return invalidInput('search', locale, query, '/search gencatan senjata', queryInput);
  let actorId: string | undefined;
  let actorLabel: string | undefined;
  // A name the articles use that actors.yaml lacks: only passages naming it.
  let namingPassages: ReadonlySet<string> | undefined;
  if (actorInput !== undefined && actorInput.trim() !== '') {
    const actorQuery = cleanInput(actorInput);
    if (!actorQuery.ok) return invalidInput('search', locale, actorQuery, '/search gencatan senjata actor:nato', actorInput);
    const found = lookupName(kb, actorQuery.text);
    if (found.kind === 'unknown') {
      return reply({
        status: 'not-found',
        locale,
        command: 'search',
        title: t(locale, 'search.unknownActor.title', { query: echo(actorQuery.text) }),
        intro: didYouMean(kb, found.suggestions, found.names, locale),
        suggestions: [...actorSuggestions(found.suggestions, locale), ...nameSuggestions(found.names, locale)].map((s) => ({
          ...s,
          command: `/search ${query.text} actor:${s.command.replace(/^\/actor /, '')}`,
        })),
      });
    }
    if (found.kind === 'actor') {
      actorId = found.actor.id;
      actorLabel = actorName(found.actor, locale);
    } else {
      namingPassages = new Set(found.passages.map((p) => p.passage.id));
      actorLabel = t(locale, 'search.unlistedActor', { name: found.name[locale] });
    }
  }
  const queryActorIds = [...new Set(findMentionsInText(kb.matcher, query.text).map((m) => m.actorId))];
  const searched = kb.index.search(query.text, {
    // Filtering by passages afterwards needs the hits beyond the first page.
    limit: namingPassages ? Math.max(500, MAX_SEARCH_RESULTS) : MAX_SEARCH_RESULTS,
    ...(actorId !== undefined ? { actorId } : {}),
    ...(queryActorIds.length > 0 ? { queryActorIds } : {}),
  });
  const hits = namingPassages ? searched.filter((h) => namingPassages.has(h.passageId)).slice(0, MAX_SEARCH_RESULTS) : searched;
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
