import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, REDACTED, scrubText } from '../src/logger.js';

const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789';

function memoryLogger(level: 'info' | 'trace' = 'info') {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(
        ...String(chunk)
          .split('\n')
          .filter((l) => l !== ''),
      );
      done();
    },
  });
  const logger = createLogger({ level, secrets: [TOKEN], destination: stream });
  return { logger, lines, records: () => lines.map((l) => JSON.parse(l) as Record<string, any>) };
}

describe('createLogger', () => {
  it('writes JSON lines with child bindings', () => {
    const { logger, records } = memoryLogger();
    logger.child({ interactionId: '123', command: 'actor' }).info({ latencyMs: 4 }, 'handled');
    expect(records()[0]).toMatchObject({ level: 30, interactionId: '123', command: 'actor', latencyMs: 4, msg: 'handled' });
  });

  it('redacts the token under any of the usual keys', () => {
    const { logger, lines } = memoryLogger();
    logger.info(
      { token: TOKEN, config: { discord: { token: TOKEN } }, headers: { authorization: `Bot ${TOKEN}` }, DISCORD_TOKEN: TOKEN },
      'start',
    );
    expect(lines.join('\n')).not.toContain(TOKEN);
    expect(lines.join('\n')).not.toContain('GhIjKl');
    expect(lines.join('\n')).toContain(REDACTED);
  });

  it('removes the token from messages, nested strings and error stacks', () => {
    const { logger, lines } = memoryLogger();
    logger.info(`connecting with ${TOKEN}`);
    logger.warn({ detail: { deep: { deeper: `token=${TOKEN}` } } }, 'warn');
    const err = new Error(`401 for ${TOKEN}`);
    logger.error({ err }, 'failed');
    expect(lines).toHaveLength(3);
    expect(lines.join('\n')).not.toContain(TOKEN);
  });

  it('removes interaction and webhook tokens from the URLs discord.js puts in its errors', () => {
    const { logger, lines } = memoryLogger();
    const err = Object.assign(new Error('Unknown interaction'), {
      url: 'http://127.0.0.1:1/api/v10/interactions/1234567890/aW50ZXJhY3Rpb246secret-token/callback?with_response=false',
    });
    logger.error({ err, path: '/api/v10/webhooks/42/aW50ZXJhY3Rpb246other-secret/messages/@original' }, 'failed');
    const text = lines.join('\n');
    expect(text).not.toContain('secret-token');
    expect(text).not.toContain('other-secret');
    expect(text).toContain(`/interactions/1234567890/${REDACTED}/callback`);
  });
});

describe('scrubText', () => {
  it('leaves ordinary text alone', () => {
    expect(scrubText('/actor russia took 3 ms', [TOKEN])).toBe('/actor russia took 3 ms');
  });
});
