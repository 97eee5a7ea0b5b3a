/** Who a speech verb's subject is: the phrase before or after the verb, read as a name, a pronoun or a role. */
import { ADVERBS, CLAUSE_LINKS, NOT_NAMES, OTHER_PRONOUNS, PARTICIPLES, PERSON_NOUNS, PERSON_PRONOUNS, RELATIVE_WORDS, ROLE_FILLERS, SPEECH_VERBS, SUBJECT_RELATIVES, TITLE_WORDS } from './lexicon.js';
import { type Ctx, isRoleNoun, isRoleWord, parseRun } from './names.js';
import { findTitle, type TitleRef } from './titles.js';
import { isUpper, runEndingAt, runFrom, type Token } from './tokens.js';

/**
 * A role phrase that may stand for a person named before (`the PM`, `kata Menlu RI`), where it
 * stands (`[from, to)`): a name inside that range is only the role misread as a name (`PM`).
 */
export type TitledRef = { readonly title?: TitleRef; readonly titleFrom?: number; readonly titleTo?: number };

/** Who an attribution points at, before discourse resolution. */
export type SpeakerRef = TitledRef &
  (
  | { readonly kind: 'name'; readonly name: string; readonly org: boolean; readonly at: number }
  /** Someone we cannot name honestly: keep the role as written (`juru bicara Kementerian X`) or nothing. */
  | { readonly kind: 'role'; readonly phrase: string | null; readonly at: number; readonly person?: boolean }
  /** `Ia`, `he`, `katanya`: the last person who spoke or was named. */
  | { readonly kind: 'pronoun'; readonly at: number }
  /** `diplomat senior itu`, `the minister`: same, a definite description of a known person. */
  | { readonly kind: 'anaphor'; readonly at: number }
  );

export type Attribution = {
  readonly ref: SpeakerRef;
  /**
   * How closely a speech verb (or `menurut`/`according to`) governs the span: `next-to` it
   * (`"Tidak," kata Budi`, `Budi berkata, "…"`), somewhere in the `clause` before it (`Smith
   * said the plan was "…"`), or `none` (a naming verb: `menyebut X "…"`, `called it "…"`).
   */
  readonly governs: 'next-to' | 'clause' | 'none';
};

const INDEFINITE_ARTICLES = new Set(['a', 'an', 'seorang', 'salah', 'another']);

/** Whether a word can be part of a role phrase: capitalised (a qualifier or a name), a title word, or a small word around one. */
const inRolePhrase = (t: Token): boolean =>
  t.word && (isUpper(t.text) || TITLE_WORDS.has(t.folded) || PERSON_NOUNS.has(t.folded) || ROLE_FILLERS.has(t.folded) || ROLE_SMALL_WORDS.has(t.folded));
const ROLE_SMALL_WORDS = new Set(['sang', 'itu', 'tersebut', 'the']);
const MAX_ROLE_WORDS = 6;

/** `ref`, with the role phrase `tokens[from, to)` attached when it holds a title. */
function withTitle(ctx: Ctx, ref: SpeakerRef | null, tokens: readonly Token[], from: number, to: number): SpeakerRef | null {
  if (to <= from) return ref;
  const title = findTitle(ctx, tokens.slice(from, to));
  if (!title) return ref;
  const titled = { title, titleFrom: (tokens[from] as Token).start, titleTo: (tokens[to - 1] as Token).end };
  return { ...(ref ?? { kind: 'role', phrase: null, at: (tokens[from] as Token).start }), ...titled };
}

/** The phrase after a verb-first attribution, with its role if it is one (`kata Menlu RI`, `added the Armenian PM`). */
export function parseAfterVerb(ctx: Ctx, tokens: readonly Token[], i: number): SpeakerRef | null {
  let to = i;
  while (to < tokens.length && to - i < MAX_ROLE_WORDS && inRolePhrase(tokens[to] as Token)) to++;
  return withTitle(ctx, parseAfterVerbPhrase(ctx, tokens, i), tokens, i, to);
}

/** The subject in front of a speech verb, with its role if it is one (`the NATO chief said`). */
export function parseSubject(ctx: Ctx, tokens: readonly Token[], end: number): SpeakerRef | null {
  let j = end;
  while (j > 0 && (tokens[j - 1] as Token).word && ADVERBS.has((tokens[j - 1] as Token).text)) j--;
  let from = j;
  while (from > 0 && j - from < MAX_ROLE_WORDS && inRolePhrase(tokens[from - 1] as Token)) from--;
  return withTitle(ctx, parseSubjectPhrase(ctx, tokens, end), tokens, from, j);
}

/** The phrase after a verb-first attribution: `kata Aliyev`, `said Dr. Ruth Anand, who …`, `ujar diplomat itu`. */
function parseAfterVerbPhrase(ctx: Ctx, tokens: readonly Token[], i: number): SpeakerRef | null {
  const t0 = tokens[i];
  if (!t0 || !t0.word) return null;
  if (PERSON_PRONOUNS.has(t0.folded)) return { kind: 'pronoun', at: t0.start };
  if (OTHER_PRONOUNS.has(t0.folded) && !isUpper(t0.text)) return { kind: 'role', phrase: null, at: t0.start };
  let j = i;
  const role: Token[] = [];
  while (j < tokens.length && role.length < 6 && isRoleWord(tokens, j)) role.push(tokens[j++] as Token);
  const roleIsPerson = role.some((t) => PERSON_NOUNS.has(t.folded) || TITLE_WORDS.has(t.folded) || /-year-old$/u.test(t.folded));
  const text = ctx.content;
  const run = runFrom(tokens, j, text);
  if (run) {
    const parsed = parseRun(ctx, tokens, run);
    if (parsed?.kind === 'person') return { kind: 'name', name: parsed.name, org: false, at: parsed.start };
    // `Menteri Luar Negeri Armenia, Ara Petrosyan`, `juru bicara NATO, Hans Weber`.
    const comma = tokens[run[1] + 1];
    if (comma?.text === ',') {
      const next = runFrom(tokens, run[1] + 2, text);
      const appositive = next ? parseRun(ctx, tokens, next) : null;
      if (appositive?.kind === 'person' && next && next[1] - next[0] < 5) return { kind: 'name', name: appositive.name, org: false, at: appositive.start };
    }
    if (!parsed) return role.length > 0 && roleIsPerson ? { kind: 'role', phrase: null, at: t0.start } : null;
    if (roleIsPerson || parsed.kind === 'role') {
      const from = (role[0] ?? tokens[run[0]]) as Token;
      return { kind: 'role', phrase: text.slice(from.start, parsed.end), at: from.start };
    }
    return { kind: 'name', name: parsed.name, org: true, at: parsed.start };
  }
  if (!roleIsPerson) return null;
  const definite = !INDEFINITE_ARTICLES.has(role[0]?.folded ?? '') && (role.some((t) => t.folded === 'itu' || t.folded === 'tersebut') || role[0]?.folded === 'the');
  return definite ? { kind: 'anaphor', at: t0.start } : { kind: 'role', phrase: null, at: t0.start };
}

/**
 * The subject in front of a speech verb, read backwards from the verb: a pronoun, a name (with
 * an appositive: `Meridian's chief executive, Paul Brandt, told`; `Ma'ruf Hasan, seorang petani
 * di Desa Ketapang, mengaku`), a role (`juru bicara Kementerian Pertahanan Vestoria`), or a
 * definite description (`the minister`).
 */
function parseSubjectPhrase(ctx: Ctx, tokens: readonly Token[], end: number): SpeakerRef | null {
  let j = end - 1;
  while (j > 0 && (tokens[j] as Token).word && ADVERBS.has((tokens[j] as Token).text)) j--;
  const last = tokens[j];
  if (!last) return null;
  if (last.word && PERSON_PRONOUNS.has(last.folded)) return { kind: 'pronoun', at: last.start };
  if (last.word && OTHER_PRONOUNS.has(last.folded)) return { kind: 'role', phrase: null, at: last.start };
  const relative = relativeClauseSubject(ctx, tokens, j);
  if (relative) return relative;
  // Comma-separated pieces, read backwards: `Tom Ashworth, 34, who …, said`,
  // `Presiden Kalmaria, Darius Venn, mengatakan`. The first piece that is a person's name wins.
  if ((tokens[j] as Token).text === ',') {
    let comma = j;
    for (let pieces = 0; pieces < 4; pieces++) {
      let k = comma - 1;
      while (k >= 0 && (tokens[k] as Token).text !== ',' && comma - k < 20) k--;
      if (k >= 0 && (tokens[k] as Token).text !== ',') break;
      const run = runFrom(tokens, k + 1, ctx.content);
      // `Sumiati (58),`: an age in brackets after the name.
      const aged = tokens[comma - 1]?.text === ')' && /^\d{1,3}$/u.test(tokens[comma - 2]?.text ?? '') && tokens[comma - 3]?.text === '(';
      if (run && run[1] === comma - (aged ? 4 : 1)) {
        const parsed = parseRun(ctx, tokens, run);
        if (parsed?.kind === 'person') return { kind: 'name', name: parsed.name, org: false, at: parsed.start };
      }
      if (k < 0) break;
      comma = k;
    }
    j = comma - 1;
  }
  const core = tokens[j];
  if (!core || !core.word) return null;
  if (PERSON_PRONOUNS.has(core.folded)) return { kind: 'pronoun', at: core.start };
  if (isUpper(core.text)) {
    const run = runEndingAt(tokens, j, ctx.content);
    if (!run) return null;
    const parsed = parseRun(ctx, tokens, run);
    if (!parsed) return null;
    if (parsed.kind === 'person') return { kind: 'name', name: parsed.name, org: false, at: parsed.start };
    // Lower-case role words in front: `juru bicara Kementerian Pertahanan Vestoria`.
    let r = run[0] - 1;
    while (r >= 0 && run[0] - r <= 5) {
      const t = tokens[r] as Token;
      if (!t.word || isUpper(t.text) || !(ROLE_FILLERS.has(t.folded) || PERSON_NOUNS.has(t.folded) || TITLE_WORDS.has(t.folded))) break;
      r--;
    }
    const role = tokens.slice(r + 1, run[0]);
    if (role.some((t) => PERSON_NOUNS.has(t.folded) || TITLE_WORDS.has(t.folded)) || parsed.kind === 'role') {
      const from = (role[0] ?? tokens[run[0]]) as Token;
      return { kind: 'role', phrase: ctx.content.slice(from.start, parsed.end), at: from.start };
    }
    return { kind: 'name', name: parsed.name, org: true, at: parsed.start };
  }
  // Lower case: a definite description of a person, or someone unnamed (`officials`, `kementerian`).
  const words: Token[] = [];
  for (let k = j; k >= 0 && words.length < 5; k--) {
    const t = tokens[k] as Token;
    if (!t.word || isUpper(t.text)) {
      if (t.word && NOT_NAMES.has(t.folded)) words.unshift(t);
      break;
    }
    if (!(ROLE_FILLERS.has(t.folded) || PERSON_NOUNS.has(t.folded) || TITLE_WORDS.has(t.folded) || /-year-old$/u.test(t.folded))) {
      if (words.length === 0) words.unshift(t);
      break;
    }
    words.unshift(t);
  }
  const person = words.some((t) => PERSON_NOUNS.has(t.folded) || TITLE_WORDS.has(t.folded) || /-year-old$/u.test(t.folded));
  // `a spokesperson for the group` is someone new, whatever `the` says later.
  const definite = !INDEFINITE_ARTICLES.has(words[0]?.folded ?? '') && words.some((t) => t.folded === 'itu' || t.folded === 'tersebut' || t.folded === 'the');
  if (person && definite) return { kind: 'anaphor', at: core.start };
  return { kind: 'role', phrase: null, at: core.start, person };
}

/**
 * A person named right before a relative clause that ends at token `j`: `Joko Prasetyo yang juga
 * ketua RT mengatakan`, `James Whitfield, who raised the issue, said`. The clause says something
 * about the person; the verb after it is still theirs.
 */
export function relativeClauseSubject(ctx: Ctx, tokens: readonly Token[], j: number): SpeakerRef | null {
  for (let y = j; y > 0 && j - y < 25; y--) {
    const t = tokens[y] as Token;
    // Only the comma that closes the clause (`…, said`): another one may start a new clause.
    if (t.text === '.' || t.text === ';' || t.text === ':' || (t.text === ',' && y !== j)) return null;
    if (!t.word || !RELATIVE_WORDS.has(t.folded)) continue;
    // `X, whose son said`, `X, whom police said`: the verb has another subject.
    if (!SUBJECT_RELATIVES.has(t.folded)) return null;
    const end = tokens[y - 1]?.text === ',' ? y - 2 : y - 1;
    const run = runEndingAt(tokens, end, ctx.content);
    const parsed = run ? parseRun(ctx, tokens, run) : null;
    if (!run || parsed?.kind !== 'person') return null;
    const confident = run[1] > run[0] || parsed.titled || isRoleNoun(tokens[run[0] - 1]) || ctx.mentions(parsed.name, parsed.start).length > 0;
    return confident ? { kind: 'name', name: parsed.name, org: false, at: parsed.start } : null;
  }
  return null;
}

/** The subject of the sentence in `tokens[0, end)`: its first pronoun or name. */
export function sentenceSubject(ctx: Ctx, tokens: readonly Token[], end: number): SpeakerRef | null {
  for (let k = 0; k < end; k++) {
    const t = tokens[k] as Token;
    if (!t.word) continue;
    if (PERSON_PRONOUNS.has(t.folded)) return { kind: 'pronoun', at: t.start };
    if (!isUpper(t.text) || NOT_NAMES.has(t.folded)) continue;
    const run = runFrom(tokens, k, ctx.content);
    if (!run) continue;
    const parsed = parseRun(ctx, tokens, run);
    if (parsed && parsed.kind !== 'role') return { kind: 'name', name: parsed.name, org: parsed.kind === 'org', at: parsed.start };
    k = run[1];
  }
  return null;
}

/** A speech verb in `tokens` (lower case only: `Said` may be a name). */
export const isSpeechVerb = (t: Token): boolean => t.word && t.text === t.folded && (SPEECH_VERBS.has(t.folded) || PARTICIPLES.has(t.folded));

/** The subject of the speech verb at token `v`. */
export function subjectOf(ctx: Ctx, tokens: readonly Token[], v: number): SpeakerRef | null {
  const verb = tokens[v] as Token;
  const before = tokens[v - 1];
  if (PARTICIPLES.has(verb.folded) || (before && CLAUSE_LINKS.has(before.folded) && v >= 2 && tokens[v - 2]?.text !== ',' && before.folded !== 'dan' && before.folded !== 'and')) {
    return sentenceSubject(ctx, tokens, v);
  }
  if (before && (before.folded === 'seraya' || before.folded === 'sambil')) return sentenceSubject(ctx, tokens, v);
  return parseSubject(ctx, tokens, v);
}

/** `Menurut X`, `Menurutnya`, `According to X` in `tokens` (the last one). */
export function accordingTo(ctx: Ctx, tokens: readonly Token[]): { ref: SpeakerRef; end: number } | null {
  for (let k = tokens.length - 1; k >= 0; k--) {
    const t = tokens[k] as Token;
    if (t.folded === 'menurutnya') return { ref: { kind: 'pronoun', at: t.start }, end: k + 1 };
    const isMenurut = t.folded === 'menurut';
    const isAccording = t.folded === 'according' && tokens[k + 1]?.folded === 'to';
    if (!isMenurut && !isAccording) continue;
    const at = k + (isAccording ? 2 : 1);
    // `According to him, …`: the object form of `he`.
    const object = tokens[at];
    const ref = object?.folded === 'him' || object?.folded === 'her' ? { kind: 'pronoun' as const, at: object.start } : parseAfterVerb(ctx, tokens, at);
    if (!ref) return null;
    let e = at;
    while (e < tokens.length && (tokens[e] as Token).text !== ',' && (tokens[e] as Token).text !== ':') e++;
    return { ref, end: e + 1 };
  }
  return null;
}
