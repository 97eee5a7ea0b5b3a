import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/knowledge-base.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BUNDLED_KNOWLEDGE = path.join(ROOT, 'knowledge');
export const FIXTURES = path.join(ROOT, 'tests', 'fixtures');
/** A fixture copy of the bundled folder: what tests about the seed article read, whatever a teacher does to `knowledge/`. */
export const SEED_KNOWLEDGE = path.join(FIXTURES, 'knowledge', 'seed');

const cache = new Map<string, Promise<KnowledgeBase>>();

/** The knowledge base of a folder, loaded once per test file (without touching its saved index). */
export function knowledge(dir = SEED_KNOWLEDGE): Promise<KnowledgeBase> {
  let kb = cache.get(dir);
  if (!kb) {
    kb = loadKnowledgeBase(dir, { useSavedIndex: false }).then((r) => {
      if (!r.ok) throw new Error(`fixture knowledge ${dir} does not load: ${JSON.stringify(r.problems)}`);
      return r.kb;
    });
    cache.set(dir, kb);
  }
  return kb;
}
