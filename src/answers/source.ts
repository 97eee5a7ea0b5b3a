/**
 * `/source id`: one passage in full with its exact citation, or a source's overview.
 */
import { t } from '../i18n.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Locale, Passage, Source } from '../knowledge/model.js';
import type { Reply } from './reply.js';
import { editDistance, foldText } from '../text.js';
import { cite, cleanInput, echo, invalidInput, reply } from './common.js';
import { quotePieces } from './quote.js';

function metaParts(source: Source | undefined): { title: string; publisher: string; published: string } {
  return {
    title: source?.title ?? '',
    publisher: source?.publisher ? `, ${source.publisher}` : '',
    published: source?.published ? ` (${source.published})` : '',
  };
}

function showPassage(kb: KnowledgeBase, passage: Passage, locale: Locale): Reply {
  const source = kb.sourceById.get(passage.sourceId);
  const citation = cite(kb, passage);
  const pieces = quotePieces(passage.text);
  return reply({
    status: 'ok',
    locale,
    command: 'source',
    title: t(locale, 'source.title', { passageId: passage.id }),
    intro:
      t(locale, 'source.meta', {
        ...metaParts(source),
        paragraph: passage.paragraph,
        line: passage.line,
        start: passage.start,
        end: passage.end,
      }) + (source?.url ? `\n${source.url}` : ''),
    // The whole passage, never cut: in as many sections as it needs.
    sections: pieces.map((piece, i) => ({
      heading: pieces.length > 1 ? `${t(locale, 'source.text')} ${i + 1}/${pieces.length}` : t(locale, 'source.text'),
      body: piece,
      citations: [citation],
    })),
  });
}

function showSource(kb: KnowledgeBase, source: Source, locale: Locale): Reply {
  const passages = kb.passages.filter((p) => p.sourceId === source.id);
  return reply({
    status: 'ok',
    locale,
    command: 'source',
    title: t(locale, 'source.sourceTitle', { sourceId: source.id }),
    intro:
      t(locale, 'source.sourceMeta', { ...metaParts(source), passages: passages.length, example: passages[0]?.id ?? `${source.id}#1` }) +
      (source.url ? `\n${source.url}` : ''),
  });
}

/** Passage and source ids closest to what was typed. */
export function closestIds(kb: KnowledgeBase, query: string, max = 5): string[] {
  const q = foldText(query);
  const ids = [...kb.sources.map((s) => s.id), ...kb.passages.map((p) => p.id)];
  return ids
    .map((id) => ({ id, d: id.startsWith(q) ? 0 : editDistance(q, id, 4) }))
    .filter((x) => x.d <= 4)
    .sort((a, b) => a.d - b.d || a.id.length - b.id.length)
    .slice(0, max)
    .map((x) => x.id);
}

/** `/source id`: a passage id (`source#5`), or a source id for its overview. */
export function answerSource(kb: KnowledgeBase, idInput: string | undefined, locale: Locale): Reply {
  const example = kb.passages[0]?.id ?? 'source#1';
  const input = cleanInput(idInput);
  if (!input.ok) return invalidInput('source', locale, input, `/source ${example}`, idInput);
  const id = foldText(input.text).replace(/\s+/g, '');
  const passage = kb.passageById.get(id) ?? kb.passageById.get(`${id}.1`);
  if (passage) return showPassage(kb, passage, locale);
  const source = kb.sourceById.get(id);
  if (source) return showSource(kb, source, locale);
  const close = closestIds(kb, id);
  return reply({
    status: 'not-found',
    locale,
    command: 'source',
    title: t(locale, 'source.unknown.title', { query: echo(input.text) }),
    intro: t(locale, 'source.unknown.intro', { example }),
    suggestions: close.map((c) => ({ label: t(locale, 'suggest.source', { name: c }), command: `/source ${c}` })),
  });
}
