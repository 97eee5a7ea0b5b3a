import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { answer } from '../src/answers/index.js';
import type { Command } from '../src/discord/command.js';
import { completeWith, MAX_OPTION_LENGTH, privateOption } from '../src/discord/command-parts.js';

export default {
  data: new SlashCommandBuilder()
    .setName('actor')
    .setNameLocalizations({ id: 'aktor' })
    .setDescription('What a country, person or organization does and says in the articles')
    .setDescriptionLocalizations({ id: 'Apa yang dilakukan dan dikatakan negara, tokoh, atau organisasi dalam artikel' })
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .addStringOption((o) =>
      o
        .setName('name')
        .setNameLocalizations({ id: 'nama' })
        .setDescription('Who, e.g. russia or aliyev')
        .setDescriptionLocalizations({ id: 'Siapa, mis. rusia atau aliyev' })
        .setRequired(true)
        .setMaxLength(MAX_OPTION_LENGTH)
        .setAutocomplete(true),
    )
    .addBooleanOption(privateOption),
  async execute({ interaction, kb, locale, sendReply }) {
    const options = { name: interaction.options.getString('name', true) };
    await sendReply(answer(kb, 'actor', options, locale), options);
  },
  autocomplete: completeWith('actor'),
} satisfies Command;
