/**
 * Reply -> Discord message: one embed per page, citations under each section, ◀ ▶ buttons when
 * there is more than one page. Pure: the caller decides what the buttons' custom_ids are and
 * sends the result.
 *
 * Reply text from the core is plain (source text exactly as written, teacher data, what a user
 * typed), so every piece of it is escaped here: titles, descriptions, headings, bodies,
 * citations and suggestions (footers are plain text on Discord and need none). Highlight ranges become `**bold**`. The core's budgets count
 * escaping, so the limits hold by construction; every limit in `DISCORD_LIMITS` is enforced
 * again at the end, so even a reply that broke its budget cannot make Discord reject the message.
 */
import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  type APIEmbedField,
} from 'discord.js';
import {
  DISCORD_LIMITS,
  INLINE_MARKUP,
  LINE_START_MARKUP,
  mergeHighlights,
  truncateRendered,
  type Citation,
  type Highlight,
  type Reply,
  type ReplySection,
} from '../answers/reply.js';
import { message } from './messages.js';

/** No message ever pings: not users, roles, @everyone or @here, whatever its text says. */
export const NO_MENTIONS = { parse: [] as never[] } as const;

export type RenderedMessage = {
  readonly content?: string;
  /** Only the asker sees it (a miss, see `Reply.private`), whether or not they asked privately. */
  readonly ephemeral?: true;
  readonly embeds: APIEmbed[];
  readonly components: APIActionRowComponent<APIButtonComponentWithCustomId>[];
  readonly allowedMentions: typeof NO_MENTIONS;
};

/** The custom_id of the button that shows `page` (0-based). */
export type PageButtonId = (page: number) => string;

export const STATUS_COLORS = {
  ok: 0x3b82f6,
  'not-found': 0xf59e0b,
  'invalid-input': 0xef4444,
} as const satisfies Record<Reply['status'], number>;

const EMPTY_FIELD = '\u200b';

// A bare link stays clickable: none of these characters starts Markdown or a mention inside it.
const BARE_URL = /https?:\/\/[A-Za-z0-9./?=&%#:+,;!$'-]+/g;

/**
 * Plain text as Discord Markdown that shows it as written: everything Discord would read as
 * Markdown, a mention or a masked link escaped (`<@123>` shows as typed, not as a mention chip;
 * `- ` or `# ` only where they start a line), bare links left clickable, and the highlight
 * ranges in `**bold**` (those separated only by spaces as one).
 */
export function toMarkdown(text: string, highlights: readonly Highlight[] = []): string {
  const verbatim = new Uint8Array(text.length);
  for (const url of text.matchAll(BARE_URL)) verbatim.fill(1, url.index, url.index + url[0].length);
  const escape = new Uint8Array(text.length);
  for (const m of text.matchAll(INLINE_MARKUP)) escape[m.index] = 1;
  for (const m of text.matchAll(LINE_START_MARKUP)) escape[m.index + m[0].length - 1] = 1;
  const marks = new Set(mergeHighlights(text, highlights).flat());
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (marks.has(i)) out += '**';
    if (escape[i] === 1 && verbatim[i] === 0) out += '\\';
    out += text[i];
  }
  return marks.has(text.length) ? `${out}**` : out;
}

/** Plain data (a source title, an actor's name, a query) escaped so Discord shows it as written. */
export function escapeDiscordText(text: string): string {
  return toMarkdown(text);
}

/** Cuts Discord Markdown to `max` characters without leaving a dangling escape or unclosed bold. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  // Never end inside a surrogate pair or right after an escaping backslash.
  cut = cut.replace(/[\uD800-\uDBFF]$/, '');
  const trailingBackslashes = /\\+$/.exec(cut)?.[0].length ?? 0;
  if (trailingBackslashes % 2 === 1) cut = cut.slice(0, -1);
  if ((cut.match(/(?<!\\)\*\*/g) ?? []).length % 2 === 1) cut = cut.replace(/\*\*(?![\s\S]*\*\*)/, '');
  return `${cut}…`;
}

/** One line per citation: title (linked when the source has a url), paragraph, passage id. */
export function citationLine(citation: Citation, withLink: boolean): string {
  const title = escapeDiscordText(truncateRendered(citation.sourceTitle, 70));
  const url =
    withLink && citation.url !== undefined && /^https?:\/\//i.test(citation.url)
      ? citation.url.replace(/[()\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
      : undefined;
  const label = url !== undefined ? `[${title}](${url})` : `*${title}*`;
  return `↳ ${label}, ¶${citation.paragraph} · \`${citation.passageId.replace(/`/g, "'")}\``;
}

function fieldValue(section: ReplySection, withLinks: boolean, bodyMax: number): { readonly value: string; readonly clipped: boolean } {
  const citations = section.citations.map((c) => citationLine(c, withLinks)).join('\n');
  const room = DISCORD_LIMITS.fieldValue - (citations.length > 0 ? citations.length + 1 : 0);
  const full = toMarkdown(section.body, section.highlights);
  const body = clip(full, Math.max(0, Math.min(room, bodyMax)));
  const value = [body, citations].filter((part) => part.length > 0).join('\n');
  return { value: clip(value, DISCORD_LIMITS.fieldValue) || EMPTY_FIELD, clipped: body !== full };
}

function sectionField(section: ReplySection, bodyMax: number): APIEmbedField {
  const name = clip(escapeDiscordText(section.heading.trim()), DISCORD_LIMITS.fieldName) || EMPTY_FIELD;
  const linked = fieldValue(section, true, bodyMax);
  // Long urls take room from the text: rather than cut the text, keep the citation without its link.
  const value = linked.clipped ? fieldValue(section, false, bodyMax).value : linked.value;
  return { name, value };
}

/** Characters Discord counts toward the 6000 of an embed. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0)
  );
}

function pageButtons(page: number, pages: number, pageId: PageButtonId): APIActionRowComponent<APIButtonComponentWithCustomId> {
  const button = (target: number, label: string, disabled: boolean): APIButtonComponentWithCustomId => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    custom_id: pageId(target),
    label,
    disabled,
  });
  return {
    type: ComponentType.ActionRow,
    components: [button(Math.max(0, page - 1), '◀', page === 0), button(Math.min(pages - 1, page + 1), '▶', page === pages - 1)],
  };
}

/**
 * The message for page `page` (0-based, clamped) of a reply.
 *
 * @example
 * const msg = renderReply(reply, 0, (p) => encodePageId({ command: 'actor', page: p, askerId, options }, store));
 * await interaction.reply({ ...msg, flags });
 */
export function renderReply(reply: Reply, page: number, pageId?: PageButtonId): RenderedMessage {
  const pageCount = Math.max(1, reply.pages.length);
  const index = Math.min(Math.max(0, Math.trunc(page)), pageCount - 1);
  const current = reply.pages[index] ?? { sections: [] };
  const footerParts = [
    // Discord shows a footer as plain text (no Markdown, no mentions): it is placed as written.
    reply.footer,
    pageCount > 1 ? message(reply.locale, 'page', { page: index + 1, pages: pageCount }) : undefined,
  ].filter((p): p is string => p !== undefined && p !== '');
  const suggestions =
    index === 0 && reply.suggestions.length > 0
      ? [
          {
            name: message(reply.locale, 'suggestions'),
            value: reply.suggestions.map((s) => `${escapeDiscordText(s.label)} · \`${s.command.replace(/`/g, "'")}\``).join('\n'),
          },
        ]
      : [];

  const build = (bodyMax: number = DISCORD_LIMITS.fieldValue): APIEmbed => {
    const fields = [
      ...current.sections.map((s) => sectionField(s, bodyMax)),
      ...suggestions.map((f) => ({ name: f.name, value: clip(f.value, DISCORD_LIMITS.fieldValue) })),
    ].slice(0, DISCORD_LIMITS.embedFields);
    const embed: APIEmbed = {
      title: clip(escapeDiscordText(reply.title), DISCORD_LIMITS.embedTitle),
      color: STATUS_COLORS[reply.status],
      ...(current.intro !== undefined && current.intro !== ''
        ? { description: clip(escapeDiscordText(current.intro), DISCORD_LIMITS.embedDescription) }
        : {}),
      ...(fields.length > 0 ? { fields } : {}),
      ...(footerParts.length > 0 ? { footer: { text: clip(footerParts.join(' · '), DISCORD_LIMITS.footer) } } : {}),
    };
    if (embed.description === undefined && fields.length === 0) embed.description = message(reply.locale, 'emptyAnswer');
    return embed;
  };

  let embed = build();
  // The core keeps pages well under 6000; escaping or long links could still tip one over.
  for (let bodyMax = 600; embedLength(embed) > DISCORD_LIMITS.embedTotal && bodyMax >= 50; bodyMax -= 100) embed = build(bodyMax);
  if (embedLength(embed) > DISCORD_LIMITS.embedTotal && embed.description !== undefined) {
    embed = {
      ...embed,
      description: clip(embed.description, Math.max(1, embed.description.length - (embedLength(embed) - DISCORD_LIMITS.embedTotal))),
    };
  }

  return {
    embeds: [embed],
    components: pageCount > 1 && pageId !== undefined ? [pageButtons(index, pageCount, pageId)] : [],
    allowedMentions: NO_MENTIONS,
    ...(reply.private === true ? { ephemeral: true as const } : {}),
  };
}

/** A short private note (precondition failures, errors): plain text, no embed, no buttons. */
export function renderNote(text: string): RenderedMessage {
  return { content: clip(text, DISCORD_LIMITS.content), embeds: [], components: [], allowedMentions: NO_MENTIONS };
}

/** An embed the edge builds itself (kb status, reload results), held to the same limits. */
export function renderPanel(panel: {
  readonly title: string;
  readonly description?: string;
  readonly fields?: readonly { name: string; value: string; inline?: boolean }[];
  readonly ok: boolean;
}): RenderedMessage {
  const fields = (panel.fields ?? []).slice(0, DISCORD_LIMITS.embedFields).map((f) => ({
    name: clip(f.name, DISCORD_LIMITS.fieldName) || EMPTY_FIELD,
    value: clip(f.value, DISCORD_LIMITS.fieldValue) || EMPTY_FIELD,
    ...(f.inline ? { inline: true } : {}),
  }));
  const embed: APIEmbed = {
    title: clip(panel.title, DISCORD_LIMITS.embedTitle),
    color: panel.ok ? STATUS_COLORS.ok : STATUS_COLORS['invalid-input'],
    ...(panel.description !== undefined ? { description: clip(panel.description, DISCORD_LIMITS.embedDescription) } : {}),
    ...(fields.length > 0 ? { fields } : {}),
  };
  return { embeds: [embed], components: [], allowedMentions: NO_MENTIONS };
}
