/**
 * A light English stemmer: Porter's step 1 (plurals, -ed, -ing, final -y) plus -ly and
 * possessives. It only has to make forms of one word meet ("ceasefires" and "ceasefire",
 * "negotiated" and "negotiating"); the stems need not be words ("country" -> "countri").
 * Porter's steps 2-4 (-ation, -ness, -ment, ...) are left out on purpose: they join words
 * a reader would keep apart. Written by hand because the npm stemmers either do far more (full Porter conflates
 * "general" with "generate") or are unmaintained.
 */

/** Words that look inflected but are not, or whose stem would collide with another word. */
const INVARIANT: ReadonlySet<string> = new Set([
  'news',
  'series',
  'species',
  'always',
  'perhaps',
  'whereas',
  'afterwards',
  'towards',
  'during',
  'nothing',
  'something',
  'anything',
  'everything',
  'morning',
  'evening',
  'thing',
  'things',
  'sibling',
  'ceiling',
  'wedding',
  'pudding',
  'bias',
  'gas',
  'chaos',
  'family',
  'italy',
  'july',
  'reply',
  'supply',
  'apply',
  'comply',
  'imply',
  'assembly',
  'anomaly',
  'monopoly',
  'rally',
  'ally',
  'only',
  'early',
  'holy',
  'ugly',
  'fly',
  'belly',
  'jelly',
  'bully',
  'folly',
  'multiply',
]);

const VOWELS = 'aeiou';

function isConsonant(word: string, i: number): boolean {
  const c = word[i];
  if (c === undefined) return false;
  if (VOWELS.includes(c)) return false;
  if (c === 'y') return i === 0 || !isConsonant(word, i - 1);
  return true;
}

/** Porter's m: the number of vowel-consonant sequences in `stem`. */
function measure(stem: string): number {
  let m = 0;
  let i = 0;
  const n = stem.length;
  while (i < n && isConsonant(stem, i)) i++;
  while (i < n) {
    while (i < n && !isConsonant(stem, i)) i++;
    if (i >= n) break;
    while (i < n && isConsonant(stem, i)) i++;
    m++;
  }
  return m;
}

function hasVowel(stem: string): boolean {
  for (let i = 0; i < stem.length; i++) if (!isConsonant(stem, i)) return true;
  return false;
}

/** Consonant-vowel-consonant at the end, the last not w, x or y ("hop", not "bow"). */
function endsCvc(stem: string): boolean {
  const n = stem.length;
  if (n < 3) return false;
  const last = stem[n - 1] ?? '';
  return isConsonant(stem, n - 3) && !isConsonant(stem, n - 2) && isConsonant(stem, n - 1) && !'wxy'.includes(last);
}

function endsDoubleConsonant(stem: string): boolean {
  const n = stem.length;
  return n >= 2 && stem[n - 1] === stem[n - 2] && isConsonant(stem, n - 1);
}

/** Step 1a: plurals. */
function stripPlural(w: string): string {
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (w.endsWith('ies')) return w.length > 4 ? w.slice(0, -2) : w.slice(0, -1);
  if (/(?:x|ch|sh|zz)es$/.test(w)) return w.slice(0, -2);
  if (/(?:ss|us|is)$/.test(w)) return w;
  if (w.endsWith('s') && w.length >= 4 && hasVowel(w.slice(0, -1))) return w.slice(0, -1);
  return w;
}

/** Step 1b: -eed, -ed, -ing, with Porter's repairs ("negotiat" -> "negotiate", "stopp" -> "stop"). */
function stripVerbEnding(w: string): string {
  if (w.endsWith('eed')) return measure(w.slice(0, -3)) > 0 ? w.slice(0, -1) : w;
  let stem: string | undefined;
  if (w.endsWith('ed') && hasVowel(w.slice(0, -2))) stem = w.slice(0, -2);
  else if (w.endsWith('ing') && hasVowel(w.slice(0, -3))) stem = w.slice(0, -3);
  if (stem === undefined) return w;
  if (/(?:at|bl|iz)$/.test(stem)) return `${stem}e`;
  if (endsDoubleConsonant(stem) && !/[lsz]$/.test(stem)) return stem.slice(0, -1);
  if (measure(stem) === 1 && endsCvc(stem)) return `${stem}e`;
  return stem;
}

/** -ly after a consonant that makes it an adverb ("reportedly", "largely"), not "supply". */
function stripAdverb(w: string): string {
  if (w.length >= 6 && w.endsWith('ly') && !/[lpiaouyb]ly$/.test(w)) return w.slice(0, -2);
  return w;
}

/** Porter's step 5: a final -e ("negotiate" and "negotiated" meet) and -ll ("controlled"). */
function stripFinalE(w: string): string {
  if (w.endsWith('e')) {
    const stem = w.slice(0, -1);
    const m = measure(stem);
    if (m > 1 || (m === 1 && !endsCvc(stem))) return stem;
  }
  if (w.endsWith('ll') && measure(w) > 1) return w.slice(0, -1);
  return w;
}

/**
 * Stems an English word. Returns the word as given when no rule applies, otherwise the
 * lower-cased stem.
 *
 * @example
 * stemEnglish('ceasefires') === stemEnglish('ceasefire') // both 'ceasefir'
 * stemEnglish('negotiations') // 'negotiation'
 * stemEnglish('attacked') // 'attack'
 */
export function stemEnglish(word: string): string {
  let w = word.toLowerCase();
  if (/['’]s$/.test(w)) w = w.slice(0, -2);
  else if (/s['’]$/.test(w)) w = w.slice(0, -1);
  if (w.length < 4 || INVARIANT.has(w) || !/^[a-z]+$/.test(w)) {
    return w === word.toLowerCase() ? word : w;
  }
  const before = w;
  w = stripAdverb(w);
  w = stripPlural(w);
  w = stripVerbEnding(w);
  if (w.length > 2 && w.endsWith('y') && hasVowel(w.slice(0, -1))) w = `${w.slice(0, -1)}i`;
  w = stripFinalE(w);
  return w === before && before === word.toLowerCase() ? word : w;
}
