import { answer } from '../src/answers/index.js';
import type { Command } from '../src/discord/command.js';
import { completeWith, optionsOf, slashCommandFor } from '../src/discord/command-parts.js';

/** `/scenario`: its names, description and options are in the core's command table (src/answers/commands.ts). */
export default {
  data: slashCommandFor('scenario'),
  async execute({ interaction, kb, locale, sendReply }) {
    const options = optionsOf('scenario', interaction);
    await sendReply(answer(kb, 'scenario', options, locale), options);
  },
  autocomplete: completeWith('scenario'),
} satisfies Command;
