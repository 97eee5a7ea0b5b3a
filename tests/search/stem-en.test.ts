import { describe, expect, test } from 'vitest';
import { stemEnglish } from '../../src/search/stem-en.js';

describe('stemEnglish', () => {
  test.each([
    ['ceasefires', 'ceasefire'],
    ['troops', 'troop'],
    ['negotiations', 'negotiation'],
    ['attacked', 'attack'],
    ['attacks', 'attacking'],
    ['negotiated', 'negotiate'],
    ['negotiating', 'negotiates'],
    ['casualties', 'casualty'],
    ['countries', 'country'],
    ['shelling', 'shelled'],
    ['controlled', 'control'],
    ['voting', 'votes'],
    ['forces', 'forced'],
    ['refugees', 'refugee'],
    ['floods', 'flooding'],
    ['largely', 'large'],
    ['taxes', 'tax'],
    ["azerbaijan's", 'azerbaijan'],
    ['stopped', 'stop'],
    ['hoped', 'hope'],
  ])('%s and %s meet', (a, b) => {
    expect(stemEnglish(a)).toBe(stemEnglish(b));
  });

  test.each([
    ['news', 'new'],
    ['supply', 'supp'],
    ['family', 'fami'],
    ['reported', 'reporter'],
  ])('keeps %s apart from %s', (a, b) => {
    expect(stemEnglish(a)).not.toBe(stemEnglish(b));
  });

  test.each(['Armenia', 'Erdogan', 'Kyiv', 'gas', 'bus', 'crisis', 'status'])('returns %s as given', (word) => {
    expect(stemEnglish(word)).toBe(word);
  });

  test('lower-cases what it stems', () => {
    expect(stemEnglish('Troops')).toBe('troop');
  });
});
