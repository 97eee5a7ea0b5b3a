/**
 * A generated knowledge folder of a given size (scripts/corpus.ts: news-like paragraphs, actors,
 * quotes), in a temporary directory: the "large folder" of the load tests and benchmarks.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateCorpus } from '../../scripts/corpus.js';

export function writeLargeKnowledge(passages: number, seed = 42): { dir: string; remove: () => void; firstSource: string } {
  const corpus = generateCorpus(passages, seed);
  const dir = mkdtempSync(path.join(tmpdir(), 'sumber-large-'));
  mkdirSync(path.join(dir, 'sources'));
  for (const s of corpus.sources) writeFileSync(path.join(dir, 'sources', `${s.id}.md`), s.text);
  writeFileSync(path.join(dir, 'actors.yaml'), corpus.actorsYaml);
  writeFileSync(path.join(dir, 'glossary.yaml'), corpus.glossaryYaml);
  const first = corpus.sources[0];
  if (!first) throw new Error('empty corpus');
  return { dir, firstSource: path.join(dir, 'sources', `${first.id}.md`), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
