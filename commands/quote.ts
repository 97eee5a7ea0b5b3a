import { answer } from '../src/answers/index.js';
import type { Command } from '../src/discord/command.js';
import { completeWith, optionsOf, slashCommandFor } from '../src/discord/command-parts.js';

/** `/quote`: its names, description and options are in the core's command table (src/answers/commands.ts). */
export default {
  data: slashCommandFor('quote'),
  async execute({ interaction, kb, locale, sendReply }) {
    const options = optionsOf('quote', interaction);
    await sendReply(answer(kb, 'quote', options, locale), options);
  },
  autocomplete: completeWith('quote'),
} satisfies Command;
