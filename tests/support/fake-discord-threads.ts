/**
 * What class discussions need from the fake Discord, added to a running FakeDiscord without
 * changing how it works otherwise: channels the bot can look up (the test guild's text channel,
 * a forum, and the threads it opens), thread and forum-post creation, channel messages as JSON
 * or as multipart/form-data uploads (files parsed back to bytes), MESSAGE_CREATE events from
 * students, and the message context-menu and select-menu interactions.
 */
import {
  type FakeDiscord,
  fullUser,
  PERMISSIONS,
  snowflake,
  type FakeUser,
  type InteractionOrigin,
  type RecordedRequest,
  type SentInteraction,
} from './fake-discord.js';

export type UploadedFile = { readonly field: string; readonly filename: string; readonly contentType: string; readonly data: Buffer };

/** A message the bot posted in a channel: its JSON fields and any uploaded files. */
export type PostedMessage = {
  readonly id: string;
  readonly channelId: string;
  readonly body: Record<string, any>;
  readonly files: readonly UploadedFile[];
  /** The request's content type: `application/json` or `multipart/form-data; boundary=…`. */
  readonly contentType: string;
};

/** Splits a multipart/form-data body into its parts, bytes intact. */
export function parseMultipart(request: RecordedRequest): { payload: Record<string, any>; files: UploadedFile[] } {
  const type = String(request.headers['content-type'] ?? '');
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(type);
  if (!boundary) throw new Error(`not multipart: ${type}`);
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const raw = request.rawBody;
  const parts: Buffer[] = [];
  let at = raw.indexOf(delimiter);
  while (at !== -1) {
    const next = raw.indexOf(delimiter, at + delimiter.length);
    if (next === -1) break;
    parts.push(raw.subarray(at + delimiter.length + 2, next - 2)); // skip CRLF after the delimiter, before the next
    at = next;
  }
  let payload: Record<string, any> = {};
  const files: UploadedFile[] = [];
  for (const part of parts) {
    const split = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, split).toString('utf8');
    const data = part.subarray(split + 4);
    const name = /name="([^"]+)"/.exec(head)?.[1] ?? '';
    const filename = /filename="([^"]+)"/.exec(head)?.[1];
    const contentType = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1] ?? '';
    if (name === 'payload_json') payload = JSON.parse(data.toString('utf8'));
    else if (filename !== undefined) files.push({ field: name, filename, contentType, data: Buffer.from(data) });
  }
  return { payload, files };
}

export class FakeThreads {
  /** Channels the REST routes know, by id (type 0 text, 11 public thread, 15 forum). */
  readonly channels = new Map<string, Record<string, any>>();
  /** Every message the bot posted through the channel routes, in order. */
  readonly posted: PostedMessage[] = [];
  readonly forumId = snowflake();
  /** Students whose privacy settings refuse direct messages from the bot (Discord answers 403, code 50007). */
  readonly refusesDirectMessages = new Set<string>();

  private constructor(readonly fake: FakeDiscord) {
    const text = (id: string, name: string) => ({
      id,
      type: 0,
      guild_id: fake.guildId,
      name,
      parent_id: null,
      position: 0,
      flags: 0,
      permission_overwrites: [],
    });
    this.channels.set(fake.channelId, text(fake.channelId, 'kelas'));
    this.channels.set(fake.otherChannelId, text(fake.otherChannelId, 'umum'));
    this.channels.set(this.forumId, { ...text(this.forumId, 'forum-diskusi'), type: 15, available_tags: [], default_reaction_emoji: null });
    const api = '/api/v10';
    fake.addRoutes([
      {
        method: 'GET',
        pattern: new RegExp(`^${api}/channels/(\\d+)$`),
        handle: (_req, m) => {
          const channel = this.channels.get(m[1] ?? '');
          return channel ? { status: 200, body: channel } : { status: 404, body: { message: 'Unknown Channel', code: 10003 } };
        },
      },
      {
        method: 'POST',
        pattern: new RegExp(`^${api}/users/@me/channels$`),
        handle: (req) => {
          const recipient = String(req.body?.recipient_id ?? '');
          const existing = [...this.channels.values()].find((c) => c.type === 1 && c.recipient_id === recipient);
          const dm = existing ?? {
            id: snowflake(),
            type: 1,
            recipient_id: recipient,
            recipients: [{ id: recipient, username: 'siswa', discriminator: '0', avatar: null }],
            last_message_id: null,
            flags: 0,
          };
          this.channels.set(dm.id, dm);
          return { status: 200, body: dm };
        },
      },
      {
        method: 'POST',
        pattern: new RegExp(`^${api}/channels/(\\d+)/threads$`),
        handle: (req, m) => this.openThread(req, m[1] ?? ''),
      },
      {
        method: 'POST',
        pattern: new RegExp(`^${api}/channels/(\\d+)/messages$`),
        handle: (req, m) => {
          const channelId = m[1] ?? '';
          const channel = this.channels.get(channelId);
          if (!channel) return { status: 404, body: { message: 'Unknown Channel', code: 10003 } };
          if (channel.type === 1 && this.refusesDirectMessages.has(channel.recipient_id))
            return { status: 403, body: { message: 'Cannot send messages to this user', code: 50007 } };
          const multipart = String(req.headers['content-type'] ?? '').startsWith('multipart/form-data');
          const { payload, files } = multipart ? parseMultipart(req) : { payload: req.body as Record<string, any>, files: [] };
          return { status: 200, body: this.record(channelId, payload, files, String(req.headers['content-type'] ?? '')) };
        },
      },
    ]);
  }

  /** Adds the discussion routes to a running fake Discord. */
  static install(fake: FakeDiscord): FakeThreads {
    return new FakeThreads(fake);
  }

  /** Messages the bot posted in one channel or thread. */
  postedIn(channelId: string): PostedMessage[] {
    return this.posted.filter((p) => p.channelId === channelId);
  }

  /** Resolves once the bot has posted a message matching `predicate` (or already had). */
  async waitForPost(predicate: (p: PostedMessage) => boolean, timeoutMs = 5_000): Promise<PostedMessage> {
    const started = Date.now();
    for (;;) {
      const found = this.posted.find(predicate);
      if (found) return found;
      if (Date.now() - started > timeoutMs)
        throw new Error(
          `no matching post within ${timeoutMs} ms; posted:\n${this.posted.map((p) => `  ${p.channelId}: ${JSON.stringify(p.body).slice(0, 120)}`).join('\n')}`,
        );
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Direct messages the bot sent to one user. */
  directMessagesTo(userId: string): PostedMessage[] {
    const dms = new Set([...this.channels.values()].filter((c) => c.type === 1 && c.recipient_id === userId).map((c) => c.id));
    return this.posted.filter((p) => dms.has(p.channelId));
  }

  /** The threads (and forum posts) the bot opened, in order. */
  threads(): Record<string, any>[] {
    return [...this.channels.values()].filter((c) => c.type === 11);
  }

  /** A student writes in a channel: MESSAGE_CREATE as Discord sends it without the Message Content intent (empty content). */
  messageCreate(channelId: string, author: FakeUser, options: { bot?: boolean } = {}): string {
    const id = snowflake();
    this.fake.dispatch(
      'MESSAGE_CREATE',
      {
        id,
        channel_id: channelId,
        guild_id: this.fake.guildId,
        author: {
          id: author.id,
          username: author.username,
          global_name: author.global_name ?? author.username,
          discriminator: '0',
          avatar: null,
          ...(options.bot ? { bot: true } : {}),
        },
        member: { roles: [], joined_at: '2024-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0, nick: null },
        content: '',
        timestamp: new Date().toISOString(),
        edited_timestamp: null,
        tts: false,
        mention_everyone: false,
        mentions: [],
        mention_roles: [],
        attachments: [],
        embeds: [],
        pinned: false,
        type: 0,
        flags: 0,
      },
      this.fake.guildId,
    );
    return id;
  }

  /** "Apps → <name>" on a message: a message context-menu command (type 2, command type 3). */
  messageCommand(
    name: string,
    target: { id: string; author: FakeUser; content: string },
    origin: InteractionOrigin & { channelId: string },
  ): SentInteraction {
    const message = channelMessage(target.id, origin.channelId, fullUser(target.author), { content: target.content });
    return this.send(
      2,
      {
        id: snowflake(),
        name,
        type: 3,
        target_id: target.id,
        resolved: { messages: { [target.id]: message } },
        guild_id: this.fake.guildId,
      },
      origin,
    );
  }

  /** A slash command with a user option: `resolved` carries the users and members Discord attaches. */
  chatInputWithUsers(
    name: string,
    options: readonly unknown[],
    users: readonly FakeUser[],
    origin: InteractionOrigin & { channelId: string },
  ): SentInteraction {
    const resolved = {
      users: Object.fromEntries(users.map((u) => [u.id, fullUser(u)])),
      members: Object.fromEntries(
        users.map((u) => [
          u.id,
          { roles: [], joined_at: '2024-01-01T00:00:00.000Z', nick: null, flags: 0, permissions: PERMISSIONS.member },
        ]),
      ),
    };
    return this.send(2, { id: snowflake(), name, type: 1, options, resolved, guild_id: this.fake.guildId }, origin);
  }

  /** Chooses `values` in a select menu of a message the bot sent (type 3, component type 3). */
  selectMenu(customId: string, values: readonly string[], origin: InteractionOrigin & { channelId: string }): SentInteraction {
    const message = { ...this.fake.botMessage({ flags: 64 }), channel_id: origin.channelId, edited_timestamp: null };
    return this.send(3, { custom_id: customId, component_type: 3, values }, origin, { message });
  }

  private openThread(req: RecordedRequest, parentId: string): { status: number; body: unknown } {
    const parent = this.channels.get(parentId);
    if (!parent) return { status: 404, body: { message: 'Unknown Channel', code: 10003 } };
    const id = snowflake();
    const thread = {
      id,
      type: 11,
      guild_id: this.fake.guildId,
      parent_id: parentId,
      name: req.body?.name,
      owner_id: this.fake.botUser.id,
      flags: 0,
      thread_metadata: {
        archived: false,
        auto_archive_duration: req.body?.auto_archive_duration ?? 1440,
        archive_timestamp: new Date().toISOString(),
        locked: false,
      },
      message_count: 0,
      member_count: 1,
    };
    this.channels.set(id, thread);
    if (parent.type === 15) {
      if (!req.body?.message) return { status: 400, body: { message: 'Invalid Form Body: a forum post needs a message', code: 50035 } };
      const first = this.record(id, req.body.message, [], 'application/json');
      return { status: 201, body: { ...thread, message: first } };
    }
    return { status: 201, body: thread };
  }

  private record(channelId: string, payload: Record<string, any>, files: UploadedFile[], contentType: string): Record<string, unknown> {
    const id = snowflake();
    this.posted.push({ id, channelId, body: payload, files, contentType });
    const author = { ...this.fake.botUser, discriminator: '0000', avatar: null, bot: true };
    const attachments = files.map((f, i) => ({
      id: String(i),
      filename: f.filename,
      size: f.data.length,
      url: `https://cdn.example/${f.filename}`,
      proxy_url: '',
    }));
    return channelMessage(id, channelId, author, { ...payload, attachments });
  }

  /** An interaction from inside a discussion thread (type 11) rather than the test channel. */
  private send(
    type: number,
    data: Record<string, unknown>,
    origin: InteractionOrigin & { channelId: string },
    extra: Record<string, unknown> = {},
  ): SentInteraction {
    const channel = {
      id: origin.channelId,
      type: 11,
      guild_id: this.fake.guildId,
      name: 'diskusi',
      parent_id: this.fake.channelId,
      flags: 0,
      permissions: origin.permissions ?? PERMISSIONS.member,
    };
    return this.fake.sendInteraction(type, data, origin, { channel, ...extra });
  }
}

/** A default message (type 0) as Discord returns it; it mentions no one. */
function channelMessage(
  id: string,
  channelId: string,
  author: Record<string, unknown>,
  body: { content?: string; embeds?: unknown[]; components?: unknown[]; attachments?: unknown[] },
): Record<string, unknown> {
  return {
    id,
    channel_id: channelId,
    author,
    content: body.content ?? '',
    embeds: body.embeds ?? [],
    components: body.components ?? [],
    attachments: body.attachments ?? [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    type: 0,
    flags: 0,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
  };
}

/** `{ name, type: 4, value }`: an integer option. */
export function int(name: string, value: number): { name: string; type: 4; value: number } {
  return { name, type: 4, value };
}

/** `{ name, type: 1, options }`: a subcommand with its options. */
export function sub(name: string, options: readonly unknown[] = []): { name: string; type: 1; options: any[] } {
  return { name, type: 1, options: [...options] };
}
