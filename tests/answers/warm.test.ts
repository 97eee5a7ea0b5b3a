import { describe, expect, it } from 'vitest';
import { answer, prepareReplies } from '../../src/answers/index.js';
import { knowledge } from '../support/knowledge.js';

describe('prepareReplies', () => {
  it('builds /actor and /quote of every actor and the /scenario list in both languages, giving the loop back between actors', async () => {
    const kb = await knowledge();
    let pauses = 0;
    const built = await prepareReplies(kb, async () => {
      pauses += 1;
    });
    // The seed has 10 actors: (1 scenario list + 10 × (actor + quote)) × 2 languages.
    expect(built).toBe(42);
    expect(pauses).toBe(20);
  });

  it('serves the prepared reply afterwards instead of building it again', async () => {
    const kb = await knowledge();
    await prepareReplies(kb, async () => {});
    const first = answer(kb, 'actor', { name: 'rusia' }, 'id');
    expect(answer(kb, 'actor', { name: 'Russia' }, 'id')).toBe(first);
    expect(first.title).toContain('Rusia');
  });
});
