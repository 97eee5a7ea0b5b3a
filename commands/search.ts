import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { answer } from '../src/answers/index.js';
import type { Command } from '../src/discord/command.js';
import { completeWith, MAX_OPTION_LENGTH, privateOption } from '../src/discord/command-parts.js';

export default {
  data: new SlashCommandBuilder()
    .setName('search')
    .setNameLocalizations({ id: 'cari' })
    .setDescription('Find passages in the articles, in Indonesian or English')
    .setDescriptionLocalizations({ id: 'Cari bagian artikel, dalam bahasa Indonesia atau Inggris' })
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .addStringOption((o) =>
      o
        .setName('query')
        .setNameLocalizations({ id: 'kata-kunci' })
        .setDescription('Words to look for, e.g. ceasefire')
        .setDescriptionLocalizations({ id: 'Kata yang dicari, mis. gencatan senjata' })
        .setRequired(true)
        .setMaxLength(MAX_OPTION_LENGTH),
    )
    .addStringOption((o) =>
      o
        .setName('actor')
        .setNameLocalizations({ id: 'aktor' })
        .setDescription('Only passages that name this actor')
        .setDescriptionLocalizations({ id: 'Hanya bagian yang menyebut aktor ini' })
        .setRequired(false)
        .setMaxLength(MAX_OPTION_LENGTH)
        .setAutocomplete(true),
    )
    .addBooleanOption(privateOption),
  async execute({ interaction, kb, locale, sendReply }) {
    const options = {
      query: interaction.options.getString('query', true),
      actor: interaction.options.getString('actor') ?? undefined,
    };
    await sendReply(answer(kb, 'search', options, locale), options);
  },
  autocomplete: completeWith('search'),
} satisfies Command;
