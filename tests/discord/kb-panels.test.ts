import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderKbStatus } from '../../src/discord/kb-panels.js';
import type { KnowledgeHolder } from '../../src/knowledge/knowledge-holder.js';
import { FIXTURES, knowledge } from '../support/knowledge.js';

describe('/kb status', () => {
  it('says which curated texts it leaves out because their evidence does not hold', async () => {
    const kb = await knowledge(path.join(FIXTURES, 'knowledge', 'bad-evidence'));
    const holder = { current: kb, lastReload: null, watching: false } as unknown as KnowledgeHolder;
    const fields = renderKbStatus(holder, 'en').embeds[0]?.fields ?? [];
    expect(fields.at(-1)).toEqual({
      name: 'Not shown to students (evidence does not hold)',
      value: '```\nactors.yaml:6: a position of armenia: Asked for help.\n```',
    });
    const id = renderKbStatus(holder, 'id').embeds[0]?.fields?.at(-1);
    expect(id?.value).toContain('sebuah sikap armenia: Asked for help.');
  });

  it('has no such field when everything is cited', async () => {
    const kb = await knowledge();
    const holder = { current: kb, lastReload: null, watching: false } as unknown as KnowledgeHolder;
    expect(renderKbStatus(holder, 'en').embeds[0]?.fields?.map((f) => f.name)).not.toContain(
      'Not shown to students (evidence does not hold)',
    );
  });
});
