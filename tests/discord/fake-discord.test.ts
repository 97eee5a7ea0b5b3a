import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, Events, GatewayIntentBits, MessageFlags } from 'discord.js';
import { FakeDiscord } from '../support/fake-discord.js';

describe('FakeDiscord with the real discord.js client', () => {
  let fake: FakeDiscord;
  let client: Client;

  beforeAll(async () => {
    fake = await FakeDiscord.start({ heartbeatIntervalMs: 200 });
    client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
    client.on(Events.InteractionCreate, async (interaction) => {
      if (interaction.isChatInputCommand()) {
        await interaction.reply({ content: `pong ${interaction.options.getString('word') ?? ''}`, flags: MessageFlags.Ephemeral });
      }
    });
    const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
    await client.login('MTAwMDAwMDAwMDAwMDAwMDAx.fake.token-for-tests');
    await ready;
  });

  afterAll(async () => {
    await client?.destroy();
    await fake?.close();
  });

  it('logs in with only GET /gateway/bot and identifies with the Guilds intent', () => {
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/v10/gateway/bot']);
    expect(fake.identifies[0]?.intents).toBe(GatewayIntentBits.Guilds);
    expect(client.guilds.cache.has(fake.guildId)).toBe(true);
  });

  it('delivers a chat-input interaction and records the callback body', async () => {
    const sent = fake.chatInput('ping', [{ name: 'word', type: 3, value: 'hi' }]);
    const callback = await fake.callbackFor(sent);
    expect(callback.body).toMatchObject({ type: 4, data: { content: 'pong hi', flags: 64 } });
    expect(callback.headers.authorization).toBeUndefined();
  });

  it('answers heartbeats so the session stays up', async () => {
    await new Promise((r) => setTimeout(r, 500));
    expect(client.ws.ping).toBeGreaterThanOrEqual(0);
    const sent = fake.chatInput('ping', []);
    expect((await fake.callbackFor(sent)).body.type).toBe(4);
  });
});
