import { describe, expect, it } from 'vitest';
import { formatProblem, isError } from '../../src/knowledge/knowledge-base.js';
import { parseActors, parseSource } from '../../src/knowledge/knowledge-files.js';
import type { Source } from '../../src/knowledge/model.js';
import { isPageFurniture, splitPassages } from '../../src/knowledge/passages.js';

describe('actor titles in actors.yaml', () => {
  const person = (titles: string) => ['- id: pashinyan', '  names: { en: Nikol Pashinyan, id: Nikol Pashinyan }', '  kind: person', titles].join('\n');

  it('reads titles per language, either language optional', () => {
    const parsed = parseActors('actors.yaml', person('  titles: { en: [prime minister, PM], id: [perdana menteri] }'));
    expect(parsed.problems).toEqual([]);
    expect(parsed.actors[0]?.titles).toEqual({ en: ['prime minister', 'PM'], id: ['perdana menteri'] });
    expect(parseActors('actors.yaml', person('  titles: { en: [PM] }')).actors[0]?.titles).toEqual({ en: ['PM'], id: [] });
  });

  it('reports titles that are not a per-language list, and a title that is a sentence, at their lines', () => {
    const notAMap = parseActors('actors.yaml', person('  titles: [prime minister]')).problems;
    expect(notAMap).toEqual([expect.objectContaining({ line: 4, message: expect.stringContaining('"titles" must list roles per language') })]);
    const yaml = person('  titles:\n    en:\n      - prime minister\n      - the man who leads the government of Armenia');
    expect(parseActors('actors.yaml', yaml).problems).toEqual([expect.objectContaining({ line: 7, message: expect.stringContaining('at most 5 words') })]);
    const misspelt = parseActors('actors.yaml', person('  titles: { eng: [PM] }')).problems;
    expect(misspelt).toEqual([expect.objectContaining({ line: 4, severity: 'warning', message: expect.stringContaining('unknown field "eng"') })]);
  });

  it('warns that titles on a state are ignored', () => {
    const parsed = parseActors('actors.yaml', '- id: armenia\n  names: { en: Armenia, id: Armenia }\n  kind: state\n  titles: { en: [republic] }\n');
    expect(parsed.problems).toEqual([expect.objectContaining({ line: 4, severity: 'warning' })]);
    expect(parsed.actors[0]?.titles).toBeUndefined();
  });
});

describe('page furniture', () => {
  const source = (content: string): Source => ({ id: 'src', file: 'sources/src.txt', title: 'T', language: 'id', content, bodyStart: 0 });

  it('recognises link lines and ad slots, not sentences that start the same way', () => {
    for (const line of ['Baca Juga: Menlu: “Kami Tidak Akan Diam”', 'Baca juga:', 'Simak juga video berikut', 'ADVERTISEMENT', 'Scroll to continue with content', 'Read more: Talks stall']) {
      expect(isPageFurniture(line), line).toBe(true);
    }
    for (const line of ['Lihat juga, kata dia, data BPS.', 'Advertisement spending rose 5% last year.', 'Baca juga: x\nsecond line']) {
      expect(isPageFurniture(line), line).toBe(false);
    }
  });

  it('skips furniture paragraphs when splitting, keeping offsets exact and the ids after them unchanged', () => {
    const content = 'Pertama.\nBaca Juga: Judul Lain\nKedua.\nADVERTISEMENT\nKetiga.';
    const passages = splitPassages(source(content));
    expect(passages.map((p) => [p.id, p.text])).toEqual([
      ['src#1', 'Pertama.'],
      ['src#3', 'Kedua.'],
      ['src#5', 'Ketiga.'],
    ]);
    for (const p of passages) expect(content.slice(p.start, p.end)).toBe(p.text);
  });

  it('reports each skipped line as a note at its line, which is not an error', () => {
    const { problems } = parseSource('sources/a.md', 'a', '---\ntitle: T\n---\nPertama.\nBaca Juga: Judul Lain\nKedua.');
    expect(problems).toEqual([{ file: 'sources/a.md', line: 5, message: 'skipped "Baca Juga: Judul Lain": page furniture, not article text', severity: 'note' }]);
    expect(isError(problems[0] as (typeof problems)[number])).toBe(false);
    expect(formatProblem(problems[0] as (typeof problems)[number])).toBe('sources/a.md:5: note: skipped "Baca Juga: Judul Lain": page furniture, not article text');
  });
});
