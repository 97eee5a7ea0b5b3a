import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { answer } from '../src/answers/index.js';
import type { Command } from '../src/discord/command.js';
import { privateOption } from '../src/discord/command-parts.js';

export default {
  data: new SlashCommandBuilder()
    .setName('help')
    .setNameLocalizations({ id: 'bantuan' })
    .setDescription('What Sumber can answer, and from which articles')
    .setDescriptionLocalizations({ id: 'Apa yang dapat dijawab Sumber, dan dari artikel mana' })
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .addBooleanOption(privateOption),
  async execute({ kb, locale, sendReply }) {
    await sendReply(answer(kb, 'help', {}, locale), {});
  },
} satisfies Command;
