/**
 * A small Discord-compatible server for tests: the REST routes Sumber uses and a gateway
 * WebSocket, on 127.0.0.1 only, on an ephemeral port. The real discord.js client logs in to it
 * (`new Client({ rest: { api: fake.apiUrl } })`), receives the interactions a test sends, and
 * answers through REST; every request is recorded so a test can assert the exact body Discord
 * would have received.
 *
 * What discord.js 14.28 needs, and why each piece is here:
 * - login calls only `GET /api/v10/gateway/bot`; its `url` is the gateway address.
 * - Gateway: HELLO (op 10) -> IDENTIFY (op 2) -> READY (needs `user`, `guilds`, `session_id`,
 *   `application`, `resume_gateway_url`), then one GUILD_CREATE per guild, or discord.js waits
 *   15 s for the missing guilds. Heartbeats (op 1) must be ACKed (op 11) or it resumes (op 6).
 * - INTERACTION_CREATE needs snowflake ids, `entitlements`, `authorizing_integration_owners`
 *   and a `channel` object, or discord.js fails inside its packet handler.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';

const DISCORD_EPOCH = 1_420_070_400_000n;
/** A token shaped like a real one (three dot-separated parts); the fake accepts any token. */
export const TEST_TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.GhIjKl.test-token-for-the-fake-discord-server';
/** Permission bits as Discord sends them (decimal strings). */
export const PERMISSIONS = {
  /** What an ordinary student has: view, send, read history, use application commands. */
  member: String((1n << 10n) | (1n << 11n) | (1n << 16n) | (1n << 31n)),
  /** A teacher: the above plus Manage Server. */
  moderator: String((1n << 10n) | (1n << 11n) | (1n << 16n) | (1n << 31n) | (1n << 5n)),
} as const;

/** A request as the server received it; `path` is URL-decoded (`@original`, not `%40original`). */
export type RecordedRequest = {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingMessage['headers'];
  /** Parsed JSON body, or the raw text when it was not JSON, or undefined when empty. */
  readonly body: any;
  /** The body's bytes as sent (for multipart uploads, whose files are binary). */
  readonly rawBody: Buffer;
  /** `performance.now()` when the request finished arriving. */
  readonly receivedAt: number;
};

export type FakeUser = { readonly id: string; readonly username: string; readonly global_name?: string };

export type FakeDiscordOptions = {
  readonly heartbeatIntervalMs?: number;
  /** Reported by `/gateway/bot`; the ShardingManager spawns this many shards on 'auto'. */
  readonly recommendedShards?: number;
};

/** Options of a slash command as Discord sends them. */
export type CommandOption =
  | { readonly name: string; readonly type: 3; readonly value: string; readonly focused?: boolean }
  | { readonly name: string; readonly type: 5; readonly value: boolean }
  | { readonly name: string; readonly type: 4 | 10; readonly value: number }
  | { readonly name: string; readonly type: 1; readonly options?: readonly CommandOption[] };

export type InteractionOrigin = {
  /** `en-US`, `id`, ...; default `en-US`. */
  readonly locale?: string;
  readonly user?: FakeUser;
  /** Decimal permission bits of the member; default `PERMISSIONS.member`. */
  readonly permissions?: string;
  readonly channelId?: string;
  /** Send the interaction from a DM (no guild, no member) instead of the test guild. */
  readonly dm?: boolean;
  /** Fault: the interaction was created this long ago (it waited in a queue before reaching the bot). */
  readonly createdAgoMs?: number;
};

export type SentInteraction = {
  readonly id: string;
  readonly token: string;
  /** `performance.now()` when the gateway frame was written. */
  readonly sentAt: number;
  readonly payload: Record<string, unknown>;
};

export type Route = {
  readonly method: string;
  readonly pattern: RegExp;
  readonly handle: (req: RecordedRequest, match: RegExpMatchArray) => { status: number; body?: unknown; headers?: Record<string, string> };
};

type Session = { readonly socket: WebSocket; shard: readonly [number, number]; seq: number; identified: boolean };

type Waiter = { readonly predicate: (r: RecordedRequest) => boolean; readonly resolve: (r: RecordedRequest) => void };

type Override = {
  readonly predicate: (r: RecordedRequest) => boolean;
  remaining: number;
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
};

let snowflakeCounter = 0n;
/** A snowflake for the current time (or `at`, ms since epoch), unique within this process. */
export function snowflake(at: number = Date.now()): string {
  snowflakeCounter = (snowflakeCounter + 1n) & 0x3fffffn;
  return String(((BigInt(Math.round(at)) - DISCORD_EPOCH) << 22n) | snowflakeCounter);
}

export class FakeDiscord {
  readonly applicationId = snowflake();
  readonly botUser: FakeUser = { id: this.applicationId, username: 'Sumber' };
  readonly guildId = snowflake();
  readonly channelId = snowflake();
  readonly otherChannelId = snowflake();
  /** Every REST request, in arrival order. */
  readonly requests: RecordedRequest[] = [];
  /** IDENTIFY payloads received, in order (token, intents, shard). */
  readonly identifies: Record<string, any>[] = [];
  /** Commands registered by bulk overwrite, by scope (`global` or a guild id). */
  readonly registeredCommands = new Map<string, unknown[]>();
  /** RESUME payloads received, in order. */
  readonly resumes: Record<string, any>[] = [];
  /** Fault: when false, heartbeats are no longer ACKed (the client should reconnect and resume). */
  ackHeartbeats = true;

  private readonly http: Server;
  private readonly wss: WebSocketServer;
  private readonly sessions = new Set<Session>();
  private readonly waiters = new Set<Waiter>();
  private readonly listeners = new Set<(request: RecordedRequest) => void>();
  private readonly overrides: Override[] = [];
  private readonly routes: readonly Route[];
  private readonly extraRoutes: Route[] = [];
  private readonly heartbeatIntervalMs: number;
  private readonly recommendedShards: number;
  private identifyWaiters: (() => void)[] = [];
  private closeOnIdentifyCode: number | null = null;
  private port = 0;

  private constructor(options: FakeDiscordOptions) {
    this.heartbeatIntervalMs = options.heartbeatIntervalMs ?? 41_250;
    this.recommendedShards = options.recommendedShards ?? 1;
    this.http = createServer((req, res) => void this.onRequest(req, res));
    this.wss = new WebSocketServer({ server: this.http, path: '/gateway' });
    this.wss.on('connection', (socket) => this.onConnection(socket));
    this.routes = this.buildRoutes();
  }

  /** Starts a server on 127.0.0.1 and an ephemeral port. */
  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    await new Promise<void>((resolve, reject) => {
      fake.http.once('error', reject);
      fake.http.listen(0, '127.0.0.1', () => resolve());
    });
    fake.port = (fake.http.address() as AddressInfo).port;
    return fake;
  }

  /** Base REST address to give discord.js (`rest.api`) or `DISCORD_API_URL`. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  /** Resolves once `count` sessions have identified (READY and GUILD_CREATE sent). */
  async waitForIdentify(count = 1): Promise<void> {
    while (this.identifies.length < count) {
      await new Promise<void>((resolve) => this.identifyWaiters.push(resolve));
    }
  }

  /** The next request matching `predicate` (or one already received). */
  waitForRequest(predicate: (r: RecordedRequest) => boolean, timeoutMs = 5_000): Promise<RecordedRequest> {
    const existing = this.requests.find(predicate);
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        predicate,
        resolve: (r) => {
          clearTimeout(timer);
          resolve(r);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`FakeDiscord: no matching request within ${timeoutMs} ms; got:\n${this.describeRequests()}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** The interaction callback (`POST /interactions/:id/:token/callback`) for an interaction. */
  callbackFor(interaction: Pick<SentInteraction, 'id' | 'token'>, timeoutMs?: number): Promise<RecordedRequest> {
    const path = `/api/v10/interactions/${interaction.id}/${interaction.token}/callback`;
    return this.waitForRequest((r) => r.method === 'POST' && r.path === path, timeoutMs);
  }

  /** The edit of the original response (`PATCH /webhooks/:app/:token/messages/@original`). */
  editFor(interaction: Pick<SentInteraction, 'token'>, timeoutMs?: number): Promise<RecordedRequest> {
    const path = `/api/v10/webhooks/${this.applicationId}/${interaction.token}/messages/@original`;
    return this.waitForRequest((r) => r.method === 'PATCH' && r.path === path, timeoutMs);
  }

  /** All requests made for one interaction (callback, edits, follow-ups), in order. */
  requestsFor(interaction: Pick<SentInteraction, 'token'>): RecordedRequest[] {
    return this.requests.filter((r) => r.path.includes(`/${interaction.token}/`) || r.path.endsWith(`/${interaction.token}`));
  }

  /** Calls `listener` for every request as it arrives (cheaper than waiters for thousands of requests). */
  subscribe(listener: (request: RecordedRequest) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Forgets the requests recorded so far (a benchmark sends tens of thousands). */
  clearRequests(): void {
    this.requests.length = 0;
  }

  /** Serves more REST routes, tried before the built-in ones (see fake-discord-threads.ts). */
  addRoutes(routes: readonly Route[]): void {
    this.extraRoutes.push(...routes);
  }

  /** Makes the next `times` requests matching `predicate` fail with the given status. */
  failNext(
    predicate: (r: RecordedRequest) => boolean,
    status: number,
    options: { times?: number; headers?: Record<string, string>; body?: unknown } = {},
  ): void {
    this.overrides.push({
      predicate,
      remaining: options.times ?? 1,
      status,
      headers: options.headers,
      body: options.body ?? { message: 'injected failure', code: 0 },
    });
  }

  /** Fault: the next IDENTIFY is answered by closing the socket with `code` (e.g. 4004) instead of READY. */
  closeOnIdentify(code: number | null): void {
    this.closeOnIdentifyCode = code;
  }

  /** Fault: closes every gateway session with `code` (4000 is recoverable, 4004 is not). */
  closeSessions(code: number, reason = 'closed by the test'): void {
    for (const session of this.sessions) session.socket.close(code, reason);
  }

  /** Removes every injected REST failure and gateway fault. */
  clearFaults(): void {
    this.overrides.length = 0;
    this.closeOnIdentifyCode = null;
    this.ackHeartbeats = true;
  }

  /** Sends a gateway dispatch to every identified session (or to the shard owning `guildId`). */
  dispatch(event: string, data: unknown, guildId?: string): number {
    let sentAt = 0;
    for (const session of this.sessions) {
      if (!session.identified) continue;
      if (guildId !== undefined && !ownsGuild(session.shard, guildId)) continue;
      session.seq += 1;
      session.socket.send(JSON.stringify({ op: 0, t: event, s: session.seq, d: data }));
      sentAt = performance.now();
    }
    return sentAt;
  }

  /** Sends a slash command, as a student typing `/name option:value` would. */
  chatInput(name: string, options: readonly CommandOption[] = [], origin: InteractionOrigin = {}): SentInteraction {
    return this.sendInteraction(
      2,
      { id: commandId(name), name, type: 1, options, ...(origin.dm ? {} : { guild_id: this.guildId }) },
      origin,
    );
  }

  /** Sends an autocomplete request; the option with `focused: true` is the one being typed. */
  autocomplete(name: string, options: readonly CommandOption[], origin: InteractionOrigin = {}): SentInteraction {
    return this.sendInteraction(
      4,
      { id: commandId(name), name, type: 1, options, ...(origin.dm ? {} : { guild_id: this.guildId }) },
      origin,
    );
  }

  /**
   * Clicks a button of a message the bot sent. `message` is the `data` of the bot's callback
   * (or edit) body: the button must be among its components.
   */
  clickButton(
    customId: string,
    message: { embeds?: unknown[]; components?: unknown[]; flags?: number },
    asker: FakeUser,
    origin: InteractionOrigin = {},
  ): SentInteraction {
    const channelId = origin.channelId ?? this.channelId;
    const messagePayload = {
      ...this.botMessage(message),
      channel_id: channelId,
      guild_id: origin.dm ? undefined : this.guildId,
      edited_timestamp: null,
      interaction_metadata: { id: snowflake(), type: 2, user: fullUser(asker), authorizing_integration_owners: { '0': this.guildId } },
    };
    return this.sendInteraction(3, { custom_id: customId, component_type: 2 }, origin, { message: messagePayload });
  }

  async close(): Promise<void> {
    for (const session of this.sessions) session.socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  /**
   * Sends an interaction of any type from `origin`; `extra` adds or replaces top-level fields
   * (a clicked `message`, or the `channel` it happens in when that is not the test channel).
   */
  sendInteraction(
    type: number,
    data: Record<string, unknown>,
    origin: InteractionOrigin,
    extra: Record<string, unknown> = {},
  ): SentInteraction {
    const id = snowflake(Date.now() - (origin.createdAgoMs ?? 0));
    const token = `aW50ZXJhY3Rpb246${randomBytes(24).toString('base64url')}`;
    const user = fullUser(origin.user ?? { id: '100000000000000001', username: 'siswa' });
    const channelId = origin.channelId ?? this.channelId;
    const where = origin.dm
      ? {
          channel: { id: channelId, type: 1, recipients: [user], flags: 0, last_message_id: null },
          user,
          context: 1,
          authorizing_integration_owners: { '1': user.id },
        }
      : {
          guild_id: this.guildId,
          guild_locale: 'en-US',
          guild: { id: this.guildId, locale: 'en-US', features: [] },
          channel: {
            id: channelId,
            type: 0,
            guild_id: this.guildId,
            name: 'kelas',
            position: 0,
            flags: 0,
            nsfw: false,
            parent_id: null,
            topic: null,
            permissions: origin.permissions ?? PERMISSIONS.member,
            last_message_id: null,
            rate_limit_per_user: 0,
          },
          member: memberPayload(user, origin.permissions ?? PERMISSIONS.member),
          context: 0,
          authorizing_integration_owners: { '0': this.guildId },
        };
    const payload = {
      id,
      application_id: this.applicationId,
      type,
      token,
      version: 1,
      channel_id: channelId,
      locale: origin.locale ?? 'en-US',
      app_permissions: PERMISSIONS.member,
      entitlements: [],
      attachment_size_limit: 10_485_760,
      data,
      ...where,
      ...extra,
    };
    const sentAt = this.dispatch('INTERACTION_CREATE', payload, origin.dm ? undefined : this.guildId);
    if (sentAt === 0) throw new Error('FakeDiscord: no identified gateway session to send the interaction to');
    return { id, token, sentAt, payload };
  }

  private onConnection(socket: WebSocket): void {
    const session: Session = { socket, shard: [0, 1], seq: 0, identified: false };
    this.sessions.add(session);
    socket.on('close', () => this.sessions.delete(session));
    socket.on('message', (raw) => {
      let frame: { op: number; d: any };
      try {
        frame = JSON.parse(String(raw));
      } catch {
        socket.close(4002, 'Decode error');
        return;
      }
      this.onFrame(session, frame);
    });
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.heartbeatIntervalMs } }));
  }

  private onFrame(session: Session, frame: { op: number; d: any }): void {
    switch (frame.op) {
      case 1: // heartbeat
        if (this.ackHeartbeats) session.socket.send(JSON.stringify({ op: 11 }));
        return;
      case 2: {
        // identify
        this.identifies.push(frame.d);
        if (this.closeOnIdentifyCode !== null) {
          session.socket.close(this.closeOnIdentifyCode, 'refused by the test');
          return;
        }
        session.shard = Array.isArray(frame.d?.shard) ? [frame.d.shard[0], frame.d.shard[1]] : [0, 1];
        session.identified = true;
        const guilds = ownsGuild(session.shard, this.guildId) ? [this.guildId] : [];
        session.seq += 1;
        session.socket.send(
          JSON.stringify({
            op: 0,
            t: 'READY',
            s: session.seq,
            d: {
              v: 10,
              user: { ...this.botUser, discriminator: '0000', avatar: null, bot: true, verified: true, flags: 0, mfa_enabled: false },
              guilds: guilds.map((id) => ({ id, unavailable: true })),
              session_id: randomBytes(16).toString('hex'),
              resume_gateway_url: this.gatewayUrl,
              shard: session.shard,
              application: { id: this.applicationId, flags: 0 },
              private_channels: [],
              relationships: [],
              presences: [],
              guild_join_requests: [],
              user_settings: {},
              geo_ordered_rtc_regions: [],
            },
          }),
        );
        for (const id of guilds) {
          session.seq += 1;
          session.socket.send(JSON.stringify({ op: 0, t: 'GUILD_CREATE', s: session.seq, d: this.guildPayload(id) }));
        }
        const waiters = this.identifyWaiters;
        this.identifyWaiters = [];
        for (const wake of waiters) wake();
        return;
      }
      case 6: // resume: nothing was missed in tests
        this.resumes.push(frame.d);
        session.identified = true;
        session.seq += 1;
        session.socket.send(JSON.stringify({ op: 0, t: 'RESUMED', s: session.seq, d: {} }));
        return;
      default:
        return; // presence updates and the like
    }
  }

  private guildPayload(id: string): Record<string, unknown> {
    const channel = (channelId: string, name: string) => ({
      id: channelId,
      type: 0,
      guild_id: id,
      name,
      position: 0,
      permission_overwrites: [],
      flags: 0,
      nsfw: false,
      parent_id: null,
      topic: null,
      last_message_id: null,
      rate_limit_per_user: 0,
    });
    return {
      id,
      name: 'Kelas Hubungan Internasional',
      icon: null,
      owner_id: '100000000000000009',
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 1,
      explicit_content_filter: 0,
      roles: [
        {
          id,
          name: '@everyone',
          color: 0,
          hoist: false,
          position: 0,
          permissions: PERMISSIONS.member,
          managed: false,
          mentionable: false,
          flags: 0,
        },
      ],
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      public_updates_channel_id: null,
      safety_alerts_channel_id: null,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0,
      premium_subscription_count: 0,
      preferred_locale: 'en-US',
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
      joined_at: '2024-01-01T00:00:00.000Z',
      large: false,
      unavailable: false,
      member_count: 2,
      members: [],
      voice_states: [],
      channels: [channel(this.channelId, 'kelas'), channel(this.otherChannelId, 'umum')],
      threads: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  /** The fields every message the bot sends carries, as Discord returns them. */
  botMessage(body: { content?: string; embeds?: unknown[]; components?: unknown[]; flags?: number } | undefined) {
    return {
      id: snowflake(),
      author: { ...this.botUser, discriminator: '0000', avatar: null, bot: true },
      content: body?.content ?? '',
      embeds: body?.embeds ?? [],
      components: body?.components ?? [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      type: 20,
      flags: body?.flags ?? 0,
      timestamp: new Date().toISOString(),
      application_id: this.applicationId,
    };
  }

  private buildRoutes(): Route[] {
    const api = '/api/v10';
    const message = (body: any, token: string) => ({
      ...this.botMessage(body),
      channel_id: this.channelId,
      edited_timestamp: new Date().toISOString(),
      webhook_id: this.applicationId,
      interaction_token: token,
    });
    return [
      {
        method: 'GET',
        pattern: new RegExp(`^${api}/gateway/bot$`),
        handle: () => ({
          status: 200,
          body: {
            url: this.gatewayUrl,
            shards: this.recommendedShards,
            session_start_limit: { total: 1000, remaining: 1000, reset_after: 86_400_000, max_concurrency: 16 },
          },
        }),
      },
      { method: 'GET', pattern: new RegExp(`^${api}/gateway$`), handle: () => ({ status: 200, body: { url: this.gatewayUrl } }) },
      { method: 'POST', pattern: new RegExp(`^${api}/interactions/(\\d+)/([^/]+)/callback$`), handle: () => ({ status: 204 }) },
      {
        method: 'PATCH',
        pattern: new RegExp(`^${api}/webhooks/(\\d+)/([^/]+)/messages/([^/]+)$`),
        handle: (req, m) => ({ status: 200, body: message(req.body, m[2] ?? '') }),
      },
      {
        method: 'POST',
        pattern: new RegExp(`^${api}/webhooks/(\\d+)/([^/]+)$`),
        handle: (req, m) => ({ status: 200, body: message(req.body, m[2] ?? '') }),
      },
      { method: 'DELETE', pattern: new RegExp(`^${api}/webhooks/(\\d+)/([^/]+)/messages/([^/]+)$`), handle: () => ({ status: 204 }) },
      {
        method: 'PUT',
        pattern: new RegExp(`^${api}/applications/(\\d+)(?:/guilds/(\\d+))?/commands$`),
        handle: (req, m) => {
          const commands = Array.isArray(req.body) ? req.body : [];
          const registered = commands.map((c: Record<string, unknown>) => ({
            ...c,
            id: snowflake(),
            application_id: m[1],
            version: snowflake(),
            ...(m[2] ? { guild_id: m[2] } : {}),
          }));
          this.registeredCommands.set(m[2] ?? 'global', registered);
          return { status: 200, body: registered };
        },
      },
      {
        method: 'GET',
        pattern: new RegExp(`^${api}/applications/@me$`),
        handle: () => ({ status: 200, body: { id: this.applicationId, name: 'Sumber', flags: 0, bot: this.botUser } }),
      },
    ];
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks);
    const raw = rawBody.toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let body: unknown = undefined;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
    }
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname),
      query: url.searchParams,
      headers: req.headers,
      body,
      rawBody,
      receivedAt: performance.now(),
    };
    this.requests.push(recorded);

    const override = this.overrides.find((o) => o.remaining > 0 && o.predicate(recorded));
    if (override) {
      override.remaining -= 1;
      send(res, override.status, override.body, override.headers);
      return;
    }
    const route = [...this.extraRoutes, ...this.routes].find((r) => r.method === recorded.method && r.pattern.test(recorded.path));
    const match = route ? recorded.path.match(route.pattern) : null;
    if (!route || !match) {
      send(res, 404, { message: '404: Not Found', code: 0 });
    } else {
      const out = route.handle(recorded, match);
      send(res, out.status, out.body, out.headers);
    }
    for (const listener of this.listeners) listener(recorded);
    for (const waiter of this.waiters) {
      if (waiter.predicate(recorded)) {
        this.waiters.delete(waiter);
        waiter.resolve(recorded);
      }
    }
  }

  private describeRequests(): string {
    return this.requests.map((r) => `  ${r.method} ${r.path}`).join('\n') || '  (none)';
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (body === undefined || status === 204) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** A user object as Discord sends it in interactions and messages. */
export function fullUser(user: FakeUser): Record<string, unknown> & { id: string } {
  return {
    id: user.id,
    username: user.username,
    global_name: user.global_name ?? user.username,
    discriminator: '0',
    avatar: null,
    bot: false,
    public_flags: 0,
  };
}

/** A guild member as Discord attaches it to an interaction. */
export function memberPayload(user: Record<string, unknown>, permissions: string): Record<string, unknown> {
  return {
    user,
    roles: [],
    permissions,
    joined_at: '2024-01-01T00:00:00.000Z',
    deaf: false,
    mute: false,
    flags: 0,
    nick: null,
    avatar: null,
    premium_since: null,
    pending: false,
    communication_disabled_until: null,
  };
}

function ownsGuild(shard: readonly [number, number], guildId: string): boolean {
  return Number((BigInt(guildId) >> 22n) % BigInt(shard[1])) === shard[0];
}

const commandIds = new Map<string, string>();
function commandId(name: string): string {
  let id = commandIds.get(name);
  if (!id) {
    id = snowflake();
    commandIds.set(name, id);
  }
  return id;
}
