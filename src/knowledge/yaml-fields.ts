/**
 * Reading the YAML of a knowledge file into checked fields: every problem with its file and line,
 * in words a teacher understands. No I/O here, and nothing about what the fields mean.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode, type YAMLMap } from 'yaml';
import type { Localized, Problem } from './model.js';

const ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** Collects problems for one file, turning YAML node positions into line numbers. */
export class FileReport {
  readonly problems: Problem[] = [];
  constructor(
    readonly file: string,
    private readonly lines: LineCounter,
    private readonly lineOffset = 0,
  ) {}

  lineOf(node: YamlNode | null | undefined): number {
    const offset = node?.range?.[0];
    return offset === undefined ? 1 + this.lineOffset : this.lines.linePos(offset).line + this.lineOffset;
  }

  add(node: YamlNode | null | undefined, message: string): void {
    this.problems.push({ file: this.file, line: this.lineOf(node), message });
  }

  warn(node: YamlNode | null | undefined, message: string): void {
    this.problems.push({ file: this.file, line: this.lineOf(node), message, severity: 'warning' });
  }
}

/**
 * One syntax problem per file, at its line, in words a teacher understands: after the first
 * error the parser's later messages are mostly echoes of it (a single tab gives hundreds).
 */
function syntaxProblem(text: string, lines: LineCounter, error: { message: string; pos: [number, number] } | undefined, lineOffset: number): { line: number; message: string } {
  // A tab indenting a line at or before the first error is almost always its cause.
  const tab = /^[ ]*\t/m.exec(text);
  const errorLine = error ? lines.linePos(error.pos[0]).line : Infinity;
  if (tab && lines.linePos(tab.index).line <= errorLine) {
    return {
      line: lines.linePos(tab.index).line + lineOffset,
      message: 'YAML: a tab is used to indent this line; YAML indents with spaces only: replace the tab with spaces',
    };
  }
  const first = error?.message.split('\n')[0] ?? 'the file could not be read as YAML';
  if (/call stack/i.test(first)) return { line: 1 + lineOffset, message: TOO_DEEP };
  return {
    line: (error ? lines.linePos(error.pos[0]).line : 1) + lineOffset,
    message: `YAML: ${first} (only the first syntax error is shown: fix it and check again)`,
  };
}

const TOO_DEEP =
  'YAML: lists or fields are nested inside each other far too deeply to read; a knowledge file needs only a few levels (see knowledge/README.md)';

/** Parses one YAML text; on a syntax error the report holds one problem and `root` is null. */
export function parseYaml(file: string, text: string, lineOffset = 0): { report: FileReport; root: YamlNode | null } {
  const lines = new LineCounter();
  const report = new FileReport(file, lines, lineOffset);
  let doc;
  try {
    doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    report.problems.push({ file, line: 1 + lineOffset, message: TOO_DEEP });
    return { report, root: null };
  }
  if (doc.errors.length > 0) {
    report.problems.push({ file, ...syntaxProblem(text, lines, doc.errors[0], lineOffset) });
    return { report, root: null };
  }
  return { report, root: doc.contents as YamlNode | null };
}

/** A text or number field, trimmed; reported when it is missing (if required) or not text. */
export function scalarString(report: FileReport, map: YAMLMap, key: string, where: string, required: boolean): string | undefined {
  const node = map.get(key, true) as YamlNode | undefined;
  if (node === undefined || (isScalar(node) && (node.value === null || node.value === ''))) {
    if (required) report.add(node ?? (map as unknown as YamlNode), `${where}: "${key}" is missing`);
    return undefined;
  }
  if (!isScalar(node) || (typeof node.value !== 'string' && typeof node.value !== 'number')) {
    report.add(node, `${where}: "${key}" must be text`);
    return undefined;
  }
  return String(node.value).trim();
}

/** A `{ en, id }` field; reported when it is missing (if required) or either text is. */
export function localized(
  report: FileReport,
  map: YAMLMap,
  key: string,
  where: string,
  required: boolean,
  otherKeys: readonly string[] = [],
): Localized | undefined {
  const node = map.get(key, true) as YamlNode | undefined;
  if (node === undefined) {
    if (required) report.add(map as unknown as YamlNode, `${where}: "${key}" is missing (give it as { en: ..., id: ... })`);
    return undefined;
  }
  if (!isMap(node)) {
    report.add(node, `${where}: "${key}" must have an English and an Indonesian text: { en: ..., id: ... }`);
    return undefined;
  }
  checkKeys(report, node, ['en', 'id', ...otherKeys], `${where}.${key}`);
  const en = scalarString(report, node, 'en', `${where}.${key}`, true);
  const id = scalarString(report, node, 'id', `${where}.${key}`, true);
  return en !== undefined && id !== undefined ? { en, id } : undefined;
}

/** A list of texts, with the line of each; reported when it is not a list of texts. */
export function stringList(report: FileReport, map: YAMLMap, key: string, where: string): { values: string[]; lines: number[] } {
  const node = map.get(key, true) as YamlNode | undefined;
  if (node === undefined) return { values: [], lines: [] };
  if (!isSeq(node)) {
    report.add(node, `${where}: "${key}" must be a list, e.g. [a, b]`);
    return { values: [], lines: [] };
  }
  const values: string[] = [];
  const lines: number[] = [];
  for (const item of node.items as YamlNode[]) {
    if (!isScalar(item) || (typeof item.value !== 'string' && typeof item.value !== 'number') || String(item.value).trim() === '') {
      report.add(item, `${where}: every entry of "${key}" must be text`);
      continue;
    }
    values.push(String(item.value).trim());
    lines.push(report.lineOf(item));
  }
  return { values, lines };
}

/** Warns about each field of `map` that is not one of `allowed` (a typo, most often). */
export function checkKeys(report: FileReport, map: YAMLMap, allowed: readonly string[], where: string): void {
  for (const pair of map.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    if (!allowed.includes(key)) {
      report.warn(pair.key as YamlNode, `${where}: unknown field "${key}" (expected one of: ${allowed.join(', ')})`);
    }
  }
}

/**
 * Whether an entry's id is well formed and not taken by an earlier entry (reported if not);
 * `lines` remembers where each id was first seen, for the duplicate's message.
 */
export function newId(report: FileReport, map: YAMLMap, id: string, what: string, lines: Map<string, number>, example = ''): boolean {
  if (!ID_PATTERN.test(id)) {
    report.add(map.get('id', true) as YamlNode, `${what} id "${id}" must be lower-case letters, digits, - or _${example}`);
    return false;
  }
  if (lines.has(id)) {
    report.add(map as unknown as YamlNode, `duplicate ${what} id "${id}" (first at line ${lines.get(id)})`);
    return false;
  }
  lines.set(id, report.lineOf(map as unknown as YamlNode));
  return true;
}

/** The entries of a file that is a list of `- id: ...` field sets; anything else is reported. */
export function entries(report: FileReport, root: YamlNode | null, what: string): YAMLMap[] {
  if (root === null) return [];
  if (!isSeq(root)) {
    report.add(root, `expected a list of ${what}, each starting with "- id: ..."`);
    return [];
  }
  const maps: YAMLMap[] = [];
  for (const item of root.items as YamlNode[]) {
    if (!isMap(item)) report.add(item, `every entry must be a set of fields starting with "- id: ..."`);
    else maps.push(item);
  }
  return maps;
}
