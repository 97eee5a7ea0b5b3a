/**
 * End to end: the moderated-class features (allowed channels, cooldown, /kb for moderators,
 * reload keeping the last good knowledge, folder watching) against FakeDiscord.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord, PERMISSIONS } from '../support/fake-discord.js';
import { sleep, startHarness, str, type Harness } from '../support/harness.js';

const TEACHER = { id: '100000000000000010', username: 'guru' };
const STUDENT = { id: '100000000000000011', username: 'siswa' };

describe('/kb for moderators', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('is registered for Manage Server only and answers a non-moderator with a private refusal', async () => {
    const { callback } = await h.ask('kb', [{ name: 'reload', type: 1, options: [] }], { user: STUDENT, permissions: PERMISSIONS.member });
    expect(callback.body).toMatchObject({
      type: 4,
      data: {
        content: 'Only moderators (Manage Server) can use /kb.',
        embeds: [],
        components: [],
        allowed_mentions: { parse: [] },
        flags: 64,
      },
    });
  });

  it('refuses /kb in a DM, where nobody is a moderator', async () => {
    const { callback } = await h.ask('kb', [{ name: 'status', type: 1 }], { user: TEACHER, dm: true, locale: 'id' });
    expect(callback.body.data).toMatchObject({ content: 'Hanya moderator (Kelola Server) yang dapat memakai /kb.', flags: 64 });
  });

  it('shows a moderator the status privately: sources, passages, actors, quotes, last reload, problems', async () => {
    const { callback } = await h.ask('kb', [{ name: 'status', type: 1 }], { user: TEACHER, permissions: PERMISSIONS.moderator });
    expect(callback.body.type).toBe(4);
    expect(callback.body.data.flags).toBe(64);
    const embed = callback.body.data.embeds[0];
    const stats = h.bot.knowledge.current.stats;
    const field = (name: string) => embed.fields.find((f: { name: string }) => f.name === name)?.value;
    expect(embed.title).toBe('Knowledge status');
    expect(field('Sources')).toBe(String(stats.sources));
    expect(field('Passages')).toBe(String(stats.passages));
    expect(field('Actors')).toBe(String(stats.actors));
    expect(field('Quotes')).toBe(String(stats.quotes));
    expect(field('Last reload')).toBe('none since start-up');
    expect(field('Problems')).toBeDefined();
  });

  it('reloads for a moderator: deferred privately (type 5, flag 64), then the result edits it', async () => {
    const { sent, callback } = await h.ask('kb', [{ name: 'reload', type: 1 }], { user: TEACHER, permissions: PERMISSIONS.moderator });
    expect(callback.body).toEqual({ type: 5, data: { flags: 64 } });
    const edit = await h.fake.editFor(sent);
    expect(edit.body.embeds[0].title).toBe('Knowledge reloaded');
    expect(edit.body.embeds[0].description).toMatch(
      /^Now serving 1 sources, \d+ passages, \d+ actors, \d+ quotes and \d+ scenarios \(built in \d+ ms\)\.$/,
    );
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });
  });

  it('keeps serving the last good knowledge when a reload finds a broken file, and shows file:line', async () => {
    const before = (await h.ask('actor', [str('name', 'russia')])).callback.body.data.embeds[0];
    const good = h.bot.knowledge.current;
    appendFileSync(path.join(h.knowledgeDir, 'actors.yaml'), '\n- id: [broken\n  names: {en: "Broken\n');

    const { sent } = await h.ask('kb', [{ name: 'reload', type: 1 }], { user: TEACHER, permissions: PERMISSIONS.moderator });
    const edit = await h.fake.editFor(sent);
    const embed = edit.body.embeds[0];
    expect(embed.title).toBe('Reload failed: still serving the last good knowledge');
    expect(embed.description).toMatch(/```\n.*actors\.yaml:\d+: /);
    expect(h.bot.knowledge.current).toBe(good);

    const after = (await h.ask('actor', [str('name', 'russia')])).callback.body.data.embeds[0];
    expect(after).toEqual(before);

    const status = (await h.ask('kb', [{ name: 'status', type: 1 }], { user: TEACHER, permissions: PERMISSIONS.moderator })).callback.body
      .data.embeds[0];
    const lastReload = status.fields.find((f: { name: string }) => f.name === 'Last reload').value;
    expect(lastReload).toMatch(/^<t:\d+:R>: failed, \d+ problem\(s\); the knowledge loaded <t:\d+:R> is still served$/);
    expect(status.fields.find((f: { name: string }) => f.name === 'Problems').value).toContain('actors.yaml:');
  });
});

describe('allowed channels', () => {
  let fake: FakeDiscord;
  let h: Harness;
  beforeAll(async () => {
    fake = await FakeDiscord.start();
    h = await startHarness({ fake, env: { ALLOWED_CHANNEL_IDS: fake.channelId } });
  });
  afterAll(async () => {
    await h?.close();
    await fake?.close();
  });

  it('answers in an allowed channel', async () => {
    const { callback } = await h.ask('help', [], { channelId: fake.channelId });
    expect(callback.body.data.embeds).toHaveLength(1);
  });

  it('elsewhere answers with a private note saying where', async () => {
    const { callback } = await h.ask('actor', [str('name', 'russia')], { channelId: fake.otherChannelId });
    expect(callback.body.data).toMatchObject({
      content: `I answer only in <#${fake.channelId}>. Ask me there.`,
      embeds: [],
      components: [],
      allowed_mentions: { parse: [] },
      flags: 64,
    });
  });
});

describe('cooldown', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { COOLDOWN_SECONDS: '30' } });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('tells a user who asks again too soon to wait, privately, and lets others ask', async () => {
    expect((await h.ask('help', [], { user: STUDENT })).callback.body.data.embeds).toHaveLength(1);
    const again = await h.ask('actor', [str('name', 'russia')], { user: STUDENT });
    expect(again.callback.body.data).toMatchObject({
      content: 'Slow down a little: try again in 30 s.',
      flags: 64,
      allowed_mentions: { parse: [] },
    });
    const inIndonesian = await h.ask('actor', [str('name', 'rusia')], { user: STUDENT, locale: 'id' });
    expect(inIndonesian.callback.body.data.content).toMatch(/^Pelan-pelan dulu: coba lagi dalam (29|30) detik\.$/);
    expect((await h.ask('help', [], { user: TEACHER })).callback.body.data.embeds).toHaveLength(1);
  });

  it("does not hold up a moderator's /kb", async () => {
    await h.ask('help', [], { user: { id: '100000000000000099', username: 'guru2' } });
    const { callback } = await h.ask('kb', [{ name: 'status', type: 1 }], {
      user: { id: '100000000000000099', username: 'guru2' },
      permissions: PERMISSIONS.moderator,
    });
    expect(callback.body.data.embeds[0].title).toBe('Knowledge status');
  });
});

describe('watching the knowledge folder', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { WATCH_KNOWLEDGE: 'true' }, bot: { watchDebounceMs: 100 } });
  });
  afterAll(async () => {
    await h?.close();
  });
  afterEach(() => {
    expect(h.bot.knowledge.watching).toBe(true);
  });

  it('reloads on its own, once, after a burst of changes', async () => {
    const sources = h.bot.knowledge.current.stats.sources;
    for (let i = 1; i <= 3; i++) {
      writeFileSync(path.join(h.knowledgeDir, 'sources', `catatan-${i}.txt`), `Catatan ${i}: Rusia dan Armenia berunding.\n`);
    }
    for (let waited = 0; h.bot.knowledge.current.stats.sources === sources && waited < 5_000; waited += 50) await sleep(50);
    expect(h.bot.knowledge.current.stats.sources).toBe(sources + 3);
    await sleep(400);
    const reloads = h.logs().filter((l) => l.msg === 'knowledge folder changed: reloaded');
    expect(reloads).toHaveLength(1);
  });

  it('keeps the last good knowledge when a watched change breaks a file', async () => {
    const good = h.bot.knowledge.current;
    writeFileSync(path.join(h.knowledgeDir, 'scenarios.yaml'), 'this: [is not: valid\n');
    for (let waited = 0; h.bot.knowledge.lastReload?.ok !== false && waited < 5_000; waited += 50) await sleep(50);
    expect(h.bot.knowledge.lastReload?.ok).toBe(false);
    expect(h.bot.knowledge.current).toBe(good);
    const warning = h.logs().find((l) => l.msg === 'knowledge folder changed but has problems: still serving the last good version');
    expect(warning?.problems.some((p: string) => p.startsWith('scenarios.yaml:'))).toBe(true);
  });
});
