import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { citationLine, clip, embedLength, renderNote, renderReply, toMarkdown } from '../../src/discord/render.js';
import { DISCORD_LIMITS, REPLY_BUDGET, renderedLength, type Citation, type Reply, type ReplySection } from '../../src/answers/reply.js';

const citation: Citation = { passageId: 'nk-2020#5', sourceId: 'nk-2020', sourceTitle: 'Perang Nagorno-Karabakh 2020', paragraph: 5 };

function reply(pages: number, extra: Partial<Reply> = {}): Reply {
  return {
    status: 'ok',
    locale: 'en',
    command: 'actor',
    title: 'Russia',
    pages: Array.from({ length: pages }, (_, i) => ({
      ...(i === 0 ? { intro: 'Named in 4 passages.' } : {}),
      sections: [{ heading: `Position ${i + 1}`, body: '“Kita harus memulihkan keadilan historis.”', citations: [citation] }],
    })),
    suggestions: [],
    ...extra,
  };
}

describe('renderReply', () => {
  it('renders a page as one embed with its sections and citations, pinging no one', () => {
    const msg = renderReply(reply(1), 0);
    expect(msg.allowedMentions).toEqual({ parse: [] });
    expect(msg.components).toEqual([]);
    expect(msg.embeds).toEqual([
      {
        title: 'Russia',
        color: 0x3b82f6,
        description: 'Named in 4 passages.',
        fields: [
          { name: 'Position 1', value: '“Kita harus memulihkan keadilan historis.”\n↳ *Perang Nagorno-Karabakh 2020*, ¶5 · `nk-2020#5`' },
        ],
      },
    ]);
  });

  it('links the source title when the source has a url', () => {
    const line = citationLine({ ...citation, url: 'https://example.org/berita (1)' }, true);
    expect(line).toBe('↳ [Perang Nagorno-Karabakh 2020](https://example.org/berita%20%281%29), ¶5 · `nk-2020#5`');
  });

  it('adds ◀ ▶ buttons for more pages, disabled at the ends, with the page in the footer', () => {
    const ids = (p: number) => `page-${p}`;
    const first = renderReply(reply(3, { footer: 'Sumber' }), 0, ids);
    expect(first.components).toEqual([
      {
        type: 1,
        components: [
          { type: 2, style: 2, custom_id: 'page-0', label: '◀', disabled: true },
          { type: 2, style: 2, custom_id: 'page-1', label: '▶', disabled: false },
        ],
      },
    ]);
    expect(first.embeds[0]?.footer?.text).toBe('Sumber · Page 1/3');
    const last = renderReply(reply(3), 7, ids);
    expect(last.embeds[0]?.footer?.text).toBe('Page 3/3');
    expect(last.components[0]?.components.map((b) => [b.custom_id, b.disabled])).toEqual([
      ['page-1', false],
      ['page-2', true],
    ]);
  });

  it('writes the page indicator in Indonesian for Indonesian replies', () => {
    expect(renderReply(reply(2, { locale: 'id' }), 1, String).embeds[0]?.footer?.text).toBe('Halaman 2/2');
  });

  it('shows suggestions on the first page', () => {
    const msg = renderReply(reply(1, { status: 'not-found', suggestions: [{ label: 'Russia', command: '/actor russia' }] }), 0);
    expect(msg.embeds[0]?.color).toBe(0xf59e0b);
    expect(msg.embeds[0]?.fields?.at(-1)).toEqual({ name: 'Did you mean', value: 'Russia · `/actor russia`' });
  });

  it('escapes Markdown and mentions in a source title', () => {
    expect(citationLine({ ...citation, sourceTitle: '**Breaking** @everyone <@123> [x](y)' }, false)).toBe(
      '↳ *\\*\\*Breaking\\*\\* \\@everyone \\<\\@123> \\[x\\](y)*, ¶5 · `nk-2020#5`',
    );
  });

  it('drops a link rather than cut the text when a long url would not fit', () => {
    const body = 'x'.repeat(700);
    const longUrl = `https://example.org/${'a'.repeat(300)}`;
    const section: ReplySection = {
      heading: 'h',
      body,
      citations: [0, 1, 2].map((i) => ({ ...citation, passageId: `nk-2020#${i}`, url: longUrl })),
    };
    const msg = renderReply({ ...reply(1), pages: [{ sections: [section] }] }, 0);
    const value = msg.embeds[0]?.fields?.[0]?.value ?? '';
    expect(value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
    expect(value.startsWith(body)).toBe(true);
    expect(value).not.toContain(longUrl);
  });

  it('keeps any reply within its budgets inside every Discord limit (property)', () => {
    const text = (max: number) =>
      fc.string({ maxLength: max, unit: fc.constantFrom('a', ' ', '*', '\\', '_', '`', '@', 'é', '😀', '#', '\n') });
    const arbCitation = fc.record({
      passageId: fc.string({ minLength: 1, maxLength: 40 }),
      sourceId: fc.constant('s'),
      sourceTitle: text(150),
      paragraph: fc.integer({ min: 1, max: 9999 }),
      url: fc.option(fc.webUrl(), { nil: undefined }),
    });
    const arbSection = fc.record({
      heading: text(REPLY_BUDGET.heading),
      body: text(REPLY_BUDGET.body),
      citations: fc.array(arbCitation, { maxLength: REPLY_BUDGET.citationsPerSection }),
    });
    const arbReply = fc.record({
      status: fc.constantFrom('ok', 'not-found', 'invalid-input'),
      locale: fc.constantFrom('en', 'id'),
      command: fc.constant('search'),
      title: text(REPLY_BUDGET.title),
      pages: fc.array(
        fc.record({
          intro: fc.option(text(REPLY_BUDGET.intro), { nil: undefined }),
          sections: fc.array(arbSection, { maxLength: REPLY_BUDGET.sectionsPerPage }),
        }),
        { minLength: 1, maxLength: 3 },
      ),
      suggestions: fc.array(fc.record({ label: text(80), command: text(100) }), { maxLength: REPLY_BUDGET.suggestions }),
      footer: fc.option(text(REPLY_BUDGET.footer), { nil: undefined }),
    }) as fc.Arbitrary<Reply>;
    fc.assert(
      fc.property(arbReply, fc.nat(5), (r, page) => {
        const msg = renderReply(r, page, (p) => `p1|search|${p}|1|q|`);
        for (const embed of msg.embeds) {
          expect(embedLength(embed)).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
          expect(embed.title?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedTitle);
          expect(embed.description?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
          expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.footer);
          expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedFields);
          for (const f of embed.fields ?? []) {
            expect(f.name.length).toBeGreaterThan(0);
            expect(f.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldName);
            expect(f.value.length).toBeGreaterThan(0);
            expect(f.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
          }
        }
        expect(msg.allowedMentions).toEqual({ parse: [] });
      }),
      { numRuns: 300 },
    );
  });
});

describe('clip', () => {
  it('never leaves a dangling escape or an unclosed bold', () => {
    expect(clip('abc\\*def', 5)).toBe('abc…');
    expect(clip('a **bold** and **more words here**', 20)).toBe('a **bold** and mo…');
    expect(clip('short', 10)).toBe('short');
  });
});

describe('renderNote', () => {
  it('is plain content with no mentions parsed', () => {
    expect(renderNote('Only in <#1>')).toEqual({ content: 'Only in <#1>', embeds: [], components: [], allowedMentions: { parse: [] } });
  });
});

describe('toMarkdown', () => {
  it('escapes what Discord would read as Markdown or a mention, so text shows as written', () => {
    expect(toMarkdown('<@123> @everyone **x** _y_ `z` ~~s~~ ||p|| [a](b) \\')).toBe(
      '\\<\\@123> \\@everyone \\*\\*x\\*\\* \\_y\\_ \\`z\\` \\~\\~s\\~\\~ \\|\\|p\\|\\| \\[a\\](b) \\\\',
    );
  });

  it('escapes list, heading and quote markers only where they start a line', () => {
    expect(toMarkdown('- satu\n# dua\n> tiga\n1. empat\nmasing-masing #1 a>b')).toBe(
      '\\- satu\n\\# dua\n\\> tiga\n1\\. empat\nmasing-masing #1 a>b',
    );
  });

  it('keeps bare links clickable', () => {
    expect(toMarkdown('lihat https://example.org/a-b_c?x=1#p <@1>')).toBe('lihat https://example.org/a-b\\_c?x=1#p \\<\\@1>');
  });

  it('marks highlights in bold, reading ranges separated only by spaces as one', () => {
    const text = 'rezim gencatan senjata, dan *perang*';
    expect(
      toMarkdown(text, [
        [6, 14],
        [15, 22],
        [29, 35],
      ]),
    ).toBe('rezim **gencatan senjata**, dan \\***perang**\\*');
  });

  it('never grows text beyond what the core budgets for it (property)', () => {
    const unit = fc.constantFrom('a', ' ', '\n', '-', '#', '>', '1', '.', '*', '\\', '_', '<', '@', 'h', 't', 'p', 's', ':', '/', 'é');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 200 }), fc.array(fc.tuple(fc.nat(200), fc.nat(20)), { maxLength: 5 }), (text, raw) => {
        const highlights = raw.map(([a, n]) => [Math.min(a, text.length), Math.min(a + n, text.length)] as const);
        expect(toMarkdown(text, highlights).length).toBeLessThanOrEqual(renderedLength(text, highlights));
      }),
      { numRuns: 500 },
    );
  });
});

describe('renderReply escapes teacher data in every field', () => {
  it('title, description, headings, suggestions and citations; the footer is plain text on Discord', () => {
    const teacher = 'Kabar <@123> **penting**';
    const msg = renderReply(
      reply(1, {
        status: 'not-found',
        title: teacher,
        footer: teacher,
        pages: [{ intro: teacher, sections: [{ heading: teacher, body: 'isi', citations: [{ ...citation, sourceTitle: teacher }] }] }],
        suggestions: [{ label: `Actor ${teacher}`, command: '/actor x' }],
      }),
      0,
    );
    const escaped = 'Kabar \\<\\@123> \\*\\*penting\\*\\*';
    const embed = msg.embeds[0];
    expect(embed?.title).toBe(escaped);
    expect(embed?.description).toBe(escaped);
    expect(embed?.fields?.[0]).toEqual({ name: escaped, value: `isi\n↳ *${escaped}*, ¶5 · \`nk-2020#5\`` });
    expect(embed?.fields?.[1]).toEqual({ name: 'Did you mean', value: `Actor ${escaped} · \`/actor x\`` });
    expect(embed?.footer?.text).toBe(teacher);
  });
});
