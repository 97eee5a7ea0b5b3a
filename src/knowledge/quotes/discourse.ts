/** Step 3: who a pronoun (`ia`, `katanya`, `he`) or a definite description stands for, from what the article said before. */
import type { ActorMatcher } from '../actors.js';
import { foldText } from '../../text.js';
import { FEMALE_TITLES, MALE_TITLES } from './lexicon.js';
import { actorName, affiliations, registryHolders, type TitleRef, wordsHoldTitle } from './titles.js';

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
