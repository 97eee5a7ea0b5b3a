/**
 * What moderators see for `/kb status` and `/kb reload`. Pure: holder state in, message out.
 */
import { time, TimestampStyles } from 'discord.js';
import { formatProblem } from '../knowledge/knowledge-base.js';
import type { LeftOut, Locale, Problem } from '../knowledge/model.js';
import { DISCORD_LIMITS } from '../answers/reply.js';
import type { KnowledgeHolder, ReloadOutcome } from '../knowledge/knowledge-holder.js';
import { eventLoop } from './event-loop.js';
import { message } from './messages.js';
import { escapeDiscordText, renderPanel, type RenderedMessage } from './render.js';

const MAX_PROBLEM_LINES = 15;

/** `file:line: message` lines in a code block, as many as fit, then how many more there are. */
export function problemList(problems: readonly Problem[], locale: Locale, max: number = DISCORD_LIMITS.embedDescription - 600): string {
  const lines: string[] = [];
  let size = 8;
  for (const problem of problems.slice(0, MAX_PROBLEM_LINES)) {
    // A backtick in a file name or message must not close the code block.
    const line = formatProblem(problem).replace(/`/g, "'").slice(0, 300);
    if (size + line.length + 1 > max) break;
    lines.push(line);
    size += line.length + 1;
  }
  const more = problems.length - lines.length;
  return ['```', ...lines, '```', ...(more > 0 ? [message(locale, 'moreProblems', { count: more })] : [])].join('\n');
}

/** How long the bot's event loop was held up: what a moderator checks when answers feel slow. */
function eventLoopLine(locale: Locale): string {
  const delay = eventLoop().delay();
  return message(locale, 'statusEventLoopValue', { p50: delay.p50Ms, p99: delay.p99Ms, max: delay.maxMs, seconds: delay.windowSeconds });
}

export function renderKbStatus(holder: KnowledgeHolder, locale: Locale): RenderedMessage {
  const kb = holder.current;
  const last = holder.lastReload;
  const when = (date: Date) => time(date, TimestampStyles.RelativeTime);
  const lastText =
    last === null
      ? message(locale, 'statusNoReload')
      : last.ok
        ? message(locale, 'statusReloadOk', { when: when(last.at) })
        : message(locale, 'statusReloadFailed', { when: when(last.at), count: last.problems.length, loaded: when(last.servingSince) });
  const problems = last !== null && !last.ok ? last.problems : kb.problems;
  return renderPanel({
    title: message(locale, 'statusTitle'),
    ok: last === null || last.ok,
    fields: [
      { name: message(locale, 'statusSources'), value: String(kb.stats.sources), inline: true },
      { name: message(locale, 'statusPassages'), value: String(kb.stats.passages), inline: true },
      { name: message(locale, 'statusActors'), value: String(kb.stats.actors), inline: true },
      { name: message(locale, 'statusQuotes'), value: String(kb.stats.quotes), inline: true },
      { name: message(locale, 'statusScenarios'), value: String(kb.stats.scenarios), inline: true },
      { name: message(locale, 'statusWatching'), value: message(locale, holder.watching ? 'yes' : 'no'), inline: true },
      { name: message(locale, 'statusEventLoop'), value: eventLoopLine(locale) },
      { name: message(locale, 'statusLoaded'), value: `${when(kb.loadedAt)} (${escapeDiscordText(kb.dir)})` },
      { name: message(locale, 'statusLastReload'), value: lastText },
      {
        name: message(locale, 'statusProblems'),
        value: problems.length === 0 ? message(locale, 'statusNoProblems') : problemList(problems, locale, DISCORD_LIMITS.fieldValue - 120),
      },
      ...(kb.leftOut.length > 0 ? [{ name: message(locale, 'statusLeftOut'), value: leftOutList(kb.leftOut, locale) }] : []),
    ],
  });
}

/** The curated texts students do not see because their evidence does not hold, one line each, in a code block. */
export function leftOutList(leftOut: readonly LeftOut[], locale: Locale, max: number = DISCORD_LIMITS.fieldValue - 120): string {
  const lines: string[] = [];
  let size = 8;
  for (const l of leftOut.slice(0, MAX_PROBLEM_LINES)) {
    const what = message(locale, l.part === 'description' ? 'statusLeftOutDescription' : 'statusLeftOutPosition', { actor: l.actorId });
    const text = l.text.length > 60 ? `${l.text.slice(0, 59)}…` : l.text;
    const line = `${l.file}:${l.line}: ${what}: ${text}`.replace(/`/g, "'");
    if (size + line.length + 1 > max) break;
    lines.push(line);
    size += line.length + 1;
  }
  const more = leftOut.length - lines.length;
  return ['```', ...lines, '```', ...(more > 0 ? [message(locale, 'moreProblems', { count: more })] : [])].join('\n');
}

export function renderReloadOutcome(outcome: ReloadOutcome, locale: Locale): RenderedMessage {
  if (outcome.ok) {
    const s = outcome.stats;
    return renderPanel({
      title: message(locale, 'reloadOkTitle'),
      ok: true,
      description: message(locale, 'reloadOk', {
        sources: s.sources,
        passages: s.passages,
        actors: s.actors,
        quotes: s.quotes,
        scenarios: s.scenarios,
        ms: Math.round(s.buildMs),
      }),
      fields:
        outcome.warnings.length > 0
          ? [{ name: message(locale, 'reloadWarnings'), value: problemList(outcome.warnings, locale, DISCORD_LIMITS.fieldValue - 120) }]
          : [],
    });
  }
  return renderPanel({
    title: message(locale, 'reloadFailedTitle'),
    ok: false,
    description: `${message(locale, 'reloadFailed')}\n${problemList(outcome.problems, locale)}`,
  });
}
