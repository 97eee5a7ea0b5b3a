import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, SEED_KNOWLEDGE } from '../support/knowledge.js';
import { runScript } from '../support/run.js';

// These run the real entry point, as `npm start -- ...` does, without a .env or a token, over the
// fixture copy of the bundled knowledge (so a teacher's edits to knowledge/ do not change them).
const SEED = ['--knowledge', SEED_KNOWLEDGE];

describe('npm start (no token)', () => {
  it('--once answers one line as a person would read it and exits', async () => {
    const r = await runScript('src/app/main.ts', ['--once', '/quote aliyev', ...SEED]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Quotes of Ilham Aliyev');
    expect(r.stdout).toContain('“Kita harus memulihkan keadilan historis.');
    expect(r.stdout).toContain('nagorno-karabakh-2020#5');
  });

  it('--json prints only the reply object on stdout', async () => {
    const r = await runScript('src/app/main.ts', ['--once', '/actor russia', '--json', '--locale', 'id', ...SEED]);
    expect(r.code).toBe(0);
    const reply = JSON.parse(r.stdout) as { status: string; locale: string; command: string };
    expect(reply).toMatchObject({ status: 'ok', locale: 'id', command: 'actor' });
  });

  it('--json gives the source text verbatim, with highlight ranges beside it (no Markdown, no escapes)', async () => {
    const r = await runScript('src/app/main.ts', ['--once', '/search gencatan senjata', '--json', ...SEED]);
    const reply = JSON.parse(r.stdout) as { pages: { sections: { body: string; highlights: [number, number][] }[] }[] };
    const section = reply.pages[0]?.sections[0];
    expect(section?.body).toBe('NATO dan AS meminta masing-masing pihak menghindari eskalasi dan kembali ke rezim gencatan senjata.');
    expect(section?.highlights.map(([a, b]) => section.body.slice(a, b))).toEqual(['gencatan', 'senjata']);
  });

  it('shows highlights as **…** in the text answer', async () => {
    const r = await runScript('src/app/main.ts', ['--once', '/search gencatan senjata', ...SEED]);
    expect(r.stdout).toContain('NATO dan AS meminta masing-masing pihak menghindari eskalasi dan kembali ke rezim **gencatan senjata**.');
  });

  it('reads lines from standard input as a console, and says how to connect to Discord when interactive', async () => {
    const r = await runScript('src/app/main.ts', SEED, { input: '/actor nato\n/scenario\nexit\n' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('NATO');
    expect(r.stdout).toContain('Scenarios');
  });

  it('--knowledge uses another folder, and a broken one gives file:line messages, not a stack trace', async () => {
    const ok = await runScript('src/app/main.ts', ['--once', '/scenario', '--knowledge', path.join(FIXTURES, 'knowledge', 'no-curation')]);
    expect(ok.stdout).toContain('harbour');
    const broken = await runScript('src/app/main.ts', ['--once', '/help', '--knowledge', path.join(FIXTURES, 'knowledge', 'broken-yaml')]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/actors\.yaml:3: YAML: /);
    expect(broken.stderr).not.toMatch(/\n\s+at /);
  });

  it('KNOWLEDGE_DIR picks the folder too, and a bad option is a short usage message', async () => {
    const env = await runScript('src/app/main.ts', ['--once', '/help'], {
      env: { KNOWLEDGE_DIR: path.join(FIXTURES, 'knowledge', 'empty') },
    });
    expect(env.code).toBe(1);
    expect(env.stderr).toContain('no sources');
    const bad = await runScript('src/app/main.ts', ['--bogus']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Usage: npm start');
  });
});
