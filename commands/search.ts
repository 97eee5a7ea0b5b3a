import { answer } from '../src/answers/index.js';
import type { Command } from '../src/discord/command.js';
import { completeWith, optionsOf, slashCommandFor } from '../src/discord/command-parts.js';

/** `/search`: its names, description and options are in the core's command table (src/answers/commands.ts). */
export default {
  data: slashCommandFor('search'),
  async execute({ interaction, kb, locale, sendReply }) {
    const options = optionsOf('search', interaction);
    await sendReply(answer(kb, 'search', options, locale), options);
  },
  autocomplete: completeWith('search'),
} satisfies Command;
