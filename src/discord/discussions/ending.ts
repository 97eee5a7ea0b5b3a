/**
 * How a discussion ends on Discord: `/discuss end` posts the recap in the thread (its chart
 * uploaded with it) and hands the teacher the exports; `/discuss status` lists what is open.
 */
import { ButtonStyle, type ChatInputCommandInteraction } from 'discord.js';
import type { Locale } from '../../knowledge/model.js';
import { renderStanceChart } from '../../discussions/chart.js';
import { exportCsv, exportFileName, exportMarkdown } from '../../discussions/exports.js';
import { studentMark } from '../../discussions/marks.js';
import { dt } from '../../discussions/messages.js';
import type { Discussion } from '../../discussions/model.js';
import { buildRecap, formatTime, recapData } from '../../discussions/recap.js';
import { truncate } from '../../text.js';
import { renderReply } from '../render.js';
import { note, type DiscussionAnswer } from './commands.js';
import { button, row, withMentions, type DiscussionEdge, type UploadFile } from './edge.js';

/**
 * Posts the recap in the thread (the chart attached, as multipart/form-data) and returns the
 * teacher's exports. Used by `/discuss end`, the first time and again for the updated chart.
 */
async function postRecap(edge: DiscussionEdge, discussion: Discussion, withNames: boolean, teacherLocale: Locale): Promise<UploadFile[]> {
  const kb = edge.knowledge.current;
  const record = edge.store.record(discussion.id);
  if (!record) throw new Error(`discussion ${discussion.id} has no record`);
  const data = recapData(record);
  const recap = buildRecap(kb, data, discussion.locale, (c) => studentMark(c.userId));
  const png = renderStanceChart(data.stanceCounts, discussion.question, discussion.locale);
  const chartName = `stance-chart-${discussion.id}.png`;
  const pages = recap.pages.map((_, page) => withMentions(renderReply(recap, page)));
  const [first, ...rest] = pages;
  if (first) {
    const embed = { ...first.embeds[0], image: { url: `attachment://${chartName}` } };
    const id = await edge.post(
      discussion.threadId,
      {
        ...first,
        embeds: [embed],
        components: [
          row(
            button(
              edge.customId({ kind: 'stance', discussionId: discussion.id, phase: 'after' }),
              dt(discussion.locale, 'button.stanceAfter'),
              ButtonStyle.Primary,
            ),
          ),
        ],
      },
      [{ name: chartName, data: png, contentType: 'image/png' }],
    );
    edge.store.setRecapMessage(discussion.id, id);
  }
  for (const page of rest) await edge.post(discussion.threadId, page);
  const options = { locale: teacherLocale, withNames };
  return [
    {
      name: exportFileName(data, 'md'),
      data: Buffer.from(exportMarkdown(kb, data, options), 'utf8'),
      contentType: 'text/markdown; charset=utf-8',
    },
    {
      name: exportFileName(data, 'csv'),
      data: Buffer.from(`\ufeff${exportCsv(kb, data, options)}`, 'utf8'),
      contentType: 'text/csv; charset=utf-8',
    },
    { name: chartName, data: png, contentType: 'image/png' },
  ];
}

/** `/discuss end [names]`: closes the thread's discussion and posts the recap; again on a closed one. */
export async function endDiscussion(
  edge: DiscussionEdge,
  interaction: ChatInputCommandInteraction,
  locale: Locale,
): Promise<DiscussionAnswer> {
  const withNames = interaction.options.getBoolean('names') ?? false;
  const latest = edge.store.latestInThread(interaction.channelId);
  if (!latest) return note(dt(locale, 'note.noDiscussionYet'));
  let discussion = latest;
  let again = true;
  if (latest.status === 'open') {
    const ended = edge.store.end(latest.id, edge.now());
    if (ended.ok) {
      discussion = ended.discussion;
      again = false;
    }
  }
  const files = await postRecap(edge, discussion, withNames, locale);
  const names = withNames ? dt(locale, 'note.withNames') : '';
  return {
    kind: 'message',
    message: {
      content: dt(locale, again ? 'note.endedAgain' : 'note.ended', { names }),
      embeds: [],
      components: [],
      allowedMentions: { parse: [] },
    },
    files,
  };
}

/** `/discuss status`: the server's open discussions, with counts (never who chose what). */
export function discussionStatus(edge: DiscussionEdge, interaction: ChatInputCommandInteraction, locale: Locale): DiscussionAnswer {
  const open = edge.store.openInGuild(interaction.guildId ?? '');
  const lines = open.slice(0, 20).map((d) => {
    const record = edge.store.record(d.id);
    return dt(locale, 'status.line', {
      thread: d.threadId,
      scenario: d.scenarioId,
      since: formatTime(d.startedAt),
      joined: record?.participants.length ?? 0,
      checkins: record?.stances.filter((s) => s.phase === 'before').length ?? 0,
      claims: record?.claims.length ?? 0,
    });
  });
  return {
    kind: 'message',
    message: {
      embeds: [
        {
          title: dt(locale, 'status.title'),
          description: truncate(lines.length > 0 ? lines.join('\n') : dt(locale, 'status.none'), 4000),
          color: 0x0072b2,
        },
      ],
      components: [],
      allowedMentions: { parse: [] },
    },
  };
}
