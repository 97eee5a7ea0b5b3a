/**
 * End to end: the real discord.js client logged in to FakeDiscord, every command answered from
 * the repo's knowledge folder, each test asserting the body Discord would receive.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer, complete } from '../../src/answers/index.js';
import { renderReply } from '../../src/discord/render.js';
import { FakeDiscord } from '../support/fake-discord.js';
import { bool, messageBodies, startHarness, str, type Harness } from '../support/harness.js';

const STUDENT = { id: '100000000000000001', username: 'siswa' };
const CLASSMATE = { id: '100000000000000002', username: 'teman' };

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** The page-1 embed the core's reply renders to, for comparison with what the bot sent. */
function expectedEmbed(command: Parameters<typeof answer>[1], options: Record<string, string | undefined>, locale: 'en' | 'id') {
  return renderReply(answer(h.bot.knowledge.current, command, options, locale), 0, String).embeds[0];
}

describe('slash commands, in English and Indonesian', () => {
  const cases = [
    { name: 'actor', options: [str('name', 'russia')], core: { name: 'russia' } },
    { name: 'quote', options: [str('speaker', 'aliyev')], core: { speaker: 'aliyev', topic: undefined } },
    { name: 'scenario', options: [], core: { name: undefined } },
    { name: 'search', options: [str('query', 'gencatan senjata')], core: { query: 'gencatan senjata', actor: undefined } },
    { name: 'source', options: [str('id', 'nagorno-karabakh-2020#5')], core: { id: 'nagorno-karabakh-2020#5' } },
    { name: 'help', options: [], core: {} },
  ] as const;

  for (const c of cases) {
    for (const locale of ['en-US', 'id'] as const) {
      it(`answers /${c.name} with the core's reply as an embed (${locale})`, async () => {
        const { callback } = await h.ask(c.name, c.options, { locale, user: STUDENT });
        expect(callback.body.type).toBe(4);
        const data = callback.body.data;
        expect(data.allowed_mentions).toEqual({ parse: [] });
        expect(data.flags ?? 0).toBe(0);
        expect(data.embeds).toHaveLength(1);
        const sent = data.embeds[0];
        const expected = expectedEmbed(c.name, c.core, locale === 'id' ? 'id' : 'en');
        // Everything but the footer (page buttons' ids differ only by the asker) must match.
        expect(sent.title).toBe(expected?.title);
        expect(sent.description).toBe(expected?.description);
        expect(sent.fields).toEqual(expected?.fields);
      });
    }
  }

  it("writes replies in the reader's language", async () => {
    const en = (await h.ask('scenario', [], { locale: 'en-GB' })).callback.body.data.embeds[0];
    const id = (await h.ask('scenario', [], { locale: 'id' })).callback.body.data.embeds[0];
    expect(en.title).not.toBe(id.title);
    expect(id.title).toBe(answer(h.bot.knowledge.current, 'scenario', {}, 'id').title);
  });

  it('quotes Aliyev verbatim with a visible citation: title, paragraph and passage id', async () => {
    const { callback } = await h.ask('quote', [str('speaker', 'aliyev')]);
    const fields: { name: string; value: string }[] = callback.body.data.embeds[0].fields;
    const text = fields.map((f) => f.value).join('\n');
    expect(text).toContain('Kita harus memulihkan keadilan historis');
    expect(text).toMatch(/↳ \*Perang Nagorno\\-Karabakh 2020.*\*, ¶5 · `nagorno-karabakh-2020#5`/);
  });

  it('answers privately (flag 64) when asked with private:true', async () => {
    const { callback } = await h.ask('actor', [str('name', 'nato'), bool('private', true)]);
    expect(callback.body).toMatchObject({ type: 4, data: { flags: 64, allowed_mentions: { parse: [] } } });
  });

  it('sends exactly one response per interaction', async () => {
    const { sent } = await h.ask('help');
    await new Promise((r) => setTimeout(r, 100));
    expect(h.fake.requestsFor(sent)).toHaveLength(1);
  });
});

describe('autocomplete', () => {
  it("offers the core's choices for the option being typed (type 8)", async () => {
    const sent = h.fake.autocomplete('actor', [str('name', 'rus', true)], { locale: 'en-US' });
    const callback = await h.fake.callbackFor(sent);
    expect(callback.body.type).toBe(8);
    const choices: { name: string; value: string }[] = callback.body.data.choices;
    expect(choices).toEqual(complete(h.bot.knowledge.current, 'actor', 'name', 'rus', 'en'));
    expect(choices.map((c) => c.value)).toContain('russia');
  });

  it("matches a typo and Indonesian names, within Discord's limits", async () => {
    for (const [partial, locale] of [
      ['rusia', 'id'],
      ['turki', 'id'],
      ['pashinian', 'en-US'],
    ] as const) {
      const sent = h.fake.autocomplete('actor', [str('name', partial, true)], { locale });
      const choices: { name: string; value: string }[] = (await h.fake.callbackFor(sent)).body.data.choices;
      expect(choices.length, partial).toBeGreaterThan(0);
      expect(choices.length).toBeLessThanOrEqual(25);
      for (const c of choices) {
        expect(c.name.length).toBeLessThanOrEqual(100);
        expect(c.value.length).toBeLessThanOrEqual(100);
      }
    }
  });

  it('completes speakers, scenarios, sources and the search actor filter', async () => {
    const asks = [
      h.fake.autocomplete('quote', [str('speaker', 'ali', true)]),
      h.fake.autocomplete('scenario', [str('name', '', true)]),
      h.fake.autocomplete('source', [str('id', 'nagorno', true)]),
      h.fake.autocomplete('search', [str('query', 'perang'), str('actor', 'arm', true)]),
    ];
    for (const sent of asks) {
      const callback = await h.fake.callbackFor(sent);
      expect(callback.body.type).toBe(8);
      expect(callback.body.data.choices.length).toBeGreaterThan(0);
    }
  });

  it('answers an empty list rather than nothing for an option without completion', async () => {
    const sent = h.fake.autocomplete('quote', [str('speaker', 'aliyev'), str('topic', 'x', true)]);
    expect((await h.fake.callbackFor(sent)).body).toEqual({ type: 8, data: { choices: [] } });
  });
});

describe('paging with ◀ ▶', () => {
  async function multiPage() {
    // /help or the scenario list are long; find a reply with more than one page from the core.
    for (const [name, options, core] of [
      ['search', [str('query', 'Armenia')], { query: 'Armenia' }],
      ['actor', [str('name', 'azerbaijan')], { name: 'azerbaijan' }],
      ['scenario', [], {}],
      ['help', [], {}],
    ] as const) {
      const reply = answer(h.bot.knowledge.current, name, core, 'en');
      if (reply.pages.length > 1) return { name, options, core, reply };
    }
    return undefined;
  }

  it('turns the page for the person who asked (type 7 update), and only for them', async (ctx) => {
    const found = await multiPage();
    if (!found) return ctx.skip();
    const { callback } = await h.ask(found.name, found.options, { user: STUDENT });
    const first = callback.body.data;
    expect(first.components).toHaveLength(1);
    const [prev, next] = first.components[0].components;
    expect(prev).toMatchObject({ type: 2, label: '◀', disabled: true });
    expect(next).toMatchObject({ type: 2, label: '▶', disabled: false });
    expect(next.custom_id.length).toBeLessThanOrEqual(100);

    const click = h.fake.clickButton(next.custom_id, first, STUDENT, { user: STUDENT });
    const update = await h.fake.callbackFor(click);
    expect(update.body.type).toBe(7);
    expect(update.body.data.embeds[0].fields).toEqual(renderReply(found.reply, 1, String).embeds[0]?.fields);
    expect(update.body.data.embeds[0].footer.text).toContain(`2/${found.reply.pages.length}`);
    expect(update.body.data.allowed_mentions).toEqual({ parse: [] });

    const intruder = h.fake.clickButton(next.custom_id, first, STUDENT, { user: CLASSMATE, locale: 'id' });
    const refusal = await h.fake.callbackFor(intruder);
    expect(refusal.body).toMatchObject({
      type: 4,
      data: {
        content: `Hanya penanya yang dapat membalik halaman ini. Ajukan pertanyaan sendiri dengan /${found.name}.`,
        embeds: [],
        components: [],
        allowed_mentions: { parse: [] },
        flags: 64,
      },
    });
  });

  it('keeps paging after a restart: the button carries everything', async (ctx) => {
    const found = await multiPage();
    if (!found) return ctx.skip();
    const fake = await FakeDiscord.start();
    const first = await startHarness({ fake });
    const { callback } = await first.ask(found.name, found.options, { user: STUDENT });
    await first.close();
    // A new bot process against the same Discord, with nothing in memory from the first.
    const second = await startHarness({ fake });
    try {
      const next = callback.body.data.components[0].components[1];
      const update = await fake.callbackFor(fake.clickButton(next.custom_id, callback.body.data, STUDENT, { user: STUDENT }));
      expect(update.body.type).toBe(7);
      expect(update.body.data.embeds[0].footer.text).toContain(`2/${found.reply.pages.length}`);
    } finally {
      await second.close();
      await fake.close();
    }
  });
});

describe('mentions and Markdown', () => {
  it('never parses mentions, whatever the query contains, and escapes the echoed query', async () => {
    const query = '@everyone <@123456789012345678> **bold** [x](https://evil.example)';
    const { callback } = await h.ask('search', [str('query', query)]);
    const data = callback.body.data;
    expect(data.allowed_mentions).toEqual({ parse: [] });
    const visible = JSON.stringify(data.embeds);
    expect(visible).not.toContain('<@123456789012345678>');
    expect(visible).not.toContain('](https://evil.example)');
  });

  it('shows a source that contains mentions and Markdown as written, pinging no one', async () => {
    writeFileSync(
      path.join(h.knowledgeDir, 'sources', 'pengumuman.md'),
      '---\ntitle: "Pengumuman @everyone <@123456789012345678>"\nlanguage: id\n---\n@everyone dan <@&987654321098765432>: Rusia **tidak** akan campur tangan, kata __juru bicara__.\n',
    );
    const reload = await h.bot.knowledge.reload();
    expect(reload.ok).toBe(true);
    const { callback } = await h.ask('source', [str('id', 'pengumuman#1')]);
    const data = callback.body.data;
    expect(data.allowed_mentions).toEqual({ parse: [] });
    const text = JSON.stringify(data.embeds);
    expect(text).toContain('Rusia');
    // Every mention form is escaped, so it shows as typed instead of rendering as a mention.
    expect(text).not.toMatch(/(?<!\\\\)<@/);
    expect(text).not.toMatch(/(?<!\\\\)@everyone/);
  });

  it('sets allowed_mentions to parse nothing on every message the bot sent in this file', () => {
    const bodies = messageBodies(h.fake);
    expect(bodies.length).toBeGreaterThan(10);
    for (const b of bodies) expect(b.data.allowed_mentions, b.path).toEqual({ parse: [] });
  });
});
