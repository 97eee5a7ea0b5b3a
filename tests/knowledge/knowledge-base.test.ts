import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildKnowledgeBase, formatProblem, loadKnowledgeBase, sourceIdOf } from '../../src/knowledge/knowledge-base.js';
import { BUNDLED_KNOWLEDGE, FIXTURES, knowledge } from '../support/knowledge.js';

const fixture = (name: string) => path.join(FIXTURES, 'knowledge', name);
// sha256 of ../shared/seeds/000_ff041fdcc3614ce2.txt, the article as it was handed to us.
const SEED_SHA256 = '0e1c8dae6aba82ef03c38466b9c27d924559955340e6a71173539aa0c89c9618';

describe('the bundled knowledge', () => {
  it('holds the seed article character for character after its front matter', async () => {
    const kb = await knowledge();
    const source = kb.sourceById.get('nagorno-karabakh-2020');
    const body = source?.content.slice(source.bodyStart) ?? '';
    expect(createHash('sha256').update(body, 'utf8').digest('hex')).toBe(SEED_SHA256);
    const file = await readFile(path.join(BUNDLED_KNOWLEDGE, 'sources', 'nagorno-karabakh-2020.md'), 'utf8');
    expect(file.endsWith(body)).toBe(true);
  });

  it('loads with no problems at all', async () => {
    const result = await loadKnowledgeBase(BUNDLED_KNOWLEDGE, { useSavedIndex: false });
    expect(result.ok && result.warnings.map(formatProblem)).toEqual([]);
  });

  it('splits the seed into its 14 lines as passages whose offsets point into the file', async () => {
    const kb = await knowledge();
    expect(kb.passages.map((p) => p.id)).toEqual(Array.from({ length: 14 }, (_, i) => `nagorno-karabakh-2020#${i + 1}`));
    for (const p of kb.passages) expect(kb.sourceById.get(p.sourceId)?.content.slice(p.start, p.end)).toBe(p.text);
  });

  it('finds the scenario statements of the seed (jika … akan, kemungkinan), not the heading of ¶12', async () => {
    const kb = await knowledge();
    // ¶12 "Lima Skenario Konflik Militer Nagorno-Karabakh" is a heading: it names a topic, it states no outcome.
    expect(new Set(kb.scenarioStatements.map((s) => s.passageId))).toEqual(
      new Set(['nagorno-karabakh-2020#9', 'nagorno-karabakh-2020#10', 'nagorno-karabakh-2020#13']),
    );
  });
});

describe('loadKnowledgeBase on a broken folder', () => {
  it('reports a missing folder', async () => {
    const result = await loadKnowledgeBase(fixture('does-not-exist'), { useSavedIndex: false });
    expect(!result.ok && result.problems[0]?.message).toMatch(/knowledge folder not found/);
  });

  it('reports a folder with no sources', async () => {
    const result = await loadKnowledgeBase(fixture('empty'), { useSavedIndex: false });
    expect(!result.ok && result.problems.map(formatProblem)).toEqual(['sources/: no sources: add at least one article as a .md or .txt file']);
  });

  it('reports malformed YAML at its file and line', async () => {
    const result = await loadKnowledgeBase(fixture('broken-yaml'), { useSavedIndex: false });
    expect(!result.ok && result.problems.map(formatProblem)[0]).toMatch(/^actors\.yaml:3: YAML: /);
  });

  it('refuses a binary file and a Word file in sources/, naming each', async () => {
    const result = await loadKnowledgeBase(fixture('binary-source'), { useSavedIndex: false });
    const lines = !result.ok ? result.problems.map(formatProblem) : [];
    expect(lines).toContainEqual(expect.stringMatching(/^sources\/article\.txt: this is a binary file/));
    expect(lines).toContainEqual(expect.stringMatching(/^sources\/article\.docx: not a source/));
  });

  it('reports evidence that does not exist or does not name the actor as errors, and leaves that position out', async () => {
    const result = await loadKnowledgeBase(fixture('bad-evidence'), { useSavedIndex: false });
    expect(result.ok && result.warnings.map(formatProblem)).toEqual([
      'actors.yaml:6: actor "armenia": evidence "a#2" does not mention this actor by any of its names',
      'actors.yaml:6: actor "armenia": evidence "a#9" is not a passage (ids look like <source id>#<paragraph>; see npm run kb -- passages)',
    ]);
    // The bot still serves the folder, but never shows the position as if it were sourced.
    const kb = result.ok ? result.kb : undefined;
    expect(kb?.actorById.get('armenia')?.positions).toEqual([]);
    expect(kb?.leftOut).toEqual([
      {
        file: 'actors.yaml',
        line: 6,
        actorId: 'armenia',
        part: 'position',
        text: 'Asked for help.',
        reason: 'evidence "a#2" does not mention this actor by any of its names',
      },
    ]);
  });

  it('leaves out a description whose evidence does not hold, or that cites nothing', async () => {
    const raw = {
      dir: '/k',
      fingerprint: '',
      problems: [],
      sources: [{ file: 'sources/s.md', text: '---\ntitle: S\nlanguage: id\n---\nRusia menjadi penjamin kedaulatan Armenia.\nTurki diam.\n' }],
      actors: {
        file: 'actors.yaml',
        text: [
          '- id: russia',
          '  names: { en: Russia, id: Rusia }',
          '  kind: state',
          '  description: { en: Guarantor of Armenia., id: Penjamin Armenia., evidence: [s#2] }',
          '- id: turkey',
          '  names: { en: Turkey, id: Turki }',
          '  kind: state',
          '  description: { en: Silent., id: Diam. }',
        ].join('\n'),
      },
    };
    const result = buildKnowledgeBase(raw as Parameters<typeof buildKnowledgeBase>[0]);
    expect(result.ok && result.warnings.map(formatProblem)).toEqual([
      'actors.yaml:4: actor "russia" description: evidence "s#2" does not mention this actor by any of its names',
      'actors.yaml:5: warning: actor "turkey": its description cites no passage: add "evidence: [passage ids]" under description (until then students do not see it)',
    ]);
    const kb = result.ok ? result.kb : undefined;
    expect(kb?.actorById.get('russia')?.description).toBeUndefined();
    expect(kb?.actorById.get('turkey')?.description).toBeUndefined();
    expect(kb?.leftOut.map((l) => [l.actorId, l.part, l.text])).toEqual([
      ['russia', 'description', 'Guarantor of Armenia.'],
      ['turkey', 'description', 'Silent.'],
    ]);
  });
});

describe('sourceIdOf', () => {
  it('lower-cases the file name and turns spaces into dashes', () => {
    expect(sourceIdOf('sources/Perang Karabakh.txt')).toBe('perang-karabakh');
    expect(sourceIdOf('sources/nagorno-karabakh-2020.md')).toBe('nagorno-karabakh-2020');
  });
});
