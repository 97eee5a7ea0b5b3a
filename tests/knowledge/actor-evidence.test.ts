import { describe, expect, it } from 'vitest';
import { mentionRole } from '../../src/knowledge/actor-evidence.js';
import type { Mention, Passage } from '../../src/knowledge/model.js';

function roleOf(text: string, name: string): string {
  const start = text.indexOf(name);
  const passage: Passage = { id: 's#1', sourceId: 's', paragraph: 1, part: 1, start: 0, end: text.length, line: 1, text };
  const mention: Mention = { actorId: 'x', passageId: 's#1', start, end: start + name.length, surface: name };
  return mentionRole(passage, mention);
}

describe('mentionRole', () => {
  it('reads the subject of a sentence, or a name followed by a verb, as acting', () => {
    expect(roleOf('Rusia menolak tawaran itu.', 'Rusia')).toBe('acts');
    expect(roleOf('Namun, kecil kemungkinannya Rusia menggunakan kekuatan.', 'Rusia')).toBe('acts');
    expect(roleOf('Talks stalled. Russia warned both sides.', 'Russia')).toBe('acts');
  });

  it('reads "X, yang …" and "X, which …" as describing the actor', () => {
    expect(roleOf('Armenia meminta bantuan di Rusia, yang selama ini menjadi penjamin.', 'Rusia')).toBe('described');
    expect(roleOf('They turned to Russia, which has long guaranteed Armenia.', 'Russia')).toBe('described');
  });

  it('reads any other naming as a mention', () => {
    expect(roleOf('Perundingan dengan Rusia, Turki dan Iran berlanjut.', 'Rusia')).toBe('mention');
  });
});
