/**
 * The local console: answers lines the way the bot answers slash commands.
 */
import { answer, COMMAND_NAMES } from '../answers/index.js';
import { localeOf, t } from '../i18n.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Locale } from '../knowledge/model.js';
import type { Reply } from '../answers/reply.js';
import { discussLine } from './discuss.js';
import { parseLine } from './parse.js';
import { renderReply, terminalText } from './render.js';

export type ConsoleOutput =
  | { readonly kind: 'reply'; readonly reply: Reply }
  | { readonly kind: 'message'; readonly text: string }
  | { readonly kind: 'locale'; readonly locale: Locale; readonly text: string }
  | { readonly kind: 'quit' }
  | { readonly kind: 'nothing' };

/** What one console line produces. Pure: the caller prints it. */
export function handleLine(kb: KnowledgeBase, line: string, locale: Locale): ConsoleOutput {
  const discussion = discussLine(kb, line, locale);
  if (discussion !== undefined) return { kind: 'message', text: discussion };
  const parsed = parseLine(line);
  switch (parsed.kind) {
    case 'empty':
      return { kind: 'nothing' };
    case 'quit':
      return { kind: 'quit' };
    case 'locale': {
      const next = localeOf(parsed.locale);
      return { kind: 'locale', locale: next, text: t(next, 'console.language') };
    }
    case 'unknown-command':
      return {
        kind: 'message',
        text: t(locale, 'console.unknownCommand', {
          name: terminalText(parsed.name.slice(0, 40)),
          commands: COMMAND_NAMES.map((c) => `/${c}`).join(', '),
        }),
      };
    case 'command':
      return { kind: 'reply', reply: answer(kb, parsed.command, parsed.options, locale) };
  }
}

/** Text to print for an output (`json` prints the reply object instead). */
export function formatOutput(
  output: ConsoleOutput,
  options: { readonly json?: boolean; readonly color?: boolean } = {},
): string | undefined {
  switch (output.kind) {
    case 'reply':
      return options.json ? JSON.stringify(output.reply, null, 2) : renderReply(output.reply, { color: options.color ?? false });
    case 'message':
    case 'locale':
      return options.json ? JSON.stringify({ message: output.text }) : output.text;
    default:
      return undefined;
  }
}
