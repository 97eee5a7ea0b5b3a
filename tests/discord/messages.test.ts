import { describe, expect, it } from 'vitest';
import { localeOf, message, type MessageKey } from '../../src/discord/messages.js';
import { localeOf as coreLocaleOf } from '../../src/i18n.js';

const KEYS: MessageKey[] = [
  'cooldown',
  'wrongChannel',
  'notYourButtons',
  'pageExpired',
  'buttonInvalid',
  'moderatorOnly',
  'unknownCommand',
  'genericError',
  'reloadOk',
  'statusReloadFailed',
  'page',
];

describe('message', () => {
  it('fills placeholders in both languages', () => {
    expect(message('en', 'cooldown', { seconds: 3 })).toBe('Slow down a little: try again in 3 s.');
    expect(message('id', 'page', { page: 2, pages: 5 })).toBe('Halaman 2/5');
  });

  it('uses the same placeholders in English and Indonesian', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of KEYS) {
      const en = message('en', key);
      const id = message('id', key);
      expect(placeholders(id), key).toEqual(placeholders(en));
      expect(id, key).not.toBe(en);
    }
  });
});

describe('localeOf', () => {
  it('reads Indonesian for id and English for everything else', () => {
    expect(localeOf('id')).toBe('id');
    // The same function as the core's: id-ID reads Indonesian here too.
    expect(localeOf).toBe(coreLocaleOf);
    expect(localeOf('id-ID')).toBe('id');
    expect(localeOf('en-US')).toBe('en');
    expect(localeOf('ms')).toBe('en');
    expect(localeOf(null)).toBe('en');
  });
});
