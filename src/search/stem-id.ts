/**
 * Indonesian stemmer: confix stripping in the manner of Nazief-Adriani and Sastrawi, gated
 * by a root dictionary. Affixes are removed only when what remains is a known root, so a
 * word that is not recognised (a name such as "Armenia", a loanword, a typo) comes back as
 * it was given.
 *
 * Order, as in Sastrawi: the word itself; then suffixes from the outside in (particle -lah
 * -kah -tah -pun, possessive -ku -mu -nya, derivational -kan -an -i), checking the
 * dictionary after each; then up to three prefixes on the stripped word; then the same
 * prefixes again with the suffixes put back one by one, innermost first.
 */

import { INDONESIAN_ROOTS } from './id-roots.js';

const PARTICLES = ['lah', 'kah', 'tah', 'pun'] as const;
const POSSESSIVES = ['nya', 'ku', 'mu'] as const;
const MIN_ROOT = 3;
const MAX_PREFIXES = 3;

/** Prefix with its allomorph already resolved, e.g. `meny` for "menyerang". */
type PrefixKind = 'di' | 'ke' | 'se' | 'be' | 'te' | 'me' | 'pe';
type PrefixCut = { readonly kind: PrefixKind; readonly rest: string };
type SuffixLevel = { readonly word: string; readonly derivational: string | null };

const isVowel = (c: string | undefined): boolean => c !== undefined && 'aiueo'.includes(c);

function isRoot(word: string): boolean {
  return word.length >= MIN_ROOT && INDONESIAN_ROOTS.has(word);
}

/**
 * Prefixes that occur with a suffix are limited (Nazief-Adriani's disallowed confixes):
 * ber-...-i, di-...-an, ke-...-i, ke-...-kan, me-...-an, se-...-i, se-...-kan, ter-...-an.
 */
function confixAllowed(prefix: PrefixKind, suffix: string | null): boolean {
  switch (suffix) {
    case 'i':
      return prefix !== 'be' && prefix !== 'ke' && prefix !== 'se';
    case 'kan':
      return prefix !== 'ke' && prefix !== 'se';
    case 'an':
      return prefix !== 'di' && prefix !== 'me' && prefix !== 'te';
    default:
      return true;
  }
}

/**
 * Every way of removing one prefix from `w`, best first. Sound changes of me- and pe- are
 * undone by offering each possible first letter of the root: "menembak" -> "nembak" or
 * "tembak"; the dictionary decides.
 */
function prefixCuts(w: string): PrefixCut[] {
  const cuts: PrefixCut[] = [];
  const add = (kind: PrefixKind, rest: string): void => {
    if (rest.length >= MIN_ROOT) cuts.push({ kind, rest });
  };
  const c2 = w[2];
  const c3 = w[3];
  const c4 = w[4];

  if (w.startsWith('di')) add('di', w.slice(2));
  if (w.startsWith('ke')) add('ke', w.slice(2));
  if (w.startsWith('se')) add('se', w.slice(2));

  if (w.startsWith('ber')) {
    if (w === 'belajar') add('be', 'ajar');
    add('be', w.slice(3));
    if (isVowel(c3)) add('be', w.slice(2)); // be-rV: "beragam" -> "ragam"
  } else if (w.startsWith('bel') && w.startsWith('belajar')) {
    add('be', w.slice(3));
  } else if (w.startsWith('be') && c2 !== undefined && !isVowel(c2) && w.slice(3, 5) === 'er') {
    add('be', w.slice(2)); // be-C1erC2: "bekerja" -> "kerja"
  }

  // Sastrawi's te-C1erC2 ("teperdaya") is left out: it is rare, and it turns "Teheran" into "heran".
  if (w.startsWith('ter')) {
    add('te', w.slice(3));
    if (isVowel(c3)) add('te', w.slice(2)); // te-rV
  }

  if (w.startsWith('me')) {
    if (c2 !== undefined && 'lrwy'.includes(c2) && isVowel(c3)) add('me', w.slice(2));
    if (w.startsWith('mem')) {
      if (c3 !== undefined && 'bfv'.includes(c3)) add('me', w.slice(3));
      else if (w.startsWith('mempe'))
        add('me', w.slice(3)); // mem-pe: "memperingatkan"
      else if (c3 === 'p')
        add('me', w.slice(3)); // mem-p: "mempunyai"
      else if (isVowel(c3) || (c3 === 'r' && isVowel(c4))) {
        add('me', `m${w.slice(3)}`); // me-m: "memakan" -> "makan"
        add('me', `p${w.slice(3)}`); // me-p: "memulihkan" -> "pulih"
      }
    } else if (w.startsWith('meng')) {
      if (c4 !== undefined && 'ghqk'.includes(c4)) add('me', w.slice(4));
      else if (isVowel(c4)) {
        add('me', w.slice(4)); // meng-V: "mengakhiri" -> "akhir"
        add('me', `k${w.slice(4)}`); // meng-kV: "mengatakan" -> "kata"
        if (w.startsWith('menge')) add('me', w.slice(5)); // menge-: "mengebom" -> "bom"
        add('me', `ng${w.slice(4)}`); // me-ngV: "menganga"
      }
    } else if (w.startsWith('meny')) {
      if (isVowel(c4)) {
        add('me', `ny${w.slice(4)}`); // me-nyV: "menyatakan" -> "nyata"
        add('me', `s${w.slice(4)}`); // meny-s: "menyerang" -> "serang"
      }
    } else if (w.startsWith('men')) {
      if (c3 !== undefined && 'cdjstz'.includes(c3)) add('me', w.slice(3));
      else if (isVowel(c3)) {
        add('me', `n${w.slice(3)}`); // me-nV: "menilai" -> "nilai"
        add('me', `t${w.slice(3)}`); // men-t: "menembak" -> "tembak"
      }
    }
  }

  if (w.startsWith('pe')) {
    if (w.startsWith('pelajar')) add('pe', w.slice(3));
    if (c2 !== undefined && 'wy'.includes(c2) && isVowel(c3)) add('pe', w.slice(2));
    if (w.startsWith('per')) {
      add('pe', w.slice(3));
      if (isVowel(c3)) add('pe', w.slice(2)); // pe-rV: "perundingan" -> "runding"
    } else if (w.startsWith('pem')) {
      if (c3 !== undefined && 'bfv'.includes(c3)) add('pe', w.slice(3));
      else if (isVowel(c3) || (c3 === 'r' && isVowel(c4))) {
        add('pe', `m${w.slice(3)}`);
        add('pe', `p${w.slice(3)}`); // "pemerintahan" -> "perintah"
      }
    } else if (w.startsWith('peng')) {
      if (c4 !== undefined && !isVowel(c4)) add('pe', w.slice(4));
      else if (isVowel(c4)) {
        add('pe', w.slice(4)); // "pengungsi" -> "ungsi"
        add('pe', `k${w.slice(4)}`); // "pengembangan" -> "kembang"
        if (w.startsWith('penge')) add('pe', w.slice(5)); // "pengeboman" -> "bom"
      }
    } else if (w.startsWith('peny')) {
      if (isVowel(c4)) {
        add('pe', `ny${w.slice(4)}`);
        add('pe', `s${w.slice(4)}`); // "penyerangan" -> "serang"
      }
    } else if (w.startsWith('pen')) {
      if (c3 !== undefined && 'cdjstz'.includes(c3)) add('pe', w.slice(3));
      else if (isVowel(c3)) {
        add('pe', `n${w.slice(3)}`);
        add('pe', `t${w.slice(3)}`); // "penembakan" -> "tembak"
      }
    } else if (c2 === 'l' && isVowel(c3)) {
      add('pe', w.slice(2)); // pe-l: "pelaku" -> "laku"
    } else if (c2 !== undefined && !isVowel(c2) && !'rwylmn'.includes(c2)) {
      add('pe', w.slice(2)); // pe-C: "peperangan" -> "perang", "petugas" -> "tugas"
    }
  }
  return cuts;
}

/**
 * Removes up to `depth` prefixes, depth first in rule order; returns the first known root.
 * `outer` is the outermost prefix removed so far: it decides which suffix may go with it.
 */
function stripPrefixes(
  w: string,
  suffix: string | null,
  depth: number,
  outer: PrefixKind | null,
  used: ReadonlySet<PrefixKind>,
): string | null {
  if (depth === 0) return null;
  for (const cut of prefixCuts(w)) {
    // A prefix does not repeat ("di-di-"), and di- only stands outermost.
    if (used.has(cut.kind)) continue;
    if (outer !== null && cut.kind === 'di') continue;
    const outermost = outer ?? cut.kind;
    if (!confixAllowed(outermost, suffix)) continue;
    if (isRoot(cut.rest)) return cut.rest;
    const deeper = stripPrefixes(cut.rest, suffix, depth - 1, outermost, new Set([...used, cut.kind]));
    if (deeper !== null) return deeper;
  }
  return null;
}

function stripOne(word: string, endings: readonly string[]): string | null {
  for (const ending of endings) {
    if (word.endsWith(ending) && word.length - ending.length >= MIN_ROOT) return word.slice(0, -ending.length);
  }
  return null;
}

/** The word with suffixes removed one layer at a time, outermost layer first. */
function suffixLevels(word: string): SuffixLevel[] {
  const levels: SuffixLevel[] = [{ word, derivational: null }];
  let current = word;
  const particle = stripOne(current, PARTICLES);
  if (particle !== null) {
    current = particle;
    levels.push({ word: current, derivational: null });
  }
  const possessive = stripOne(current, POSSESSIVES);
  if (possessive !== null) {
    current = possessive;
    levels.push({ word: current, derivational: null });
  }
  // -kan may also be a root ending in k plus -an ("kedudukan" = ke-duduk-an): offer both.
  if (current.endsWith('kan') && current.length - 3 >= MIN_ROOT) {
    levels.push({ word: current.slice(0, -3), derivational: 'kan' });
    levels.push({ word: current.slice(0, -2), derivational: 'an' });
  } else if (current.endsWith('an') && current.length - 2 >= MIN_ROOT) {
    levels.push({ word: current.slice(0, -2), derivational: 'an' });
  } else if (current.endsWith('i') && current.length - 1 >= MIN_ROOT) {
    levels.push({ word: current.slice(0, -1), derivational: 'i' });
  }
  return levels;
}

function stemPlain(word: string): string | null {
  if (isRoot(word)) return word;
  const levels = suffixLevels(word);
  for (const level of levels) if (isRoot(level.word)) return level.word;
  // Prefixes on the most stripped form first, then with suffixes put back.
  for (let i = levels.length - 1; i >= 0; i--) {
    const level = levels[i];
    if (level === undefined) continue;
    const root = stripPrefixes(level.word, level.derivational, MAX_PREFIXES, null, new Set());
    if (root !== null) return root;
  }
  return null;
}

/**
 * Returns the root of an Indonesian word, or the word exactly as given when no affix can be
 * removed to leave a known root (names, loanwords, words under 4 letters). Reduplicated
 * words ("negara-negara", "tembak-menembak") give the root both halves share.
 *
 * @example
 * stemIndonesian('penyerangan') // 'serang'
 * stemIndonesian('pasukannya') // 'pasukan'
 * stemIndonesian('Armenia') // 'Armenia'
 */
export function stemIndonesian(word: string): string {
  const lower = word.toLowerCase();
  if (lower.includes('-')) {
    const parts = lower.split('-');
    if (parts.length !== 2) return word;
    const [first = '', second = ''] = parts;
    const a = first.length >= 4 ? (stemPlain(first) ?? first) : first;
    const b = second.length >= 4 ? (stemPlain(second) ?? second) : second;
    return a === b && a !== '' ? a : word;
  }
  if (lower.length < 4 || !/^[a-z]+$/.test(lower)) return word;
  return stemPlain(lower) ?? word;
}
