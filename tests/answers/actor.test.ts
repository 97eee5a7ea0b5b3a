import { beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../src/answers/index.js';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import type { Reply } from '../../src/answers/reply.js';
import path from 'node:path';
import { FIXTURES, knowledge } from '../support/knowledge.js';

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await knowledge();
});

const cited = (reply: Reply) => new Set(reply.pages.flatMap((p) => p.sections.flatMap((s) => s.citations.map((c) => c.passageId))));
const sections = (reply: Reply) => reply.pages.flatMap((p) => p.sections);

describe('/actor on the seed article', () => {
  it('answers /actor russia with every passage that names Russia, cited', () => {
    const reply = answer(kb, 'actor', { name: 'russia' }, 'en');
    expect(reply.status).toBe('ok');
    expect(reply.title).toContain('Russia');
    const namingRussia = kb.passages.filter((p) => /\bRusia\b/.test(p.text)).map((p) => p.id);
    expect(namingRussia.length).toBeGreaterThanOrEqual(5);
    for (const id of namingRussia) expect(cited(reply)).toContain(id);
    // Nothing about Russia is cited from a passage that does not name it, apart from curated positions.
    const evidence = sections(reply).filter((s) => s.heading !== 'Position');
    for (const s of evidence) for (const c of s.citations) expect(namingRussia).toContain(c.passageId);
  });

  it('resolves Rusia, rusia and RUSSIA to the same answer', () => {
    const base = JSON.stringify(answer(kb, 'actor', { name: 'russia' }, 'en').pages);
    for (const q of ['Rusia', 'rusia', 'RUSSIA', 'russsia'])
      expect(JSON.stringify(answer(kb, 'actor', { name: q }, 'en').pages)).toBe(base);
  });

  it('puts the curated positions first, in the asked language', () => {
    const en = answer(kb, 'actor', { name: 'russia' }, 'en');
    const id = answer(kb, 'actor', { name: 'russia' }, 'id');
    expect(
      sections(en)
        .map((s) => s.heading)
        .slice(0, 4),
    ).toEqual(['About', 'Position', 'Position', 'Position']);
    expect(
      sections(id)
        .map((s) => s.heading)
        .slice(0, 4),
    ).toEqual(['Tentang', 'Sikap', 'Sikap', 'Sikap']);
    expect(sections(id)[1]?.body).toContain('Kecil kemungkinannya');
  });

  it('shows Aliyev with his two quotes, verbatim', () => {
    const reply = answer(kb, 'actor', { name: 'aliyev' }, 'en');
    const quotes = sections(reply).filter((s) => s.heading.startsWith('Quote of'));
    expect(quotes).toHaveLength(2);
    expect(quotes[0]?.body).toContain('Kita harus memulihkan keadilan historis');
  });

  it('counts Aliyev’s quotes for Azerbaijan, the actor he speaks for', () => {
    const reply = answer(kb, 'actor', { name: 'azerbaijan' }, 'en');
    expect(sections(reply).filter((s) => s.heading.startsWith('Quote of Ilham Aliyev'))).toHaveLength(2);
  });

  it('finds NATO and, from "as", the United States (AS) in passage 7', () => {
    for (const name of ['nato', 'as', 'Amerika Serikat', 'united states']) {
      const reply = answer(kb, 'actor', { name }, 'id');
      expect(reply.status).toBe('ok');
      expect(cited(reply)).toContain('nagorno-karabakh-2020#7');
    }
  });

  it('answers a name that is in the text but not in the registry with its passages, marked as such', () => {
    const reply = answer(kb, 'actor', { name: 'Ukraina' }, 'en');
    expect(reply.status).toBe('ok');
    expect(reply.title).toContain('not in the actor list');
    expect(cited(reply)).toEqual(new Set(['nagorno-karabakh-2020#13']));
  });

  it('answers an unknown name with the closest actors', () => {
    const reply = answer(kb, 'actor', { name: 'azerbaijanistan' }, 'en');
    expect(reply.status).toBe('not-found');
    expect(reply.suggestions.map((s) => s.command)).toContain('/actor azerbaijan');
  });
});

describe('/actor: the first page answers "what does this actor do and say"', () => {
  it('shows ¶8, the passage saying what Russia is to Armenia, on the first page: cited by its description and in full', () => {
    const first = answer(kb, 'actor', { name: 'russia' }, 'en').pages[0]?.sections ?? [];
    expect(first[0]).toMatchObject({ heading: 'About', body: "Long the guarantor of Armenia's sovereignty, according to the article." });
    expect(first[0]?.citations.map((c) => c.passageId)).toEqual(['nagorno-karabakh-2020#8']);
    expect(first.some((s) => s.heading === 'Described' && s.citations[0]?.passageId === 'nagorno-karabakh-2020#8')).toBe(true);
  });

  it('puts what the actor does and says before passages that only mention it (after those its description cites)', () => {
    const describing = new Set(kb.actorById.get('armenia')?.descriptionEvidence);
    const headings = sections(answer(kb, 'actor', { name: 'armenia' }, 'en'))
      .filter((s) => s.heading === 'Acts' || s.heading === 'Mentioned')
      .filter((s) => !describing.has(s.citations[0]?.passageId ?? ''))
      .map((s) => s.heading);
    const lastActs = headings.lastIndexOf('Acts');
    const firstMention = headings.indexOf('Mentioned');
    expect(lastActs).toBeGreaterThan(0);
    expect(firstMention === -1 || firstMention > lastActs).toBe(true);
  });
});

describe('/actor never shows a curated text as if it were sourced', () => {
  it('leaves out a position whose evidence does not hold (tests/fixtures/knowledge/bad-evidence)', async () => {
    const bad = await knowledge(path.join(FIXTURES, 'knowledge', 'bad-evidence'));
    const headings = sections(answer(bad, 'actor', { name: 'armenia' }, 'en')).map((s) => s.heading);
    expect(headings).not.toContain('Position');
    expect(headings.length).toBeGreaterThan(0);
  });
});
