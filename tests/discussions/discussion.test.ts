import { describe, expect, it } from 'vitest';
import { parseScenarios } from '../../src/knowledge/knowledge-files.js';
import { assignRoles, guidingQuestion, seededRandom, shuffle, stanceOptionsFor, tallyStances } from '../../src/discussions/discussion.js';
import type { Participant, Stance } from '../../src/discussions/model.js';
import { knowledge } from '../support/knowledge.js';

const ACTORS = ['russia', 'armenia', 'azerbaijan'];

function students(n: number, extra: Partial<Participant>[] = []): Participant[] {
  return Array.from({ length: n }, (_, i) => ({
    userId: `1000000000000001${String(i).padStart(2, '0')}`,
    displayName: `Siswa ${i + 1}`,
    joinedAt: i,
    actorId: null,
    roleSource: null,
    ...extra[i],
  }));
}

function heldBy(assignments: { actorId: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const a of assignments) counts[a.actorId] = (counts[a.actorId] ?? 0) + 1;
  return counts;
}

describe('assignRoles', () => {
  it('spreads 7 students evenly over 3 actors: 3, 2, 2, dealt in join order', () => {
    const given = assignRoles(students(7), ACTORS, 'balanced');
    expect(given).toHaveLength(7);
    expect(heldBy(given)).toEqual({ russia: 3, armenia: 2, azerbaijan: 2 });
    expect(given.slice(0, 4).map((a) => a.actorId)).toEqual(['russia', 'armenia', 'azerbaijan', 'russia']);
    expect(new Set(given.map((a) => a.source))).toEqual(new Set(['balanced']));
  });

  it('shuffles who gets what in random mode, still 3/2/2, and the same seed gives the same roles', () => {
    const a = assignRoles(students(7), ACTORS, 'random', seededRandom(42));
    const b = assignRoles(students(7), ACTORS, 'random', seededRandom(42));
    const c = assignRoles(students(7), ACTORS, 'random', seededRandom(7));
    expect(a).toEqual(b);
    expect(heldBy(a)).toEqual({ russia: 3, armenia: 2, azerbaijan: 2 });
    expect(a.map((x) => x.actorId)).not.toEqual(assignRoles(students(7), ACTORS, 'balanced').map((x) => x.actorId));
    expect(heldBy(c)).toEqual({ russia: 3, armenia: 2, azerbaijan: 2 });
  });

  it('keeps roles already given, so a second run after late joiners changes nobody’s role', () => {
    const first = assignRoles(students(4), ACTORS, 'balanced');
    const after = students(7).map((p) => ({
      ...p,
      ...(first.find((a) => a.userId === p.userId)
        ? { actorId: first.find((a) => a.userId === p.userId)!.actorId, roleSource: 'balanced' as const }
        : {}),
    }));
    const second = assignRoles(after, ACTORS, 'random', seededRandom(3));
    expect(second.map((a) => a.userId)).toEqual(
      students(7)
        .slice(4)
        .map((p) => p.userId),
    );
    expect(heldBy([...first, ...second])).toEqual({ russia: 3, armenia: 2, azerbaijan: 2 });
  });

  it('keeps a teacher-set role and counts it toward the balance', () => {
    const given = assignRoles(
      students(7, [
        { actorId: 'azerbaijan', roleSource: 'teacher' },
        { actorId: 'azerbaijan', roleSource: 'teacher' },
      ]),
      ACTORS,
      'balanced',
    );
    expect(given).toHaveLength(5);
    expect(given.some((a) => a.userId === students(1)[0]?.userId)).toBe(false);
    expect(heldBy([...given, { actorId: 'azerbaijan' }, { actorId: 'azerbaijan' }])).toEqual({ russia: 3, armenia: 2, azerbaijan: 2 });
  });

  it('gives nothing when the scenario has no actors', () => {
    expect(assignRoles(students(3), [], 'balanced')).toEqual([]);
  });

  it('shuffle keeps every item exactly once', () => {
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    expect([...shuffle(items, seededRandom(1))].sort()).toEqual(items);
  });
});

describe('stance check-in', () => {
  it('offers agree / unsure / disagree in both languages unless the scenario gives its own options', async () => {
    const kb = await knowledge();
    const plain = kb.scenarios.find((s) => s.id === 'russia-stays-out');
    const own = kb.scenarios.find((s) => s.id === 'de-escalation-ceasefire');
    if (!plain || !own) throw new Error('bundled scenarios changed');
    expect(stanceOptionsFor(plain).map((o) => [o.key, o.label.en, o.label.id])).toEqual([
      ['agree', 'Agree', 'Setuju'],
      ['unsure', 'Unsure', 'Ragu-ragu'],
      ['disagree', 'Disagree', 'Tidak setuju'],
    ]);
    expect(stanceOptionsFor(own).map((o) => [o.key, o.label.en])).toEqual([
      ['o1', 'A ceasefire both sides keep'],
      ['o2', 'One side wins on the ground'],
      ['o3', 'Outside powers step in'],
    ]);
  });

  it('counts answers per choice and phase; a student who changed their mind counts once, with the last answer', () => {
    const options = stanceOptionsFor({ id: 'x', title: { en: 'x', id: 'x' }, summary: { en: '', id: '' }, actors: [], evidence: [] });
    const stances: Stance[] = [
      { userId: 'a', phase: 'before', optionKey: 'agree', chosenAt: 1 },
      { userId: 'b', phase: 'before', optionKey: 'agree', chosenAt: 2 },
      { userId: 'c', phase: 'before', optionKey: 'disagree', chosenAt: 3 },
      { userId: 'a', phase: 'after', optionKey: 'unsure', chosenAt: 4 },
    ];
    expect(tallyStances(stances, options).map((c) => [c.option.key, c.before, c.after])).toEqual([
      ['agree', 2, 0],
      ['unsure', 0, 1],
      ['disagree', 1, 0],
    ]);
  });

  it('asks the teacher’s question, else the scenario’s `questions`, else one made from the title', async () => {
    const kb = await knowledge();
    const withQuestion = kb.scenarios.find((s) => s.id === 'russia-stays-out');
    const without = kb.scenarios.find((s) => s.id === 'azerbaijan-restores-control');
    if (!withQuestion || !without) throw new Error('bundled scenarios changed');
    expect(guidingQuestion(withQuestion, '  Who gains most?  ', 'en')).toBe('Who gains most?');
    expect(guidingQuestion(withQuestion, null, 'id')).toBe(
      'Haruskah Rusia tetap tidak ikut campur dalam pertempuran, walaupun Armenia meminta bantuan?',
    );
    expect(guidingQuestion(without, undefined, 'en')).toBe('Is this how things will turn out: Azerbaijan presses on to restore control?');
  });
});

describe('scenarios.yaml: questions and options', () => {
  it('reads `questions: {en, id}` and 2–5 options', () => {
    const yaml = [
      '- id: s',
      '  title: { en: T, id: T }',
      '  summary: { en: S, id: S }',
      '  evidence: [a#1]',
      '  questions: { en: Why?, id: Mengapa? }',
      '  options:',
      '    - { en: Yes, id: Ya }',
      '    - { en: No, id: Tidak }',
    ].join('\n');
    const parsed = parseScenarios('scenarios.yaml', yaml, new Set());
    expect(parsed.problems).toEqual([]);
    expect(parsed.scenarios[0]).toMatchObject({
      question: { en: 'Why?', id: 'Mengapa?' },
      stanceOptions: [
        { en: 'Yes', id: 'Ya' },
        { en: 'No', id: 'Tidak' },
      ],
    });
  });

  it('names the file and line of a bad `options` or `questions`, in words a teacher understands', () => {
    const yaml = [
      '- id: s',
      '  title: { en: T, id: T }',
      '  summary: { en: S, id: S }',
      '  evidence: [a#1]',
      '  questions: Why?',
      '  options:',
      '    - { en: Only one, id: Hanya satu }',
      '- id: t',
      '  title: { en: T, id: T }',
      '  summary: { en: S, id: S }',
      '  evidence: [a#1]',
      '  options:',
      `    - { en: ${'x'.repeat(81)}, id: Ya }`,
      '    - { en: No, id: Tidak }',
    ].join('\n');
    const problems = parseScenarios('scenarios.yaml', yaml, new Set()).problems.map((p) => `${p.file}:${p.line}: ${p.message}`);
    expect(problems).toEqual([
      'scenarios.yaml:5: scenario "s": "questions" must have an English and an Indonesian text: { en: ..., id: ... }',
      'scenarios.yaml:7: scenario "s": "options" must be a list of 2 to 5 choices, each { en: ..., id: ... }',
      'scenarios.yaml:13: scenario "t": a choice in "options" is longer than 80 characters (Discord\'s limit for a button)',
    ]);
  });
});
