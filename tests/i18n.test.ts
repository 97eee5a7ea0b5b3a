import { describe, expect, it } from 'vitest';
import { localeOf, MESSAGE_KEYS, t } from '../src/i18n.js';

describe('t', () => {
  it('has every message in Indonesian as well as English, with the same placeholders', () => {
    for (const key of MESSAGE_KEYS) {
      const en = t('en', key);
      const id = t('id', key);
      expect(id, key).not.toBe('');
      expect((id.match(/\{\w+\}/g) ?? []).sort(), key).toEqual((en.match(/\{\w+\}/g) ?? []).sort());
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('en', 'search.title', { query: 'perang' })).toBe('Search: “perang”');
    expect(t('id', 'footer.page', { page: 2 })).toBe('Halaman 2 dari {pages}');
  });
});

describe('localeOf', () => {
  it('reads Discord locales: id is Indonesian, everything else English', () => {
    expect(localeOf('id')).toBe('id');
    expect(localeOf('id-ID')).toBe('id');
    expect(localeOf('en-US')).toBe('en');
    expect(localeOf('fr')).toBe('en');
    expect(localeOf(undefined)).toBe('en');
  });
});
