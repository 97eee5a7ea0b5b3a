/**
 * The `custom_id` of the ◀ ▶ paging buttons. It carries everything needed to rebuild the page
 * (command, options, page, who asked), so paging keeps working after the bot restarts; nothing
 * is kept in memory unless the options are too long to fit Discord's 100 characters.
 *
 * Format (fields separated by `|`; inside values `%` and `|` are written `%25` and `%7C`, and a
 * leading `~` is written `%7E`):
 *
 *     p1|<command>|<page>|<asker id>|<option 1>|<option 2>
 *     p1|search|2|100000000000000001|gencatan senjata|
 *
 * Options are positional, in the order of `PAGE_OPTIONS`; an empty field is an absent option.
 * When the encoded form would pass 100 characters, the options are kept in a bounded in-memory
 * store and the id carries a key instead (`p1|search|2|<asker>|~k3f9`); such a button stops
 * working on restart and then says the result has expired.
 */
import { randomBytes } from 'node:crypto';
import { COMMAND_OPTIONS, type CommandName } from '../answers/index.js';
import { DISCORD_LIMITS } from '../answers/reply.js';

export const PAGE_ID_VERSION = 'p1';

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

export type PageIdError = 'not-a-page-button' | 'malformed' | 'expired';

const STORE_KEY_PREFIX = '~';

/**
 * Options too long for a custom_id, by key. Oldest entries go first once `capacity` is reached.
 * Keys start with a random per-process prefix, so a button from before a restart can never
 * pick up another question's options.
 */
export class OverflowStore {
  private readonly entries = new Map<string, PageOptions>();
  private readonly prefix = randomBytes(4).toString('hex');
  private next = 0;

  constructor(private readonly capacity = 2_000) {}

  put(options: PageOptions): string {
    const key = `${this.prefix}${(this.next++).toString(36)}`;
    this.entries.set(key, options);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return key;
  }

  get(key: string): PageOptions | undefined {
    return this.entries.get(key);
  }

  get size(): number {
    return this.entries.size;
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
 * The custom_id for a paging button, at most 100 characters.
 *
 * @example
 * encodePageId({ command: 'actor', page: 1, askerId: '1000', options: { name: 'russia' } }, store)
 * // 'p1|actor|1|1000|russia'
 */
export function encodePageId(target: PageTarget, store: OverflowStore): string {
  const head = [PAGE_ID_VERSION, target.command, String(target.page), target.askerId];
  const fields = PAGE_OPTIONS[target.command].map((name) => escapeField(target.options[name] ?? ''));
  const full = [...head, ...fields].join('|');
  if (full.length <= DISCORD_LIMITS.customId) return full;
  return [...head, `${STORE_KEY_PREFIX}${store.put(target.options)}`].join('|');
}

/** Reads a custom_id back; `not-a-page-button` for ids of other components. */
export function decodePageId(
  customId: string,
  store: OverflowStore,
): { readonly ok: true; readonly target: PageTarget } | { readonly ok: false; readonly error: PageIdError } {
  const parts = customId.split('|');
  if (parts[0] !== PAGE_ID_VERSION) return { ok: false, error: 'not-a-page-button' };
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
    const options = store.get(fields[0].slice(STORE_KEY_PREFIX.length));
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
