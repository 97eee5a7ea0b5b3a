import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodePageId, encodePageId, OverflowStore, PAGE_OPTIONS, PageIdKeys, type PageTarget } from '../../src/discord/custom-id.js';

const ASKER = '100000000000000001';
const OTHER = '100000000000000002';
const SECRET = 'a-secret-for-the-custom-id-tests-0123456789';
const keys = () => new PageIdKeys(SECRET);

/** Replaces the signature of a custom_id (the part after the last `|`). */
const resign = (id: string, signature: string) => `${id.slice(0, id.lastIndexOf('|'))}|${signature}`;
/** The id with its payload changed and the original signature kept. */
const tamper = (id: string, from: string, to: string) => {
  const cut = id.lastIndexOf('|');
  return `${id.slice(0, cut).replace(from, to)}${id.slice(cut)}`;
};

describe('encodePageId / decodePageId', () => {
  it('writes a readable id that carries command, page, asker and options, and a 16-character signature', () => {
    const k = keys();
    const id = encodePageId({ command: 'search', page: 2, askerId: ASKER, options: { query: 'gencatan senjata' } }, k);
    expect(id).toMatch(new RegExp(`^p2\\|search\\|2\\|${ASKER}\\|gencatan senjata\\|\\|[A-Za-z0-9_-]{16}$`));
    expect(decodePageId(id, k)).toEqual({
      ok: true,
      target: { command: 'search', page: 2, askerId: ASKER, options: { query: 'gencatan senjata', actor: undefined } },
    });
    expect(k.store.size).toBe(0);
  });

  it('survives a restart: the same secret decodes an id written by another process', () => {
    const id = encodePageId({ command: 'actor', page: 1, askerId: ASKER, options: { name: 'rusia' } }, keys());
    expect(decodePageId(id, keys())).toMatchObject({ ok: true, target: { command: 'actor', page: 1, options: { name: 'rusia' } } });
  });

  it('escapes the separator, the escape character and a leading ~ inside values', () => {
    const k = keys();
    const options = { speaker: '~a|b%7C', topic: '100%|' };
    const id = encodePageId({ command: 'quote', page: 0, askerId: ASKER, options }, k);
    expect(decodePageId(id, k)).toMatchObject({ ok: true, target: { options } });
  });

  it('keeps options too long for 100 characters in memory under a random key, and says "expired" after a restart', () => {
    const k = keys();
    const options = {
      query: 'perundingan damai antara Armenia dan Azerbaijan setelah perang 2020 di Nagorno-Karabakh',
      actor: 'azerbaijan',
    };
    const id = encodePageId({ command: 'search', page: 3, askerId: ASKER, options }, k);
    expect(id.length).toBeLessThanOrEqual(100);
    expect(id).toMatch(/^p2\|search\|3\|100000000000000001\|~[A-Za-z0-9_-]{16}\|[A-Za-z0-9_-]{16}$/);
    expect(decodePageId(id, k)).toEqual({ ok: true, target: { command: 'search', page: 3, askerId: ASKER, options } });
    expect(decodePageId(id, keys())).toEqual({ ok: false, error: 'expired' });
    // Two questions never share a key: keys are random, not a counter.
    const again = encodePageId({ command: 'search', page: 3, askerId: ASKER, options }, k);
    expect(again.split('|')[4]).not.toBe(id.split('|')[4]);
  });

  it('tells ids of other components apart', () => {
    expect(decodePageId('confirm-delete', keys())).toEqual({ ok: false, error: 'not-a-page-button' });
  });
});

describe('forged and tampered ids', () => {
  const signedBy = (secret: string, payload: string) => `${payload}|${new PageIdKeys(secret).sign(payload)}`;

  it('refuses an id with another asker written in (the signature no longer matches)', () => {
    const id = encodePageId({ command: 'actor', page: 1, askerId: ASKER, options: { name: 'rusia' } }, keys());
    expect(decodePageId(tamper(id, ASKER, OTHER), keys())).toEqual({ ok: false, error: 'forged' });
  });

  it('refuses changed options, a changed page, a missing or guessed signature', () => {
    const id = encodePageId({ command: 'search', page: 1, askerId: ASKER, options: { query: 'gencatan' } }, keys());
    expect(decodePageId(tamper(id, 'gencatan', 'pengungsi'), keys())).toEqual({ ok: false, error: 'forged' });
    expect(decodePageId(tamper(id, '|1|', '|2|'), keys())).toEqual({ ok: false, error: 'forged' });
    expect(decodePageId(id.slice(0, id.lastIndexOf('|')), keys())).toEqual({ ok: false, error: 'forged' });
    expect(decodePageId(resign(id, 'AAAAAAAAAAAAAAAA'), keys())).toEqual({ ok: false, error: 'forged' });
  });

  it('refuses an id signed with another secret, and the old unsigned p1 ids', () => {
    expect(decodePageId(signedBy('another-secret-of-the-same-length-0123456', `p2|actor|0|${ASKER}|rusia`), keys())).toEqual({
      ok: false,
      error: 'forged',
    });
    expect(decodePageId(`p1|actor|0|${ASKER}|rusia`, keys())).toEqual({ ok: false, error: 'forged' });
  });

  it("cannot reach another student's long (stored) question: keys are bound to the asker", () => {
    const k = keys();
    const options = { query: 'pertanyaan pribadi yang panjang sekali tentang perundingan damai dan gencatan senjata', actor: 'armenia' };
    const theirs = encodePageId({ command: 'search', page: 0, askerId: OTHER, options }, k);
    const key = theirs.split('|')[4] as string;
    // Even a correctly signed id (a leaked secret) with their key and my id gets nothing.
    const mine = signedBy(SECRET, `p2|search|0|${ASKER}|${key}`);
    expect(decodePageId(mine, k)).toEqual({ ok: false, error: 'expired' });
    // Counter-like guesses are refused before the store is even asked.
    expect(decodePageId(`p2|search|0|${ASKER}|~0|x`, k)).toEqual({ ok: false, error: 'forged' });
  });

  it('signs and checks: damaged-but-signed ids are malformed', () => {
    expect(decodePageId(signedBy(SECRET, 'p2|drop-table|0|1|x'), keys())).toEqual({ ok: false, error: 'malformed' });
    expect(decodePageId(signedBy(SECRET, 'p2|actor|-1|1|x'), keys())).toEqual({ ok: false, error: 'malformed' });
    expect(decodePageId(signedBy(SECRET, 'p2|actor|0|1|x|y'), keys())).toEqual({ ok: false, error: 'malformed' });
  });
});

describe('within Discord limits', () => {
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
          const k = new PageIdKeys(SECRET, new OverflowStore());
          const options: Record<string, string | undefined> = {};
          PAGE_OPTIONS[command].forEach((name, i) => (options[name] = values[i]));
          const target = { command, page, askerId: String(asker), options };
          const id = encodePageId(target, k);
          expect(id.length).toBeLessThanOrEqual(100);
          expect(decodePageId(id, k)).toEqual({ ok: true, target });
        },
      ),
    );
  });
});
