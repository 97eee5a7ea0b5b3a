import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { analyzeWord, forEachWord, indexTerms, queryTerms, termLanguage } from '../../src/search/analyze.js';
import { words } from '../../src/text.js';

const scan = (text: string): [number, number][] => {
  const out: [number, number][] = [];
  forEachWord(text, (start, end) => out.push([start, end]));
  return out;
};

describe('forEachWord', () => {
  test('finds the same words as words() in text.ts', () => {
    const alphabet = fc.constantFrom('a', 'Z', '9', 'ğ', 'é', 'e\u0301', "'", '’', ' ', '-', '.', '🙂', '𝐀', 'ß', 'ы', '\n');
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ unit: alphabet, maxLength: 60 })), (text) => {
        expect(scan(text)).toEqual(words(text).map((w) => [w.start, w.end]));
      }),
      { numRuns: 1000 },
    );
  });

  test("keeps an apostrophe ending with the word: Azerbaijan's, Jum'at", () => {
    const text = "Azerbaijan's army, Jum'at, rock'n'roll";
    expect(scan(text).map(([a, b]) => text.slice(a, b))).toEqual(["Azerbaijan's", 'army', "Jum'at", "rock'n", 'roll']);
  });
});

describe('analyzeWord', () => {
  test('folds case and diacritics', () => {
    expect(analyzeWord('Erdoğan').folded).toBe('erdogan');
    expect(analyzeWord("Azerbaijan's").folded).toBe('azerbaijan');
  });

  test('ignores stop words of both languages and single characters', () => {
    for (const word of ['yang', 'dan', 'di', 'the', 'of', 'And', 'x', '7']) expect(analyzeWord(word).ignored, word).toBe(true);
  });

  test('keeps acronyms written in capitals even when they spell a stop word', () => {
    expect(analyzeWord('US').ignored).toBe(false);
    expect(analyzeWord('us').ignored).toBe(true);
  });

  test("stores a passage's word under its own language's stem, and both for other languages", () => {
    const forms = analyzeWord('serangan');
    expect(indexTerms(forms, termLanguage('id'))).toEqual(['serang']);
    expect(indexTerms(analyzeWord('attacks'), termLanguage('en-GB'))).toEqual(['attack']);
    expect(indexTerms(forms, termLanguage('und'))).toEqual(['serang', 'serangan']);
  });

  test('tries a query word as written and stemmed either way', () => {
    expect(queryTerms(analyzeWord('attacks'))).toEqual(['attacks', 'attack']);
    expect(queryTerms(analyzeWord('menyerang'))).toEqual(['menyerang', 'serang']);
  });
});
