/**
 * End to end: the real discord.js client logged in to FakeDiscord, every command answered from
 * a copy of the seed knowledge (tests/fixtures/knowledge/seed), each test asserting the body
 * Discord receives against fixed expectations.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord, type CommandOption } from '../support/fake-discord.js';
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

const CITE = (paragraph: number) =>
  `↳ *Perang Nagorno-Karabakh 2020: Azerbaijan, Armenia dan sikap Rusia*, ¶${paragraph} · \`nagorno-karabakh-2020#${paragraph}\``;

type Expected = {
  readonly title: string;
  readonly description: string;
  readonly fieldNames: readonly string[];
  /** Exact values of the first fields, in order. */
  readonly values?: readonly string[];
  readonly footer?: string;
};

/** What Discord must receive for each command on the seed article (tests/fixtures/knowledge/seed). */
const EXPECTED: Record<string, { options: readonly CommandOption[]; en: Expected; id: Expected }> = {
  actor: {
    options: [str('name', 'russia')],
    en: {
      title: 'Russia (Rusia)',
      description: 'Passages naming it: 6 (sources: 1). Quotes by it or its people: 0.',
      fieldNames: ['About', 'Position', 'Position', 'Position', 'Described'],
      // The description cites ¶8, and ¶8 itself (what Russia is to Armenia) is on the first page.
      values: [
        `Long the guarantor of Armenia's sovereignty, according to the article.\n${CITE(8)}`,
        `Is unlikely to use active military force to stop the Azerbaijani advance in Nagorno-Karabakh.\n${CITE(9)}`,
        `Would intervene if Azerbaijani or Azerbaijani-Turkish forces entered Armenia itself, to save Armenia's integrity.\n${CITE(10)}`,
        `The article offers reasons for staying out: lessons from Ukraine and Georgia, concern for its public image, or realpolitik.\n${CITE(13)}\n${CITE(14)}`,
        `Karena alasan itu, kepemimpinan Armenia terpaksa meminta bantuan di **Rusia**, yang selama bertahun-tahun menjadi penjamin kedaulatan Armenia.\n${CITE(8)}`,
      ],
      footer: 'Page 1/2',
    },
    id: {
      title: 'Rusia (Russia)',
      description: 'Disebut dalam 6 bagian dari 1 sumber; 0 kutipan darinya atau orang-orangnya.',
      fieldNames: ['Tentang', 'Sikap', 'Sikap', 'Sikap', 'Digambarkan'],
      values: [`Menurut artikel, selama bertahun-tahun menjadi penjamin kedaulatan Armenia.\n${CITE(8)}`],
      footer: 'Halaman 1/2',
    },
  },
  quote: {
    options: [str('speaker', 'aliyev')],
    en: {
      title: 'Quotes of Ilham Aliyev',
      description: 'Direct quotes: 2, word for word as the articles give them.',
      fieldNames: ['Ilham Aliyev', 'Ilham Aliyev'],
      values: [
        `“Kita harus memulihkan keadilan historis. Kami harus melakukan ini untuk memulihkan keutuhan wilayah Azerbaijan,”\n${CITE(5)}`,
        `“Saya telah berulang kali mengatakan kami tidak akan pernah mengizinkan pembentukan negara kedua yang disebut "negara Armenia" di tanah Azerbaijan. Kami tidak akan pernah mengizinkan ini, dan acara hari ini menunjukkannya lagi,”\n${CITE(6)}`,
      ],
    },
    id: {
      title: 'Kutipan Ilham Aliyev',
      description: '2 kutipan langsung, kata demi kata seperti dalam artikel.',
      fieldNames: ['Ilham Aliyev', 'Ilham Aliyev'],
    },
  },
  scenario: {
    options: [],
    en: {
      title: 'Scenarios',
      description:
        'Scenarios prepared by the teacher: 4. Then possible outcomes stated in the articles: 0. Ask /scenario with a name for the details.',
      fieldNames: [
        'Azerbaijan presses on to restore control · azerbaijan-restores-control',
        'Russia stays out of the fighting in Karabakh · russia-stays-out',
        'Russia intervenes if Armenia itself is entered · russia-intervenes-if-armenia-entered',
        'De-escalation and a return to the ceasefire · de-escalation-ceasefire',
      ],
    },
    id: {
      title: 'Skenario',
      description:
        '4 skenario yang disiapkan guru, lalu 0 pernyataan tentang kemungkinan hasil yang ditemukan dalam artikel. Tanyakan /scenario dengan nama untuk rinciannya.',
      fieldNames: [
        'Azerbaijan terus maju untuk memulihkan kendali · azerbaijan-restores-control',
        'Rusia tidak ikut campur dalam pertempuran di Karabakh · russia-stays-out',
        'Rusia campur tangan jika wilayah Armenia dimasuki · russia-intervenes-if-armenia-entered',
        'De-eskalasi dan kembali ke gencatan senjata · de-escalation-ceasefire',
      ],
    },
  },
  search: {
    options: [str('query', 'gencatan senjata')],
    en: {
      title: 'Search: “gencatan senjata”',
      description: 'Matching passages: 1.',
      fieldNames: ['Perang Nagorno-Karabakh 2020: Azerbaijan, Armenia dan sikap Rusia ¶7'],
      values: [`NATO dan AS meminta masing-masing pihak menghindari eskalasi dan kembali ke rezim **gencatan senjata**.\n${CITE(7)}`],
    },
    id: {
      title: 'Pencarian: “gencatan senjata”',
      description: '1 bagian cocok.',
      fieldNames: ['Perang Nagorno-Karabakh 2020: Azerbaijan, Armenia dan sikap Rusia ¶7'],
    },
  },
  source: {
    options: [str('id', 'nagorno-karabakh-2020#5')],
    en: {
      title: 'Passage nagorno-karabakh-2020#5',
      description: 'Perang Nagorno-Karabakh 2020: Azerbaijan, Armenia dan sikap Rusia (2020), paragraph 5, line 10, characters 838–994.',
      fieldNames: ['Text'],
      values: [
        `“Kita harus memulihkan keadilan historis. Kami harus melakukan ini untuk memulihkan keutuhan wilayah Azerbaijan, ”kata Aliyev pada pertemuan Dewan Keamanan.\n${CITE(5)}`,
      ],
    },
    id: {
      title: 'Bagian nagorno-karabakh-2020#5',
      description: 'Perang Nagorno-Karabakh 2020: Azerbaijan, Armenia dan sikap Rusia (2020), paragraf 5, baris 10, karakter 838–994.',
      fieldNames: ['Teks'],
    },
  },
  help: {
    options: [],
    en: {
      title: 'Sumber: answers from the class articles',
      description:
        'Every answer comes only from the articles in the knowledge folder, each sentence with its source. Quotes are word for word.',
      fieldNames: ['/actor', '/quote', '/scenario', '/search', '/source', '/help'],
      footer: 'Sources: 1 · passages: 14 · actors: 10 · quotes: 2',
    },
    id: {
      title: 'Sumber: jawaban dari artikel kelas',
      description:
        'Setiap jawaban hanya berasal dari artikel di folder pengetahuan, setiap kalimat dengan sumbernya. Kutipan ditampilkan kata demi kata.',
      fieldNames: ['/actor', '/quote', '/scenario', '/search', '/source', '/help'],
      footer: '1 sumber, 14 bagian, 10 aktor, 2 kutipan.',
    },
  },
};

describe('slash commands, in English and Indonesian', () => {
  for (const [name, c] of Object.entries(EXPECTED)) {
    for (const locale of ['en-US', 'id'] as const) {
      it(`answers /${name} with the expected embed (${locale})`, async () => {
        const { callback } = await h.ask(name, c.options, { locale, user: STUDENT });
        expect(callback.body.type).toBe(4);
        const data = callback.body.data;
        expect(data.allowed_mentions).toEqual({ parse: [] });
        expect(data.flags ?? 0).toBe(0);
        expect(data.embeds).toHaveLength(1);
        const sent = data.embeds[0];
        const expected = locale === 'id' ? c.id : c.en;
        expect(sent.title).toBe(expected.title);
        expect(sent.description).toBe(expected.description);
        expect(sent.fields.map((f: { name: string }) => f.name)).toEqual(expected.fieldNames);
        for (const [i, value] of (expected.values ?? []).entries()) expect(sent.fields[i].value).toBe(value);
        expect(sent.footer?.text).toBe(expected.footer);
      });
    }
  }

  it("writes replies in the reader's language", async () => {
    const en = (await h.ask('scenario', [], { locale: 'en-GB' })).callback.body.data.embeds[0];
    const id = (await h.ask('scenario', [], { locale: 'id' })).callback.body.data.embeds[0];
    expect(en.title).toBe('Scenarios');
    expect(id.title).toBe('Skenario');
  });

  it('quotes Aliyev verbatim with a visible citation: title, paragraph and passage id', async () => {
    const { callback } = await h.ask('quote', [str('speaker', 'aliyev')]);
    const fields: { name: string; value: string }[] = callback.body.data.embeds[0].fields;
    const text = fields.map((f) => f.value).join('\n');
    expect(text).toContain('Kita harus memulihkan keadilan historis');
    expect(text).toContain(CITE(5));
  });

  it('answers privately (flag 64) when asked with private:true', async () => {
    const { callback } = await h.ask('actor', [str('name', 'nato'), bool('private', true)]);
    expect(callback.body).toMatchObject({ type: 4, data: { flags: 64, allowed_mentions: { parse: [] } } });
  });

  it('answers a miss privately (flag 64), with its suggestions, so the class channel is not filled with misses', async () => {
    const { callback } = await h.ask('actor', [str('name', 'ukr')], { locale: 'en-US' });
    expect(callback.body).toMatchObject({ type: 4, data: { flags: 64, allowed_mentions: { parse: [] } } });
    const embed = callback.body.data.embeds[0];
    expect(embed.title).toBe('No actor called “ukr”');
    expect(embed.fields.at(-1).value).toContain('Actor Ukraine · `/actor ukraine`');
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
    expect(choices).toEqual([
      { name: 'Russia (Rusia)', value: 'russia' },
      { name: 'United States (Amerika Serikat)', value: 'united-states' },
    ]);
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
  // /actor russia has two pages on the seed article.
  const ASK = ['actor', [str('name', 'russia')]] as const;
  const PAGE_2_FIELDS = ['Acts', 'Acts', 'Acts', 'Acts', 'Acts'];

  it('turns the page for the person who asked (type 7 update), and only for them', async () => {
    const { callback } = await h.ask(...ASK, { user: STUDENT });
    const first = callback.body.data;
    expect(first.components).toHaveLength(1);
    const [prev, next] = first.components[0].components;
    expect(prev).toMatchObject({ type: 2, label: '◀', disabled: true });
    expect(next).toMatchObject({ type: 2, label: '▶', disabled: false });
    expect(next.custom_id.length).toBeLessThanOrEqual(100);

    const click = h.fake.clickButton(next.custom_id, first, STUDENT, { user: STUDENT });
    const update = await h.fake.callbackFor(click);
    expect(update.body.type).toBe(7);
    expect(update.body.data.embeds[0].title).toBe('Russia (Rusia)');
    expect(update.body.data.embeds[0].fields.map((f: { name: string }) => f.name)).toEqual(PAGE_2_FIELDS);
    expect(update.body.data.embeds[0].footer.text).toBe('Page 2/2');
    expect(update.body.data.allowed_mentions).toEqual({ parse: [] });

    const intruder = h.fake.clickButton(next.custom_id, first, STUDENT, { user: CLASSMATE, locale: 'id' });
    const refusal = await h.fake.callbackFor(intruder);
    expect(refusal.body).toMatchObject({
      type: 4,
      data: {
        content: 'Hanya penanya yang dapat membalik halaman ini. Ajukan pertanyaan sendiri dengan /actor.',
        embeds: [],
        components: [],
        allowed_mentions: { parse: [] },
        flags: 64,
      },
    });
  });

  it('keeps paging after a restart: the button carries everything', async () => {
    const fake = await FakeDiscord.start();
    const first = await startHarness({ fake });
    const { callback } = await first.ask(...ASK, { user: STUDENT });
    await first.close();
    // A new bot process against the same Discord, with nothing in memory from the first.
    const second = await startHarness({ fake });
    try {
      const next = callback.body.data.components[0].components[1];
      const update = await fake.callbackFor(fake.clickButton(next.custom_id, callback.body.data, STUDENT, { user: STUDENT }));
      expect(update.body.type).toBe(7);
      expect(update.body.data.embeds[0].fields.map((f: { name: string }) => f.name)).toEqual(PAGE_2_FIELDS);
      expect(update.body.data.embeds[0].footer.text).toBe('Page 2/2');
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

  it('shows a source title with a mention and Markdown as written in every field it reaches', async () => {
    writeFileSync(
      path.join(h.knowledgeDir, 'sources', 'kabar.md'),
      '---\ntitle: "Kabar <@123456789012345678> **penting**"\nlanguage: id\n---\nDelegasi bertemu di Baku pada hari Senin.\n',
    );
    expect((await h.bot.knowledge.reload()).ok).toBe(true);
    const { callback } = await h.ask('search', [str('query', 'Baku')]);
    const field = callback.body.data.embeds[0].fields[0];
    // The heading and the citation: `<` and `*` escaped, so Discord shows what the teacher wrote.
    expect(field.name).toBe('Kabar \\<\\@123456789012345678> \\*\\*penting\\*\\* ¶1');
    expect(field.value).toBe(
      'Delegasi bertemu di **Baku** pada hari Senin.\n↳ *Kabar \\<\\@123456789012345678> \\*\\*penting\\*\\**, ¶1 · `kabar#1`',
    );
    const source = (await h.ask('source', [str('id', 'kabar')])).callback.body.data.embeds[0];
    expect(source.description).toMatch(/^Kabar \\<\\@123456789012345678> \\\*\\\*penting\\\*\\\*\. Passages: 1\./);
  });

  it('sets allowed_mentions to parse nothing on every message the bot sent in this file', () => {
    const bodies = messageBodies(h.fake);
    expect(bodies.length).toBeGreaterThan(10);
    for (const b of bodies) expect(b.data.allowed_mentions, b.path).toEqual({ parse: [] });
  });
});
