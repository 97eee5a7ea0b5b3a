import { describe, expect, it } from 'vitest';
import { answer, COMMAND_NAMES, COMMAND_OPTIONS, COMMANDS, readOptions, type OptionsOf } from '../../src/answers/index.js';
import { loadCommands } from '../../src/discord/command-loader.js';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { knowledge } from '../support/knowledge.js';

describe('the command table', () => {
  it('types each answer function from its options, so a misspelt option does not compile', async () => {
    const kb: KnowledgeBase = await knowledge();
    // @ts-expect-error -- `speakr` is not an option of /quote
    answer(kb, 'quote', { speakr: 'aliyev' }, 'en');
    // @ts-expect-error -- /quote's own answer function needs its required `speaker`
    COMMANDS.quote.answer(kb, { topic: 'keadilan' }, 'en');
    const typed: OptionsOf<'search'> = { query: 'perang', actor: undefined };
    expect(answer(kb, 'search', typed, 'en').command).toBe('search');
  });

  it('reads text fields through the table: unknown names dropped, a missing required option as empty', () => {
    expect(readOptions('quote', { speaker: 'aliyev', bogus: 'x' })).toEqual({ speaker: 'aliyev' });
    expect(readOptions('actor', {})).toEqual({ name: '' });
    expect(readOptions('scenario', {})).toEqual({});
  });

  it('gives the paging buttons the option names in order', () => {
    expect(COMMAND_OPTIONS).toEqual({
      actor: ['name'],
      quote: ['speaker', 'topic'],
      scenario: ['name'],
      search: ['query', 'actor'],
      source: ['id'],
      help: [],
    });
  });

  it('is what each file in commands/ registers with Discord', async () => {
    const { commands } = await loadCommands();
    for (const name of COMMAND_NAMES) expect(commands.has(name), name).toBe(true);
    const quote = commands.get('quote')?.data.toJSON();
    expect(quote).toMatchObject({ name: 'quote', name_localizations: { id: 'kutipan' } });
    expect(
      quote?.options?.map((o) => [o.name, o.name_localizations?.id, o.required ?? false, 'autocomplete' in o && o.autocomplete === true]),
    ).toEqual([
      ['speaker', 'pembicara', true, true],
      ['topic', 'topik', false, false],
      ['private', 'pribadi', false, false],
    ]);
    expect(quote?.options?.[0]).toMatchObject({ max_length: 200, description: 'Who spoke, e.g. aliyev' });
  });
});
