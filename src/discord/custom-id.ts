/**
 * The `custom_id` of the ◀ ▶ paging buttons. It carries everything needed to rebuild the page
 * (command, options, page, who asked), so paging keeps working after the bot restarts; nothing
 * is kept in memory unless the options are too long to fit Discord's 100 characters.
 *
 * Format (fields separated by `|`; inside values `%` and `|` are written `%25` and `%7C`, and a
 * leading `~` is written `%7E`), ending in a signature:
 *
 *     p2|<command>|<page>|<asker id>|<option 1>|<option 2>|<signature>
 *     p2|search|2|100000000000000001|gencatan senjata||Jm3k1yQdV0bq8XzA
 *
 * The signature is the first 16 base64url characters (96 bits) of an HMAC-SHA256 of everything
 * before it, keyed with the bot's button secret (BUTTON_SECRET, or data/button-secret). Discord
 * normally only delivers ids that are on the message, but a client is not trusted for who asked
 * or what was asked: an id that does not verify is refused and changes nothing.
 *
 * Options are positional, in the order of `PAGE_OPTIONS`; an empty field is an absent option.
 * When the encoded form would pass 100 characters, the options are kept in a bounded in-memory
 * store under a random 16-character key bound to the asker (`p2|search|2|<asker>|~<key>|<sig>`);
 * such a button stops working on restart and then says the result has expired.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { COMMAND_OPTIONS, type CommandName } from '../answers/index.js';
import { DISCORD_LIMITS } from '../answers/reply.js';

export const PAGE_ID_VERSION = 'p2';

/** The options each pageable command is rebuilt from, in their positional order. */
export const PAGE_OPTIONS = COMMAND_OPTIONS;

export type PageOptions = Readonly<Record<string, string | undefined>>;

/** What a paging button asks for. */
export type PageTarget = {
  readonly command: CommandName;
  /** 0-based page to show. */
  readonly page: number;
  /** User id of the person who asked; only they may page. */
  readonly askerId: string;
  readonly options: PageOptions;
};

/** `forged`: the signature does not verify (tampered, forged, or signed with another secret). */
export type PageIdError = 'not-a-page-button' | 'malformed' | 'forged' | 'expired';

const STORE_KEY_PREFIX = '~';

type StoredOptions = { readonly command: CommandName; readonly askerId: string; readonly options: PageOptions };

/**
 * Options too long for a custom_id, by an unguessable key (96 random bits), bound to the asker
 * and the command. Oldest entries go first once `capacity` is reached.
 */
export class OverflowStore {
  private readonly entries = new Map<string, StoredOptions>();

  constructor(private readonly capacity = 2_000) {}

  put(entry: StoredOptions): string {
    const key = randomBytes(12).toString('base64url');
    this.entries.set(key, entry);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return key;
  }

  /** The options under `key`, only for the asker and command they were stored for. */
  get(key: string, command: CommandName, askerId: string): PageOptions | undefined {
    const entry = this.entries.get(key);
    return entry && entry.askerId === askerId && entry.command === command ? entry.options : undefined;
  }

  get size(): number {
    return this.entries.size;
  }
}

const SIGNATURE_LENGTH = 16;

/** What signs and verifies paging ids: the bot's secret and its overflow store. */
export class PageIdKeys {
  private readonly key: Buffer;

  constructor(
    secret: string,
    readonly store: OverflowStore = new OverflowStore(),
  ) {
    if (secret.length < 16) throw new Error('custom-id: the button secret must be at least 16 characters');
    this.key = Buffer.from(secret, 'utf8');
  }

  sign(payload: string): string {
    return createHmac('sha256', this.key).update(payload, 'utf8').digest('base64url').slice(0, SIGNATURE_LENGTH);
  }

  verify(payload: string, signature: string): boolean {
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

function escapeField(value: string): string {
  return value.replace(/%/g, '%25').replace(/\|/g, '%7C').replace(/^~/, '%7E');
}

function unescapeField(value: string): string {
  return value.replace(/%7E/g, '~').replace(/%7C/g, '|').replace(/%25/g, '%');
}

function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(PAGE_OPTIONS, name);
}

/**
 * The signed custom_id for a paging button, at most 100 characters.
 *
 * @example
 * encodePageId({ command: 'actor', page: 1, askerId: '1000', options: { name: 'russia' } }, keys)
 * // 'p2|actor|1|1000|russia|<16-character signature>'
 */
export function encodePageId(target: PageTarget, keys: PageIdKeys): string {
  const head = [PAGE_ID_VERSION, target.command, String(target.page), target.askerId];
  const fields = PAGE_OPTIONS[target.command].map((name) => escapeField(target.options[name] ?? ''));
  const signed = (payload: string) => `${payload}|${keys.sign(payload)}`;
  const full = [...head, ...fields].join('|');
  if (full.length + 1 + SIGNATURE_LENGTH <= DISCORD_LIMITS.customId) return signed(full);
  const key = keys.store.put({ command: target.command, askerId: target.askerId, options: target.options });
  return signed([...head, `${STORE_KEY_PREFIX}${key}`].join('|'));
}

/** Reads a custom_id back, verifying its signature; `not-a-page-button` for ids of other components. */
export function decodePageId(
  customId: string,
  keys: PageIdKeys,
): { readonly ok: true; readonly target: PageTarget } | { readonly ok: false; readonly error: PageIdError } {
  if (!customId.startsWith('p') || !/^p\d+\|/.test(customId)) return { ok: false, error: 'not-a-page-button' };
  const cut = customId.lastIndexOf('|');
  const payload = customId.slice(0, cut);
  // Older formats (p1, unsigned) are refused like forged ones: they cannot be trusted.
  if (!payload.startsWith(`${PAGE_ID_VERSION}|`) || !keys.verify(payload, customId.slice(cut + 1))) return { ok: false, error: 'forged' };
  const parts = payload.split('|');
  const [, command, pageText, askerId, ...fields] = parts;
  if (
    command === undefined ||
    !isCommandName(command) ||
    pageText === undefined ||
    !/^\d{1,4}$/.test(pageText) ||
    askerId === undefined ||
    !/^\d{1,20}$/.test(askerId)
  ) {
    return { ok: false, error: 'malformed' };
  }
  const page = Number(pageText);
  const names: readonly string[] = PAGE_OPTIONS[command];
  // Values never start with `~` (it is escaped), so such a field is always a store key.
  if (fields.length === 1 && fields[0]?.startsWith(STORE_KEY_PREFIX)) {
    const options = keys.store.get(fields[0].slice(STORE_KEY_PREFIX.length), command, askerId);
    return options ? { ok: true, target: { command, page, askerId, options } } : { ok: false, error: 'expired' };
  }
  if (fields.length !== names.length) return { ok: false, error: 'malformed' };
  const options: Record<string, string | undefined> = {};
  names.forEach((name, i) => {
    const value = fields[i] ?? '';
    options[name] = value === '' ? undefined : unescapeField(value);
  });
  return { ok: true, target: { command, page, askerId, options } };
}
