/**
 * The saved form of everything derived from a knowledge folder (passages, mentions, quotes,
 * scenario statements, search index), so a start with unchanged files skips the work.
 * Compact arrays of numbers and offsets: texts are sliced again from the source files.
 */
import type { Mention, Passage, Quote, Source } from './model.js';
import type { ScenarioStatement } from './scenario-statements.js';

/** Bump when the way anything here is derived changes: older saved states are then ignored. */
export const DERIVATION_VERSION = 7;

export type DerivedData = {
  readonly passages: readonly Passage[];
  readonly mentions: readonly Mention[];
  readonly quotes: readonly Quote[];
  readonly scenarioStatements: readonly ScenarioStatement[];
};

type SavedState = {
  readonly version: number;
  readonly fingerprint: string;
  /** [source index, paragraph, part, start, end, line, split (0|1)] */
  readonly passages: readonly (readonly number[])[];
  /** actor ids, referenced by index below */
  readonly actorIds: readonly string[];
  /** [actor index, passage index, start, end] */
  readonly mentions: readonly (readonly number[])[];
  /** [passage index, n, start, end, speaker actor index or -1, speaker name or null] */
  readonly quotes: readonly (readonly (number | string | null)[])[];
  /** [passage index, start, end, cue index] */
  readonly statements: readonly (readonly number[])[];
  readonly index: unknown;
};

const CUES: readonly ScenarioStatement['cue'][] = ['conditional', 'likelihood', 'named'];

/** Serializes derived data and the search index's own JSON form. */
export function encodeSavedState(fingerprint: string, sources: readonly Source[], data: DerivedData, index: unknown): string {
  const sourceIndex = new Map(sources.map((s, i) => [s.id, i]));
  const passageIndex = new Map(data.passages.map((p, i) => [p.id, i]));
  const actorIds = [...new Set(data.mentions.map((m) => m.actorId).concat(data.quotes.flatMap((q) => (q.speaker ? [q.speaker] : []))))];
  const actorIndex = new Map(actorIds.map((id, i) => [id, i]));
  const state: SavedState = {
    version: DERIVATION_VERSION,
    fingerprint,
    passages: data.passages.map((p) => [sourceIndex.get(p.sourceId) ?? -1, p.paragraph, p.part, p.start, p.end, p.line, p.id.includes('.', p.id.lastIndexOf('#')) ? 1 : 0]),
    actorIds,
    mentions: data.mentions.map((m) => [actorIndex.get(m.actorId) ?? -1, passageIndex.get(m.passageId) ?? -1, m.start, m.end]),
    quotes: data.quotes.map((q) => [passageIndex.get(q.passageId) ?? -1, Number(q.id.slice(q.id.lastIndexOf('~') + 1)), q.start, q.end, q.speaker ? (actorIndex.get(q.speaker) ?? -1) : -1, q.speakerName]),
    statements: data.scenarioStatements.map((s) => [passageIndex.get(s.passageId) ?? -1, s.start, s.end, CUES.indexOf(s.cue)]),
    index,
  };
  return JSON.stringify(state);
}

/**
 * Rebuilds derived data from a saved state, or undefined when it does not belong to these
 * files, comes from another version, or does not fit them (then everything is derived afresh).
 */
export function decodeSavedState(text: string, fingerprint: string, sources: readonly Source[]): { data: DerivedData; index: unknown } | undefined {
  let state: SavedState;
  try {
    state = JSON.parse(text) as SavedState;
  } catch {
    return undefined;
  }
  if (state?.version !== DERIVATION_VERSION || state.fingerprint !== fingerprint || !Array.isArray(state.passages)) return undefined;
  try {
    const passages: Passage[] = state.passages.map(([si, paragraph, part, start, end, line, split]) => {
      const source = sources[si as number];
      if (!source || (end as number) > source.content.length) throw new Error('saved passage does not fit its source');
      return {
        id: split ? `${source.id}#${paragraph}.${part}` : `${source.id}#${paragraph}`,
        sourceId: source.id,
        paragraph: paragraph as number,
        part: part as number,
        start: start as number,
        end: end as number,
        line: line as number,
        text: source.content.slice(start, end),
      };
    });
    const sourceById = new Map(sources.map((s) => [s.id, s]));
    const passageAt = (i: number): Passage => {
      const p = passages[i];
      if (!p) throw new Error('saved reference to a missing passage');
      return p;
    };
    const mentions: Mention[] = state.mentions.map(([ai, pi, start, end]) => {
      const p = passageAt(pi as number);
      return { actorId: state.actorIds[ai as number] as string, passageId: p.id, start: start as number, end: end as number, surface: (sourceById.get(p.sourceId)?.content ?? '').slice(start, end) };
    });
    const quotes: Quote[] = state.quotes.map(([pi, n, start, end, ai, speakerName]) => {
      const p = passageAt(pi as number);
      return {
        id: `${p.id}~${n}`,
        text: (sourceById.get(p.sourceId)?.content ?? '').slice(start as number, end as number),
        sourceId: p.sourceId,
        passageId: p.id,
        start: start as number,
        end: end as number,
        speaker: (ai as number) >= 0 ? (state.actorIds[ai as number] ?? null) : null,
        speakerName: (speakerName as string | null) ?? null,
      };
    });
    const scenarioStatements: ScenarioStatement[] = state.statements.map(([pi, start, end, cue]) => {
      const p = passageAt(pi as number);
      return { passageId: p.id, start: start as number, end: end as number, text: p.text.slice(start, end), cue: CUES[cue as number] ?? 'likelihood' };
    });
    return { data: { passages, mentions, quotes, scenarioStatements }, index: state.index };
  } catch {
    return undefined;
  }
}
