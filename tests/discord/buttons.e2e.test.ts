/**
 * End to end: paging buttons a client forged or tampered with. Discord normally delivers only
 * custom_ids that are on the message; these tests send others, as a modified client could, and
 * expect one short private "no longer valid" and no change to the message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../src/answers/index.js';
import { PageIdKeys } from '../../src/discord/custom-id.js';
import { bool, startHarness, str, type Harness } from '../support/harness.js';

const STUDENT = { id: '100000000000000001', username: 'siswa' };
const CLASSMATE = { id: '100000000000000002', username: 'teman' };
/** A long private question: too long for a custom_id, so its options are kept in memory. */
const PRIVATE_QUERY = 'Armenia Azerbaijan perundingan damai gencatan senjata pasukan wilayah';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Asks as STUDENT and returns the first message and its ▶ button's custom_id. */
async function askPaged(options = [str('query', 'Armenia')], extra: ReturnType<typeof bool>[] = []) {
  const { callback } = await h.ask('search', [...options, ...extra], { user: STUDENT });
  const message = callback.body.data;
  const next = message.components?.[0]?.components?.[1];
  if (!next) throw new Error('the fixture question has a single page: pick a broader one');
  return { message, nextId: next.custom_id as string };
}

const withSignature = (id: string, payload: (p: string) => string) => {
  const cut = id.lastIndexOf('|');
  return `${payload(id.slice(0, cut))}${id.slice(cut)}`;
};

async function click(customId: string, message: Record<string, unknown>, locale = 'en-US', user = CLASSMATE) {
  return (await h.fake.callbackFor(h.fake.clickButton(customId, message, STUDENT, { user, locale }))).body;
}

const REFUSED = {
  type: 4,
  data: { content: 'This button is no longer valid. Ask again.', embeds: [], components: [], allowed_mentions: { parse: [] }, flags: 64 },
};

describe('forged and tampered paging buttons', () => {
  it("refuses a button with the clicker's own id written in as the asker", async () => {
    const { message, nextId } = await askPaged();
    const forged = withSignature(nextId, (p) => p.replace(`|${STUDENT.id}|`, `|${CLASSMATE.id}|`));
    expect(await click(forged, message)).toMatchObject(REFUSED);
  });

  it("refuses changed options or a changed page, in the reader's language", async () => {
    const { message, nextId } = await askPaged();
    const otherQuery = withSignature(nextId, (p) => p.replace('|Armenia|', '|Azerbaijan|'));
    expect(await click(otherQuery, message, 'en-US', STUDENT)).toMatchObject(REFUSED);
    const otherPage = withSignature(nextId, (p) => p.replace('|search|1|', '|search|2|'));
    expect((await click(otherPage, message, 'id', STUDENT)).data.content).toBe('Tombol ini sudah tidak berlaku. Silakan bertanya lagi.');
  });

  it('refuses an id signed with another secret, and an unsigned one from the old format', async () => {
    const { message } = await askPaged();
    const payload = `p2|search|1|${CLASSMATE.id}|Armenia|`;
    expect(await click(`${payload}|${new PageIdKeys('not-the-bots-secret-0123456789abcdef').sign(payload)}`, message)).toMatchObject(
      REFUSED,
    );
    expect(await click(`p1|search|1|${CLASSMATE.id}|Armenia|`, message)).toMatchObject(REFUSED);
  });

  it("cannot show another student's private long question: the stored key is unguessable and bound to the asker", async () => {
    const { message, nextId } = await askPaged([str('query', PRIVATE_QUERY), str('actor', 'armenia')], [bool('private', true)]);
    expect(nextId).toMatch(/\|~[A-Za-z0-9_-]{16}\|[A-Za-z0-9_-]{16}$/);
    const forged = withSignature(nextId, (p) => p.replace(`|${STUDENT.id}|`, `|${CLASSMATE.id}|`));
    const body = await click(forged, message);
    expect(body).toMatchObject(REFUSED);
    expect(JSON.stringify(body)).not.toContain('perundingan');
    // The genuine button, clicked by a classmate, is refused too (signed asker ≠ clicker).
    expect((await click(nextId, message)).data.content).toMatch(/^Only the person who asked/);
  });

  it('logs the refusal without the id (a forged one may carry anything)', async () => {
    const { message, nextId } = await askPaged();
    const forged = withSignature(nextId, (p) => p.replace('|Armenia|', '|rahasia-siswa-lain|'));
    await click(forged, message);
    const lines = h.logs().filter((l) => l.msg === 'button refused');
    expect(lines.at(-1)).toMatchObject({ reason: 'forged' });
    expect(JSON.stringify(h.logs())).not.toContain('rahasia-siswa-lain');
  });

  it('still pages for the asker with the genuine button', async () => {
    const { message, nextId } = await askPaged();
    const body = await click(nextId, message, 'en-US', STUDENT);
    expect(body.type).toBe(7);
    const pages = answer(h.bot.knowledge.current, 'search', { query: 'Armenia' }, 'en').pages.length;
    expect(body.data.embeds[0].footer.text).toContain(`2/${pages}`);
  });
});
