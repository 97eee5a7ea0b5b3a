/**
 * Quote extraction measured on the labelled sets in `tests/fixtures/quotes/`: for each article
 * `<name>.txt` (one paragraph per line), `<name>.json` lists its quotes (exact text and speaker)
 * and the registry actors it needs.
 *
 * A labelled quote counts as found when an extracted quote has exactly its text. Speaker accuracy
 * is over found quotes: the extracted speaker is right when it is the labelled registry actor, or
 * when the names are the same person as written (`Venn` for `Darius Venn`: one is a run of the
 * other's words), or when both are null.
 *
 * `npx tsx tests/support/eval-quotes.ts` prints the figures and every miss; importing prints nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { compileActorMatcher, resolveActor, type ActorMatcher } from '../../src/knowledge/actors.js';
import type { Actor, Passage, Quote, Source } from '../../src/knowledge/model.js';
import { isPageFurniture } from '../../src/knowledge/passages.js';
import { extractQuotes } from '../../src/knowledge/quotes/index.js';
import { foldText } from '../../src/text.js';

export const QUOTE_FIXTURES = fileURLToPath(new URL('../fixtures/quotes/', import.meta.url));
/**
 * A second tuning set, in the styles of real Indonesian and English news (issue 7: roles for
 * names, lead-in clauses, pronouns after organisations, page furniture, a missing closing mark).
 */
export const REALNEWS_QUOTES = fileURLToPath(new URL('../fixtures/realnews/quotes/', import.meta.url));

export type LabelledQuote = { readonly text: string; readonly speaker: string | null; readonly why?: string };

export type QuoteFixture = {
  readonly name: string;
  readonly language: string;
  readonly content: string;
  readonly actors: readonly Actor[];
  readonly quotes: readonly LabelledQuote[];
  /** Spans that look like quotes but are not (scare quotes, nested quotes), with why. */
  readonly notQuotes: readonly { readonly text: string; readonly why?: string }[];
};

export type QuoteFigures = { precision: number; recall: number; speakerAccuracy: number; quotes: number };

export type QuoteMiss =
  | { readonly kind: 'missed'; readonly fixture: string; readonly text: string }
  | { readonly kind: 'extra'; readonly fixture: string; readonly text: string }
  | {
      readonly kind: 'speaker';
      readonly fixture: string;
      readonly text: string;
      readonly expected: string | null;
      readonly got: string | null;
    };

type RawActor = Omit<Actor, 'positions' | 'aliases'> & { aliases?: string[]; positions?: Actor['positions'] };

/** Every labelled article in `dir`. */
export function loadQuoteFixtures(dir = QUOTE_FIXTURES): QuoteFixture[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const name = file.replace(/\.json$/u, '');
      const labels = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
        language: string;
        actors?: RawActor[];
        quotes: LabelledQuote[];
        notQuotes?: { text: string; why?: string }[];
      };
      return {
        name,
        language: labels.language,
        content: readFileSync(join(dir, `${name}.txt`), 'utf8'),
        actors: (labels.actors ?? []).map((a) => ({ ...a, aliases: a.aliases ?? [], positions: a.positions ?? [] })),
        quotes: labels.quotes,
        notQuotes: labels.notQuotes ?? [],
      };
    });
}

/**
 * One passage per non-empty line of `content`, exact offsets, ids `name#N` (the fixtures have no
 * front matter), so that tests do not depend on the knowledge loader. `maxPart` also splits long
 * lines at sentence ends into parts `name#N.1`, `name#N.2`, as the loader does for long
 * paragraphs; `skipFurniture` leaves out page furniture (`Baca Juga: …`, `ADVERTISEMENT`), as the
 * knowledge reader does, keeping the paragraph numbers of the lines after it.
 */
export function linePassages(name: string, content: string, options: { maxPart?: number; skipFurniture?: boolean } = {}): Passage[] {
  const maxPart = options.maxPart ?? Number.POSITIVE_INFINITY;
  const passages: Passage[] = [];
  let offset = 0;
  let paragraph = 0;
  content.split('\n').forEach((line, i) => {
    const lead = line.length - line.trimStart().length;
    const text = line.trim();
    const start = offset + lead;
    offset += line.length + 1;
    if (text.length === 0) return;
    paragraph++;
    if (options.skipFurniture && isPageFurniture(text)) return;
    const cuts = [0];
    if (text.length > maxPart) {
      for (const m of text.matchAll(/[.!?]["”’]?\s+(?=\p{Lu})/gu)) cuts.push(m.index + m[0].length);
    }
    cuts.push(text.length);
    const parts = cuts.length - 1;
    for (let k = 0; k < parts; k++) {
      const from = cuts[k] as number;
      const to = cuts[k + 1] as number;
      const partText = text.slice(from, to).trimEnd();
      passages.push({
        id: parts === 1 ? `${name}#${paragraph}` : `${name}#${paragraph}.${k + 1}`,
        sourceId: name,
        paragraph,
        part: k + 1,
        start: start + from,
        end: start + from + partText.length,
        line: i + 1,
        text: partText,
      });
    }
  });
  return passages;
}

/** A source with one passage per non-empty line (see `linePassages`), page furniture skipped. */
export function fixtureSource(name: string, content: string, language: string): { source: Source; passages: Passage[] } {
  const source: Source = { id: name, file: `${name}.txt`, title: name, language, content, bodyStart: 0 };
  return { source, passages: linePassages(name, content, { skipFurniture: true }) };
}

/** Extracted quotes of one fixture. */
export function extractFixtureQuotes(fixture: QuoteFixture): { quotes: Quote[]; matcher: ActorMatcher } {
  const { source, passages } = fixtureSource(fixture.name, fixture.content, fixture.language);
  const matcher = compileActorMatcher(fixture.actors);
  return { quotes: extractQuotes(source, passages, matcher), matcher };
}

const nameWords = (name: string) =>
  foldText(name)
    .split(/[^\p{L}\p{N}'’]+/u)
    .filter(Boolean);

function isRun(hay: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0) return false;
  for (let i = 0; i + needle.length <= hay.length; i++) if (needle.every((w, k) => hay[i + k] === w)) return true;
  return false;
}

/** Whether the extracted quote names the labelled speaker. */
export function sameSpeaker(matcher: ActorMatcher, expected: string | null, quote: Quote): boolean {
  if (expected === null) return quote.speaker === null && quote.speakerName === null;
  const resolved = resolveActor(matcher, expected);
  if (resolved.kind === 'found' && resolved.exact && quote.speaker === resolved.actor.id) return true;
  if (quote.speakerName === null) return false;
  const want = nameWords(expected);
  const got = nameWords(quote.speakerName);
  return isRun(want, got) || isRun(got, want);
}

function figures(found: number, extracted: number, labelled: number, rightSpeaker: number): QuoteFigures {
  return {
    precision: extracted === 0 ? 1 : found / extracted,
    recall: labelled === 0 ? 1 : found / labelled,
    speakerAccuracy: found === 0 ? 1 : rightSpeaker / found,
    quotes: labelled,
  };
}

/** Precision, recall and speaker accuracy per language and overall, with every miss. */
export function evaluateQuotesDetailed(dir = QUOTE_FIXTURES): {
  perLanguage: Record<string, QuoteFigures>;
  overall: QuoteFigures;
  misses: QuoteMiss[];
} {
  const totals = new Map<string, { found: number; extracted: number; labelled: number; right: number }>();
  const misses: QuoteMiss[] = [];
  for (const fixture of loadQuoteFixtures(dir)) {
    const { quotes, matcher } = extractFixtureQuotes(fixture);
    const unmatched = [...quotes];
    let found = 0;
    let right = 0;
    for (const label of fixture.quotes) {
      const i = unmatched.findIndex((q) => q.text === label.text);
      if (i < 0) {
        misses.push({ kind: 'missed', fixture: fixture.name, text: label.text });
        continue;
      }
      const quote = unmatched.splice(i, 1)[0] as Quote;
      found++;
      if (sameSpeaker(matcher, label.speaker, quote)) right++;
      else
        misses.push({
          kind: 'speaker',
          fixture: fixture.name,
          text: label.text,
          expected: label.speaker,
          got: quote.speakerName ?? quote.speaker,
        });
    }
    for (const q of unmatched) misses.push({ kind: 'extra', fixture: fixture.name, text: q.text });
    const t = totals.get(fixture.language) ?? { found: 0, extracted: 0, labelled: 0, right: 0 };
    t.found += found;
    t.extracted += quotes.length;
    t.labelled += fixture.quotes.length;
    t.right += right;
    totals.set(fixture.language, t);
  }
  const perLanguage: Record<string, QuoteFigures> = {};
  const all = { found: 0, extracted: 0, labelled: 0, right: 0 };
  for (const [language, t] of [...totals].sort((a, b) => a[0].localeCompare(b[0]))) {
    perLanguage[language] = figures(t.found, t.extracted, t.labelled, t.right);
    all.found += t.found;
    all.extracted += t.extracted;
    all.labelled += t.labelled;
    all.right += t.right;
  }
  return { perLanguage, overall: figures(all.found, all.extracted, all.labelled, all.right), misses };
}

/** Precision, recall and speaker accuracy per language and overall. */
export function evaluateQuotes(dir = QUOTE_FIXTURES): { perLanguage: Record<string, QuoteFigures>; overall: QuoteFigures } {
  const { perLanguage, overall } = evaluateQuotesDetailed(dir);
  return { perLanguage, overall };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { perLanguage, overall, misses } = evaluateQuotesDetailed();
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
  console.log('set       quotes  precision  recall  speaker');
  for (const [name, f] of [...Object.entries(perLanguage), ['overall', overall] as const]) {
    console.log(`${name.padEnd(9)} ${String(f.quotes).padStart(6)}  ${pct(f.precision)}    ${pct(f.recall)}  ${pct(f.speakerAccuracy)}`);
  }
  for (const m of misses) {
    const detail = m.kind === 'speaker' ? ` (expected ${m.expected ?? 'none'}, got ${m.got ?? 'none'})` : '';
    console.log(`${m.kind.padEnd(7)} ${m.fixture}: ${m.text.slice(0, 70)}${detail}`);
  }
}
