/**
 * The Discord edge's words: they live in the one catalogue (src/i18n.ts) with the core's, so
 * there is one `localeOf` and one lookup. Every user-facing error is an identifier there,
 * localized at the last moment, so the dispatcher and the preconditions never hold display text.
 *
 * @example
 * message('id', 'cooldown', { seconds: 3 }) // 'Pelan-pelan dulu: coba lagi dalam 3 detik.'
 */
export { localeOf, t as message, type MessageKey } from '../i18n.js';
