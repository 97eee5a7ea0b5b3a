import { beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../src/answers/index.js';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import type { Reply } from '../../src/answers/reply.js';
import { knowledge } from '../support/knowledge.js';
import { highlighted } from '../../src/console/render.js';

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await knowledge();
});

const first = (reply: Reply) => reply.pages[0]?.sections[0];

describe('/search on the seed article', () => {
  it('finds the ceasefire passage in Indonesian, in English and with a typo, highlighting the words', () => {
    for (const query of ['gencatan senjata', 'ceasefire', 'gencatn senjata']) {
      const reply = answer(kb, 'search', { query }, 'en');
      expect(first(reply)?.citations[0]?.passageId).toBe('nagorno-karabakh-2020#7');
      const section = first(reply);
      expect(highlighted(section?.body ?? '', section?.highlights)).toContain('**gencatan senjata**');
    }
  });

  it('limits results to an actor when asked', () => {
    const reply = answer(kb, 'search', { query: 'pasukan', actor: 'turki' }, 'id');
    const ids = reply.pages.flatMap((p) => p.sections.map((s) => s.citations[0]?.passageId));
    expect(ids).toEqual(['nagorno-karabakh-2020#10']);
    expect(reply.title).toContain('Turki');
  });

  it('says nothing was found, and suggests /actor when the query is an actor name', () => {
    const reply = answer(kb, 'search', { query: 'xylophone' }, 'en');
    expect(reply.status).toBe('not-found');
    const unknownActor = answer(kb, 'search', { query: 'perang', actor: 'zzz' }, 'en');
    expect(unknownActor.status).toBe('not-found');
  });
});

describe('/source', () => {
  it('shows a passage in full with its exact citation', () => {
    const reply = answer(kb, 'source', { id: 'nagorno-karabakh-2020#7' }, 'en');
    const passage = kb.passageById.get('nagorno-karabakh-2020#7');
    expect(reply.status).toBe('ok');
    // Exactly the source's characters: no escapes in the core.
    expect(first(reply)?.body).toBe(passage?.text);
    expect(reply.pages[0]?.intro).toContain(`characters ${passage?.start}–${passage?.end}`);
  });

  it('shows a source overview for a source id and suggests close ids for a typo', () => {
    expect(answer(kb, 'source', { id: 'nagorno-karabakh-2020' }, 'id').title).toBe('Sumber nagorno-karabakh-2020');
    const typo = answer(kb, 'source', { id: 'nagorno-karabah-2020#7' }, 'en');
    expect(typo.status).toBe('not-found');
    expect(typo.suggestions.map((s) => s.command)).toContain('/source nagorno-karabakh-2020#7');
  });
});

describe('/help', () => {
  it('lists every command in the asked language, with examples from the knowledge', () => {
    const reply = answer(kb, 'help', {}, 'id');
    expect(reply.pages).toHaveLength(1);
    expect(reply.pages[0]?.sections.map((s) => s.heading)).toEqual(['/actor', '/quote', '/scenario', '/search', '/source', '/help']);
    expect(reply.pages[0]?.sections[1]?.body).toContain('/quote aliyev');
  });
});
