/**
 * From the files of a knowledge folder to everything answers are built from: passages,
 * mentions, quotes, scenario statements and the search index.
 */
import { commonWordAliases, compileActorMatcher, findMentions, type ActorMatcher } from './actors.js';
import { parseActors, parseGlossary, parseScenarios, parseSource } from './knowledge-files.js';
import { readKnowledgeFolder, readSavedIndex, writeSavedIndex, type RawKnowledge } from './loader.js';
import type { Actor, GlossaryEntry, LeftOut, Mention, Passage, Problem, Quote, Scenario, Source } from './model.js';
import { actorEvidence, type ActorEvidence } from './actor-evidence.js';
import { checkEvidence } from './evidence-check.js';

/** At most this many evidence items are kept per actor (an /actor reply shows no more). */
export const MAX_ACTOR_EVIDENCE = 60;
import { splitPassages } from './passages.js';
import { foldText } from '../text.js';
import { extractQuotes } from './quotes/index.js';
import { findScenarioStatements, type ScenarioStatement } from './scenario-statements.js';
import { decodeSavedState, encodeSavedState, type DerivedData } from './saved-state.js';
import { buildPassageIndex, loadPassageIndex, type PassageIndex, type SearchablePassage } from '../search/index.js';

/** Everything the answers need, derived once per load. Read-only after it is built. */
export type KnowledgeBase = {
  readonly dir: string;
  readonly sources: readonly Source[];
  readonly sourceById: ReadonlyMap<string, Source>;
  readonly passages: readonly Passage[];
  readonly passageById: ReadonlyMap<string, Passage>;
  /** Position of each passage in `passages`, for sorting in reading order. */
  readonly passageOrder: ReadonlyMap<string, number>;
  /** The actors, with only the curated texts whose evidence holds (see `leftOut`). */
  readonly actors: readonly Actor[];
  readonly actorById: ReadonlyMap<string, Actor>;
  /** Each actor's ranked evidence, computed at build time so `/actor` and `/quote` only read it. */
  readonly actorEvidence: ReadonlyMap<string, ActorEvidence>;
  /** Curated descriptions and positions not shown because their evidence does not hold. */
  readonly leftOut: readonly LeftOut[];
  readonly matcher: ActorMatcher;
  readonly mentions: readonly Mention[];
  readonly mentionsByPassage: ReadonlyMap<string, readonly Mention[]>;
  readonly mentionsByActor: ReadonlyMap<string, readonly Mention[]>;
  readonly quotes: readonly Quote[];
  readonly scenarios: readonly Scenario[];
  readonly scenarioStatements: readonly ScenarioStatement[];
  readonly glossary: readonly GlossaryEntry[];
  readonly index: PassageIndex;
  /** Warnings found while loading (errors stop a load). */
  readonly problems: readonly Problem[];
  readonly stats: KnowledgeStats;
  readonly loadedAt: Date;
};

export type KnowledgeStats = {
  readonly sources: number;
  readonly passages: number;
  readonly actors: number;
  readonly quotes: number;
  readonly scenarios: number;
  /** Time to derive everything, index included. */
  readonly buildMs: number;
  /** Time spent building or loading the search index alone. */
  readonly indexMs: number;
  /** True when the search index came from the saved file rather than a fresh build. */
  readonly indexFromSaved: boolean;
};

export type LoadResult =
  | { readonly ok: true; readonly kb: KnowledgeBase; readonly warnings: readonly Problem[] }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/** `file:line: message`, the form every problem is shown in. */
export function formatProblem(problem: Problem): string {
  const where = problem.line > 0 ? `${problem.file}:${problem.line}` : problem.file;
  const label = problem.severity === 'warning' || problem.severity === 'note' ? `${problem.severity}: ` : '';
  return `${where}: ${label}${problem.message}`;
}

export function isError(problem: Problem): boolean {
  return problem.severity === undefined || problem.severity === 'error';
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/**
 * The source id of a file: its name without the extension, lower-cased, with spaces as dashes
 * (`sources/Perang Karabakh.txt` -> `perang-karabakh`), so it can be typed in `/source`.
 */
export function sourceIdOf(file: string): string {
  const name = file.replace(/^.*\//, '').replace(/\.[^.]+$/, '');
  return foldText(name)
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Passages, mentions, quotes and scenario statements of the sources: the slow part of a load. */
function derive(sources: readonly Source[], matcher: ActorMatcher, sourceById: ReadonlyMap<string, Source>): DerivedData {
  const passages = sources.flatMap(splitPassages);
  const mentions = findMentions(matcher, passages);
  const passagesBySource = groupBy(passages, (p) => p.sourceId);
  const quotes = sources.flatMap((s) => extractQuotes(s, passagesBySource.get(s.id) ?? [], matcher));
  const scenarioStatements = findScenarioStatements(passages, (p) => sourceById.get(p.sourceId)?.language ?? 'und');
  return { passages, mentions, quotes, scenarioStatements };
}

/**
 * Builds a knowledge base from the files of a folder, as read. Pure apart from the clock.
 * `savedState` (the text of a saved state, see saved-state.ts) is used when it matches the files.
 */
export function buildKnowledgeBase(raw: RawKnowledge, savedState?: string): LoadResult & { serializeIndex?: () => string } {
  const started = performance.now();
  const problems: Problem[] = [...raw.problems];
  const sources: Source[] = [];
  const sourceFiles = new Map<string, string>();
  for (const file of raw.sources) {
    const id = sourceIdOf(file.file);
    const clash = sourceFiles.get(id);
    if (id === '' || id.length > 60) {
      problems.push({ file: file.file, line: 0, message: 'rename this file: its name should be 1 to 60 letters, digits, spaces or dashes' });
      continue;
    }
    if (clash) {
      problems.push({ file: file.file, line: 0, message: `this file has the same source id "${id}" as ${clash}: rename one of them` });
      continue;
    }
    sourceFiles.set(id, file.file);
    const parsed = parseSource(file.file, id, file.text);
    problems.push(...parsed.problems);
    if (parsed.source) sources.push(parsed.source);
  }
  const parsedActors = raw.actors ? parseActors(raw.actors.file, raw.actors.text) : undefined;
  problems.push(...(parsedActors?.problems ?? []));
  const actorIds = new Set((parsedActors?.actors ?? []).map((a) => a.id));
  // An unreadable actors.yaml has its own error; its ids are unknown, so they are not checked.
  const knownActorIds = parsedActors?.readable === false ? null : actorIds;
  const parsedScenarios = raw.scenarios ? parseScenarios(raw.scenarios.file, raw.scenarios.text, knownActorIds) : undefined;
  problems.push(...(parsedScenarios?.problems ?? []));
  const parsedGlossary = raw.glossary ? parseGlossary(raw.glossary.file, raw.glossary.text) : undefined;
  problems.push(...(parsedGlossary?.problems ?? []));
  if (problems.some(isError)) return { ok: false, problems };

  const matcher = compileActorMatcher(parsedActors?.actors ?? []);
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  const glossary = parsedGlossary?.glossary ?? [];
  const saved = savedState !== undefined && raw.fingerprint !== '' ? decodeSavedState(savedState, raw.fingerprint, sources) : undefined;
  const derived = saved?.data ?? derive(sources, matcher, sourceById);
  const { passages, mentions, quotes, scenarioStatements } = derived;
  const passageById = new Map(passages.map((p) => [p.id, p]));
  const mentionsByPassage = groupBy(mentions, (m) => m.passageId);
  const mentionsByActor = groupBy(mentions, (m) => m.actorId);
  const evidenceCheck = checkEvidence(
    [...(parsedActors?.evidence ?? []), ...(parsedScenarios?.evidence ?? [])],
    passageById,
    mentionsByPassage,
    parsedActors?.actors ?? [],
    raw.actors?.file ?? 'actors.yaml',
    parsedActors?.lines ?? new Map(),
  );
  problems.push(...evidenceCheck.problems);
  for (const actor of parsedActors?.actors ?? []) {
    for (const alias of commonWordAliases(actor)) {
      problems.push({
        file: raw.actors?.file ?? 'actors.yaml',
        line: parsedActors?.lines.get(actor.id) ?? 1,
        message: `actor "${actor.id}": alias "${alias}" is a common word, so ordinary sentences would count as naming this actor: remove it, or write an acronym in capitals (AS, not as)`,
        severity: 'warning',
      });
    }
  }
  // What students see: the curated texts whose evidence holds.
  const actors = evidenceCheck.actors;
  const passageOrder = new Map(passages.map((p, i) => [p.id, i]));
  const quotesBySpeaker = groupBy(
    quotes.filter((q) => q.speaker !== null),
    (q) => q.speaker as string,
  );
  const evidenceSources = { actors, passageById, passageOrder, mentionsByActor, quotesBySpeaker };
  const actorEvidenceById = new Map(actors.map((a) => [a.id, actorEvidence(a, evidenceSources, MAX_ACTOR_EVIDENCE)]));

  const searchable: SearchablePassage[] = passages.map((p) => ({
    id: p.id,
    text: p.text,
    actorIds: [...new Set((mentionsByPassage.get(p.id) ?? []).map((m) => m.actorId))],
    language: sourceById.get(p.sourceId)?.language ?? 'und',
  }));
  const indexStarted = performance.now();
  let index: PassageIndex | undefined;
  if (saved) {
    try {
      index = loadPassageIndex(saved.index, searchable, glossary);
    } catch {
      index = undefined; // A damaged saved index is rebuilt, never trusted.
    }
  }
  const indexFromSaved = index !== undefined;
  index ??= buildPassageIndex(searchable, glossary);
  const indexMs = performance.now() - indexStarted;
  const builtIndex = index;
  const serializeIndex = () => encodeSavedState(raw.fingerprint, sources, derived, builtIndex.toJSON());

  const scenarios = parsedScenarios?.scenarios ?? [];
  const kb: KnowledgeBase = {
    dir: raw.dir,
    sources,
    sourceById,
    passages,
    passageById,
    passageOrder,
    actors,
    actorEvidence: actorEvidenceById,
    leftOut: evidenceCheck.leftOut,
    actorById: new Map(actors.map((a) => [a.id, a])),
    // The same names, resolving to the actors as students see them (without left-out texts).
    matcher: { ...matcher, actors },
    mentions,
    mentionsByPassage,
    mentionsByActor,
    quotes,
    scenarios,
    scenarioStatements,
    glossary,
    index,
    problems,
    stats: {
      sources: sources.length,
      passages: passages.length,
      actors: actors.length,
      quotes: quotes.length,
      scenarios: scenarios.length,
      buildMs: performance.now() - started,
      indexMs,
      indexFromSaved,
    },
    loadedAt: new Date(),
  };
  return { ok: true, kb, warnings: problems, ...(indexFromSaved ? {} : { serializeIndex }) };
}

export type LoadOptions = {
  /** Use and write the saved index in `<dir>/.cache/` (default true). */
  readonly useSavedIndex?: boolean;
};

/** Reads and builds a knowledge folder. Never throws for a bad folder: problems come back as values. */
export async function loadKnowledgeBase(dir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const useSaved = options.useSavedIndex ?? true;
  const raw = await readKnowledgeFolder(dir);
  const saved = useSaved && !raw.problems.some(isError) ? await readSavedIndex(dir) : undefined;
  const result = buildKnowledgeBase(raw, saved);
  if (result.ok && useSaved && result.serializeIndex && raw.fingerprint !== '') await writeSavedIndex(dir, result.serializeIndex());
  if (!result.ok) return { ok: false, problems: result.problems };
  return { ok: true, kb: result.kb, warnings: result.warnings };
}
