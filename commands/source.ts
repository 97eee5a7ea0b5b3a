import { answer } from '../src/answers/index.js';
import type { Command } from '../src/discord/command.js';
import { completeWith, optionsOf, slashCommandFor } from '../src/discord/command-parts.js';

/** `/source`: its names, description and options are in the core's command table (src/answers/commands.ts). */
export default {
  data: slashCommandFor('source'),
  async execute({ interaction, kb, locale, sendReply }) {
    const options = optionsOf('source', interaction);
    await sendReply(answer(kb, 'source', options, locale), options);
  },
  autocomplete: completeWith('source'),
} satisfies Command;
