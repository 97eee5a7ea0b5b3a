/**
 * End to end: a whole class discussion over the fake Discord, with the real discord.js client,
 * the real commands and a real SQLite file: the thread and its prompt, joining, the blind stance
 * check-in, roles for 7 students over 3 actors, claims, "Cite a passage", a restart in the
 * middle, the recap with its chart uploaded as multipart/form-data, and the teacher's exports.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/discussions/discussion.js';
import { FakeDiscord, PERMISSIONS, type FakeUser } from '../support/fake-discord.js';
import { FakeThreads, int, parseMultipart, sub, type PostedMessage } from '../support/fake-discord-threads.js';
import { bool, startHarness, str, type Harness } from '../support/harness.js';

const TEACHER: FakeUser = { id: '100000000000000010', username: 'guru', global_name: 'Bu Sari' };
const STUDENTS: FakeUser[] = ['Ani', 'Budi', 'Citra', 'Dewi', 'Eko', 'Fajar', 'Gita'].map((name, i) => ({
  id: `10000000000000002${i}`,
  username: name.toLowerCase(),
  global_name: name,
}));
const S = (i: number): FakeUser => STUDENTS[i] as FakeUser;
const asTeacher = { user: TEACHER, permissions: PERMISSIONS.moderator };
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function buttonIds(post: { body: Record<string, any> } | Record<string, any>): string[] {
  const body = 'body' in post ? post.body : post;
  return (body.components ?? []).flatMap((r: any) => r.components.map((c: any) => c.custom_id));
}

describe('a class discussion, start to recap', () => {
  let fake: FakeDiscord;
  let threads: FakeThreads;
  let h: Harness;
  let dbDir: string;
  let clock = Date.UTC(2026, 0, 12, 8, 0);
  let threadId = '';
  let prompt: PostedMessage;
  const env = () => ({ DATABASE_PATH: path.join(dbDir, 'kelas.db') });
  const botOptions = { discussions: { now: () => clock, random: seededRandom(7), reminderCheckMs: 50 } };

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    threads = FakeThreads.install(fake);
    dbDir = mkdtempSync(path.join(tmpdir(), 'sumber-discuss-'));
    h = await startHarness({ fake, env: env(), bot: botOptions });
  });
  afterAll(async () => {
    await h?.close();
    await fake?.close();
    rmSync(dbDir, { recursive: true, force: true });
  });

  const click = async (customId: string, message: Record<string, any>, user: FakeUser, locale?: string) => {
    const sent = fake.clickButton(customId, message, user, { channelId: threadId, user, ...(locale ? { locale } : {}) });
    return (await fake.callbackFor(sent)).body;
  };

  it('refuses /discuss start to a student, privately', async () => {
    const { callback } = await h.ask('discuss', [sub('start', [str('scenario', 'russia-stays-out')])], { user: S(0) });
    expect(callback.body).toMatchObject({
      type: 4,
      data: {
        content: 'Only teachers (Manage Server, or the teacher role) can use /discuss start.',
        flags: 64,
        allowed_mentions: { parse: [] },
      },
    });
    expect(threads.threads()).toEqual([]);
  });

  it('opens a public thread named after the scenario and posts the prompt: summary, actors, key passages with citations, question, buttons', async () => {
    const { sent, callback } = await h.ask('discuss', [sub('start', [str('scenario', 'russia-stays-out'), int('minutes', 1)])], asTeacher);
    expect(callback.body).toEqual({ type: 5, data: { flags: 64 } });
    const edit = await fake.editFor(sent);
    const thread = threads.threads()[0];
    expect(thread).toMatchObject({ type: 11, parent_id: fake.channelId, name: 'Russia stays out of the fighting in Karabakh' });
    threadId = thread?.id;
    expect(edit.body.content).toBe(`Discussion opened in <#${threadId}>. Students join there; end it with /discuss end in the thread.`);
    prompt = await threads.waitForPost((p) => p.channelId === threadId);
    const embed = prompt.body.embeds[0];
    expect(embed.title).toBe('Discussion: Russia stays out of the fighting in Karabakh');
    expect(embed.description).toContain('Guiding question: Should Russia stay out of the fighting, even though Armenia asked for help?');
    expect(embed.description).toContain('Ends in 1 min.');
    expect(embed.fields[0]).toEqual({ name: 'Actors', value: 'Russia · Armenia · Azerbaijan' });
    const passages = embed.fields.filter((f: any) => f.name === 'Key passage');
    expect(passages).toHaveLength(3);
    expect(passages[0].value).toMatch(/↳ .*¶9 · `nagorno-karabakh-2020#9`$/);
    expect(prompt.body.allowed_mentions).toEqual({ parse: [] });
    expect(prompt.body.components[0].components.map((b: any) => b.label)).toEqual(['Join', 'My stance']);
  });

  it('lets 7 students join, each told privately; a second press says they are in already', async () => {
    const [join] = buttonIds(prompt);
    for (const student of STUDENTS) {
      const answer = await click(join as string, prompt.body, student);
      expect(answer).toMatchObject({
        type: 4,
        data: { content: 'You joined the discussion. Press **My stance** to answer the question privately.', flags: 64 },
      });
    }
    expect((await click(join as string, prompt.body, S(0))).data.content).toBe('You are already in this discussion.');
    // A modified client making up an id (here: the same button, signature changed) changes nothing.
    const forged = `${(join as string).slice(0, -4)}AAAA`;
    expect((await click(forged, prompt.body, S(0))).data).toMatchObject({
      flags: 64,
      content: 'This button is no longer valid. Ask again.',
    });
  });

  it('takes a blind stance: each student sees only their own answer, and nothing is posted until the end', async () => {
    const [, stance] = buttonIds(prompt);
    const choices = ['agree', 'agree', 'agree', 'unsure', 'disagree', 'disagree', 'agree'];
    for (const [i, student] of STUDENTS.entries()) {
      const ask = await click(stance as string, prompt.body, student);
      expect(ask.data.flags).toBe(64);
      expect(ask.data.content).not.toContain('Your answer so far');
      const picks = buttonIds(ask.data);
      expect(ask.data.components[0].components.map((b: any) => b.label)).toEqual(['Agree', 'Unsure', 'Disagree']);
      const pick = picks.find((id) => id.includes(`|${choices[i]}|`));
      const done = await click(pick as string, ask.data, student);
      expect(done).toMatchObject({ type: 7, data: { components: [] } });
      expect(done.data.content).toMatch(/^Recorded: \*\*(Agree|Unsure|Disagree)\*\*\. Only you can see this\.$/);
    }
    // Ani changes her mind; she sees her own answer first, nobody else's.
    const again = await click(stance as string, prompt.body, S(0), 'id');
    expect(again.data.content).toContain('Jawaban Anda sejauh ini: **Setuju**.');
    const changed = await click(buttonIds(again.data).find((id) => id.includes('|unsure|')) as string, again.data, S(0), 'id');
    expect(changed.data.content).toBe('Tercatat: **Ragu-ragu**. Hanya Anda yang dapat melihat ini.');
    // Nothing in the thread or in /discuss status shows who chose what, or the counts.
    for (const p of threads.postedIn(threadId)) expect(JSON.stringify(p.body)).not.toMatch(/Agree|Setuju|Unsure|Disagree/);
    const { sent } = await h.ask('discuss', [sub('status')], { ...asTeacher, channelId: fake.channelId });
    const status = (await fake.callbackFor(sent)).body.data.embeds[0].description;
    expect(status).toContain(`<#${threadId}> · russia-stays-out`);
    expect(status).toContain('joined 7 · check-ins 7 · claims 0');
  });

  it('posts the reminder once the minutes are up', async () => {
    clock += 61_000;
    const reminder = await threads.waitForPost((p) => p.channelId === threadId && String(p.body.content).startsWith('⏰'));
    expect(reminder.body.content).toBe(
      '⏰ Time is up for this discussion (1 min). Last claims now; the teacher ends it with /discuss end.',
    );
    expect(reminder.body.allowed_mentions).toEqual({ parse: [] });
  });

  it('gives 7 students roles balanced over the 3 actors (3/2/2), and each a private briefing', async () => {
    const refused = await h.ask('discuss', [sub('roles')], { user: S(1), channelId: threadId });
    expect(refused.callback.body.data.content).toContain('Only teachers');
    threads.refusesDirectMessages.add(S(6).id);
    const { sent } = await h.ask('discuss', [sub('roles', [str('mode', 'balanced')])], { ...asTeacher, channelId: threadId });
    expect((await fake.editFor(sent)).body.content).toBe(
      'Roles given to 7 students (balanced). The list is in the thread. Briefings sent by direct message: 6 of 7 (the others press My briefing in the thread).',
    );
    const dm = threads.directMessagesTo(S(1).id);
    expect(dm).toHaveLength(1);
    expect(dm[0]?.body.embeds[0].title).toBe('Your role: Armenia');
    expect(dm[0]?.body.allowed_mentions).toEqual({ parse: [] });
    expect(threads.directMessagesTo(S(6).id)).toEqual([]);
    const roles = await threads.waitForPost((p) => p.channelId === threadId && p.body.embeds?.[0]?.title === 'Roles');
    const lines = String(roles.body.embeds[0].description)
      .split('\n')
      .filter((l) => l.includes('→'));
    expect(lines).toHaveLength(7);
    const held = (actor: string) => lines.filter((l) => l.endsWith(`→ ${actor}`)).length;
    expect([held('Russia'), held('Armenia'), held('Azerbaijan')]).toEqual([3, 2, 2]);
    expect(lines[0]).toBe(`<@${S(0).id}> → Russia`);
    expect(roles.body.allowed_mentions).toEqual({ parse: [] });
    const briefing = await click(buttonIds(roles)[0] as string, roles.body, S(0));
    expect(briefing.data.flags).toBe(64);
    expect(briefing.data.embeds[0].title).toBe('Your role: Russia');
    expect(briefing.data.embeds[0].fields.some((f: any) => f.name === 'Position')).toBe(true);

    // The teacher moves Gita to Armenia.
    const override = threads.chatInputWithUsers(
      'discuss',
      [sub('roles', [{ name: 'student', type: 6, value: S(6).id }, str('actor', 'armenia')])],
      [S(6)],
      { ...asTeacher, channelId: threadId },
    );
    expect((await fake.editFor(override)).body.content).toBe(
      `<@${S(6).id}> now speaks for Armenia. Briefings sent by direct message: 0 of 1 (the others press My briefing in the thread).`,
    );
  });

  it('suggests passages for /claim as the student types', async () => {
    const sent = fake.autocomplete('claim', [str('text', 'x'), str('passage', 'nagorno-karabakh-2020#1', true)], {
      user: S(0),
      channelId: threadId,
    });
    const answer = (await fake.callbackFor(sent)).body;
    expect(answer.type).toBe(8);
    const values = answer.data.choices.map((c: { value: string }) => c.value);
    expect(values.length).toBeGreaterThan(0);
    expect(values.every((v: string) => v.startsWith('nagorno-karabakh-2020#1'))).toBe(true);
  });

  it('posts a claim card for a real passage and refuses a missing one privately', async () => {
    const { callback } = await h.ask(
      'claim',
      [str('text', 'Rusia tidak akan mengirim pasukan.'), str('passage', 'nagorno-karabakh-2020#9')],
      { user: S(0), channelId: threadId },
    );
    expect(callback.body.type).toBe(4);
    expect(callback.body.data.flags ?? 0).toBe(0);
    const card = callback.body.data.embeds[0];
    expect(card.title).toBe('Claim');
    expect(card.description).toContain(`By <@${S(0).id}>, as Russia:`);
    expect(card.description).toContain('“Rusia tidak akan mengirim pasukan.”');
    expect(card.fields[0].value).toContain('`nagorno-karabakh-2020#9`');
    expect(callback.body.data.allowed_mentions).toEqual({ parse: [] });

    const missing = await h.ask('claim', [str('text', 'Sesuatu.'), str('passage', 'nagorno-karabakh-2020#99')], {
      user: S(1),
      channelId: threadId,
    });
    expect(missing.callback.body.data).toMatchObject({
      flags: 64,
      content: 'There is no passage `nagorno-karabakh-2020#99`. Pick one from the list as you type, or look with /search.',
    });
  });

  it('counts messages in the thread from MESSAGE_CREATE, not bots', async () => {
    for (let i = 0; i < 3; i++) threads.messageCreate(threadId, S(1));
    threads.messageCreate(threadId, S(2));
    threads.messageCreate(threadId, { id: '100000000000000099', username: 'otherbot' }, { bot: true });
    threads.messageCreate(fake.channelId, S(3)); // not in the discussion's thread
    await new Promise((r) => setTimeout(r, 200));
  });

  it('cites a passage for a student’s own message from the context menu, and refuses someone else’s', async () => {
    const own = threads.messageCommand(
      'Cite a passage',
      { id: '100000000000000501', author: S(1), content: 'Armenia meminta bantuan Rusia.' },
      { user: S(1), channelId: threadId },
    );
    const menu = (await fake.callbackFor(own)).body;
    expect(menu.data.flags).toBe(64);
    const select = menu.data.components[0].components[0];
    expect(select.type).toBe(3);
    expect(select.options[0].value).toBe('nagorno-karabakh-2020#9');
    const chose = threads.selectMenu(select.custom_id, ['nagorno-karabakh-2020#11'], { user: S(1), channelId: threadId });
    expect((await fake.callbackFor(chose)).body).toMatchObject({ type: 7, data: { content: 'Your claim is posted in the thread.' } });
    const card = await threads.waitForPost(
      (p) => p.channelId === threadId && p.body.embeds?.[0]?.description?.includes('Armenia meminta bantuan Rusia.'),
    );
    expect(card.body.embeds[0].fields[0].value).toContain('`nagorno-karabakh-2020#11`');
    // Someone else's menu cannot use Budi's message.
    const stolen = threads.selectMenu(select.custom_id, ['nagorno-karabakh-2020#9'], { user: S(2), channelId: threadId });
    expect((await fake.callbackFor(stolen)).body.data.content).toContain('This menu has expired');

    const other = threads.messageCommand(
      'Cite a passage',
      { id: '100000000000000502', author: S(1), content: 'x' },
      { user: S(3), channelId: threadId },
    );
    expect((await fake.callbackFor(other)).body.data).toMatchObject({
      flags: 64,
      content: 'You can cite a passage only for a message you wrote yourself.',
    });
  });

  it('keeps working after a restart in the middle: the old buttons, /claim, and nothing lost', async () => {
    await h.close();
    h = await startHarness({ fake, env: env(), bot: botOptions });
    const [join, stance] = buttonIds(prompt);
    expect((await click(join as string, prompt.body, S(0))).data.content).toBe('You are already in this discussion.');
    const ask = await click(stance as string, prompt.body, S(4));
    expect(ask.data.content).toContain('Your answer so far: **Disagree**.');
    const { callback } = await h.ask('claim', [str('text', 'Azerbaijan terus maju.'), str('passage', 'nagorno-karabakh-2020#13')], {
      user: S(2),
      channelId: threadId,
    });
    expect(callback.body.data.embeds[0].description).toContain(`By <@${S(2).id}>, as Azerbaijan:`);
    threads.messageCreate(threadId, S(1));
    await new Promise((r) => setTimeout(r, 100));
  });

  it('ends with the recap in the thread, its chart uploaded as multipart/form-data, and private exports for the teacher', async () => {
    const refused = await h.ask('discuss', [sub('end')], { user: S(0), channelId: threadId });
    expect(refused.callback.body.data.content).toContain('Only teachers');
    const { sent } = await h.ask('discuss', [sub('end', [bool('names', true)])], { ...asTeacher, channelId: threadId });
    const recap = await threads.waitForPost((p) => p.channelId === threadId && String(p.body.embeds?.[0]?.title).startsWith('Recap'));
    expect(recap.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(recap.files).toHaveLength(1);
    const chart = recap.files[0];
    expect(chart?.filename).toMatch(/^stance-chart-\d+\.png$/);
    expect(chart?.data.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(chart?.data.readUInt32BE(16)).toBe(960);
    const embed = recap.body.embeds[0];
    expect(embed.image).toEqual({ url: `attachment://${chart?.filename}` });
    expect(recap.body.attachments).toEqual([{ id: 0, filename: chart?.filename }]);
    expect(recap.body.allowed_mentions).toEqual({ parse: [] });
    const field = (name: string) =>
      embed.fields
        .filter((f: any) => f.name === name)
        .map((f: any) => f.value)
        .join('\n');
    expect(field('Who took part, as which actor')).toContain(`<@${S(6).id}> → Armenia`);
    expect(field('Contributions (messages · claims)').split('\n')[0]).toBe(`<@${S(1).id}>: 4 · 1`);
    const stances = field('Stance check-in (counts only)');
    expect(stances).toContain('Agree: before 3 · after 0');
    expect(stances).toContain('Unsure: before 2 · after 0');
    expect(stances).toContain('Disagree: before 2 · after 0');
    expect(stances).toContain('Answers: before 7, after 0.');
    expect(JSON.stringify(embed)).not.toContain('Ani'); // students appear as mentions, never with their answer
    expect(recap.body.components[0].components[0].label).toBe('My stance now');

    const edit = await fake.editFor(sent);
    expect(String(edit.headers['content-type'])).toMatch(/^multipart\/form-data/);
    const teacher = parseMultipart(edit);
    expect(teacher.payload.content).toBe(
      'Discussion ended; the recap is in the thread. Your exports are attached (with each student’s stance: keep them private).',
    );
    expect(teacher.payload.flags ?? 64).toBe(64);
    const names = teacher.files.map((f) => f.filename);
    expect(names).toEqual([expect.stringMatching(/\.md$/), expect.stringMatching(/\.csv$/), expect.stringMatching(/\.png$/)]);
    const md = teacher.files[0]?.data.toString('utf8') ?? '';
    expect(md).toContain('| Ani | Russia | 0 | 1 | Unsure |  |');
    expect(md).toContain('| Budi | Armenia | 4 | 1 | Agree |  |');
    const csv = (teacher.files[1]?.data.toString('utf8') ?? '').replace(/^\ufeff/, '').split('\r\n');
    expect(csv[0]).toBe('user_id,name,actor_id,actor,messages,claims,stance_before,stance_after');
    expect(csv).toContain(`${S(6).id},Gita,armenia,Armenia,0,0,Agree,`);
  });

  it('offers the second check-in from the recap, keeps both, and closes the first', async () => {
    const recap = threads.posted.find((p) => p.channelId === threadId && String(p.body.embeds?.[0]?.title).startsWith('Recap'));
    if (!recap) throw new Error('no recap');
    const ask = await click(buttonIds(recap)[0] as string, recap.body, S(3));
    expect(ask.data.content).toContain('Now that you have discussed it');
    const done = await click(buttonIds(ask.data).find((id) => id.includes('|agree|')) as string, ask.data, S(3));
    expect(done.data.content).toBe('Recorded: **Agree**. Only you can see this.');
    expect((await click(buttonIds(prompt)[1] as string, prompt.body, S(3))).data.content).toBe('This discussion has ended.');
    const late = await h.ask('claim', [str('text', 'Terlambat.'), str('passage', 'nagorno-karabakh-2020#9')], {
      user: S(3),
      channelId: threadId,
    });
    expect(late.callback.body.data.content).toBe('There is no open discussion in this thread. A teacher starts one with /discuss start.');

    const { sent } = await h.ask('discuss', [sub('end')], { ...asTeacher, channelId: threadId });
    expect(parseMultipart(await fake.editFor(sent)).payload.content).toMatch(/^This discussion had already ended/);
    const updated = threads.posted.filter((p) => p.channelId === threadId && p.files.length > 0).at(-1);
    expect(updated?.body.embeds[0].fields.find((f: any) => f.name === 'Stance check-in (counts only)').value).toContain(
      'Answers: before 7, after 1.',
    );
  });

  it('opens a post in a forum when started from one of its posts', async () => {
    const postId = '100000000000000777';
    threads.channels.set(postId, { id: postId, type: 11, guild_id: fake.guildId, parent_id: threads.forumId, name: 'older post' });
    const { sent } = await h.ask('discuss', [sub('start', [str('scenario', 'de-escalation-ceasefire')])], {
      ...asTeacher,
      channelId: postId,
      locale: 'id',
    });
    expect((await fake.editFor(sent)).body.content).toMatch(/^Diskusi dibuka di <#\d+>/);
    const post = threads.threads().find((t) => t.parent_id === threads.forumId && t.id !== postId);
    expect(post?.name).toBe('De-eskalasi dan kembali ke gencatan senjata');
    const [first, buttons] = threads.postedIn(post?.id);
    expect(first?.body.embeds[0].title).toBe('Diskusi: De-eskalasi dan kembali ke gencatan senjata');
    expect(first?.body.embeds[0].description).toContain('Bagaimana kemungkinan besar pertempuran ini berhenti?');
    expect(buttons?.body.components[0].components.map((b: any) => b.label)).toEqual(['Gabung', 'Sikap saya']);
    const ask = await (async () => {
      const s = fake.clickButton(buttonIds(buttons as PostedMessage)[1] as string, buttons?.body ?? {}, S(0), {
        channelId: post?.id,
        user: S(0),
        locale: 'id',
      });
      return (await fake.callbackFor(s)).body;
    })();
    expect(ask.data.components[0].components.map((b: any) => b.label)).toEqual([
      'Gencatan senjata yang dipatuhi kedua pihak',
      'Salah satu pihak menang di lapangan',
      'Kekuatan luar turun tangan',
    ]);
  });
});

describe('a bot whose database cannot be used', () => {
  it('does not start, and says which file is damaged instead of opening an empty one', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sumber-discuss-'));
    const file = path.join(dir, 'kelas.db');
    writeFileSync(file, 'not a database\n'.repeat(100));
    const fake = await FakeDiscord.start();
    try {
      await expect(startHarness({ fake, env: { DATABASE_PATH: file } })).rejects.toThrow(
        `bot did not start: The database ${file} is damaged`,
      );
      expect(readFileSync(file, 'utf8')).toBe('not a database\n'.repeat(100));
    } finally {
      await fake.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
