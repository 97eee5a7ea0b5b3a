import { describe, expect, it } from 'vitest';
import { parseActors, parseGlossary, parseScenarios, parseSource } from '../../src/knowledge/knowledge-files.js';

describe('parseActors', () => {
  it('reads a valid actor with positions and keeps the evidence for later checks', () => {
    const yaml = [
      '- id: russia',
      '  names: { en: Russia, id: Rusia }',
      '  kind: state',
      '  positions:',
      '    - text: { en: Stays out., id: Tidak ikut campur. }',
      '      evidence: [src#9]',
    ].join('\n');
    const parsed = parseActors('actors.yaml', yaml);
    expect(parsed.problems).toEqual([]);
    expect(parsed.actors[0]).toMatchObject({ id: 'russia', names: { en: 'Russia', id: 'Rusia' }, kind: 'state', aliases: [] });
    expect(parsed.evidence).toEqual([
      {
        file: 'actors.yaml',
        line: 6,
        passageId: 'src#9',
        owner: 'actor "russia"',
        actorIds: ['russia'],
        backs: { actorId: 'russia', part: 'position', index: 0 },
      },
    ]);
  });

  it('reports a YAML syntax error with its line', () => {
    const parsed = parseActors('actors.yaml', '- id: a\n  names: { en: A, id: A\n  kind: state\n');
    expect(parsed.problems.length).toBeGreaterThan(0);
    expect(parsed.problems[0]).toMatchObject({ file: 'actors.yaml' });
    expect(parsed.problems[0]?.line).toBeGreaterThanOrEqual(2);
    expect(parsed.problems[0]?.message).toMatch(/^YAML: /);
  });

  it('reports missing fields, a bad kind, duplicate ids and unknown fields at their lines', () => {
    const yaml = [
      '- id: a', //1
      '  names: { en: A, id: A }',
      '  kind: country', //3
      '- id: b', //4
      '  kind: state',
      '- id: a', //6
      '  names: { en: A2, id: A2 }',
      '  kind: state',
      '- id: c', //9
      '  names: { en: C, id: C }',
      '  kind: state',
      '  alias: [See]', //12
    ].join('\n');
    const messages = parseActors('actors.yaml', yaml).problems.map((p) => `${p.line}: ${p.message}`);
    expect(messages).toContainEqual(expect.stringMatching(/^3: .*kind "country" must be one of/));
    expect(messages).toContainEqual(expect.stringMatching(/^4: actor "b": "names" is missing/));
    expect(messages).toContainEqual(expect.stringMatching(/^6: duplicate actor id "a" \(first at line 1\)/));
    expect(messages).toContainEqual(expect.stringMatching(/^12: .*unknown field "alias"/));
  });

  it('reports an affiliation to an actor that does not exist', () => {
    const parsed = parseActors('actors.yaml', '- id: p\n  names: { en: P, id: P }\n  kind: person\n  affiliation: nowhere\n');
    expect(parsed.problems.map((p) => p.line)).toEqual([4]);
  });

  it('rejects a file that is not a list', () => {
    expect(parseActors('actors.yaml', 'id: a\n').problems[0]?.message).toMatch(/expected a list of actors/);
  });
});

describe('parseScenarios', () => {
  it('reports an unknown actor id at its line', () => {
    const yaml = '- id: s\n  title: { en: T, id: T }\n  summary: { en: S, id: S }\n  actors: [a, ghost]\n  evidence: [x#1]\n';
    const parsed = parseScenarios('scenarios.yaml', yaml, new Set(['a']));
    expect(parsed.problems).toEqual([expect.objectContaining({ line: 4, message: expect.stringContaining('"ghost"') })]);
    expect(parsed.scenarios).toHaveLength(1);
  });
});

describe('parseGlossary', () => {
  it('needs both languages in an entry', () => {
    const parsed = parseGlossary('glossary.yaml', '- { en: [ceasefire], id: [gencatan senjata] }\n- { en: [war] }\n');
    expect(parsed.glossary).toEqual([{ en: ['ceasefire'], id: ['gencatan senjata'] }]);
    expect(parsed.problems.map((p) => p.line)).toEqual([2]);
  });
});

describe('parseSource', () => {
  it('reads front matter and keeps the body offset so passages point into the whole file', () => {
    const content = '---\ntitle: Perang\nlanguage: id\npublished: "2020"\n---\nTeks.';
    const { source, problems } = parseSource('sources/a.md', 'a', content);
    expect(problems).toEqual([]);
    expect(source).toMatchObject({ title: 'Perang', language: 'id', published: '2020' });
    expect(content.slice(source?.bodyStart)).toBe('Teks.');
  });

  it('treats a .txt file as plain text even when it starts with ---', () => {
    const { source } = parseSource('sources/a.txt', 'a', '---\nnot: front matter\n---\nText');
    expect(source?.bodyStart).toBe(0);
  });

  it('reports an empty source and an unclosed front matter', () => {
    expect(parseSource('sources/a.md', 'a', '  \n\n').problems[0]?.message).toMatch(/no text/);
    expect(parseSource('sources/a.md', 'a', '---\ntitle: x\nText').problems[0]?.message).toMatch(/no closing/);
  });

  it('reports front matter errors at the line in the file', () => {
    const { problems } = parseSource('sources/a.md', 'a', '---\ntitle: ok\nauthor: me\n---\nText');
    expect(problems).toEqual([expect.objectContaining({ line: 3, message: expect.stringContaining('unknown field "author"') })]);
  });
});
