/**
 * What a typed name means: an actor of `actors.yaml`, a name the articles use that the registry
 * lacks (a country from the built-in table: `ukraine` finds "Ukraina"), or nothing, with the
 * names it may have meant. Shared by `/actor` and `/search … actor:`.
 */
import { actorForCountry, nearCountries, resolveActor, resolveCountry } from '../knowledge/actors.js';
import { allNamesOf, shownName } from '../knowledge/country-names.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Actor, Localized, Passage } from '../knowledge/model.js';
import { foldText, words } from '../text.js';

export type NamedPassage = { readonly passage: Passage; readonly ranges: readonly (readonly [number, number])[] };

export type NameLookup =
  | { readonly kind: 'actor'; readonly actor: Actor }
  | {
      readonly kind: 'unlisted';
      /** The name as shown in each reply language (a country's own names, or what was typed). */
      readonly name: Localized;
      readonly passages: readonly NamedPassage[];
      readonly suggestions: readonly Actor[];
    }
  | {
      readonly kind: 'unknown';
      readonly suggestions: readonly Actor[];
      /** Names from the country table that are close to what was typed and that the articles use. */
      readonly names: readonly Localized[];
    };

/** Passages that name any of `names` as whole words, in reading order. */
export function passagesNaming(kb: KnowledgeBase, names: readonly string[]): NamedPassage[] {
  const found = new Map<string, { passage: Passage; ranges: [number, number][] }>();
  for (const name of names) {
    const target = words(name).map((w) => foldText(w.word));
    if (target.length === 0) continue;
    // The index narrows the candidates; the whole-word check below decides.
    for (const hit of kb.index.search(name, { limit: 500 })) {
      const passage = kb.passageById.get(hit.passageId);
      if (!passage) continue;
      const ws = words(passage.text);
      for (let i = 0; i + target.length <= ws.length; i++) {
        if (!target.every((w, k) => foldText((ws[i + k] as { word: string }).word) === w)) continue;
        const range: [number, number] = [(ws[i] as { start: number }).start, (ws[i + target.length - 1] as { end: number }).end];
        const entry = found.get(passage.id) ?? { passage, ranges: [] };
        if (!entry.ranges.some(([a, b]) => a === range[0] && b === range[1])) entry.ranges.push(range);
        found.set(passage.id, entry);
      }
    }
  }
  const order = (p: Passage) => kb.passageOrder.get(p.id) ?? 0;
  return [...found.values()].sort((a, b) => order(a.passage) - order(b.passage));
}

/** Resolves a typed name: the registry first, then the country table, then the words as written. */
export function lookupName(kb: KnowledgeBase, text: string): NameLookup {
  const resolution = resolveActor(kb.matcher, text);
  if (resolution.kind === 'found') return { kind: 'actor', actor: resolution.actor };
  const country = resolveCountry(text);
  const countryActor = country ? actorForCountry(kb.matcher, country) : undefined;
  if (countryActor) return { kind: 'actor', actor: countryActor };
  const passages = passagesNaming(kb, country ? allNamesOf(country) : [text]);
  if (passages.length > 0) {
    return { kind: 'unlisted', name: country ? shownName(country) : { en: text, id: text }, passages, suggestions: resolution.suggestions };
  }
  const names = nearCountries(text)
    .filter((c) => actorForCountry(kb.matcher, c) === undefined && passagesNaming(kb, allNamesOf(c)).length > 0)
    .map(shownName);
  return { kind: 'unknown', suggestions: resolution.suggestions, names };
}
