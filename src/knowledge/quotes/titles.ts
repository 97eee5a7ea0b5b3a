/**
 * Roles that stand for a person: `the PM said`, `added the Armenian PM`, `kata Menlu RI`, `ujar
 * sang presiden`. A role phrase is a title (an actor's `titles` in actors.yaml, or a title word
 * such as `bupati` that the article put before someone's name) with qualifiers around it that
 * name a state or an organisation (`Armenian`, `NATO`, `RI`), which the holder must belong to.
 */
import type { Actor } from '../model.js';
import type { ActorMatcher } from '../actors.js';
import { foldText } from '../../text.js';
import { PERSON_NOUNS, ROLE_FILLERS, TITLE_WORDS } from './lexicon.js';
import { type Ctx } from './names.js';
import { isUpper, type Token } from './tokens.js';

/** A role phrase: the title as folded words joined by spaces, and the actors its qualifiers name. */
export type TitleRef = { readonly title: string; readonly qualifiers: readonly string[] };

type CompiledTitles = {
  /** Folded title -> registry people holding it. */
  readonly holders: ReadonlyMap<string, readonly string[]>;
  readonly longest: number;
  readonly actors: ReadonlyMap<string, Actor>;
  /** Folded one-word names of states and organisations, for demonyms (`armenia` for `Armenian`). */
  readonly placeNames: readonly { readonly stem: string; readonly name: string; readonly actorId: string }[];
};

const compiled = new WeakMap<ActorMatcher, CompiledTitles>();

const titleWords = (title: string): string[] =>
  foldText(title)
    .split(/[^\p{L}\p{N}-]+/u)
    .filter(Boolean);

function compile(matcher: ActorMatcher): CompiledTitles {
  let c = compiled.get(matcher);
  if (c) return c;
  const holders = new Map<string, string[]>();
  let longest = 1;
  const placeNames: { stem: string; name: string; actorId: string }[] = [];
  for (const actor of matcher.actors) {
    for (const title of [...(actor.titles?.en ?? []), ...(actor.titles?.id ?? [])]) {
      const words = titleWords(title);
      if (words.length === 0) continue;
      const key = words.join(' ');
      const list = holders.get(key) ?? [];
      if (!list.includes(actor.id)) list.push(actor.id);
      holders.set(key, list);
      longest = Math.max(longest, words.length);
    }
    if (actor.kind === 'person') continue;
    for (const name of new Set([actor.names.en, actor.names.id])) {
      const folded = foldText(name);
      if (/^\p{L}{4,}$/u.test(folded)) placeNames.push({ stem: folded.slice(0, -1), name: folded, actorId: actor.id });
    }
  }
  c = { holders, longest, actors: new Map(matcher.actors.map((a) => [a.id, a])), placeNames };
  compiled.set(matcher, c);
  return c;
}

/** Words that may stand around a title without changing who is meant. */
const TITLE_FILLERS = new Set(['the', 'sang', 'itu', 'tersebut', 'ini', 'current', 'kini']);
/** A role after these is someone new (`a spokesperson said`), not a person named before. */
const INDEFINITE = new Set(['a', 'an', 'seorang', 'salah', 'one', 'another', 'sejumlah', 'para', 'some']);
/** Title words that are forms of address, not roles: `Pak`, `Mr`. */
const HONORIFICS = new Set(['pak', 'bu', 'bapak', 'ibu', 'tuan', 'nyonya', 'mr', 'mrs', 'ms', 'miss', 'sir', 'dame', 'dr', 'prof', 'haji', 'hj']);

/** The state or organisation a capitalised word names: an exact name or alias, or a demonym (`Armenian`, `Azerbaijani`). */
export function namedPlace(ctx: Ctx, word: Token): string | null {
  const mention = ctx.mentions(word.text, word.start).find((m) => m.start === word.start && m.end === word.end);
  const c = compile(ctx.matcher);
  if (mention && c.actors.get(mention.actorId)?.kind !== 'person') return mention.actorId;
  const place = c.placeNames.find((p) => word.folded !== p.name && word.folded.startsWith(p.stem) && word.folded.length - p.name.length <= 3);
  return place?.actorId ?? null;
}

/**
 * The role in a phrase of words (`the Armenian PM`, `Menlu RI`, `sang presiden`), or null when
 * it is not only a role: another capitalised word may be a name (`Menlu Retna`), another
 * lower-case word another kind of person (`the union leader`).
 */
export function findTitle(ctx: Ctx, words: readonly Token[]): TitleRef | null {
  if (words.length === 0 || INDEFINITE.has((words[0] as Token).folded)) return null;
  const c = compile(ctx.matcher);
  const folded = words.map((t) => t.folded);
  let best: { from: number; to: number } | null = null;
  for (let n = Math.min(c.longest, folded.length); n >= 1 && best === null; n--) {
    for (let i = 0; i + n <= folded.length; i++) {
      const key = folded.slice(i, i + n).join(' ');
      const known = c.holders.has(key) || (n === 1 && TITLE_WORDS.has(key) && !HONORIFICS.has(key) && !ROLE_FILLERS.has(key));
      if (known) {
        best = { from: i, to: i + n };
        break;
      }
    }
  }
  if (!best) return null;
  const qualifiers: string[] = [];
  for (let k = 0; k < words.length; k++) {
    if (k >= best.from && k < best.to) continue;
    const t = words[k] as Token;
    if (TITLE_FILLERS.has(t.folded)) continue;
    if (isUpper(t.text)) {
      const place = namedPlace(ctx, t);
      if (place === null) return null;
      qualifiers.push(place);
      continue;
    }
    if (!(TITLE_WORDS.has(t.folded) || PERSON_NOUNS.has(t.folded) || t.folded === 'mantan' || t.folded === 'former')) return null;
  }
  return { title: folded.slice(best.from, best.to).join(' '), qualifiers };
}

/** Whether `words` (folded, as written before a name: `bupati magelang`) contain the title. */
export function wordsHoldTitle(words: readonly string[], title: string): boolean {
  const want = title.split(' ');
  for (let i = 0; i + want.length <= words.length; i++) if (want.every((w, k) => words[i + k] === w)) return true;
  return false;
}

/** Registry people holding `title`. */
export function registryHolders(matcher: ActorMatcher, title: string): readonly string[] {
  return compile(matcher).holders.get(title) ?? [];
}

/** The actors a registry actor belongs to: its affiliation, that one's, and so on. */
export function affiliations(matcher: ActorMatcher, actorId: string): string[] {
  const c = compile(matcher);
  const out: string[] = [];
  let next = c.actors.get(actorId)?.affiliation;
  while (next !== undefined && !out.includes(next)) {
    out.push(next);
    next = c.actors.get(next)?.affiliation;
  }
  return out;
}

/** A registry actor's name for a speaker found through a role. */
export function actorName(matcher: ActorMatcher, actorId: string): string | null {
  return compile(matcher).actors.get(actorId)?.names.en ?? null;
}
