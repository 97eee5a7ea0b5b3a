/**
 * One entry point for every interaction: slash commands, autocomplete and paging buttons. It
 * applies the preconditions, defers work that could miss Discord's 3-second deadline, and is
 * the one error boundary: an unexpected error is logged with the interaction id, the command and
 * the latency, and the user gets a short private message.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  RateLimitError,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type MessageContextMenuCommandInteraction,
} from 'discord.js';
import type { DiscussionEdge } from './discussions/edge.js';
import { isDiscussionId } from './discussions/custom-ids.js';
import { onDiscussionComponent } from './discussions/components.js';
import { answer, type CommandName } from '../answers/index.js';
import type { Logger } from '../logger.js';
import type { ModerationConfig } from '../config.js';
import { DISCORD_LIMITS, type Reply } from '../answers/reply.js';
import type { Command, CommandContext } from './command.js';
import { decodePageId, encodePageId, PAGE_OPTIONS, PageIdKeys, type PageOptions } from './custom-id.js';
import type { KnowledgeHolder } from '../knowledge/knowledge-holder.js';
import { localeOf, message } from './messages.js';
import { Cooldowns, inAllowedChannel, isModerator, preconditionMessage, type PreconditionResult } from './preconditions.js';
import { renderReply } from './render.js';
import { Responder } from './responder.js';
import { RequestAbandoned } from './rest-policy.js';
import { eventLoop } from './event-loop.js';
import { interactionClock } from './interaction-clock.js';

/** Discord drops an interaction not answered within 3 s; defer well before, leaving room for the network. */
export const AUTO_DEFER_MS = 1_500;
/** An interaction that waited this long before the dispatcher saw it cannot be answered within 3 s. */
const TOO_LATE_MS = 2_900;
/** Autocomplete cannot be deferred: older than this, Discord has stopped waiting for it. */
const AUTOCOMPLETE_TOO_LATE_MS = 2_500;

export type DispatcherOptions = {
  readonly commands: ReadonlyMap<string, Command>;
  readonly knowledge: KnowledgeHolder;
  readonly moderation: ModerationConfig;
  readonly logger: Logger;
  /** Class discussions; without it their commands and buttons say they are not available. */
  readonly discussions?: DiscussionEdge;
  /** Signs the paging buttons (see custom-id.ts). */
  readonly buttonSecret: string;
  /** Defer a command that has not answered after this long. */
  readonly autoDeferMs?: number;
  readonly now?: () => number;
};

export type Dispatcher = (interaction: Interaction) => Promise<void>;

function isPageable(command: string): command is CommandName {
  return Object.hasOwn(PAGE_OPTIONS, command);
}

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { commands, knowledge, moderation, logger } = options;
  const autoDeferMs = options.autoDeferMs ?? AUTO_DEFER_MS;
  const cooldowns = new Cooldowns(moderation.cooldownSeconds, options.now);
  const pageKeys = new PageIdKeys(options.buttonSecret);

  const pageId = (command: CommandName, askerId: string, pageOptions: PageOptions) => (page: number) =>
    encodePageId({ command, page, askerId, options: pageOptions }, pageKeys);

  const renderFor = (reply: Reply, page: number, askerId: string, pageOptions: PageOptions) =>
    renderReply(reply, page, isPageable(reply.command) ? pageId(reply.command, askerId, pageOptions) : undefined);

  // A discussion's thread follows the rules of the channel it was opened in.
  const channelForRules = (channelId: string): string => options.discussions?.store.latestInThread(channelId)?.channelId ?? channelId;

  async function onCommand(interaction: ChatInputCommandInteraction, responder: Responder, log: Logger, busy: boolean): Promise<void> {
    const locale = localeOf(interaction.locale);
    const command = commands.get(interaction.commandName);
    if (!command) {
      await responder.note(message(locale, 'unknownCommand'));
      return;
    }
    const gate: PreconditionResult = command.moderatorOnly
      ? isModerator(interaction.memberPermissions)
      : firstFailure(inAllowedChannel(channelForRules(interaction.channelId), moderation.allowedChannelIds), () =>
          cooldowns.take(interaction.user.id),
        );
    if (!gate.ok) {
      log.info({ precondition: gate.error.kind }, 'precondition failed');
      await responder.note(preconditionMessage(gate.error, locale, interaction.commandName));
      return;
    }

    const context: CommandContext = {
      interaction,
      kb: knowledge.current,
      knowledge,
      locale,
      logger: log,
      sendReply: (reply, pageOptions) => responder.send(renderFor(reply, 0, interaction.user.id, pageOptions)),
      send: (rendered) => responder.send(rendered),
      defer: () => responder.defer(),
      note: (text) => responder.note(text),
      discussions: options.discussions ?? null,
    };
    // A command that awaits something slow is deferred in time. The 1.5 s count from when
    // Discord created the interaction, not from now: time spent queueing before the dispatcher
    // ran counts against the 3 s too. When the loop is busy or many interactions are in hand,
    // the timer fires at once, that is as soon as the command first waits: a command that
    // answers at once has queued its reply by then and the deferral is skipped (one request,
    // not two, per interaction in a burst). Synchronous work cannot be interrupted by a timer:
    // that is why the core answers in milliseconds and the knowledge is built on a worker.
    const sinceCreated = interactionClock().waited(interaction.createdTimestamp);
    const deferInMs = busy ? 0 : Math.max(0, autoDeferMs - sinceCreated);
    const timer = setTimeout(() => {
      if (!responder.responded) {
        log.debug({ busy, sinceCreatedMs: sinceCreated }, 'deferring: no answer yet');
        responder.defer().catch((err: unknown) => {
          // A dropped interaction is logged once, where the dispatcher catches it.
          if (!(err instanceof RequestAbandoned || err instanceof RateLimitError)) log.warn({ err }, 'could not defer');
        });
      }
    }, deferInMs);
    try {
      await command.execute(context);
    } finally {
      clearTimeout(timer);
    }
  }

  async function onAutocomplete(interaction: AutocompleteInteraction, log: Logger): Promise<void> {
    if (interactionClock().waited(interaction.createdTimestamp) > AUTOCOMPLETE_TOO_LATE_MS) {
      // Suggestions cannot be deferred; past the deadline an answer is only an invalid request.
      log.warn('autocomplete skipped: too late for Discord');
      return;
    }
    const command = commands.get(interaction.commandName);
    let choices: readonly { name: string; value: string }[] = [];
    try {
      choices = command?.autocomplete?.({ interaction, kb: knowledge.current, locale: localeOf(interaction.locale) }) ?? [];
    } catch (err) {
      // Suggestions are a convenience: an error here must not leave the user's menu hanging.
      log.error({ err }, 'autocomplete failed');
    }
    const valid = choices
      .filter(
        (c) =>
          c.name.length >= 1 &&
          c.name.length <= DISCORD_LIMITS.choiceName &&
          c.value.length >= 1 &&
          c.value.length <= DISCORD_LIMITS.choiceValue,
      )
      .slice(0, DISCORD_LIMITS.autocompleteChoices);
    await interaction.respond(valid.map((c) => ({ name: c.name, value: c.value })));
  }

  async function onMessageMenu(interaction: MessageContextMenuCommandInteraction, responder: Responder, log: Logger): Promise<void> {
    const menu = [...commands.values()].find((c) => c.messageMenu?.data.name === interaction.commandName)?.messageMenu;
    if (!menu) {
      await responder.note(message(localeOf(interaction.locale), 'unknownCommand'));
      return;
    }
    await menu.execute({ interaction, locale: localeOf(interaction.locale), logger: log, discussions: options.discussions ?? null });
  }

  async function onButton(interaction: ButtonInteraction, responder: Responder, log: Logger): Promise<void> {
    const locale = localeOf(interaction.locale);
    if (isDiscussionId(interaction.customId) && options.discussions) {
      await onDiscussionComponent(options.discussions, interaction, locale);
      return;
    }
    const decoded = decodePageId(interaction.customId, pageKeys);
    if (!decoded.ok) {
      // Not the id itself: a forged one may carry anything, another student's words included.
      log.info({ reason: decoded.error, customIdLength: interaction.customId.length }, 'button refused');
      const command = interaction.customId.split('|')[1] ?? 'help';
      await responder.note(decoded.error === 'expired' ? message(locale, 'pageExpired', { command }) : message(locale, 'buttonInvalid'));
      return;
    }
    const { target } = decoded;
    if (target.askerId !== interaction.user.id) {
      await responder.note(message(locale, 'notYourButtons', { command: target.command }));
      return;
    }
    // Rebuilt in milliseconds from the signed id: answered directly, never deferred.
    const reply = answer(knowledge.current, target.command, target.options, locale);
    await interaction.update(renderFor(reply, target.page, target.askerId, target.options));
  }

  return async function dispatch(interaction: Interaction): Promise<void> {
    const started = performance.now();
    const kind = interaction.isChatInputCommand()
      ? 'command'
      : interaction.isAutocomplete()
        ? 'autocomplete'
        : interaction.isButton()
          ? 'button'
          : interaction.isMessageContextMenuCommand()
            ? 'message-menu'
            : interaction.isStringSelectMenu()
              ? 'select'
              : 'other';
    const commandName =
      interaction.isChatInputCommand() || interaction.isAutocomplete() || interaction.isMessageContextMenuCommand()
        ? interaction.commandName
        : interaction.isButton() || interaction.isStringSelectMenu()
          ? interaction.customId.split('|')[1]
          : undefined;
    const log = logger.child({
      interactionId: interaction.id,
      kind,
      command: commandName,
      userId: interaction.user.id,
      guildId: interaction.guildId,
    });
    // Created up front so that the error note can edit a deferred reply instead of failing.
    let responder: Responder | undefined;
    const loop = eventLoop();
    const waited = interactionClock().observe(interaction.createdTimestamp);
    if (waited >= TOO_LATE_MS && (kind === 'command' || kind === 'autocomplete' || kind === 'button')) {
      // Nothing can reach Discord in time any more: do not spend work or a request on it.
      log.warn({ waitedMs: Math.round(waited) }, 'interaction dropped: it waited too long to be answered in time');
      return;
    }
    const busy = loop.isBusy(waited);
    loop.inFlight += 1;
    try {
      if (interaction.isChatInputCommand()) {
        const alwaysPrivate = commands.get(interaction.commandName)?.alwaysPrivate === true;
        responder = new Responder(interaction, alwaysPrivate || (interaction.options.getBoolean('private') ?? false));
        await onCommand(interaction, responder, log, busy);
      } else if (interaction.isAutocomplete()) {
        await onAutocomplete(interaction, log);
      } else if (interaction.isButton()) {
        responder = new Responder(interaction, true);
        await onButton(interaction, responder, log);
      } else if (interaction.isMessageContextMenuCommand()) {
        responder = new Responder(interaction, true);
        await onMessageMenu(interaction, responder, log);
      } else if (interaction.isStringSelectMenu() && isDiscussionId(interaction.customId) && options.discussions) {
        responder = new Responder(interaction, true);
        await onDiscussionComponent(options.discussions, interaction, localeOf(interaction.locale));
      }
      log.debug({ latencyMs: elapsed(started) }, 'handled');
    } catch (err) {
      if (err instanceof RequestAbandoned || err instanceof RateLimitError) {
        // Discord will not take an answer for this interaction any more: the REST policy has
        // logged why; trying to send an error note would only be one more invalid request.
        log.warn(
          { latencyMs: elapsed(started), reason: err instanceof RequestAbandoned ? err.reason : 'rate-limited' },
          'interaction not answered',
        );
        return;
      }
      const reference = randomBytes(3).toString('hex');
      log.error({ err, reference, latencyMs: elapsed(started) }, 'interaction failed');
      if (!responder) return;
      try {
        await responder.note(message(localeOf(interaction.locale), 'genericError', { reference }));
      } catch (noteError) {
        log.error({ err: noteError, reference }, 'could not tell the user about the failure');
      }
    } finally {
      loop.inFlight -= 1;
    }
  };
}

function firstFailure(first: PreconditionResult, next: () => PreconditionResult): PreconditionResult {
  return first.ok ? next() : first;
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
}
