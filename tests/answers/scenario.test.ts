import { beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../src/answers/index.js';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import type { Reply } from '../../src/answers/reply.js';
import { FIXTURES, knowledge } from '../support/knowledge.js';
import path from 'node:path';
import { highlighted } from '../../src/console/render.js';

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await knowledge();
});

const sections = (reply: Reply) => reply.pages.flatMap((p) => p.sections);

describe('/scenario', () => {
  it('lists the curated scenarios first; a heading such as ¶12 is not a stated outcome', () => {
    const reply = answer(kb, 'scenario', {}, 'en');
    const headings = sections(reply).map((s) => s.heading);
    expect(headings).toEqual(kb.scenarios.map((s) => expect.stringContaining(s.id)));
    // Every outcome the seed states (¶9, ¶10, ¶13) is cited by a curated scenario; ¶12 is a heading.
    expect(sections(reply).flatMap((s) => s.citations.map((c) => c.passageId))).not.toContain('nagorno-karabakh-2020#12');
  });

  it('lists every scenario involving an actor, not one silently chosen', () => {
    for (const q of ['rusia', 'Russia', 'russsia']) {
      const reply = answer(kb, 'scenario', { name: q }, 'en');
      expect(reply.title).toBe('Scenarios involving Russia');
      expect(sections(reply).map((s) => s.heading)).toEqual([
        'Russia stays out of the fighting in Karabakh · russia-stays-out',
        'Russia intervenes if Armenia itself is entered · russia-intervenes-if-armenia-entered',
      ]);
    }
    expect(answer(kb, 'scenario', { name: 'turki' }, 'id').title).toBe('Skenario yang melibatkan Turki');
  });

  it('finds a scenario by words of its title in either language, with a typo', () => {
    for (const q of ['russia-stays-out', 'Rusia tidak ikut campur', 'russia stays out', 'rusia stays ot']) {
      const reply = answer(kb, 'scenario', { name: q }, 'en');
      expect(reply.title).toBe('Russia stays out of the fighting in Karabakh');
    }
  });

  it('shows the conditional scenario with its passage, the if-then sentence in bold', () => {
    const reply = answer(kb, 'scenario', { name: 'russia intervenes' }, 'id');
    const [evidence] = sections(reply);
    expect(evidence?.citations[0]?.passageId).toBe('nagorno-karabakh-2020#10');
    expect(highlighted(evidence?.body ?? '', evidence?.highlights)).toMatch(/^\*\*Tapi jika/);
  });

  it('answers an unknown scenario with the list of known ones', () => {
    const reply = answer(kb, 'scenario', { name: 'alien invasion' }, 'en');
    expect(reply.status).toBe('not-found');
    expect(reply.suggestions.length).toBe(kb.scenarios.length);
  });

  it('answers from stated outcomes when a folder has no scenarios.yaml', async () => {
    const bare = await knowledge(path.join(FIXTURES, 'knowledge', 'no-curation'));
    const reply = answer(bare, 'scenario', {}, 'en');
    expect(reply.status).toBe('ok');
    expect(sections(reply).some((s) => /would/.test(s.body))).toBe(true);
  });
});
