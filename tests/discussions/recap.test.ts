import { describe, expect, it } from 'vitest';
import { GlobalFonts } from '@napi-rs/canvas';
import { renderStanceChart, CHART_SIZE } from '../../src/discussions/chart.js';
import { claimCard, checkClaim } from '../../src/discussions/claim.js';
import { stanceOptionsFor, tallyStances } from '../../src/discussions/discussion.js';
import { exportCsv, exportMarkdown, csvField } from '../../src/discussions/exports.js';
import type { DiscussionRecord } from '../../src/discussions/model.js';
import { buildBriefing, buildPrompt } from '../../src/discussions/prompt.js';
import { buildRecap, recapData } from '../../src/discussions/recap.js';
import { renderReply, embedLength } from '../../src/discord/render.js';
import { DISCORD_LIMITS } from '../../src/answers/reply.js';
import { knowledge } from '../support/knowledge.js';

const kb = await knowledge();
const scenario = kb.scenarios.find((s) => s.id === 'russia-stays-out');
if (!scenario) throw new Error('bundled scenario missing');

function withinDiscordLimits(reply: Parameters<typeof renderReply>[0]): void {
  reply.pages.forEach((_, page) => {
    const embed = renderReply(reply, page).embeds[0];
    if (!embed) throw new Error('no embed');
    expect(embedLength(embed)).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
    expect((embed.title ?? '').length).toBeLessThanOrEqual(DISCORD_LIMITS.embedTitle);
    expect((embed.description ?? '').length).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
    for (const f of embed.fields ?? []) expect(f.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
  });
}

const STUDENTS = ['Ani', 'Budi', 'Citra', 'Dewi', 'Eko', 'Fajar', 'Gita'].map((name, i) => ({
  userId: `10000000000000010${i}`,
  displayName: name,
}));

function record(): DiscussionRecord {
  const actors = ['russia', 'armenia', 'azerbaijan'];
  return {
    discussion: {
      id: 3,
      guildId: 'g',
      channelId: 'c',
      threadId: 't',
      scenarioId: 'russia-stays-out',
      question: 'Should Russia stay out?',
      stanceOptions: stanceOptionsFor(scenario!),
      locale: 'en',
      startedBy: 'teacher',
      startedAt: Date.UTC(2026, 0, 12, 8, 0),
      remindAt: null,
      reminded: false,
      endedAt: Date.UTC(2026, 0, 12, 8, 40),
      status: 'closed',
      recapMessageId: null,
    },
    participants: STUDENTS.map((s, i) => ({ ...s, joinedAt: i, actorId: actors[i % 3] ?? null, roleSource: 'balanced' as const })),
    stances: [
      ...STUDENTS.slice(0, 4).map((s) => ({ userId: s.userId, phase: 'before' as const, optionKey: 'agree', chosenAt: 1 })),
      ...STUDENTS.slice(4).map((s) => ({ userId: s.userId, phase: 'before' as const, optionKey: 'disagree', chosenAt: 1 })),
      ...STUDENTS.slice(0, 2).map((s) => ({ userId: s.userId, phase: 'after' as const, optionKey: 'unsure', chosenAt: 2 })),
    ],
    claims: [
      {
        id: 1,
        userId: STUDENTS[0]!.userId,
        displayName: 'Ani',
        text: 'Russia will not risk its image.',
        passageId: 'nagorno-karabakh-2020#13',
        messageId: null,
        actorId: 'russia',
        createdAt: 5,
      },
    ],
    messageCounts: [{ userId: STUDENTS[1]!.userId, displayName: 'Budi', messages: 4 }],
  };
}

describe('the prompt', () => {
  it('gives the summary, the actors, 2–3 key passages with citations and the guiding question, within Discord limits', () => {
    const prompt = buildPrompt(kb, scenario, 'Should Russia stay out?', 'en', 20);
    expect(prompt.title).toBe('Discussion: Russia stays out of the fighting in Karabakh');
    const page = prompt.pages[0]!;
    expect(page.intro).toContain('Guiding question: Should Russia stay out?');
    expect(page.intro).toContain('Ends in 20 min.');
    expect(page.sections[0]).toMatchObject({ heading: 'Actors', body: 'Russia · Armenia · Azerbaijan' });
    const passages = page.sections.filter((s) => s.heading === 'Key passage');
    expect(passages.length).toBeGreaterThanOrEqual(2);
    expect(passages.length).toBeLessThanOrEqual(3);
    expect(passages.map((s) => s.citations[0]?.passageId)).toEqual([
      'nagorno-karabakh-2020#9',
      'nagorno-karabakh-2020#11',
      'nagorno-karabakh-2020#13',
    ]);
    withinDiscordLimits(prompt);
  });

  it('is in Indonesian for an Indonesian teacher', () => {
    const prompt = buildPrompt(kb, scenario, 'Haruskah?', 'id');
    expect(prompt.title).toBe('Diskusi: Rusia tidak ikut campur dalam pertempuran di Karabakh');
    expect(prompt.pages[0]?.sections[0]?.heading).toBe('Aktor');
  });
});

describe('the briefing', () => {
  it('gives an actor’s positions, quotes and passages with citations, on one page', () => {
    const briefing = buildBriefing(kb, scenario, 'russia', 'en');
    expect(briefing.title).toBe('Your role: Russia');
    expect(briefing.pages).toHaveLength(1);
    const headings = briefing.pages[0]!.sections.map((s) => s.heading);
    expect(headings).toContain('Position');
    expect(headings).toContain('Key passage');
    expect(briefing.pages[0]!.sections.every((s) => s.citations.length > 0)).toBe(true);
    withinDiscordLimits(briefing);
  });
});

describe('claims', () => {
  it('accepts a claim on a real passage and shows the passage’s exact text with its citation', () => {
    const check = checkClaim(kb, '  Russia will not send troops. ', 'nagorno-karabakh-2020#9');
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.text).toBe('Russia will not send troops.');
    const card = claimCard(kb, { text: check.text, passage: check.passage, actorId: 'russia' }, '<@100000000000000100>', 'en');
    const intro = card.pages[0]!.intro ?? '';
    expect(intro).toContain('By <@100000000000000100>, as Russia:');
    expect(intro).toContain('“Russia will not send troops.”');
    expect(card.pages[0]!.sections[0]!.citations[0]?.passageId).toBe('nagorno-karabakh-2020#9');
    withinDiscordLimits(card);
  });

  it('refuses a passage that does not exist, and empty words, as values', () => {
    expect(checkClaim(kb, 'Something', 'nagorno-karabakh-2020#99')).toEqual({
      ok: false,
      reason: 'unknown-passage',
      passageId: 'nagorno-karabakh-2020#99',
    });
    expect(checkClaim(kb, '   ', 'nagorno-karabakh-2020#9')).toEqual({ ok: false, reason: 'empty-text' });
  });
});

describe('the recap', () => {
  it('shows who took part as which actor, contributions, claims with citations, and stance counts only', () => {
    const data = recapData(record());
    const recap = buildRecap(kb, data, 'en', (c) => `<@${c.userId}>`);
    const sections = recap.pages.flatMap((p) => p.sections);
    const body = (heading: string) =>
      sections
        .filter((s) => s.heading === heading)
        .map((s) => s.body)
        .join('\n');
    expect(body('Who took part, as which actor')).toContain('<@100000000000000100> → Russia');
    expect(body('Who took part, as which actor')).toContain('<@100000000000000101> → Armenia');
    expect(body('Contributions (messages · claims)').split('\n')[0]).toBe('<@100000000000000101>: 4 · 0');
    expect(body('Stance check-in (counts only)')).toContain('Agree: before 4 · after 0');
    expect(body('Stance check-in (counts only)')).toContain('Unsure: before 0 · after 2');
    expect(body('Stance check-in (counts only)')).toContain('Answers: before 7, after 2.');
    const claim = sections.find((s) => s.heading === 'Claim 1');
    expect(claim?.body).toBe('<@100000000000000100> (Russia): Russia will not risk its image.');
    expect(claim?.citations[0]?.passageId).toBe('nagorno-karabakh-2020#13');
    // Counts, not who chose what: no stance word sits on a student's line.
    for (const s of sections.filter((x) => x.heading !== 'Stance check-in (counts only)'))
      expect(s.body).not.toMatch(/Agree|Disagree|Unsure/);
    withinDiscordLimits(recap);
  });

  it('stays within Discord limits for a class of 40 with 30 long claims', () => {
    const big = record();
    const many: DiscussionRecord = {
      ...big,
      participants: Array.from({ length: 40 }, (_, i) => ({
        userId: `2000000000000000${String(i).padStart(2, '0')}`,
        displayName: `Siswa dengan nama panjang ${i}`,
        joinedAt: i,
        actorId: 'russia',
        roleSource: 'random' as const,
      })),
      claims: Array.from({ length: 30 }, (_, i) => ({ ...big.claims[0]!, id: i + 1, text: 'panjang '.repeat(60) })),
    };
    const recap = buildRecap(kb, recapData(many), 'id', (c) => `<@${c.userId}>`);
    withinDiscordLimits(recap);
    expect(recap.footer).toContain('+15');
  });
});

describe('exports', () => {
  it('Markdown and CSV list each student’s role, messages and claims; stances only as counts by default', () => {
    const data = recapData(record());
    const md = exportMarkdown(kb, data, { locale: 'en', withNames: false });
    expect(md).toContain('| Ani | Russia | 0 | 1 |');
    expect(md).toContain('| Agree | 4 | 0 |');
    expect(md).toContain('Nagorno-Karabakh');
    expect(md).not.toContain('Stance before');
    const csv = exportCsv(kb, data, { locale: 'en', withNames: false });
    expect(csv.split('\r\n')[0]).toBe('user_id,name,actor_id,actor,messages,claims');
    expect(csv.split('\r\n')[1]).toBe('100000000000000100,Ani,russia,Russia,0,1');
  });

  it('adds each student’s stance before and after when the teacher asks for names', () => {
    const data = recapData(record());
    const md = exportMarkdown(kb, data, { locale: 'id', withNames: true });
    expect(md).toContain('| Ani | Rusia | 0 | 1 | Setuju | Ragu-ragu |');
    const csv = exportCsv(kb, data, { locale: 'en', withNames: true });
    expect(csv.split('\r\n')[0]).toBe('user_id,name,actor_id,actor,messages,claims,stance_before,stance_after');
    expect(csv.split('\r\n')[5]).toBe('100000000000000104,Eko,armenia,Armenia,0,0,Disagree,');
  });

  it('quotes CSV fields and keeps a name from being read as a spreadsheet formula', () => {
    expect(csvField('Budi, "B"')).toBe('"Budi, ""B"""');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(3)).toBe('3');
  });
});

describe('the stance chart', () => {
  it('is a PNG of 960×540 drawn with the bundled font, in either language', () => {
    const counts = tallyStances(record().stances, record().discussion.stanceOptions);
    for (const locale of ['en', 'id'] as const) {
      const png = renderStanceChart(counts, 'Should Russia stay out?', locale);
      expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
      expect(png.readUInt32BE(16)).toBe(CHART_SIZE.width);
      expect(png.readUInt32BE(20)).toBe(CHART_SIZE.height);
      // Text, bars and labels: far more than an empty canvas, far less than Discord's 10 MB.
      expect(png.length).toBeGreaterThan(15_000);
      expect(png.length).toBeLessThan(500_000);
    }
    expect(GlobalFonts.has('SumberChart')).toBe(true);
  });
});
