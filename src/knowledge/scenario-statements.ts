/**
 * Sentences that state a scenario: a conditional or likely outcome. They let a source with no
 * curated scenarios still answer `/scenario`.
 */
import type { Passage } from './model.js';
import { sentenceSpans } from './passages.js';

/** A sentence of a passage that states a possible outcome. Offsets are within the passage text. */
export type ScenarioStatement = {
  readonly passageId: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** What made it a scenario: `conditional`, `likelihood` or `named`. */
  readonly cue: 'conditional' | 'likelihood' | 'named';
};

// Conditionals need both halves, in either order ("if … would", "would … if"); a lone "if" or
// "akan" is too common.
const CONDITIONAL = [
  /\b(?:jika|jikalau|apabila|bila|kalau|seandainya|andaikan)\b[^.?!]*?\b(?:akan|bakal|bisa|dapat|mungkin)\b/iu,
  /\b(?:akan|bakal)\b[^.?!]*?\b(?:jika|jikalau|apabila|bila|kalau|seandainya|andaikan)\b/iu,
  /\b(?:if|unless|should)\b[^.?!]*?\b(?:would|will|could|might|may)\b/iu,
  /\b(?:would|will|could|might)\b[^.?!]*?\b(?:if|unless)\b/iu,
];
const LIKELIHOOD = [
  /\b(?:kemungkinan(?:nya|an)?|diperkirakan|diprediksi|berpotensi|berisiko|dikhawatirkan)\b/iu,
  /\b(?:likely|unlikely|probably|possibility|expected to|could|might|risk of)\b/iu,
];
const NAMED = [/\b(?:skenario|scenarios?)\b/iu];

function cueOf(sentence: string): ScenarioStatement['cue'] | undefined {
  if (CONDITIONAL.some((re) => re.test(sentence))) return 'conditional';
  if (NAMED.some((re) => re.test(sentence))) return 'named';
  if (LIKELIHOOD.some((re) => re.test(sentence))) return 'likelihood';
  return undefined;
}

/**
 * Whether a passage is a heading rather than a statement: one short line that does not end a
 * sentence ("Lima Skenario Konflik Militer Nagorno-Karabakh"). A heading names a topic; it
 * states no outcome.
 */
export function isHeading(text: string): boolean {
  const line = text.trim();
  return !line.includes('\n') && line.length <= 120 && line.split(/\s+/).length <= 12 && !/[.!?:;…"”’)\]]$/u.test(line);
}

/** Every sentence of the passages that states a scenario, in passage order. Headings are not statements. */
export function findScenarioStatements(passages: readonly Passage[], languageOf: (p: Passage) => string): ScenarioStatement[] {
  const out: ScenarioStatement[] = [];
  for (const passage of passages) {
    // Cheap test on the whole passage first: most passages state no scenario.
    if (cueOf(passage.text) === undefined || isHeading(passage.text)) continue;
    for (const [start, end] of sentenceSpans(passage.text, languageOf(passage))) {
      const text = passage.text.slice(start, end);
      const cue = cueOf(text);
      if (cue) out.push({ passageId: passage.id, start, end, text, cue });
    }
  }
  return out;
}
