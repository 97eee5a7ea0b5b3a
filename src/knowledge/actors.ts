/**
 * Finding actors: in source text (mentions) and in what a user typed (resolution).
 */
import type { Actor, Mention, Passage } from './model.js';
import { editDistance, foldText, stripDiacritics, words } from '../text.js';
import { allNamesOf, countryNames, type CountryName } from './country-names.js';
// The search's stop words are the common words of both languages.
import { STOP_WORDS } from '../search/stopwords.js';

// eslint-disable-next-line no-control-regex -- the whole ASCII range, control characters included
const ASCII = /^[\x00-\x7f]*$/;
const sameApostrophe = (word: string): string => word.replace(/’/g, "'");

type NamePattern = {
  readonly actorId: string;
  /** Words of the name, folded (or only diacritic-stripped when `caseSensitive`). */
  readonly words: readonly string[];
  readonly caseSensitive: boolean;
};

/** A compiled matcher for every name and alias of every actor. */
export type ActorMatcher = {
  readonly actors: readonly Actor[];
  /** First word of a pattern -> patterns starting with it, longest first. */
  readonly byFirstWord: ReadonlyMap<string, readonly NamePattern[]>;
  /** Every folded name form -> actor ids having it, for resolving user input. */
  readonly nameForms: ReadonlyMap<string, readonly string[]>;
};

/** All-capital short names (NATO, AS, PBB) are acronyms: in text they match only in capitals. */
export function isAcronym(name: string): boolean {
  return /^[\p{Lu}\p{N}]{2,6}$/u.test(name) && /\p{Lu}/u.test(name);
}

/** Every name an actor can be called by: both localized names, the aliases and the id. */
export function actorNames(actor: Actor): string[] {
  return [...new Set([actor.names.en, actor.names.id, ...actor.aliases])];
}

/**
 * The form names are compared in when resolving what a user typed: folded, apostrophes dropped
 * (O’Brien = O'Brien = OBrien), other punctuation and dashes as single spaces.
 */
export function nameKey(text: string): string {
  return foldText(text)
    .replace(/['’‘`]/g, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .replace(/[\s-]+/g, ' ')
    .trim();
}

/** Compiles the registry's names into a matcher. */
export function compileActorMatcher(actors: readonly Actor[]): ActorMatcher {
  const byFirst = new Map<string, NamePattern[]>();
  const nameForms = new Map<string, string[]>();
  const addForm = (form: string, actorId: string) => {
    const ids = nameForms.get(form) ?? [];
    if (!ids.includes(actorId)) ids.push(actorId);
    nameForms.set(form, ids);
  };
  for (const actor of actors) {
    addForm(nameKey(actor.id.replace(/[-_]/g, ' ')), actor.id);
    for (const name of actorNames(actor)) {
      const caseSensitive = isAcronym(name);
      const nameWords = words(name).map((w) => sameApostrophe(caseSensitive ? stripDiacritics(w.word) : foldText(w.word)));
      if (nameWords.length === 0) continue;
      const pattern: NamePattern = { actorId: actor.id, words: nameWords, caseSensitive };
      const first = nameWords[0] as string;
      const key = caseSensitive ? first : first;
      const list = byFirst.get(key) ?? [];
      list.push(pattern);
      byFirst.set(key, list);
      addForm(nameKey(nameWords.join(' ')), actor.id);
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  return { actors, byFirstWord: byFirst, nameForms };
}

/**
 * Finds every mention of a registry actor in `text`. Whole words only, case- and
 * diacritic-insensitive, also inside hyphenated forms; acronyms only in capitals.
 * Offsets are relative to `text` plus `offset`.
 */
export function findMentionsInText(
  matcher: ActorMatcher,
  text: string,
  offset = 0,
): { actorId: string; start: number; end: number; surface: string }[] {
  const tokens = words(text);
  // Most words are ASCII: lower-casing is all their folding needs, and it is far cheaper.
  const folded = tokens.map((t) => (ASCII.test(t.word) ? t.word.toLowerCase() : sameApostrophe(foldText(t.word))));
  const stripped = tokens.map((t) => (ASCII.test(t.word) ? t.word : sameApostrophe(stripDiacritics(t.word))));
  const found: { actorId: string; start: number; end: number; surface: string }[] = [];
  let i = 0;
  while (i < tokens.length) {
    const byFolded = matcher.byFirstWord.get(folded[i] as string);
    const byStripped = stripped[i] !== folded[i] ? matcher.byFirstWord.get(stripped[i] as string) : undefined;
    if (!byFolded && !byStripped) {
      i += 1;
      continue;
    }
    const candidates = byFolded && byStripped ? [...byFolded, ...byStripped].sort((a, b) => b.words.length - a.words.length) : ((byFolded ?? byStripped) as readonly NamePattern[]);
    let matched: NamePattern | undefined;
    for (const pattern of candidates) {
      if (i + pattern.words.length > tokens.length) continue;
      const forms = pattern.caseSensitive ? stripped : folded;
      let ok = true;
      for (let k = 0; k < pattern.words.length; k++) {
        if (forms[i + k] !== pattern.words[k]) {
          ok = false;
          break;
        }
        // Words of one name sit next to each other: only spaces or a hyphen between them.
        if (k > 0) {
          const gap = text.slice((tokens[i + k - 1] as { end: number }).end, (tokens[i + k] as { start: number }).start);
          if (!/^[\s\-‐–]{1,3}$/.test(gap)) {
            ok = false;
            break;
          }
        }
      }
      if (ok) {
        matched = pattern;
        break;
      }
    }
    if (matched) {
      const first = tokens[i] as { start: number };
      const last = tokens[i + matched.words.length - 1] as { end: number };
      found.push({
        actorId: matched.actorId,
        start: offset + first.start,
        end: offset + last.end,
        surface: text.slice(first.start, last.end),
      });
      i += matched.words.length;
    } else {
      i += 1;
    }
  }
  return found;
}

/** Mentions of registry actors in each passage. */
export function findMentions(matcher: ActorMatcher, passages: readonly Passage[]): Mention[] {
  const out: Mention[] = [];
  for (const passage of passages) {
    for (const m of findMentionsInText(matcher, passage.text, passage.start)) {
      out.push({ ...m, passageId: passage.id });
    }
  }
  return out;
}

/** What a typed name resolves to. */
export type ActorResolution =
  | { readonly kind: 'found'; readonly actor: Actor; readonly exact: boolean }
  | { readonly kind: 'unknown'; readonly query: string; readonly suggestions: readonly Actor[] };

function allowedTypos(length: number): number {
  if (length <= 3) return 0;
  if (length <= 6) return 1;
  return 2;
}

/**
 * Resolves what a user typed to an actor: any name or alias in either language, any case,
 * with or without diacritics, a last name alone (`aliyev`), or a small misspelling (`rusia`).
 */
export function resolveActor(matcher: ActorMatcher, query: string): ActorResolution {
  const q = nameKey(query);
  const byId = new Map(matcher.actors.map((a) => [a.id, a]));
  if (q === '') return { kind: 'unknown', query, suggestions: [] };
  const exact = matcher.nameForms.get(q);
  if (exact && exact.length > 0) {
    const actor = byId.get(exact[0] as string);
    if (actor) return { kind: 'found', actor, exact: true };
  }
  // Score every name form: whole-form distance, or distance to one of its words (last names).
  const scored = new Map<string, number>();
  // Looser closeness, for "did you mean" only: containment and larger distances.
  const near = new Map<string, number>();
  const budget = allowedTypos(q.length);
  for (const [form, ids] of matcher.nameForms) {
    let d = editDistance(q, form, 3);
    // Closeness that only suggests, never resolves: other words of a name, short prefixes.
    let hint = Number.POSITIVE_INFINITY;
    const formWords = form.split(' ');
    const isPerson = ids.some((id) => byId.get(id)?.kind === 'person');
    if (formWords.length > 1) {
      formWords.forEach((w, i) => {
        if (w.length < 3) return;
        const wd = editDistance(q, w, 3);
        const score = wd === 0 ? 0.5 : wd + 0.5;
        // A person's last name alone resolves (aliyev); any other single word of a longer name
        // ("indonesian" of "Indonesian Foreign Minister") only suggests.
        if (isPerson && i === formWords.length - 1) d = Math.min(d, score);
        else hint = Math.min(hint, score);
      });
    }
    if (form.startsWith(q) && q.length >= 3) {
      if (q.length >= 0.6 * form.length) d = Math.min(d, 0.75);
      else hint = Math.min(hint, 0.75);
    }
    let loose = Math.min(d, hint);
    if (loose > 3) {
      const far = editDistance(q, form, 8);
      loose = far <= 0.4 * Math.max(q.length, form.length) ? far : Number.POSITIVE_INFINITY;
      if (form.length >= 4 && q.length >= 4 && (q.includes(form) || form.includes(q))) loose = 1;
    }
    for (const id of ids) {
      const prev = scored.get(id);
      if (prev === undefined || d < prev) scored.set(id, d);
      const prevNear = near.get(id);
      if (loose !== Number.POSITIVE_INFINITY && (prevNear === undefined || loose < prevNear)) near.set(id, loose);
    }
  }
  const ranked = [...scored.entries()].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
  const best = ranked[0];
  if (best && best[1] <= Math.max(budget, 0.75)) {
    const second = ranked[1];
    // Two actors equally close is not an answer; let the user choose.
    if (!second || second[1] > best[1]) {
      const actor = byId.get(best[0]);
      if (actor) return { kind: 'found', actor, exact: false };
    }
  }
  const suggestions = [...near.entries()]
    .filter(([, d]) => d <= Math.max(3, 0.4 * q.length))
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .slice(0, 5)
    .map(([id]) => byId.get(id))
    .filter((a): a is Actor => a !== undefined);
  return { kind: 'unknown', query, suggestions };
}

/**
 * The built-in country a typed name means, for names `actors.yaml` does not list: any of its
 * names in either language, any case, or one small typo (two in long names), when only one
 * country is that close.
 */
export function resolveCountry(query: string): CountryName | undefined {
  const q = nameKey(query);
  if (q.length < 2) return undefined;
  const scored = countryNames()
    .map((country) => ({ country, d: Math.min(...allNamesOf(country).map((n) => editDistance(q, nameKey(n), 3))) }))
    .sort((a, b) => a.d - b.d);
  const best = scored[0];
  if (!best || best.d > allowedTypos(q.length)) return undefined;
  return best.d === 0 || (scored[1]?.d ?? Number.POSITIVE_INFINITY) > best.d ? best.country : undefined;
}

/** Countries whose names are close to a typed name, closest first: for "did you mean". */
export function nearCountries(query: string, max = 5): CountryName[] {
  const q = nameKey(query);
  if (q.length < 3) return [];
  return countryNames()
    .map((country) => ({
      country,
      d: Math.min(...allNamesOf(country).map((n) => (nameKey(n).startsWith(q) ? 0.5 : editDistance(q, nameKey(n), 3)))),
    }))
    .filter((x) => x.d <= Math.max(1, Math.min(3, Math.floor(q.length / 3))))
    .sort((a, b) => a.d - b.d)
    .slice(0, max)
    .map((x) => x.country);
}

/** The registry actor that is this country (it has one of the country's names), if any. */
export function actorForCountry(matcher: ActorMatcher, country: CountryName): Actor | undefined {
  for (const name of allNamesOf(country)) {
    const ids = matcher.nameForms.get(nameKey(name));
    const actor = ids?.[0] !== undefined ? matcher.actors.find((a) => a.id === ids[0]) : undefined;
    if (actor) return actor;
  }
  return undefined;
}

/**
 * Aliases that are common words of English or Indonesian ("dan", "yang", "us"): matched in text,
 * they would mark ordinary sentences as mentions. An all-capital acronym ("AS") is fine: it
 * matches only in capitals.
 */
export function commonWordAliases(actor: Actor): string[] {
  return actor.aliases.filter((alias) => !isAcronym(alias) && STOP_WORDS.has(foldText(alias.trim())));
}
