/**
 * Splitting a source into citable passages with exact offsets.
 */
import type { Passage, Source } from './model.js';

/** Paragraphs longer than this are split at sentence boundaries into parts of about `PART_TARGET`. */
export const MAX_PARAGRAPH = 700;
const PART_TARGET = 450;

// Words after which a full stop does not end a sentence (Intl.Segmenter splits after them).
const ABBREVIATIONS = new Set([
  'dr', 'prof', 'mr', 'mrs', 'ms', 'st', 'jr', 'sr', 'no', 'vs', 'etc', 'gen', 'lt', 'col', 'capt', 'sgt',
  'gov', 'sen', 'rep', 'inc', 'ltd', 'co', 'corp', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep',
  'sept', 'oct', 'nov', 'dec', 'ir', 'drs', 'hj', 'h', 'kh', 'tn', 'ny', 'sdr', 'bpk', 'jl', 'hlm', 'dll',
  'dsb', 'dst', 'u.s', 'u.k', 'e.g', 'i.e', 'a.s', 'no', 'kab', 'kec', 'prov', 'rp',
]);

const segmenters = new Map<string, Intl.Segmenter>();
function sentenceSegmenter(language: string): Intl.Segmenter {
  let seg = segmenters.get(language);
  if (!seg) {
    let locale: string;
    try {
      locale = Intl.Segmenter.supportedLocalesOf([language]).length > 0 ? language : 'en';
    } catch {
      locale = 'en';
    }
    seg = new Intl.Segmenter(locale, { granularity: 'sentence' });
    segmenters.set(language, seg);
  }
  return seg;
}

function endsWithAbbreviation(segment: string): boolean {
  const m = /(?:^|[\s(“"'‘])([\p{L}.]+)\.\s*$/u.exec(segment);
  if (!m) return false;
  const word = (m[1] as string).toLowerCase();
  // Single capital initials ("J. Smith") and known abbreviations.
  return ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word);
}

/**
 * Sentences of `text` as [start, end) offsets (trailing spaces excluded). Segments one
 * paragraph at a time: Node 20's Intl.Segmenter slows down badly on very long strings.
 */
export function sentenceSpans(text: string, language = 'en'): [number, number][] {
  const spans: [number, number][] = [];
  let pendingStart = -1;
  for (const seg of sentenceSegmenter(language).segment(text)) {
    const start = pendingStart >= 0 ? pendingStart : seg.index;
    const end = seg.index + seg.segment.length;
    if (endsWithAbbreviation(seg.segment) && end < text.length) {
      pendingStart = start;
      continue;
    }
    pendingStart = -1;
    const trimmedEnd = start + text.slice(start, end).trimEnd().length;
    if (trimmedEnd > start) spans.push([start, trimmedEnd]);
  }
  if (pendingStart >= 0) {
    const trimmedEnd = pendingStart + text.slice(pendingStart).trimEnd().length;
    if (trimmedEnd > pendingStart) spans.push([pendingStart, trimmedEnd]);
  }
  return spans;
}

/** [start, end) of each paragraph in `body`: blank-line separated, or one per line when there are no blank lines. */
export function paragraphSpans(body: string): [number, number][] {
  const hasBlankLine = /\n[ \t\r]*\n/.test(body);
  const separator = hasBlankLine ? /\n[ \t\r]*\n/g : /\n/g;
  const spans: [number, number][] = [];
  let pos = 0;
  const push = (from: number, to: number) => {
    const raw = body.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed.length > 0) spans.push([from + lead, from + lead + trimmed.length]);
  };
  for (const m of body.matchAll(separator)) {
    push(pos, m.index);
    pos = m.index + m[0].length;
  }
  push(pos, body.length);
  return spans;
}

/**
 * Lines a news site puts between paragraphs that are not the article: links to other stories
 * (`Baca Juga: …`, `Simak juga …`, `Read more: …`) and ad slots (`ADVERTISEMENT`, `Scroll to
 * continue with content`). Pasted with the article, they would become passages and their quoted
 * headlines quotes. Matched on a whole paragraph of one line, so a sentence that happens to start
 * with `Baca juga` inside a paragraph is kept.
 */
const FURNITURE_RE =
  /^(?:(?:baca|simak|lihat|tonton)\s+(?:juga|pula)(?:\s*:.{0,200}|\s+[^,;.]{1,200})?|(?:read|see|watch)\s+(?:also|more)\s*:.{0,200}|(?:also\s+read|related)\s*:.{0,200}|advertisement|iklan|scroll\s+to\s+continue(?:\s+with\s+content)?|story\s+continues\s+below(?:\s+advertisement)?)[\s.:]*$/iu;

/** Whether a paragraph is page furniture (see FURNITURE_RE), not article text. */
export function isPageFurniture(paragraph: string): boolean {
  return !paragraph.includes('\n') && FURNITURE_RE.test(paragraph.trim());
}

/** The paragraphs of a source's body that `splitPassages` skips as page furniture, with their line numbers. */
export function pageFurnitureLines(content: string, bodyStart: number): { line: number; text: string }[] {
  const body = content.slice(bodyStart);
  const lines = { offset: 0, line: 1 };
  return paragraphSpans(body)
    .filter(([a, b]) => isPageFurniture(body.slice(a, b)))
    .map(([a, b]) => ({ line: lineAt(content, bodyStart + a, lines), text: body.slice(a, b) }));
}

function lineAt(content: string, offset: number, cache: { offset: number; line: number }): number {
  for (let i = cache.offset; i < offset; i++) if (content.charCodeAt(i) === 10) cache.line++;
  cache.offset = offset;
  return cache.line;
}

/** Splits a source into passages: `<sourceId>#<n>`, or `<sourceId>#<n>.<part>` for a long paragraph. */
export function splitPassages(source: Source): Passage[] {
  const body = source.content.slice(source.bodyStart);
  const passages: Passage[] = [];
  const lines = { offset: 0, line: 1 };
  let paragraph = 0;
  for (const [pStart, pEnd] of paragraphSpans(body)) {
    let start = source.bodyStart + pStart;
    const end = source.bodyStart + pEnd;
    // A Markdown heading's marks are not part of what is cited.
    const heading = /^#{1,6}[ \t]+/.exec(source.content.slice(start, end));
    if (heading) start += heading[0].length;
    if (start >= end) continue;
    paragraph += 1;
    // Skipped, but counted: the ids of the paragraphs after it stay what they were.
    if (isPageFurniture(source.content.slice(start, end))) continue;
    const text = source.content.slice(start, end);
    if (text.length <= MAX_PARAGRAPH) {
      passages.push({
        id: `${source.id}#${paragraph}`,
        sourceId: source.id,
        paragraph,
        part: 1,
        start,
        end,
        line: lineAt(source.content, start, lines),
        text,
      });
      continue;
    }
    const parts: [number, number][] = [];
    for (const [sStart, sEnd] of sentenceSpans(text, source.language)) {
      const last = parts[parts.length - 1];
      if (last && sEnd - last[0] <= PART_TARGET) last[1] = sEnd;
      else parts.push([sStart, sEnd]);
    }
    parts.forEach(([a, b], i) => {
      const ps = start + a;
      passages.push({
        id: `${source.id}#${paragraph}.${i + 1}`,
        sourceId: source.id,
        paragraph,
        part: i + 1,
        start: ps,
        end: start + b,
        line: lineAt(source.content, ps, lines),
        text: source.content.slice(ps, start + b),
      });
    });
  }
  return passages;
}
