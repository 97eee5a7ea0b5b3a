import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { answer } from '../src/answers/index.js';
import type { Command } from '../src/discord/command.js';
import { completeWith, MAX_OPTION_LENGTH, privateOption } from '../src/discord/command-parts.js';

export default {
  data: new SlashCommandBuilder()
    .setName('source')
    .setNameLocalizations({ id: 'sumber' })
    .setDescription('A passage or an article with its full citation')
    .setDescriptionLocalizations({ id: 'Sebuah bagian atau artikel dengan kutipan sumber lengkapnya' })
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .addStringOption((o) =>
      o
        .setName('id')
        .setNameLocalizations({ id: 'id' })
        .setDescription('Passage id as cited (e.g. nagorno-karabakh-2020#5) or a source id')
        .setDescriptionLocalizations({ id: 'Id bagian seperti dikutip (mis. nagorno-karabakh-2020#5) atau id sumber' })
        .setRequired(true)
        .setMaxLength(MAX_OPTION_LENGTH)
        .setAutocomplete(true),
    )
    .addBooleanOption(privateOption),
  async execute({ interaction, kb, locale, sendReply }) {
    const options = { id: interaction.options.getString('id', true) };
    await sendReply(answer(kb, 'source', options, locale), options);
  },
  autocomplete: completeWith('source'),
} satisfies Command;
