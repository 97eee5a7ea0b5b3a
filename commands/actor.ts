import { answer } from '../src/answers/index.js';
import type { Command } from '../src/discord/command.js';
import { completeWith, optionsOf, slashCommandFor } from '../src/discord/command-parts.js';

/** `/actor`: its names, description and options are in the core's command table (src/answers/commands.ts). */
export default {
  data: slashCommandFor('actor'),
  async execute({ interaction, kb, locale, sendReply }) {
    const options = optionsOf('actor', interaction);
    await sendReply(answer(kb, 'actor', options, locale), options);
  },
  autocomplete: completeWith('actor'),
} satisfies Command;
