import { answer } from '../src/answers/index.js';
import type { Command } from '../src/discord/command.js';
import { optionsOf, slashCommandFor } from '../src/discord/command-parts.js';

/** `/help`: its names, description and options are in the core's command table (src/answers/commands.ts). */
export default {
  data: slashCommandFor('help'),
  async execute({ interaction, kb, locale, sendReply }) {
    const options = optionsOf('help', interaction);
    await sendReply(answer(kb, 'help', options, locale), options);
  },
} satisfies Command;
