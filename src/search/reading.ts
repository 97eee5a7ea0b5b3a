/**
 * Reading the passages once before MiniSearch indexes them: what MiniSearch is given for each
 * (its glossary phrases found as phrases, its actors), how many passages have each term (for
 * the query plan), and the words of the passages (for typos and completions).
 */

import { analyzeWord, termLanguage, type WordCache } from './analyze.js';
import { conceptsInPassage, meaningfulWords, type CompiledGlossary } from './glossary.js';
import type { SearchablePassage } from './hits.js';
import type { IndexedPassage } from './minisearch-options.js';
import { actorTerm } from './plan.js';

export type ReadPassages = {
  readonly indexed: IndexedPassage[];
  readonly frequencies: Map<string, number>;
  readonly words: string[];
  /**
   * One-word glossary phrases found in exactly the passages of a text term ("=id:pasukan" and
   * "pasukan"): the phrase is looked up as that term and not indexed twice.
   */
  readonly phraseAliases: Map<string, string>;
};

export function readPassages(passages: readonly SearchablePassage[], glossary: CompiledGlossary, cache: WordCache): ReadPassages {
  const frequencies = new Map<string, number>();
  const words = new Set<string>();
  // A one-word phrase may stand for the stem of its word, until a passage has one but not the other.
  const aliasOf = new Map<string, string>();
  for (const concept of glossary.concepts) {
    for (const phrase of concept.phrases) {
      const [word] = phrase.words;
      if (phrase.words.length !== 1 || word === undefined) continue;
      const forms = analyzeWord(word, cache);
      aliasOf.set(phrase.term, phrase.language === 'id' ? forms.idStem : forms.enStem);
    }
  }
  const indexed = passages.map((passage, doc): IndexedPassage => {
    const language = termLanguage(passage.language);
    const found = meaningfulWords(passage.text, cache);
    const terms = new Set<string>();
    for (const word of found) {
      words.add(word.forms.folded);
      for (const term of word.forms.terms[language]) terms.add(term);
    }
    const actorTerms = [...new Set(passage.actorIds)].map(actorTerm);
    const conceptTerms = [...new Set(conceptsInPassage(glossary, found, language).map((m) => m.phrase.term))];
    for (const term of conceptTerms) {
      const alias = aliasOf.get(term);
      if (alias !== undefined && !terms.has(alias)) aliasOf.delete(term);
    }
    for (const term of [...terms, ...actorTerms, ...conceptTerms]) frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
    return { doc, text: passage.text, language, actorTerms, conceptTerms };
  });
  const phraseAliases = new Map<string, string>();
  for (const [phrase, term] of aliasOf) {
    const count = frequencies.get(phrase);
    // Every passage with the phrase has the term; as many passages have both, so they are the same.
    if (count !== undefined && count === frequencies.get(term)) phraseAliases.set(phrase, term);
  }
  for (const phrase of phraseAliases.keys()) frequencies.delete(phrase);
  const withoutAliases =
    phraseAliases.size === 0 ? indexed : indexed.map((p) => ({ ...p, conceptTerms: p.conceptTerms.filter((t) => !phraseAliases.has(t)) }));
  return { indexed: withoutAliases, frequencies, words: [...words].sort(), phraseAliases };
}
