import { describe, expect, it } from 'vitest';
import { parseLine } from '../../src/console/parse.js';
import { highlighted, terminalText } from '../../src/console/render.js';

describe('parseLine', () => {
  it('puts the text after a command into its first option', () => {
    expect(parseLine('/actor russia')).toEqual({ kind: 'command', command: 'actor', options: { name: 'russia' } });
    expect(parseLine('/search gencatan senjata')).toEqual({ kind: 'command', command: 'search', options: { query: 'gencatan senjata' } });
  });

  it('reads option:value pairs as on Discord', () => {
    expect(parseLine('/quote ilham aliyev topic: keadilan historis')).toEqual({
      kind: 'command',
      command: 'quote',
      options: { speaker: 'ilham aliyev', topic: 'keadilan historis' },
    });
    expect(parseLine('/search query:pasukan actor:turki')).toEqual({
      kind: 'command',
      command: 'search',
      options: { query: 'pasukan', actor: 'turki' },
    });
  });

  it('treats plain text as a search, and knows quit, locale and unknown commands', () => {
    expect(parseLine('gencatan senjata')).toMatchObject({ command: 'search', options: { query: 'gencatan senjata' } });
    expect(parseLine('exit')).toEqual({ kind: 'quit' });
    expect(parseLine('/locale id')).toEqual({ kind: 'locale', locale: 'id' });
    expect(parseLine('/frobnicate x')).toEqual({ kind: 'unknown-command', name: 'frobnicate' });
    expect(parseLine('   ')).toEqual({ kind: 'empty' });
  });
});

describe('highlighted', () => {
  it('shows the source text as written, highlights as **…** (or bold on a colour terminal)', () => {
    expect(highlighted('- @everyone **x** Rusia', [[18, 23]])).toBe('- @everyone **x** **Rusia**');
    expect(highlighted('Rusia', [[0, 5]], true)).toBe('\u001b[1mRusia\u001b[22m');
  });

  it('reads highlights separated only by spaces as one', () => {
    expect(
      highlighted('gencatan senjata dilanggar', [
        [0, 8],
        [9, 16],
      ]),
    ).toBe('**gencatan senjata** dilanggar');
  });

  it('drops control characters a pasted article could restyle the terminal with', () => {
    expect(terminalText('Rusia\u001b[31m merah\nbaris')).toBe('Rusia[31m merah\nbaris');
  });
});
