import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodePageId, encodePageId, OverflowStore, PAGE_OPTIONS, type PageTarget } from '../../src/discord/custom-id.js';

const ASKER = '100000000000000001';

describe('encodePageId / decodePageId', () => {
  it('writes a readable id that carries command, page, asker and options', () => {
    const store = new OverflowStore();
    const id = encodePageId({ command: 'search', page: 2, askerId: ASKER, options: { query: 'gencatan senjata' } }, store);
    expect(id).toBe(`p1|search|2|${ASKER}|gencatan senjata|`);
    expect(decodePageId(id, store)).toEqual({
      ok: true,
      target: { command: 'search', page: 2, askerId: ASKER, options: { query: 'gencatan senjata', actor: undefined } },
    });
    expect(store.size).toBe(0);
  });

  it('survives a restart: a fresh store decodes an id written by another process', () => {
    const id = encodePageId({ command: 'actor', page: 1, askerId: ASKER, options: { name: 'rusia' } }, new OverflowStore());
    expect(decodePageId(id, new OverflowStore())).toMatchObject({
      ok: true,
      target: { command: 'actor', page: 1, options: { name: 'rusia' } },
    });
  });

  it('escapes the separator, the escape character and a leading ~ inside values', () => {
    const store = new OverflowStore();
    const options = { speaker: '~a|b%7C', topic: '100%|' };
    const id = encodePageId({ command: 'quote', page: 0, askerId: ASKER, options }, store);
    expect(decodePageId(id, store)).toMatchObject({ ok: true, target: { options } });
  });

  it('keeps options too long for 100 characters in memory, and says "expired" after a restart', () => {
    const store = new OverflowStore();
    const options = {
      query: 'perundingan damai antara Armenia dan Azerbaijan setelah perang 2020 di Nagorno-Karabakh',
      actor: 'azerbaijan',
    };
    const id = encodePageId({ command: 'search', page: 3, askerId: ASKER, options }, store);
    expect(id.length).toBeLessThanOrEqual(100);
    expect(id).toMatch(/^p1\|search\|3\|100000000000000001\|~/);
    expect(decodePageId(id, store)).toEqual({ ok: true, target: { command: 'search', page: 3, askerId: ASKER, options } });
    expect(decodePageId(id, new OverflowStore())).toEqual({ ok: false, error: 'expired' });
  });

  it('tells ids of other components and damaged ids apart', () => {
    const store = new OverflowStore();
    expect(decodePageId('confirm-delete', store)).toEqual({ ok: false, error: 'not-a-page-button' });
    expect(decodePageId('p1|drop-table|0|1|x', store)).toEqual({ ok: false, error: 'malformed' });
    expect(decodePageId('p1|actor|-1|1|x', store)).toEqual({ ok: false, error: 'malformed' });
    expect(decodePageId('p1|actor|0|1|x|y', store)).toEqual({ ok: false, error: 'malformed' });
  });

  it('round-trips any options within 100 characters (property)', () => {
    const commands = Object.keys(PAGE_OPTIONS) as PageTarget['command'][];
    fc.assert(
      fc.property(
        fc.constantFrom(...commands),
        fc.integer({ min: 0, max: 999 }),
        fc.bigInt({ min: 10n ** 16n, max: 2n ** 64n - 1n }),
        fc.array(fc.option(fc.string({ minLength: 1, maxLength: 200, unit: 'grapheme' }), { nil: undefined }), {
          minLength: 2,
          maxLength: 2,
        }),
        (command, page, asker, values) => {
          const store = new OverflowStore();
          const options: Record<string, string | undefined> = {};
          PAGE_OPTIONS[command].forEach((name, i) => (options[name] = values[i]));
          const target = { command, page, askerId: String(asker), options };
          const id = encodePageId(target, store);
          expect(id.length).toBeLessThanOrEqual(100);
          expect(decodePageId(id, store)).toEqual({ ok: true, target });
        },
      ),
    );
  });
});
