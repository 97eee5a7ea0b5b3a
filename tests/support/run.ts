import { spawn, type ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TEST_BUTTON_SECRET } from './harness.js';
import { ROOT } from './knowledge.js';

export type RunResult = { code: number | null; stdout: string; stderr: string };

/** Runs one of the project's entry points the way `npm start` / `npm run kb` do, with a clean environment. */
export function runScript(
  script: string,
  args: readonly string[],
  options: { input?: string; env?: Record<string, string> } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, script), ...args], {
      cwd: ROOT,
      // An empty DISCORD_TOKEN overrides a developer's .env: these runs are always local.
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DISCORD_TOKEN: '', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** An entry point left running in a child process: its output so far, and how it ended. */
export type RunningScript = {
  readonly child: ChildProcess;
  readonly stdout: () => string;
  readonly stderr: () => string;
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

let runs = 0;

/**
 * Starts an entry point (`src/app/main.ts`, `src/app/sharded.ts`) as `npm start` would, with only
 * what the bot needs: no developer .env or shell settings leak into the test.
 */
export function spawnEntryPoint(script: string, env: Record<string, string>): RunningScript {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: ROOT,
    // A fixed button secret and a database of its own: otherwise the bot would write both in the repo's data/.
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      BUTTON_SECRET: TEST_BUTTON_SECRET,
      DATABASE_PATH: path.join(tmpdir(), `sumber-e2e-${process.pid}-${runs++}.db`),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d) => (out += String(d)));
  child.stderr?.on('data', (d) => (err += String(d)));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, stdout: () => out, stderr: () => err, exit };
}
