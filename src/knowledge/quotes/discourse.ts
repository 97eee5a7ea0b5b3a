/** Step 3: who a pronoun (`ia`, `katanya`, `he`) or a definite description stands for, from what the article said before. */
import type { ActorMatcher } from '../actors.js';
import { foldText } from '../../text.js';
import { actorName, affiliations, namedPlace, registryHolders, type TitleRef, wordsHoldTitle } from './titles.js';
import { FEMALE_TITLES, MALE_TITLES, NAMING_VERBS, PERSON_NOUNS, PLACE_PREPOSITIONS, TITLE_WORDS } from './lexicon.js';
import { type Ctx, actorKinds, isRoleNoun, opensClause, parseRun, roleFollows, skipRelativeClause, startsPredicate } from './names.js';
import { type ParagraphInfo, sentenceAt } from './paragraphs.js';
import { isSpeechVerb, parseAfterVerb, subjectOf } from './subjects.js';
import { type Token, isNameWord, isUpper, runEndingAt, runFrom, tokenize } from './tokens.js';

// ---------------------------------------------------------------------------------------------
// Step 3: discourse.

/** Someone the article has named or quoted, for resolving pronouns. */
export type Referent = {
  readonly at: number;
  /** Absolute start of the sentence it was named in. */
  readonly sentence: number;
  readonly name: string | null;
  readonly actorId: string | null;
  readonly kind: 'person' | 'role' | 'org';
  readonly spoke: boolean;
};

export type Speaker = { readonly actorId: string | null; readonly name: string | null };
export const NOBODY: Speaker = { actorId: null, name: null };

export type Gender = 'm' | 'f';
/** The gender a pronoun at `at` says (`he`, `she`); none for `ia`, `dia`, `katanya`. */
export function pronounGender(content: string, at: number): Gender | null {
  const m = /^(he|she)(?![\p{L}\p{N}])/iu.exec(content.slice(at, at + 4));
  return m ? (m[1]?.toLowerCase() === 'he' ? 'm' : 'f') : null;
}
/** The gender a title or role word says (`Mrs`, `Sir`, `spokeswoman`), if any. */
export function titleGender(words: readonly string[]): Gender | null {
  for (const w of words) {
    if (MALE_TITLES.has(w)) return 'm';
    if (FEMALE_TITLES.has(w)) return 'f';
  }
  return null;
}

export class Discourse {
  /** Referents by paragraph, so that resolving looks back only as far as it must. */
  private readonly byParagraph: Referent[][] = [[]];
  /** Every run of words of a registry person's name said so far -> that person (`amina` -> amina-yusuf). */
  private readonly nameRuns = new Map<string, string>();
  /** Every run of words of anyone's name known to be a person (`ferrante` after `Lucia Ferrante`). */
  private readonly personNameRuns = new Set<string>();
  /**
   * Every run of words of a person's name -> what `he`/`she` and titles said about them so far
   * (`marsh` -> f after `Dr Helen Marsh … she said`); null once both were said.
   */
  private readonly genders = new Map<string, Gender | null>();
  /** Names seen as places (`in Santa Lucia`, `di Cimanggu`): a pronoun does not point at them. */
  private readonly places = new Set<string>();
  /** Every run of words of a person's name -> the title words written before it (`bupati magelang`) and the actors they name. */
  private readonly titlesWritten = new Map<string, { words: string[]; places: string[] }[]>();

  constructor(private readonly matcher: ActorMatcher) {}

  startParagraph(): void {
    this.byParagraph.push([]);
  }

  /** The registry actor a name as written stands for: an exact name or alias, or part of a fuller name said before (`Amina` after `Amina Yusuf`). */
  actorFor(name: string): string | null {
    // The exact-name step of `resolveActor`; its typo tolerance would turn strangers into actors.
    const exact = this.matcher.nameForms.get(foldText(name).replace(/[^\p{L}\p{N}\s-]/gu, ' ').replace(/[\s-]+/g, ' ').trim());
    if (exact?.[0] !== undefined) return exact[0];
    return this.nameRuns.get(nameWords(name).join(' ')) ?? null;
  }

  /** Whether `name` is (part of) the name of someone already known to be a person. */
  isKnownPerson(name: string): boolean {
    return this.personNameRuns.has(nameWords(name).join(' '));
  }

  add(referent: Referent): void {
    (this.byParagraph[this.byParagraph.length - 1] as Referent[]).push(referent);
    if (referent.kind !== 'person' || referent.name === null) return;
    const ws = nameWords(referent.name);
    for (let i = 0; i < ws.length; i++) {
      for (let j = i + 1; j <= ws.length; j++) {
        const run = ws.slice(i, j).join(' ');
        this.personNameRuns.add(run);
        if (referent.actorId !== null) this.nameRuns.set(run, referent.actorId);
      }
    }
  }

  /** Records that `name` is a man or a woman (a title, or `he`/`she` pointing at them). */
  learnGender(name: string, gender: Gender): void {
    const ws = nameWords(name);
    for (let i = 0; i < ws.length; i++) {
      for (let j = i + 1; j <= ws.length; j++) {
        const run = ws.slice(i, j).join(' ');
        const known = this.genders.get(run);
        this.genders.set(run, known === undefined || known === gender ? gender : null);
      }
    }
  }

  /** Records the title the article gave `name` (`Bupati Magelang Zaenal Arifin`, `Menlu Valdoria, Teodor Vasq`). */
  learnTitle(name: string, words: readonly string[], places: readonly string[]): void {
    const ws = nameWords(name);
    for (let i = 0; i < ws.length; i++) {
      for (let j = i + 1; j <= ws.length; j++) {
        const run = ws.slice(i, j).join(' ');
        this.titlesWritten.set(run, [...(this.titlesWritten.get(run) ?? []), { words: [...words], places: [...places] }]);
      }
    }
  }

  /** Whether the referent holds `role`: a registry title of its actor or a title written before its name, of the actors the role names. */
  private holds(r: Referent, role: TitleRef): boolean {
    if (r.kind !== 'person') return false;
    const written = r.name === null ? [] : (this.titlesWritten.get(nameWords(r.name).join(' ')) ?? []);
    const writtenPlaces = written.flatMap((w) => w.places);
    const belongs = (actorId: string | null) => {
      const own = actorId === null ? [] : affiliations(this.matcher, actorId);
      return role.qualifiers.every((q) => own.includes(q) || writtenPlaces.includes(q));
    };
    if (r.actorId !== null && registryHolders(this.matcher, role.title).includes(r.actorId) && belongs(r.actorId)) return true;
    return written.some((w) => wordsHoldTitle(w.words, role.title) && role.qualifiers.every((q) => w.places.includes(q) || belongs(r.actorId)));
  }

  /**
   * Who a role at `pos` stands for (`the PM`, `kata Menlu RI`): the nearest person before it who
   * holds it, else the only registry person who does; null when neither says.
   */
  resolveTitle(pos: number, role: TitleRef): Speaker | null {
    for (let p = this.byParagraph.length - 1; p >= 0; p--) {
      let best: Referent | undefined;
      for (const r of this.byParagraph[p] as Referent[]) {
        if (r.at < pos && (!best || r.at > best.at) && this.holds(r, role)) best = r;
      }
      if (best) return { actorId: best.actorId, name: best.name };
    }
    const only = registryHolders(this.matcher, role.title).filter((id) => role.qualifiers.every((q) => affiliations(this.matcher, id).includes(q)));
    return only.length === 1 ? { actorId: only[0] as string, name: actorName(this.matcher, only[0] as string) } : null;
  }

  /** Records that `name` was used as a place (`at Tom Reyes` after he was named as a person is not a place). */
  addPlace(name: string): void {
    if (!this.isKnownPerson(name)) this.places.add(nameWords(name).join(' '));
  }

  private genderOf(r: Referent): Gender | null {
    if (r.name === null) return null;
    const ws = nameWords(r.name);
    return r.kind === 'role' ? titleGender(ws) : this.genders.get(ws.join(' ')) ?? null;
  }

  /** Whether a person pronoun (of `gender`, when it has one) can stand for `r`: not an organisation or a place, not someone of the other gender. */
  private canBe(r: Referent, gender: Gender | null): boolean {
    if (r.kind === 'org') return false;
    const known = this.genderOf(r);
    // A registry person, or someone already called `he` or `she`, is a person even if a town shares the name.
    if (r.name !== null && r.actorId === null && known === null && this.places.has(nameWords(r.name).join(' '))) return false;
    return gender === null || known === null || known === gender;
  }

  /**
   * Who a pronoun or a definite description at `pos` stands for: the last sentence before it
   * that names a person (of `gender`, for `he`/`she`); its speaker if it has one, else the first
   * person in it (the subject).
   */
  resolve(pos: number, gender: Gender | null = null): Speaker {
    for (let p = this.byParagraph.length - 1; p >= 0; p--) {
      let best: Referent | undefined;
      for (const r of this.byParagraph[p] as Referent[]) {
        if (r.at >= pos || !this.canBe(r, gender)) continue;
        if (!best || r.sentence > best.sentence) best = r;
        else if (r.sentence === best.sentence) {
          if (r.spoke && (!best.spoke || r.at > best.at)) best = r;
          else if (!best.spoke && !r.spoke && r.at < best.at) best = r;
        }
      }
      if (best) return { actorId: best.actorId, name: best.name };
    }
    return NOBODY;
  }
}

export const nameWords = (name: string): string[] => foldText(name).split(/[^\p{L}\p{N}'’]+/u).filter(Boolean);

/**
 * Registry people and organisations named in a paragraph far from any quote: enough for
 * `Amina` to find `Amina Yusuf` later, at a fraction of the cost of `collectReferents`.
 */
export function collectRegistryReferents(ctx: Ctx, para: ParagraphInfo): Referent[] {
  const kinds = actorKinds(ctx.matcher);
  const found: Referent[] = [];
  for (const m of para.masked.matchAll(/\p{Lu}[\p{L}\p{M}\p{N}'’-]*(?:\s\p{Lu}[\p{L}\p{M}\p{N}'’-]*)*/gu)) {
    for (const mention of ctx.mentions(m[0], para.start + m.index)) {
      const kind = kinds.get(mention.actorId);
      if (kind !== 'person' && kind !== 'organization' && kind !== 'group') continue;
      found.push({ at: mention.start, sentence: sentenceAt(para, mention.start), name: mention.surface, actorId: mention.actorId, kind: kind === 'person' ? 'person' : 'org', spoke: false });
    }
  }
  return found;
}

/** Lower-case words that belong to a title in front of a name: `juru bicara`, `ministry spokesman`. */
const isTitleWord = (t: Token | undefined): t is Token =>
  t !== undefined && t.word && !isUpper(t.text) && (TITLE_WORDS.has(t.folded) || PERSON_NOUNS.has(t.folded));

/**
 * The title the article writes before a person's name, remembered for roles later (`sang bupati`
 * after `Bupati Magelang Zaenal Arifin`): the title words of the name's own run, or of the run
 * before it and a comma (`Menlu Valdoria, Teodor Vasq`), with lower-case title words in front.
 */
function learnWrittenTitle(ctx: Ctx, discourse: Discourse, tokens: readonly Token[], run: [number, number], parsed: { name: string; start: number }): void {
  let role: Token[] = tokens.slice(run[0], run[1] + 1).filter((t) => t.word && t.start < parsed.start);
  let k = run[0] - 1;
  if (role.length === 0 && tokens[k]?.text === ',') {
    const before = runEndingAt(tokens, k - 1, ctx.content);
    if (before) {
      role = tokens.slice(before[0], before[1] + 1).filter((t) => t.word);
      k = before[0] - 1;
    }
  }
  while (role.length > 0 && isTitleWord(tokens[k])) role = [tokens[k--] as Token, ...role];
  if (!role.some((t) => TITLE_WORDS.has(t.folded) || PERSON_NOUNS.has(t.folded))) return;
  const places = role.filter((t) => isUpper(t.text)).flatMap((t) => namedPlace(ctx, t) ?? []);
  discourse.learnTitle(parsed.name, role.map((t) => t.folded), places);
}

/** People and organisations named outside quotes, in order: registry mentions, subjects of speech verbs, titled and appositive names. */
export function collectReferents(ctx: Ctx, para: ParagraphInfo, discourse: Discourse): Referent[] {
  const found: Referent[] = [];
  const inSpan = (pos: number) => para.spans.some((s) => pos >= s.open && pos < (s.close ?? para.end) + 1);
  const kinds = actorKinds(ctx.matcher);
  const kindOf = (id: string) => kinds.get(id);
  const push = (at: number, name: string | null, kind: Referent['kind'], actorId: string | null) => {
    if (inSpan(at)) return;
    found.push({ at, sentence: sentenceAt(para, at), name, actorId, kind, spoke: false });
  };
  const bySentence: Token[][] = para.sentences.map(() => []);
  let s = 0;
  for (const t of tokenize(para.masked, para.start)) {
    while (s + 1 < para.sentences.length && t.start >= (para.sentences[s + 1] as number)) s++;
    (bySentence[s] as Token[]).push(t);
  }
  for (const tokens of bySentence) {
    for (let v = 0; v < tokens.length; v++) {
      const t = tokens[v] as Token;
      const isMenurut = t.folded === 'menurut' || (t.folded === 'according' && tokens[v + 1]?.folded === 'to');
      if (!isMenurut && isNameWord(t) && !(v > 0 && isNameWord(tokens[v - 1] as Token))) {
        const run = runFrom(tokens, v, ctx.content);
        if (!run) continue;
        // Registry names are capitalized in news text: look for them in runs of capitalized words.
        const runStart = (tokens[run[0]] as Token).start;
        for (const m of ctx.mentions(ctx.content.slice(runStart, (tokens[run[1]] as Token).end), runStart)) {
          const kind = kindOf(m.actorId);
          if (kind === 'person') push(m.start, m.surface, 'person', m.actorId);
          else if (kind === 'organization' || kind === 'group') push(m.start, m.surface, 'org', m.actorId);
        }
        const parsed = parseRun(ctx, tokens, run);
        const after = tokens.slice(run[1] + 1, run[1] + 4).map((x) => x.text).join(' ');
        const before = tokens[run[0] - 1]?.text;
        const lead = tokens[run[0]] as Token;
        if (parsed && (PLACE_PREPOSITIONS.has(before ?? '') || (PLACE_PREPOSITIONS.has(lead.folded) && parsed.start > lead.start))) discourse.addPlace(parsed.name);
        const nextRun = after.startsWith(',') ? runFrom(tokens, run[1] + 2, ctx.content) : null;
        const followedByName = nextRun !== null && parseRun(ctx, tokens, nextRun)?.kind === 'person';
        const words = run[1] - run[0] + 1;
        // `a senior Indonesian official`, `Kremlin spokesman Dmitri Orlov`: a capitalised word right
        // before a role noun describes the role; it is not someone's name.
        const modifier = words <= 2 && isRoleNoun(tokens[run[1] + 1]) && !ctx.mentions(ctx.content.slice(runStart, (tokens[run[1]] as Token).end), runStart).some((m) => kindOf(m.actorId) === 'person');
        const isPerson = parsed?.kind === 'person' && !modifier && (
          // `Wakil Perdana Menteri Tomas Erlund` (but `Kepala Stasiun X, Sri Wahyuni`: the name follows).
          (parsed.titled && !followedByName)
          // `…, Ben Adeyemi, …`: a name of two or more words set off by commas (but `Ketua Forum X,
          // Budi Santoso,`: the name that follows is the person).
          || (before === ',' && words >= 2 && words <= 5 && /^(?:,|\.|$)/u.test(after) && !followedByName)
          // `Siti Aminah (52)`, `Tom Ashworth, 34,`: a name with an age.
          || /^(?:\( \d{1,3} \)|, \d{1,3} ,)/u.test(after)
          // `Jonas Feld, the festival director,`, `Ma'ruf Hasan, seorang petani`: a name with a role.
          || (words >= 2 && tokens[run[1] + 1]?.text === ',' && roleFollows(tokens, run[1] + 2))
          // `former central bank governor Lucia Ferrante`: a role in lower case before the name.
          || isRoleNoun(tokens[run[0] - 1])
          // `Ferrante` after `Lucia Ferrante`: someone already known as a person.
          || discourse.isKnownPerson(parsed.name)
          // `Dario Reyes voted …`, `Dario Reyes, who …, voted …`: a name of two words or more as
          // the subject of a sentence.
          || (words >= 2 && opensClause(tokens, run[0]) && startsPredicate(tokens, skipRelativeClause(tokens, run[1] + 1))));
        if (isPerson && parsed) {
          push(parsed.start, parsed.name, 'person', discourse.actorFor(parsed.name));
          // `Mrs Ortiz`, `spokeswoman Jane Roe`: a title that says who `she` may be.
          const gender = titleGender(tokens.slice(Math.max(0, run[0] - 1), run[1] + 1).filter((x) => x.start < parsed.start).map((x) => x.folded));
          if (gender) discourse.learnGender(parsed.name, gender);
          learnWrittenTitle(ctx, discourse, tokens, run, parsed);
        }
        v = run[1];
        continue;
      }
      if (!isSpeechVerb(t) && !isMenurut && !(t.text === t.folded && NAMING_VERBS.has(t.folded))) continue;
      const ref = isMenurut ? parseAfterVerb(ctx, tokens, v + (t.folded === 'menurut' ? 1 : 2)) : subjectOf(ctx, tokens, v);
      if (ref?.kind === 'name') push(ref.at, ref.name, ref.org ? 'org' : 'person', discourse.actorFor(ref.name));
      // Someone unnamed but a person (`seorang warga mengatakan`) blocks older referents; a
      // lower-case non-person (`a statement posted`) is no one.
      else if (ref?.kind === 'role' && (ref.phrase !== null || ref.person !== false)) push(ref.at, ref.phrase, 'role', null);
    }
  }
  return found.sort((a, b) => a.at - b.at);
}
