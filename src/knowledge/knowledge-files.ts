/**
 * Parsing and shape-checking the files of a knowledge folder, from their text. No I/O here:
 * `src/loader.ts` reads the files and hands their text in.
 */
import { isMap, isSeq, type Node as YamlNode, type YAMLMap } from 'yaml';
import { pageFurnitureLines } from './passages.js';
import { checkKeys, entries, type FileReport, localized, newId, parseYaml, scalarString, stringList } from './yaml-fields.js';
import type { Actor, ActorKind, ActorTitles, CuratedPosition, GlossaryEntry, Localized, Problem, Scenario, Source } from './model.js';

const ACTOR_KINDS: readonly ActorKind[] = ['state', 'person', 'organization', 'group'];
const FRONT_MATTER_KEYS = ['title', 'language', 'published', 'publisher', 'url'] as const;

/** Words in a title, at most: a title is a role (`juru bicara Kemlu`), not a sentence. */
const MAX_TITLE_WORDS = 5;

/** `titles: { en: [prime minister, PM], id: [perdana menteri, PM] }`: either language may be left out. */
function actorTitles(report: FileReport, map: YAMLMap, where: string): ActorTitles | undefined {
  const node = map.get('titles', true) as YamlNode | undefined;
  if (node === undefined) return undefined;
  if (!isMap(node)) {
    report.add(node, `${where}: "titles" must list roles per language, e.g. { en: [prime minister, PM], id: [perdana menteri] }`);
    return undefined;
  }
  checkKeys(report, node, ['en', 'id'], `${where}.titles`);
  const lists = { en: stringList(report, node, 'en', `${where}.titles`), id: stringList(report, node, 'id', `${where}.titles`) };
  const keep = (language: 'en' | 'id') =>
    lists[language].values.filter((title, i) => {
      const words = title.split(/\s+/u).length;
      if (words <= MAX_TITLE_WORDS && /\p{L}/u.test(title)) return true;
      report.problems.push({
        file: report.file,
        line: lists[language].lines[i] ?? report.lineOf(node),
        message: `${where}: title "${title}" should be a role of at most ${MAX_TITLE_WORDS} words, such as "prime minister"`,
      });
      return false;
    });
  const titles = { en: keep('en'), id: keep('id') };
  return titles.en.length + titles.id.length > 0 ? titles : undefined;
}

/** Line-numbered evidence references, checked against passages later. */
export type EvidenceRef = {
  readonly file: string;
  readonly line: number;
  readonly passageId: string;
  readonly owner: string;
  readonly actorIds: readonly string[];
  /** The curated text of an actor the reference backs (its description, or position number `index`). */
  readonly backs?: { readonly actorId: string; readonly part: 'description' | 'position'; readonly index: number };
};

export type ParsedActors = {
  readonly actors: Actor[];
  readonly problems: Problem[];
  readonly evidence: EvidenceRef[];
  readonly lines: Map<string, number>;
  /** False when the file is not valid YAML: its ids are unknown, not absent. */
  readonly readable: boolean;
};

/** Parses and shape-checks `actors.yaml`. Cross-file checks (evidence) are returned as `evidence` for later. */
export function parseActors(file: string, text: string): ParsedActors {
  const { report, root } = parseYaml(file, text);
  const actors: Actor[] = [];
  const evidence: EvidenceRef[] = [];
  const lines = new Map<string, number>();
  const affiliations: { actor: string; target: string; node: YamlNode }[] = [];
  for (const map of entries(report, root, 'actors')) {
    const rawId = scalarString(report, map, 'id', 'actor', true);
    const where = `actor "${rawId ?? '?'}"`;
    checkKeys(report, map, ['id', 'names', 'aliases', 'kind', 'affiliation', 'description', 'positions', 'titles'], where);
    if (rawId === undefined) continue;
    if (!newId(report, map, rawId, 'actor', lines, ' (e.g. "united-states")')) continue;
    const names = localized(report, map, 'names', where, true);
    const kindText = scalarString(report, map, 'kind', where, true);
    const kind = ACTOR_KINDS.find((k) => k === kindText);
    if (kindText !== undefined && !kind) {
      report.add(map.get('kind', true) as YamlNode, `${where}: kind "${kindText}" must be one of ${ACTOR_KINDS.join(', ')}`);
    }
    const aliases = stringList(report, map, 'aliases', where).values;
    const affiliation = scalarString(report, map, 'affiliation', where, false);
    if (affiliation !== undefined) affiliations.push({ actor: rawId, target: affiliation, node: map.get('affiliation', true) as YamlNode });
    const description = localized(report, map, 'description', where, false, ['evidence']);
    const descriptionNode = map.get('description', true) as YamlNode | undefined;
    const descriptionRefs = isMap(descriptionNode) ? stringList(report, descriptionNode, 'evidence', `${where} description`) : undefined;
    descriptionRefs?.values.forEach((passageId, i) =>
      evidence.push({
        file,
        line: descriptionRefs.lines[i] ?? 1,
        passageId,
        owner: `${where} description`,
        actorIds: [rawId],
        backs: { actorId: rawId, part: 'description', index: 0 },
      }),
    );
    const titles = actorTitles(report, map, where);
    if (titles && kind !== undefined && kind !== 'person') {
      report.warn(map.get('titles', true) as YamlNode, `${where}: "titles" are for people (kind: person); they are ignored here`);
    }
    const positions: CuratedPosition[] = [];
    const positionsNode = map.get('positions', true) as YamlNode | undefined;
    if (positionsNode !== undefined && !isSeq(positionsNode)) report.add(positionsNode, `${where}: "positions" must be a list`);
    if (isSeq(positionsNode)) {
      for (const item of positionsNode.items as YamlNode[]) {
        if (!isMap(item)) {
          report.add(item, `${where}: every position needs "text: { en, id }" and "evidence: [passage ids]"`);
          continue;
        }
        checkKeys(report, item, ['text', 'evidence'], `${where} position`);
        const positionText = localized(report, item, 'text', `${where} position`, true);
        const refs = stringList(report, item, 'evidence', `${where} position`);
        if (refs.values.length === 0) report.add(item as unknown as YamlNode, `${where}: a position needs at least one evidence passage id`);
        const index = positions.length;
        refs.values.forEach((passageId, i) =>
          evidence.push({
            file,
            line: refs.lines[i] ?? 1,
            passageId,
            owner: where,
            actorIds: [rawId],
            backs: { actorId: rawId, part: 'position', index },
          }),
        );
        if (positionText) positions.push({ text: positionText, evidence: refs.values });
      }
    }
    if (!names || !kind) continue;
    actors.push({
      id: rawId,
      names,
      aliases,
      kind,
      ...(affiliation !== undefined ? { affiliation } : {}),
      ...(description ? { description } : {}),
      ...(description && descriptionRefs && descriptionRefs.values.length > 0 ? { descriptionEvidence: descriptionRefs.values } : {}),
      positions,
      ...(titles && kind === 'person' ? { titles } : {}),
    });
  }
  for (const { actor, target, node } of affiliations) {
    if (!lines.has(target)) report.warn(node, `actor "${actor}": affiliation "${target}" is not an actor id in this file`);
    else if (target === actor) report.add(node, `actor "${actor}" cannot be affiliated to itself`);
  }
  // The same name on two actors would make every mention of it ambiguous.
  const owners = new Map<string, string>();
  for (const actor of actors) {
    for (const name of new Set([actor.names.en, actor.names.id, ...actor.aliases].map((n) => n.toLowerCase()))) {
      const other = owners.get(name);
      if (other && other !== actor.id) {
        report.problems.push({ file, line: lines.get(actor.id) ?? 1, message: `actor "${actor.id}": name "${name}" is also a name of "${other}"`, severity: 'warning' });
      } else owners.set(name, actor.id);
    }
  }
  return { actors, problems: report.problems, evidence, lines, readable: root !== null || text.trim() === '' };
}

export type ParsedScenarios = { readonly scenarios: Scenario[]; readonly problems: Problem[]; readonly evidence: EvidenceRef[]; readonly lines: Map<string, number> };

/**
 * Parses and shape-checks `scenarios.yaml`. `actorIds` are the registry's ids, or null when
 * actors.yaml could not be read (then its ids are not checked: that file has its own error).
 */
export function parseScenarios(file: string, text: string, actorIds: ReadonlySet<string> | null): ParsedScenarios {
  const { report, root } = parseYaml(file, text);
  const scenarios: Scenario[] = [];
  const evidence: EvidenceRef[] = [];
  const lines = new Map<string, number>();
  for (const map of entries(report, root, 'scenarios')) {
    const id = scalarString(report, map, 'id', 'scenario', true);
    const where = `scenario "${id ?? '?'}"`;
    checkKeys(report, map, ['id', 'title', 'summary', 'actors', 'evidence', 'questions', 'options'], where);
    if (id === undefined) continue;
    if (!newId(report, map, id, 'scenario', lines)) continue;
    const title = localized(report, map, 'title', where, true);
    const summary = localized(report, map, 'summary', where, true);
    const actorRefs = stringList(report, map, 'actors', where);
    actorRefs.values.forEach((actorId, i) => {
      if (actorIds !== null && !actorIds.has(actorId)) {
        report.problems.push({ file, line: actorRefs.lines[i] ?? 1, message: `${where}: unknown actor id "${actorId}" (not in actors.yaml)`, severity: 'warning' });
      }
    });
    const refs = stringList(report, map, 'evidence', where);
    if (refs.values.length === 0) report.add(map as unknown as YamlNode, `${where}: needs at least one evidence passage id`);
    refs.values.forEach((passageId, i) => evidence.push({ file, line: refs.lines[i] ?? 1, passageId, owner: where, actorIds: [] }));
    const question = localized(report, map, 'questions', where, false);
    const stanceOptions = discussionOptions(report, map, where);
    if (!title || !summary) continue;
    scenarios.push({
      id,
      title,
      summary,
      actors: actorRefs.values,
      evidence: refs.values,
      ...(question ? { question } : {}),
      ...(stanceOptions ? { stanceOptions } : {}),
    });
  }
  return { scenarios, problems: report.problems, evidence, lines };
}

/** A discussion's check-in buttons: 2 to 5 choices, each `{ en, id }` of at most 80 characters (a button label). */
function discussionOptions(report: FileReport, map: YAMLMap, where: string): Localized[] | undefined {
  const node = map.get('options', true) as YamlNode | undefined;
  if (node === undefined) return undefined;
  if (!isSeq(node) || node.items.length < 2 || node.items.length > 5) {
    report.add(node, `${where}: "options" must be a list of 2 to 5 choices, each { en: ..., id: ... }`);
    return undefined;
  }
  const options: Localized[] = [];
  for (const item of node.items as YamlNode[]) {
    if (!isMap(item)) {
      report.add(item, `${where}: every choice in "options" must be { en: ..., id: ... }`);
      return undefined;
    }
    checkKeys(report, item, ['en', 'id'], `${where}.options`);
    const en = scalarString(report, item, 'en', `${where}.options`, true);
    const id = scalarString(report, item, 'id', `${where}.options`, true);
    if (en === undefined || id === undefined) return undefined;
    if (en.length > 80 || id.length > 80) {
      report.add(item, `${where}: a choice in "options" is longer than 80 characters (Discord's limit for a button)`);
      return undefined;
    }
    options.push({ en, id });
  }
  return options;
}

/** Parses `glossary.yaml`: a list of `{ en: [...], id: [...] }`. */
export function parseGlossary(file: string, text: string): { glossary: GlossaryEntry[]; problems: Problem[] } {
  const { report, root } = parseYaml(file, text);
  const glossary: GlossaryEntry[] = [];
  for (const map of entries(report, root, 'glossary entries')) {
    checkKeys(report, map, ['en', 'id'], 'glossary entry');
    const en = stringList(report, map, 'en', 'glossary entry').values;
    const id = stringList(report, map, 'id', 'glossary entry').values;
    if (en.length === 0 || id.length === 0) {
      report.add(map as unknown as YamlNode, 'a glossary entry needs words in both languages: { en: [...], id: [...] }');
      continue;
    }
    glossary.push({ en, id });
  }
  return { glossary, problems: report.problems };
}

/** Parses one source file's text (front matter optional) into a Source. */
export function parseSource(file: string, id: string, content: string): { source?: Source; problems: Problem[] } {
  const problems: Problem[] = [];
  let bodyStart = 0;
  const meta: Record<string, string> = {};
  const metaLine: Record<string, number> = {};
  const fm = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(content);
  if (file.endsWith('.md') && fm) {
    bodyStart = fm[0].length;
    const { report, root } = parseYaml(file, fm[1] as string, 1);
    if (root !== null && !isMap(root)) report.add(root, 'front matter must be fields like "title: ..."');
    if (isMap(root)) {
      checkKeys(report, root, FRONT_MATTER_KEYS, 'front matter');
      for (const key of FRONT_MATTER_KEYS) {
        const value = scalarString(report, root, key, 'front matter', false);
        if (value !== undefined) meta[key] = value;
        metaLine[key] = report.lineOf(root.get(key, true) as YamlNode | undefined);
      }
    }
    problems.push(...report.problems);
  } else if (file.endsWith('.md') && /^---[ \t]*\r?\n/.test(content)) {
    problems.push({ file, line: 1, message: 'front matter starts with "---" but has no closing "---" line' });
  }
  if (meta.language !== undefined && !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(meta.language)) {
    problems.push({ file, line: metaLine.language ?? 2, message: `front matter: language "${meta.language}" should be a language code such as id or en`, severity: 'warning' });
    delete meta.language;
  }
  if (meta.url !== undefined && !/^https?:\/\/\S+$/.test(meta.url)) {
    problems.push({ file, line: metaLine.url ?? 2, message: `front matter: url "${meta.url}" should start with http:// or https://`, severity: 'warning' });
    delete meta.url;
  }
  if (content.slice(bodyStart).trim() === '') {
    problems.push({ file, line: 1, message: 'this source has no text' });
    return { problems };
  }
  for (const { line, text } of pageFurnitureLines(content, bodyStart)) {
    problems.push({ file, line, message: `skipped "${text}": page furniture, not article text`, severity: 'note' });
  }
  const source: Source = {
    id,
    file,
    title: meta.title ?? id,
    language: meta.language ?? 'und',
    ...(meta.published !== undefined ? { published: meta.published } : {}),
    ...(meta.publisher !== undefined ? { publisher: meta.publisher } : {}),
    ...(meta.url !== undefined ? { url: meta.url } : {}),
    content,
    bodyStart,
  };
  return { source, problems };
}
