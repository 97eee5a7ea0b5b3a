/**
 * The discussions' words live in the one catalogue (src/i18n.ts), under keys that start with
 * `discuss.`; `dt` looks them up without repeating the prefix.
 */
import { t, type MessageKey } from '../i18n.js';
import type { Locale } from '../knowledge/model.js';

/** A key of the catalogue's `discuss.` part, without the prefix. */
export type DiscussionMessageKey = { [K in MessageKey]: K extends `discuss.${infer Rest}` ? Rest : never }[MessageKey];

/** A discussion string in the given locale, with `{name}` placeholders filled. */
export function dt(locale: Locale, key: DiscussionMessageKey, vars: Readonly<Record<string, string | number>> = {}): string {
  return t(locale, `discuss.${key}` as MessageKey, vars);
}
