/**
 * The discussion's buttons and menus (Join, My stance and its choices, My briefing, the passage
 * menu of "Cite a passage"), and the context-menu command itself. Every answer is private to
 * the student who pressed; the checks are against the database, never the custom_id alone.
 */
import {
  ButtonStyle,
  ComponentType,
  MessageFlags,
  type ButtonInteraction,
  type MessageContextMenuCommandInteraction,
  type StringSelectMenuInteraction,
} from 'discord.js';
import { checkClaim, claimRefusal } from '../../discussions/claim.js';
import { stanceOf } from '../../discussions/discussion.js';
import { dt } from '../../discussions/messages.js';
import { t } from '../../i18n.js';
import type { Discussion, StancePhase } from '../../discussions/model.js';
import { buildBriefing, keyPassages } from '../../discussions/prompt.js';
import type { Locale } from '../../knowledge/model.js';
import { truncate } from '../../text.js';
import { escapeDiscordText, renderNote, renderReply, type RenderedMessage } from '../render.js';
import { memberOf, recordClaim } from './commands.js';
import { button, row, type DiscussionEdge } from './edge.js';

const ephemeral = { flags: MessageFlags.Ephemeral } as const;

function noteMessage(text: string): RenderedMessage {
  return renderNote(text);
}

/** The discussion a component points at, if it belongs to the channel the click came from. */
function discussionFor(edge: DiscussionEdge, discussionId: number, channelId: string, guildId: string | null): Discussion | undefined {
  const discussion = edge.store.byId(discussionId);
  return discussion && discussion.threadId === channelId && discussion.guildId === guildId ? discussion : undefined;
}

function stanceChoices(
  edge: DiscussionEdge,
  discussion: Discussion,
  phase: StancePhase,
  locale: Locale,
  current: string | undefined,
): RenderedMessage {
  const options = discussion.stanceOptions;
  const ask = dt(locale, phase === 'before' ? 'note.stanceAsk' : 'note.stanceAskAfter', {
    question: escapeDiscordText(discussion.question),
  });
  const chosen = options.find((o) => o.key === current);
  return {
    content: [ask, ...(chosen ? [dt(locale, 'note.stanceCurrent', { option: escapeDiscordText(chosen.label[locale]) })] : [])].join('\n'),
    embeds: [],
    components: [
      row(
        ...options.map((o) =>
          button(
            edge.customId({ kind: 'pick', discussionId: discussion.id, phase, optionKey: o.key }),
            o.label[locale],
            o.key === current ? ButtonStyle.Primary : ButtonStyle.Secondary,
          ),
        ),
      ),
    ],
    allowedMentions: { parse: [] },
  };
}

/** A button or menu of a discussion. Answers privately; the stance choices update in place. */
export async function onDiscussionComponent(
  edge: DiscussionEdge,
  interaction: ButtonInteraction | StringSelectMenuInteraction,
  locale: Locale,
): Promise<void> {
  const component = edge.readCustomId(interaction.customId);
  if (!component) {
    // Forged, tampered with, or signed with another secret: nothing happens.
    await interaction.reply({ ...noteMessage(t(locale, 'buttonInvalid')), ...ephemeral });
    return;
  }
  const discussion = discussionFor(edge, component.discussionId, interaction.channelId, interaction.guildId);
  if (!discussion) {
    await interaction.reply({ ...noteMessage(dt(locale, 'note.noDiscussionHere')), ...ephemeral });
    return;
  }
  const member = memberOf(interaction);
  const now = edge.now();
  switch (component.kind) {
    case 'join': {
      const outcome = edge.store.join(discussion.id, member, now);
      const key = outcome === 'joined' ? 'note.joined' : outcome === 'already-joined' ? 'note.alreadyJoined' : 'note.closed';
      await interaction.reply({ ...noteMessage(dt(locale, key)), ...ephemeral });
      return;
    }
    case 'stance': {
      if (component.phase === 'before' && discussion.status !== 'open') {
        await interaction.reply({ ...noteMessage(dt(locale, 'note.closed')), ...ephemeral });
        return;
      }
      if (component.phase === 'after' && discussion.status !== 'closed') {
        await interaction.reply({ ...noteMessage(dt(locale, 'note.afterNotYet')), ...ephemeral });
        return;
      }
      // Only the student's own answer is read: nothing of anyone else's.
      const own = stanceOf(edge.store.record(discussion.id)?.stances ?? [], member.userId, component.phase);
      await interaction.reply({ ...stanceChoices(edge, discussion, component.phase, locale, own), ...ephemeral });
      return;
    }
    case 'pick': {
      const option = discussion.stanceOptions.find((o) => o.key === component.optionKey);
      const outcome = option ? edge.store.recordStance(discussion.id, member, component.phase, option.key, now) : 'not-open';
      const text =
        option && (outcome === 'recorded' || outcome === 'changed')
          ? dt(locale, 'note.stanceRecorded', { option: escapeDiscordText(option.label[locale]) })
          : dt(locale, outcome === 'not-closed' ? 'note.afterNotYet' : 'note.closed');
      await interaction.update({ content: text, embeds: [], components: [], allowedMentions: { parse: [] } });
      return;
    }
    case 'brief': {
      const actorId = edge.store.record(discussion.id)?.participants.find((p) => p.userId === member.userId)?.actorId ?? null;
      const scenario = edge.knowledge.current.scenarios.find((s) => s.id === discussion.scenarioId);
      if (actorId === null || !scenario) {
        await interaction.reply({ ...noteMessage(dt(locale, 'note.noRole')), ...ephemeral });
        return;
      }
      await interaction.reply({ ...renderReply(buildBriefing(edge.knowledge.current, scenario, actorId, locale), 0), ...ephemeral });
      return;
    }
    case 'cite': {
      if (!interaction.isStringSelectMenu()) return;
      await citeChosen(edge, interaction, discussion, component.messageId, locale);
      return;
    }
  }
}

/** "Cite a passage" on a message: the student's own message in an open discussion's thread. */
export async function onCiteCommand(
  edge: DiscussionEdge,
  interaction: MessageContextMenuCommandInteraction,
  locale: Locale,
): Promise<void> {
  const discussion = edge.store.openInThread(interaction.channelId);
  if (!discussion) {
    await interaction.reply({ ...noteMessage(dt(locale, 'note.noDiscussionHere')), ...ephemeral });
    return;
  }
  if (interaction.targetMessage.author.id !== interaction.user.id) {
    await interaction.reply({ ...noteMessage(dt(locale, 'note.notYourMessage')), ...ephemeral });
    return;
  }
  edge.rememberCite(interaction.user.id, interaction.targetId, interaction.targetMessage.content);
  const kb = edge.knowledge.current;
  const scenario = kb.scenarios.find((s) => s.id === discussion.scenarioId);
  const first = scenario ? keyPassages(kb, scenario) : [];
  const passages = [...first, ...kb.passages.filter((p) => !first.some((f) => f.id === p.id))].slice(0, 25);
  await interaction.reply({
    content: dt(locale, 'note.citePick'),
    embeds: [],
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.StringSelect,
            custom_id: edge.customId({ kind: 'cite', discussionId: discussion.id, messageId: interaction.targetId }),
            options: passages.map((p) => ({
              label: truncate(p.id, 100),
              value: p.id.slice(0, 100),
              description: truncate(p.text.replace(/\s+/g, ' '), 100),
            })),
          },
        ],
      },
    ],
    allowedMentions: { parse: [] },
    ...ephemeral,
  });
}

async function citeChosen(
  edge: DiscussionEdge,
  interaction: StringSelectMenuInteraction,
  discussion: Discussion,
  messageId: string,
  locale: Locale,
): Promise<void> {
  if (discussion.status !== 'open') {
    await interaction.update({ content: dt(locale, 'note.closed'), components: [], allowedMentions: { parse: [] } });
    return;
  }
  // The words were kept when the student opened the menu on their own message; the key is the
  // clicking user, so a menu cannot claim someone else's message.
  const text = edge.takeCite(interaction.user.id, messageId);
  if (text === undefined) {
    await interaction.update({ content: dt(locale, 'note.citeGone'), components: [], allowedMentions: { parse: [] } });
    return;
  }
  const kb = edge.knowledge.current;
  const check = checkClaim(kb, truncate(text, 500), interaction.values[0]);
  if (!check.ok) {
    await interaction.update({ content: claimRefusal(check, locale), components: [], allowedMentions: { parse: [] } });
    return;
  }
  await edge.post(discussion.threadId, recordClaim(edge, discussion, interaction, check, messageId));
  await interaction.update({ content: dt(locale, 'note.claimed'), components: [], allowedMentions: { parse: [] } });
}
