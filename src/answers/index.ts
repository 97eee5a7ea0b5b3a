/**
 * The core's entry point: a command with its options in, a platform-neutral reply out.
 */
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Locale } from '../knowledge/model.js';
import type { Reply } from './reply.js';
import { COMMANDS, optionNames, type CommandName, type OptionsOf } from './commands.js';

export { complete, type Choice } from './complete.js';
export { prepareReplies } from './warm.js';
export {
  COMMANDS,
  COMMAND_NAMES,
  MAX_OPTION_LENGTH,
  isCommandName,
  optionNames,
  optionSpec,
  type ArgumentsOf,
  type CommandName,
  type CommandSpec,
  type OptionSpec,
  type OptionsOf,
} from './commands.js';

/** The option names of each command, in order (what a paging button carries). */
export const COMMAND_OPTIONS = Object.fromEntries(Object.keys(COMMANDS).map((name) => [name, optionNames(name as CommandName)])) as {
  readonly [C in CommandName]: readonly (keyof (typeof COMMANDS)[C]['options'] & string)[];
};

/** Option values as text arrives from outside (a console line, a button's custom_id): any names. */
export type OptionFields = Readonly<Record<string, string | undefined>>;

/**
 * What `answer` takes for `C`: when the command is known where it is called, only its own option
 * names (`answer(kb, 'quote', { speaker: 'aliyev' }, 'en')`; `{ speakr: … }` does not compile),
 * each of which may be left out as in the console; when it is only known at run time (a button
 * or a console line names it), text fields, read through the table.
 */
export type AnswerOptions<C extends CommandName> = CommandName extends C
  ? OptionFields
  : { readonly [K in keyof OptionsOf<C>]?: string | undefined };

/** Reads text fields as a command's options: only the names it declares; a missing required one reads as empty. */
export function readOptions<C extends CommandName>(command: C, fields: OptionFields): OptionsOf<C> {
  const options: Record<string, string | undefined> = {};
  for (const [name, spec] of Object.entries(COMMANDS[command].options)) {
    const value = Object.hasOwn(fields, name) ? fields[name] : undefined;
    if (value !== undefined) options[name] = value;
    else if (spec.required) options[name] = '';
  }
  return options as OptionsOf<C>;
}

/** Answers a command. Never throws for any input: bad input is a reply too. */
export function answer<C extends CommandName>(kb: KnowledgeBase, command: C, options: AnswerOptions<C>, locale: Locale): Reply {
  const spec = COMMANDS[command] as { answer(kb: KnowledgeBase, options: OptionsOf<C>, locale: Locale): Reply };
  return spec.answer(kb, readOptions(command, options as OptionFields), locale);
}
