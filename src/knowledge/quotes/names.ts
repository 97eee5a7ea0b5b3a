/** What a run of capitalized words names (a person, an organisation, a role), and the role words around names. */
import type { ActorKind } from '../model.js';
import { type ActorMatcher, findMentionsInText, isAcronym } from '../actors.js';
import { DATE_WORDS, INSTITUTION_ABBREVIATIONS, NOT_NAMES, ORG_WORDS, PERSON_NOUNS, PERSON_PRONOUNS, RELATIVE_WORDS, ROLE_FILLERS, TITLE_WORDS } from './lexicon.js';
import { isUpper, type Token } from './tokens.js';

export const kindsByMatcher = new WeakMap<ActorMatcher, ReadonlyMap<string, ActorKind>>();
/** Kind of each registry actor, computed once per matcher. */
export function actorKinds(matcher: ActorMatcher): ReadonlyMap<string, ActorKind> {
  let kinds = kindsByMatcher.get(matcher);
  if (!kinds) {
    kinds = new Map(matcher.actors.map((a) => [a.id, a.kind]));
    kindsByMatcher.set(matcher, kinds);
  }
  return kinds;
}

export type ParsedName =
  | { readonly kind: 'person' | 'org'; readonly name: string; readonly start: number; readonly end: number; readonly titled: boolean }
  | { readonly kind: 'role'; readonly name: string; readonly start: number; readonly end: number };

/**
 * What a run of capitalized words names: a person (titles and a leading country stripped:
 * `Presiden Azerbaijan Ilham Aliyev` -> `Ilham Aliyev`), an organisation (`Kementerian
 * Pertahanan Vestoria`, `NATO`), or only a role (`Presiden Kalmaria`).
 */
export function parseRun(ctx: Ctx, tokens: readonly Token[], [from, to]: [number, number]): ParsedName | null {
  const { content, matcher } = ctx;
  const words = tokens.slice(from, to + 1).filter((t) => t.word);
  let first = 0;
  // A capitalised small word opens a sentence (`Lalu`, `Namun`), except mid-sentence after a comma
  // (`juru bicara Kemlu, Lalu M Iqbal`), where only a date word is not part of a name.
  const afterComma = tokens[from - 1]?.text === ',';
  const skip = (t: Token) => NOT_NAMES.has(t.folded) && (!afterComma || DATE_WORDS.has(t.folded) || t.folded === 'the' || t.folded === 'a');
  while (first < words.length && skip(words[first] as Token)) first++;
  const kept = words.slice(first);
  if (kept.length === 0) return null;
  const whole = (ws: readonly Token[]) => (ws.length === 0 ? '' : content.slice((ws[0] as Token).start, (ws[ws.length - 1] as Token).end));
  const runText = whole(kept);
  const runStart = (kept[0] as Token).start;
  const runEnd = (kept[kept.length - 1] as Token).end;
  const mentions = ctx.mentions(runText, runStart);
  const kinds = actorKinds(matcher);
  const kindOf = (actorId: string) => kinds.get(actorId);
  const exact = mentions.length === 1 && mentions[0]?.start === runStart && mentions[0]?.end === runEnd ? mentions[0] : undefined;
  if (exact) {
    return { kind: kindOf(exact.actorId) === 'person' ? 'person' : 'org', name: runText, start: runStart, end: runEnd, titled: false };
  }
  // `Kemlu`, `Polri`, `TNI AU`, `DPR`: an institution written as its abbreviation is an organisation, never a person.
  if (!mentions.some((m) => kindOf(m.actorId) === 'person') && kept.every((t) => isAcronym(t.text) || INSTITUTION_ABBREVIATIONS.has(t.folded))) {
    return { kind: 'org', name: runText, start: runStart, end: runEnd, titled: false };
  }
  // A registry person inside the run is the speaker: `Presiden Rusia Vladimir Putin`.
  const person = mentions.find((m) => kindOf(m.actorId) === 'person');
  if (person) {
    // Sliced from the content: the mention may start inside a hyphenated word (`Presiden-Putin`).
    return { kind: 'person', name: content.slice(person.start, runEnd), start: person.start, end: runEnd, titled: person.start > runStart };
  }
  // Words after the last title word, then after any leading registry state or organisation.
  let lastTitle = -1;
  kept.forEach((t, k) => {
    if (TITLE_WORDS.has(t.folded)) lastTitle = k;
  });
  let rest = kept.slice(lastTitle + 1);
  for (;;) {
    const head = rest[0];
    const lead = head ? mentions.find((m) => m.start === head.start && kindOf(m.actorId) !== 'person') : undefined;
    if (!lead) break;
    const after = rest.filter((t) => t.start >= lead.end);
    if (after.length === 0) break;
    rest = after;
  }
  const hasOrgWord = (ws: readonly Token[]) => ws.some((t) => ORG_WORDS.has(t.folded));
  if (hasOrgWord(kept)) {
    // `Kementerian Pertahanan Kalmaria Sari Wulandari`: a name may follow the last registry place.
    const places = mentions.filter((m) => kindOf(m.actorId) !== 'person');
    const lastPlace = places[places.length - 1];
    const after = lastPlace ? kept.filter((t) => t.start >= lastPlace.end) : [];
    if (after.length >= 2 && !hasOrgWord(after)) {
      return { kind: 'person', name: whole(after), start: (after[0] as Token).start, end: runEnd, titled: true };
    }
    return lastTitle >= 0 && !hasOrgWord(kept.slice(0, lastTitle + 1)) && !hasOrgWord(rest)
      ? { kind: 'role', name: runText, start: runStart, end: runEnd }
      : { kind: 'org', name: runText, start: runStart, end: runEnd, titled: false };
  }
  if (rest.length === 0) return { kind: 'role', name: runText, start: runStart, end: runEnd };
  const restMention = mentions.find((m) => m.start === (rest[0] as Token).start && m.end === (rest[rest.length - 1] as Token).end);
  if (restMention && kindOf(restMention.actorId) !== 'person') {
    // Only a title and a country: `Presiden Kalmaria` is a role, not a name.
    return lastTitle >= 0 ? { kind: 'role', name: runText, start: runStart, end: runEnd } : { kind: 'org', name: runText, start: runStart, end: runEnd, titled: false };
  }
  return { kind: 'person', name: whole(rest), start: (rest[0] as Token).start, end: runEnd, titled: lastTitle >= 0 };
}

export type Mention = { readonly actorId: string; readonly start: number; readonly end: number; readonly surface: string };
/** What the article already knows about people, for deciding whether a single word is a name. */
export type KnownPeople = {
  readonly isKnownPerson: (name: string) => boolean;
  readonly actorFor: (name: string) => string | null;
};

export type Ctx = {
  readonly content: string;
  readonly matcher: ActorMatcher;
  /** Registry mentions in `text` (which starts at `offset`), cached by text: names repeat. */
  readonly mentions: (text: string, offset: number) => readonly Mention[];
};

export function makeCtx(content: string, matcher: ActorMatcher): Ctx {
  const cache = new Map<string, readonly Mention[]>();
  return {
    content,
    matcher,
    mentions(text, offset) {
      let found = cache.get(text);
      if (!found) {
        found = findMentionsInText(matcher, text, 0);
        cache.set(text, found);
      }
      return offset === 0 ? found : found.map((m) => ({ ...m, start: m.start + offset, end: m.end + offset }));
    },
  };
}

/** `minister`, `juru`, `secretary-general`, `58-year-old`: a word that says a person is meant. */
export const isRoleNoun = (t: Token | undefined): boolean =>
  t !== undefined && t.word && !isUpper(t.text)
  && (/-year-old$/u.test(t.folded) || t.folded.split('-').some((part) => PERSON_NOUNS.has(part) || TITLE_WORDS.has(part)));

/**
 * Whether token `k` can be part of a role phrase: a role word, or a lower-case modifier right
 * before one (`council leader`, `union secretary`, `crane operator`).
 */
export function isRoleWord(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  if (!t || !t.word || isUpper(t.text)) return false;
  if (ROLE_FILLERS.has(t.folded) || isRoleNoun(t)) return true;
  return !NOT_NAMES.has(t.folded) && (isRoleNoun(tokens[k + 1]) || (isRoleNoun(tokens[k + 2]) && isRoleWord(tokens, k + 1)));
}

/** Whether token `k` starts its sentence, or follows an opening phrase (`Sementara itu, X …`). */
export function opensClause(tokens: readonly Token[], k: number): boolean {
  if (k === 0) return true;
  if (tokens[k - 1]?.text !== ',') return false;
  const intro = tokens.slice(0, k - 1);
  return intro.length <= 6 && intro[0]?.word === true && NOT_NAMES.has(intro[0].folded) && !intro.some((t) => t.text === ',');
}

/**
 * Token `k`, or the token after the relative clause that starts there (`, who raised the issue
 * last month,` / `, yang …,`): what follows a name once its relative clause is set aside.
 */
export function skipRelativeClause(tokens: readonly Token[], k: number): number {
  if (tokens[k]?.text !== ',' || !RELATIVE_WORDS.has(tokens[k + 1]?.folded ?? '')) return k;
  for (let i = k + 2; i < Math.min(tokens.length, k + 30); i++) {
    const t = tokens[i] as Token;
    if (t.text === ',') return i + 1;
    if (t.text === '.' || t.text === ';') return k;
  }
  return k;
}

/** Whether token `k` is a lower-case word, as a verb after its subject is. */
export const startsPredicate = (tokens: readonly Token[], k: number): boolean => tokens[k]?.word === true && !isUpper((tokens[k] as Token).text);

/** Whether a role phrase (`the festival director`, `seorang petani`) starts at token `k`. */
export function roleFollows(tokens: readonly Token[], k: number): boolean {
  for (let i = k; i < k + 4; i++) {
    const t = tokens[i];
    if (!t || !t.word || isUpper(t.text)) return false;
    if (isRoleNoun(t)) return true;
  }
  return false;
}


/** Words a lead-in clause may run to before the comma that ends it. */
const MAX_LEAD_IN_WORDS = 15;
/** Indonesian verb forms (`mendengar`, `menjawab`, `berbicara`, `ditanya`) and English participles (`asked`, `speaking`). */
const VERB_FORM_RE = /^(?:(?:me(?:m|n|ng|ny)?|ber|ter|di)\p{Ll}{3,}|\p{Ll}{3,}(?:ing|ed))$/u;

/**
 * Where the subject of a sentence starts, after a lead-in clause that ends in a comma: an opening
 * phrase (`Namun,`, `In a statement posted on Monday,`) or a clause that opens with a verb
 * (`Mendengar perkataan X, Y …`, `Menyambut Varga di Istana, Presiden Hendra …`, `Asked whether
 * …, Petrosyan said`). The first word of such a sentence is capitalised only because it starts
 * the sentence: it is never a name. 0 when the sentence opens with its subject.
 */
export function leadInEnd(ctx: Ctx, tokens: readonly Token[]): number {
  const first = tokens[0];
  if (!first?.word || PERSON_PRONOUNS.has(first.folded)) return 0;
  const comma = tokens.findIndex((t) => t.text === ',');
  if (comma <= 0 || comma > MAX_LEAD_IN_WORDS || !tokens[comma + 1]?.word) return 0;
  if (NOT_NAMES.has(first.folded)) return comma <= 7 || tokens.slice(1, comma).some((t) => t.word && !isUpper(t.text)) ? comma + 1 : 0;
  const verbLike = VERB_FORM_RE.test(first.folded) && ctx.mentions(first.text, first.start).length === 0;
  return verbLike && tokens.slice(1, comma).some((t) => t.word && !isUpper(t.text)) ? comma + 1 : 0;
}
