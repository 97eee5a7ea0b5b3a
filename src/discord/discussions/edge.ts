/**
 * The discussions' Discord side that is not one interaction: the store and the clock, counting
 * thread messages from MESSAGE_CREATE (the non-privileged GuildMessages intent; content is never
 * read), posting reminders, and the REST calls that post in threads. It talks to Discord through
 * `client.rest` with channel ids, so it works the same for threads the bot has never cached
 * (after a restart, for instance).
 */
import {
  ButtonStyle,
  ChannelType,
  ComponentType,
  PermissionFlagsBits,
  Routes,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIChannel,
  type APIMessage,
  type Client,
  type GatewayDispatchPayload,
  type PermissionsBitField,
} from 'discord.js';
import type { KnowledgeHolder } from '../../knowledge/knowledge-holder.js';
import type { Logger } from '../../logger.js';
import type { RandomSource } from '../../discussions/discussion.js';
import { dt } from '../../discussions/messages.js';
import { STUDENT_MARK } from '../../discussions/marks.js';
import type { DiscussionStore } from '../../discussions/store.js';
import type { RenderedMessage } from '../render.js';
import { PageIdKeys } from '../custom-id.js';
import { decodeDiscussionId, encodeDiscussionId, type DiscussionComponent } from './custom-ids.js';

/** Every REST message the discussions send mentions nobody, whatever its text says. */
const NO_MENTIONS_BODY = { parse: [] as string[] };

export type UploadFile = { readonly name: string; readonly data: Buffer; readonly contentType: string };

export type DiscussionEdgeOptions = {
  readonly store: DiscussionStore;
  readonly knowledge: KnowledgeHolder;
  /** Members with this role count as teachers, besides those with Manage Server. */
  readonly teacherRoleId: string | null;
  readonly logger: Logger;
  readonly now?: () => number;
  readonly random?: RandomSource;
  /** How often to look for reminders that are due (default 15 s). */
  readonly reminderCheckMs?: number;
  /** Signs the discussion's buttons (the bot's button secret). */
  readonly buttonSecret: string;
};

/** Whether a member may run discussions: Manage Server, or the configured teacher role. */
export function isTeacher(
  permissions: Readonly<PermissionsBitField> | null,
  roleIds: readonly string[],
  teacherRoleId: string | null,
): boolean {
  if (permissions?.has(PermissionFlagsBits.ManageGuild)) return true;
  return teacherRoleId !== null && roleIds.includes(teacherRoleId);
}

export function button(
  customId: string,
  label: string,
  style: ButtonStyle.Primary | ButtonStyle.Secondary = ButtonStyle.Secondary,
): APIButtonComponentWithCustomId {
  return { type: ComponentType.Button, style, custom_id: customId, label: label.slice(0, 80) };
}

export function row(...buttons: APIButtonComponentWithCustomId[]): APIActionRowComponent<APIButtonComponentWithCustomId> {
  return { type: ComponentType.ActionRow, components: buttons.slice(0, 5) };
}

/** Turns the student marks of a rendered reply into mentions (which ping nobody: no message allows any). */
export function withMentions(message: RenderedMessage): RenderedMessage {
  const mention = (text: string) => text.replace(STUDENT_MARK, '<@$1>');
  const strip = (text: string) => text.replace(STUDENT_MARK, '');
  return {
    ...message,
    embeds: message.embeds.map((e) => ({
      ...e,
      ...(e.title !== undefined ? { title: strip(e.title) } : {}),
      ...(e.description !== undefined ? { description: mention(e.description) } : {}),
      ...(e.fields ? { fields: e.fields.map((f) => ({ ...f, name: strip(f.name), value: mention(f.value) })) } : {}),
    })),
  };
}

export class DiscussionEdge {
  readonly store: DiscussionStore;
  readonly knowledge: KnowledgeHolder;
  readonly teacherRoleId: string | null;
  readonly now: () => number;
  readonly random: RandomSource;
  private readonly keys: PageIdKeys;
  private readonly log: Logger;
  private readonly reminderCheckMs: number;
  private client: Client | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly onRaw = (packet: GatewayDispatchPayload) => this.countMessage(packet);
  /**
   * "Cite a passage" between the context menu and the passage menu: the words of the message,
   * as Discord gave them with the context-menu interaction (the bot has no Message Content
   * intent, so it cannot read them again later). Keyed by the student's and the message's id.
   */
  private readonly pendingCites = new Map<string, string>();

  constructor(options: DiscussionEdgeOptions) {
    this.store = options.store;
    this.knowledge = options.knowledge;
    this.teacherRoleId = options.teacherRoleId;
    this.log = options.logger.child({ component: 'discussions' });
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.reminderCheckMs = options.reminderCheckMs ?? 15_000;
    this.keys = new PageIdKeys(options.buttonSecret);
  }

  /** The signed custom_id of one of the discussion's buttons or menus. */
  customId(component: DiscussionComponent): string {
    return encodeDiscussionId(component, this.keys);
  }

  /** A custom_id read back, or undefined when it is malformed or not ours. */
  readCustomId(customId: string): DiscussionComponent | undefined {
    return decodeDiscussionId(customId, this.keys);
  }

  /** Starts counting messages and posting reminders for `client`. */
  attach(client: Client): void {
    this.client = client;
    // The raw packet, not the Message event: discord.js drops messages of channels it has not
    // cached, and a thread from before a restart is not cached.
    client.on('raw', this.onRaw);
    this.timer = setInterval(() => void this.remind(), this.reminderCheckMs);
    this.timer.unref();
    void this.remind();
  }

  detach(): void {
    this.client?.off('raw', this.onRaw);
    clearInterval(this.timer);
    this.client = undefined;
  }

  private get rest() {
    if (!this.client) throw new Error('discussions: not attached to a client');
    return this.client.rest;
  }

  /** Posts a message (with files as multipart/form-data) in a channel or thread; its id. */
  async post(channelId: string, message: RenderedMessage, files: readonly UploadFile[] = []): Promise<string> {
    const body = {
      content: message.content ?? '',
      embeds: message.embeds,
      components: message.components,
      allowed_mentions: NO_MENTIONS_BODY,
      ...(files.length > 0 ? { attachments: files.map((f, i) => ({ id: i, filename: f.name })) } : {}),
    };
    const sent = (await this.rest.post(Routes.channelMessages(channelId), {
      body,
      ...(files.length > 0 ? { files: files.map((f) => ({ name: f.name, data: f.data, contentType: f.contentType })) } : {}),
    })) as APIMessage;
    return sent.id;
  }

  /** Sends a direct message; false when the student does not accept DMs from the server's members (or it fails). */
  async directMessage(userId: string, message: RenderedMessage): Promise<boolean> {
    try {
      const dm = (await this.rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as APIChannel;
      await this.post(dm.id, message);
      return true;
    } catch (err) {
      this.log.info({ err, userId }, 'briefing not delivered by direct message');
      return false;
    }
  }

  async channel(channelId: string): Promise<APIChannel> {
    return (await this.rest.get(Routes.channel(channelId))) as APIChannel;
  }

  /**
   * Opens a public thread in a text channel, or a post in a forum, named `name`; a forum post
   * opens with `first` (elsewhere the caller posts). The new thread's id.
   */
  async openThread(parentId: string, parentType: ChannelType, name: string, first: RenderedMessage): Promise<string> {
    const forum = parentType === ChannelType.GuildForum || parentType === ChannelType.GuildMedia;
    const body = forum
      ? {
          name,
          auto_archive_duration: 1440,
          message: { content: first.content ?? '', embeds: first.embeds, components: first.components, allowed_mentions: NO_MENTIONS_BODY },
        }
      : { name, auto_archive_duration: 1440, type: ChannelType.PublicThread };
    const thread = (await this.rest.post(Routes.threads(parentId), { body })) as APIChannel;
    return thread.id;
  }

  rememberCite(userId: string, messageId: string, text: string): void {
    this.pendingCites.set(`${userId}:${messageId}`, text);
    if (this.pendingCites.size > 1_000) {
      const oldest = this.pendingCites.keys().next().value;
      if (oldest !== undefined) this.pendingCites.delete(oldest);
    }
  }

  /** The words a student is citing for, once; undefined when the menu is stale (or from before a restart). */
  takeCite(userId: string, messageId: string): string | undefined {
    const key = `${userId}:${messageId}`;
    const text = this.pendingCites.get(key);
    this.pendingCites.delete(key);
    return text;
  }

  private countMessage(packet: GatewayDispatchPayload): void {
    if (packet.t !== 'MESSAGE_CREATE') return;
    const m = packet.d;
    if (m.guild_id === undefined || m.author.bot === true || m.webhook_id !== undefined) return;
    try {
      const displayName = m.member?.nick ?? m.author.global_name ?? m.author.username;
      this.store.countMessage(m.channel_id, { userId: m.author.id, displayName: displayName.slice(0, 80) });
    } catch (err) {
      this.log.error({ err, channelId: m.channel_id }, 'could not count a message');
    }
  }

  /** Posts the reminders that are due; each once, even if posting fails (it is only a reminder). */
  async remind(): Promise<void> {
    if (!this.client) return;
    let due;
    try {
      due = this.store.dueReminders(this.now());
    } catch (err) {
      this.log.error({ err }, 'could not read due reminders');
      return;
    }
    for (const discussion of due) {
      // With shards, each process reminds only the servers it serves.
      if (!this.client.guilds.cache.has(discussion.guildId)) continue;
      this.store.markReminded(discussion.id);
      const minutes = discussion.remindAt !== null ? Math.round((discussion.remindAt - discussion.startedAt) / 60_000) : 0;
      try {
        await this.post(discussion.threadId, {
          content: `⏰ ${dt(discussion.locale, 'reminder.text', { minutes })}`,
          embeds: [],
          components: [],
          allowedMentions: { parse: [] },
        });
      } catch (err) {
        this.log.warn({ err, discussionId: discussion.id }, 'could not post a reminder');
      }
    }
  }
}
