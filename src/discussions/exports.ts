/**
 * The teacher's private exports of a recap: Markdown to read and keep, CSV (one row per student)
 * for a gradebook. Each student's stance appears only when the teacher asks for names.
 */
import { citationLabel } from '../answers/reply.js';
import { cite } from '../answers/common.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Locale } from '../knowledge/model.js';
import { stanceOf } from './discussion.js';
import { dt } from './messages.js';
import type { StancePhase } from './model.js';
import { actorLabel } from './prompt.js';
import { formatTime, type RecapData } from './recap.js';

export type ExportOptions = {
  readonly locale: Locale;
  /** Add each student's stance before and after (only the teacher ever receives an export). */
  readonly withNames: boolean;
};

/** Markdown table cell: one line, no pipe that would end the cell. */
function cell(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
}

function optionLabel(data: RecapData, key: string | undefined, locale: Locale): string {
  if (key === undefined) return '';
  return data.record.discussion.stanceOptions.find((o) => o.key === key)?.label[locale] ?? key;
}

function stance(data: RecapData, userId: string, phase: StancePhase, locale: Locale): string {
  return optionLabel(data, stanceOf(data.record.stances, userId, phase), locale);
}

export function exportMarkdown(kb: KnowledgeBase, data: RecapData, options: ExportOptions): string {
  const { locale, withNames } = options;
  const { discussion, claims } = data.record;
  const scenario = kb.scenarios.find((s) => s.id === discussion.scenarioId);
  const head = [dt(locale, 'export.student'), dt(locale, 'export.actor'), dt(locale, 'export.messages'), dt(locale, 'export.claims')];
  if (withNames) head.push(dt(locale, 'export.stanceBefore'), dt(locale, 'export.stanceAfter'));
  const rows = data.contributions.map((c) => {
    const row = [c.displayName, c.actorId !== null ? actorLabel(kb, c.actorId, locale) : '', String(c.messages), String(c.claims)];
    if (withNames) row.push(stance(data, c.userId, 'before', locale), stance(data, c.userId, 'after', locale));
    return `| ${row.map(cell).join(' | ')} |`;
  });
  const lines = [
    `# ${dt(locale, 'export.heading')}: ${scenario?.title[locale] ?? discussion.scenarioId}`,
    '',
    `- ${dt(locale, 'export.scenario')}: ${discussion.scenarioId}`,
    `- ${dt(locale, 'export.question')}: ${cell(discussion.question)}`,
    `- ${dt(locale, 'export.started')}: ${formatTime(discussion.startedAt)}`,
    `- ${dt(locale, 'export.ended')}: ${formatTime(discussion.endedAt)}`,
    '',
    `## ${dt(locale, 'export.participants')}`,
    '',
    `| ${head.map(cell).join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows,
    '',
    withNames ? `_${dt(locale, 'export.names')}_` : `_${dt(locale, 'export.noNames')}_`,
    '',
    `## ${dt(locale, 'export.stances')}`,
    '',
    `| ${dt(locale, 'export.option')} | ${dt(locale, 'export.before')} | ${dt(locale, 'export.after')} |`,
    '| --- | --- | --- |',
    ...data.stanceCounts.map((s) => `| ${cell(s.option.label[locale])} | ${s.before} | ${s.after} |`),
    '',
    `## ${dt(locale, 'export.claimList')}`,
    '',
    ...(claims.length === 0 ? [dt(locale, 'recap.noClaims')] : []),
    ...claims.flatMap((c, i) => {
      const passage = kb.passageById.get(c.passageId);
      const actor = c.actorId !== null ? ` (${actorLabel(kb, c.actorId, locale)})` : '';
      return [
        `${i + 1}. **${cell(c.displayName)}${actor}**, ${formatTime(c.createdAt)}: ${cell(c.text)}`,
        `   - ${dt(locale, 'export.passage')}: ${passage ? citationLabel(cite(kb, passage)) : c.passageId}`,
        ...(passage ? [`   - > ${cell(passage.text)}`] : []),
      ];
    }),
    '',
  ];
  return lines.join('\n');
}

/** A CSV field: quoted when needed, and never read as a formula by a spreadsheet. */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One row per student: id, name, actor, messages, claims (and stances, when asked). */
export function exportCsv(kb: KnowledgeBase, data: RecapData, options: ExportOptions): string {
  const { locale, withNames } = options;
  const head = ['user_id', 'name', 'actor_id', 'actor', 'messages', 'claims', ...(withNames ? ['stance_before', 'stance_after'] : [])];
  const rows = data.contributions.map((c) => [
    c.userId,
    c.displayName,
    c.actorId ?? '',
    c.actorId !== null ? actorLabel(kb, c.actorId, locale) : '',
    c.messages,
    c.claims,
    ...(withNames ? [stance(data, c.userId, 'before', locale), stance(data, c.userId, 'after', locale)] : []),
  ]);
  return [head, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** File names for the exports: the scenario and the discussion's number. */
export function exportFileName(data: RecapData, extension: 'md' | 'csv'): string {
  return `discussion-${data.record.discussion.id}-${data.record.discussion.scenarioId}.${extension}`;
}
