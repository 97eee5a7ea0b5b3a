/**
 * `/discuss preview scenario [question:…]` in the local console: the prompt a thread would open
 * with and an example recap, rendered as the console renders every reply. The other `/discuss`
 * subcommands need Discord (threads, buttons, students) and say so.
 */
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Locale } from '../knowledge/model.js';
import { previewDiscussion } from '../discussions/preview.js';
import { renderReply } from './render.js';

/** The console's text for a `/discuss` line, or undefined when the line is not one. */
export function discussLine(kb: KnowledgeBase, line: string, locale: Locale): string | undefined {
  const match = /^\/(?:discuss|diskusi)(?:\s+(\S+))?\s*(.*)$/i.exec(line.trim());
  if (!match) return undefined;
  const sub = (match[1] ?? '').toLowerCase();
  if (sub !== 'preview' && sub !== 'pratinjau') {
    return locale === 'id'
      ? 'Di konsol hanya ada /discuss preview skenario. Memulai, peran, dan mengakhiri diskusi berjalan di Discord (lihat docs/discussions.md).'
      : 'The console has /discuss preview scenario only. Starting, roles and ending a discussion happen on Discord (see docs/discussions.md).';
  }
  const rest = match[2] ?? '';
  const question = /(?:^|\s)(?:question|pertanyaan):(.*)$/i.exec(rest);
  const scenarioText = (question ? rest.slice(0, question.index) : rest).replace(/^(?:scenario|skenario):/i, '').trim();
  const preview = previewDiscussion(kb, scenarioText, question?.[1]?.trim(), locale);
  if (!preview.ok) {
    return locale === 'id'
      ? `Tidak ada skenario “${scenarioText.slice(0, 60)}”. Skenario: ${preview.known.join(', ')}.`
      : `There is no scenario “${scenarioText.slice(0, 60)}”. Scenarios: ${preview.known.join(', ')}.`;
  }
  const heading =
    locale === 'id' ? '— Rangkuman (contoh dengan tiga siswa rekaan) —' : '— Recap (an example with three imaginary students) —';
  return [renderReply(preview.prompt), '', heading, '', renderReply(preview.recap)].join('\n');
}
