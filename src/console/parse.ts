/**
 * Reading a console line the way Discord reads a slash command: `/quote aliyev topic:keadilan`.
 */
import { isCommandName, optionNames, type CommandName } from '../answers/index.js';

export type ParsedLine =
  | { readonly kind: 'command'; readonly command: CommandName; readonly options: Readonly<Record<string, string>> }
  | { readonly kind: 'locale'; readonly locale: string }
  | { readonly kind: 'quit' }
  | { readonly kind: 'empty' }
  | { readonly kind: 'unknown-command'; readonly name: string };

/**
 * Parses one line. Text after the command fills its first option; `option:value` sets any
 * option by name (the value runs to the next `option:`). A line without `/` is a search.
 * Commands and their option names come from the core's command table.
 */
export function parseLine(line: string): ParsedLine {
  const text = line.trim();
  if (text === '') return { kind: 'empty' };
  if (/^(?:exit|quit|keluar|\/exit|\/quit)$/i.test(text)) return { kind: 'quit' };
  const localeMatch = /^\/locale\s+(\S+)$/i.exec(text);
  if (localeMatch) return { kind: 'locale', locale: localeMatch[1] as string };
  if (!text.startsWith('/')) return { kind: 'command', command: 'search', options: { query: text } };
  const m = /^\/(\S+)\s*([\s\S]*)$/.exec(text);
  const name = (m?.[1] ?? '').toLowerCase();
  if (!isCommandName(name)) return { kind: 'unknown-command', name };
  const names = optionNames(name);
  const rest = m?.[2] ?? '';
  const options: Record<string, string> = {};
  const named = new RegExp(`(?:^|\\s)(${names.join('|') || '(?!)'}):`, 'gi');
  const marks = [...rest.matchAll(named)];
  const positional = (marks.length > 0 ? rest.slice(0, marks[0]?.index ?? 0) : rest).trim();
  if (positional !== '' && names[0] !== undefined) options[names[0]] = positional;
  marks.forEach((mark, i) => {
    const start = (mark.index ?? 0) + mark[0].length;
    const end = marks[i + 1]?.index ?? rest.length;
    options[(mark[1] as string).toLowerCase()] = rest.slice(start, end).trim();
  });
  return { kind: 'command', command: name, options };
}
