import { describe, expect, it } from 'vitest';
import { findScenarioStatements, isHeading } from '../../src/knowledge/scenario-statements.js';
import type { Passage } from '../../src/knowledge/model.js';

function statements(texts: readonly string[], language = 'id'): string[] {
  const passages: Passage[] = texts.map((text, i) => ({
    id: `s#${i + 1}`,
    sourceId: 's',
    paragraph: i + 1,
    part: 1,
    start: 0,
    end: text.length,
    line: i + 1,
    text,
  }));
  return findScenarioStatements(passages, () => language).map((s) => s.text);
}

describe('findScenarioStatements', () => {
  it('finds conditionals in both orders, in Indonesian', () => {
    expect(statements(['Jika harga naik, nelayan akan berhenti melaut.'])).toEqual(['Jika harga naik, nelayan akan berhenti melaut.']);
    expect(statements(['Pemerintah akan menaikkan subsidi apabila harga pangan terus naik.'])).toEqual([
      'Pemerintah akan menaikkan subsidi apabila harga pangan terus naik.',
    ]);
    expect(statements(['Sekolah akan ditutup bila banjir datang lagi.'])).toHaveLength(1);
  });

  it('finds conditionals in both orders, in English', () => {
    expect(statements(['If the talks fail, the port would close.'], 'en')).toHaveLength(1);
    expect(statements(['The union would strike again if wages stayed frozen.'], 'en')).toEqual([
      'The union would strike again if wages stayed frozen.',
    ]);
  });

  it('does not take a heading for a stated outcome', () => {
    expect(statements(['Lima Skenario Konflik di Perbatasan', 'Tiga skenario dibahas para menteri pada pertemuan itu.'])).toEqual([
      'Tiga skenario dibahas para menteri pada pertemuan itu.',
    ]);
  });

  it('needs both halves: a lone "akan" or "if" is no scenario', () => {
    expect(statements(['Menteri akan datang besok.', 'Ask if you like.'])).toEqual([]);
  });
});

describe('isHeading', () => {
  it('is a short line that ends no sentence', () => {
    expect(isHeading('Lima Skenario Konflik Militer Nagorno-Karabakh')).toBe(true);
    expect(isHeading('Rusia akan campur tangan jika Armenia dimasuki.')).toBe(false);
    expect(isHeading('Mengapa Rusia diam?')).toBe(false);
  });
});
