/**
 * What a file in `commands/` exports: `export default { data, execute, autocomplete } satisfies Command`.
 * `execute` reads the options, asks the core, and hands the reply over; the dispatcher does the
 * rest (preconditions, deferral, rendering, paging, errors).
 */
import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  MessageContextMenuCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord.js';
import type { DiscussionEdge } from './discussions/edge.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Logger } from '../logger.js';
import type { Locale } from '../knowledge/model.js';
import type { Reply } from '../answers/reply.js';
import type { PageOptions } from './custom-id.js';
import type { KnowledgeHolder } from '../knowledge/knowledge-holder.js';
import type { RenderedMessage } from './render.js';

export type CommandContext = {
  readonly interaction: ChatInputCommandInteraction;
  /** The knowledge base as it was when the interaction arrived. */
  readonly kb: KnowledgeBase;
  readonly knowledge: KnowledgeHolder;
  /** The reader's language (`id` for Indonesian Discord clients, `en` otherwise). */
  readonly locale: Locale;
  readonly logger: Logger;
  /** Renders page 1 of a core reply, with ◀ ▶ buttons that rebuild other pages from `options`, and sends it. */
  readonly sendReply: (reply: Reply, options: PageOptions) => Promise<void>;
  /** Sends a message the edge built itself (e.g. the kb status panel). */
  readonly send: (message: RenderedMessage) => Promise<void>;
  /** Shows "thinking…" now, before work that may take seconds; the answer then edits it. */
  readonly defer: () => Promise<void>;
  /** A short private note, even when the answer would be public (e.g. a refused claim). */
  readonly note: (text: string) => Promise<void>;
  /** Class discussions: their database and Discord side; null when the bot runs without them. */
  readonly discussions: DiscussionEdge | null;
};

/** What a message context-menu command ("Apps → Cite a passage") is given. */
export type MessageMenuContext = {
  readonly interaction: MessageContextMenuCommandInteraction;
  readonly locale: Locale;
  readonly logger: Logger;
  readonly discussions: DiscussionEdge | null;
};

/** A message context-menu command that belongs with a slash command (declared beside it). */
export type MessageMenu = {
  readonly data: { readonly name: string; toJSON(): RESTPostAPIContextMenuApplicationCommandsJSONBody };
  readonly execute: (context: MessageMenuContext) => Promise<void>;
};

export type AutocompleteContext = {
  readonly interaction: AutocompleteInteraction;
  readonly kb: KnowledgeBase;
  readonly locale: Locale;
};

export type Choice = { readonly name: string; readonly value: string };

export type Command = {
  /** A `SlashCommandBuilder` (anything with a name and the JSON Discord registers). */
  readonly data: { readonly name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  readonly execute: (context: CommandContext) => Promise<void>;
  /** Choices for the option being typed; at most 25. Must be fast: it runs on every keystroke. */
  readonly autocomplete?: (context: AutocompleteContext) => readonly Choice[];
  /** Only members with Manage Server may run it (checked at run time too). */
  readonly moderatorOnly?: boolean;
  /** Always answers privately, whatever the `private` option says. */
  readonly alwaysPrivate?: boolean;
  /** Its message context-menu command, registered and dispatched with it. */
  readonly messageMenu?: MessageMenu;
};

/** Whether a module's default export is a usable command (the loader skips others). */
export function isCommand(value: unknown): value is Command {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Command>;
  return (
    typeof candidate.execute === 'function' &&
    typeof candidate.data === 'object' &&
    candidate.data !== null &&
    typeof candidate.data.name === 'string' &&
    typeof candidate.data.toJSON === 'function'
  );
}
