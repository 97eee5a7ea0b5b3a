import { describe, expect, it } from 'vitest';
import type { Source } from '../../src/knowledge/model.js';
import { MAX_PARAGRAPH, paragraphSpans, sentenceSpans, splitPassages } from '../../src/knowledge/passages.js';

const source = (content: string, bodyStart = 0, language = 'en'): Source => ({ id: 'src', file: 'sources/src.md', title: 'T', language, content, bodyStart });

describe('paragraphSpans', () => {
  it('splits at blank lines when the text has any', () => {
    const body = 'One line\ncontinues.\n\nSecond.\n\n\nThird.';
    expect(paragraphSpans(body).map(([a, b]) => body.slice(a, b))).toEqual(['One line\ncontinues.', 'Second.', 'Third.']);
  });

  it('takes one paragraph per line when there are no blank lines (like the seed)', () => {
    const body = 'First.\nSecond.\r\nThird.';
    expect(paragraphSpans(body).map(([a, b]) => body.slice(a, b))).toEqual(['First.', 'Second.', 'Third.']);
  });
});

describe('sentenceSpans', () => {
  it('does not split after abbreviations such as Dr. and Prof.', () => {
    const text = 'Dr. Smith met Prof. Jones in Baku. They talked.';
    expect(sentenceSpans(text).map(([a, b]) => text.slice(a, b))).toEqual(['Dr. Smith met Prof. Jones in Baku.', 'They talked.']);
  });
});

describe('splitPassages', () => {
  it('gives ids <source>#<paragraph> with exact offsets into the file, front matter included', () => {
    const content = '---\ntitle: T\n---\nFirst paragraph.\n\nSecond one.\n';
    const passages = splitPassages(source(content, '---\ntitle: T\n---\n'.length));
    expect(passages.map((p) => p.id)).toEqual(['src#1', 'src#2']);
    for (const p of passages) expect(content.slice(p.start, p.end)).toBe(p.text);
    expect(passages[1]?.line).toBe(6);
  });

  it('splits a long paragraph at sentence boundaries into <n>.<part> passages, losing nothing', () => {
    const sentence = 'The talks in Geneva went on for another long day without any result. ';
    const long = sentence.repeat(20).trim();
    const content = `Intro.\n\n${long}`;
    const passages = splitPassages(source(content));
    const parts = passages.filter((p) => p.paragraph === 2);
    expect(long.length).toBeGreaterThan(MAX_PARAGRAPH);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.map((p) => p.id)).toEqual(parts.map((_, i) => `src#2.${i + 1}`));
    for (const p of parts) {
      expect(content.slice(p.start, p.end)).toBe(p.text);
      expect(p.text.endsWith('result.')).toBe(true);
    }
    expect(parts.map((p) => p.text).join(' ')).toBe(long);
  });

  it('drops the # marks of a Markdown heading from the cited text', () => {
    const passages = splitPassages(source('# Lima Skenario\n\nText.'));
    expect(passages[0]?.text).toBe('Lima Skenario');
  });
});
