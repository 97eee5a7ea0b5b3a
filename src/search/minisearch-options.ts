/**
 * Our analyzer as MiniSearch options: MiniSearch knows nothing about languages, it is given
 * `extractField`, `tokenize` and `processTerm`.
 *
 * A passage's text goes into the field of its language (`id`, `en`, or `both` for a language
 * we have no stemmer for), so that `processTerm` knows which stemmer a word goes through.
 * The glossary phrases it contains are terms of that field too (`=id:gencatan_senjata`), found
 * as phrases when it was read. Its actors go into `actors` (`@valoria`), a field of its own so
 * that an actor's score is not normalised by the length of the text.
 */

import type { Options } from 'minisearch';
import { analyzeWord, forEachWord, type TermLanguage, type WordCache } from './analyze.js';

/** What MiniSearch is given for each passage. */
export type IndexedPassage = {
  /** Position of the passage in the index's passage list: MiniSearch's document id. */
  readonly doc: number;
  readonly text: string;
  readonly language: TermLanguage;
  readonly actorTerms: readonly string[];
  readonly conceptTerms: readonly string[];
};

export const TEXT_FIELDS = ['id', 'en', 'both'] as const satisfies readonly TermLanguage[];
export const FIELDS = [...TEXT_FIELDS, 'actors'] as const;
export type Field = (typeof FIELDS)[number];

const isTextField = (field: string): field is TermLanguage => field === 'id' || field === 'en' || field === 'both';
const SEPARATOR = '\n';
/** Between a passage's text and its glossary phrases: a character no text holds. */
const PHRASES = '\u0000';

/**
 * Options for `new MiniSearch` and `MiniSearch.loadJS`. Words are analysed once each through
 * `cache`. At search time the planner has already analysed the query, so a query string is
 * one term as it is.
 */
export function miniSearchOptions(cache: WordCache): Options<IndexedPassage> {
  return {
    idField: 'doc',
    fields: [...FIELDS],
    storeFields: [],
    extractField: (passage, field) => {
      if (field === 'doc') return passage.doc;
      if (isTextField(field)) {
        if (passage.language !== field) return undefined;
        // Always appended, so the last PHRASES is ours whatever the text holds.
        return `${passage.text}${PHRASES}${passage.conceptTerms.join(SEPARATOR)}`;
      }
      return passage.actorTerms.length === 0 ? undefined : passage.actorTerms.join(SEPARATOR);
    },
    tokenize: (text, field) => {
      if (field === undefined || !isTextField(field)) return text.split(SEPARATOR);
      // Stop words are left out here, so that MiniSearch's field length counts meaningful words.
      const phrasesAt = text.lastIndexOf(PHRASES);
      const words =
        phrasesAt < 0
          ? []
          : text
              .slice(phrasesAt + 1)
              .split(SEPARATOR)
              .filter((t) => t !== '');
      const body = phrasesAt < 0 ? text : text.slice(0, phrasesAt);
      forEachWord(body, (start, end) => {
        const raw = body.slice(start, end);
        if (!analyzeWord(raw, cache).ignored) words.push(raw);
      });
      return words;
    },
    processTerm: (term, field) => {
      if (field === undefined || !isTextField(field) || term.startsWith('=')) return term;
      const terms = analyzeWord(term, cache).terms[field];
      return terms.length === 1 ? terms[0] : [...terms];
    },
    searchOptions: { tokenize: (query) => [query], processTerm: (term) => term },
  };
}
