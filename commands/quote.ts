import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { answer } from '../src/answers/index.js';
import type { Command } from '../src/discord/command.js';
import { completeWith, MAX_OPTION_LENGTH, privateOption } from '../src/discord/command-parts.js';

export default {
  data: new SlashCommandBuilder()
    .setName('quote')
    .setNameLocalizations({ id: 'kutipan' })
    .setDescription('What someone said, word for word, with the source')
    .setDescriptionLocalizations({ id: 'Apa yang dikatakan seseorang, kata demi kata, dengan sumbernya' })
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .addStringOption((o) =>
      o
        .setName('speaker')
        .setNameLocalizations({ id: 'pembicara' })
        .setDescription('Who spoke, e.g. aliyev')
        .setDescriptionLocalizations({ id: 'Siapa yang berbicara, mis. aliyev' })
        .setRequired(true)
        .setMaxLength(MAX_OPTION_LENGTH)
        .setAutocomplete(true),
    )
    .addStringOption((o) =>
      o
        .setName('topic')
        .setNameLocalizations({ id: 'topik' })
        .setDescription('Only quotes about this, e.g. negotiations')
        .setDescriptionLocalizations({ id: 'Hanya kutipan tentang ini, mis. perundingan' })
        .setRequired(false)
        .setMaxLength(MAX_OPTION_LENGTH),
    )
    .addBooleanOption(privateOption),
  async execute({ interaction, kb, locale, sendReply }) {
    const options = {
      speaker: interaction.options.getString('speaker', true),
      topic: interaction.options.getString('topic') ?? undefined,
    };
    await sendReply(answer(kb, 'quote', options, locale), options);
  },
  autocomplete: completeWith('quote'),
} satisfies Command;
