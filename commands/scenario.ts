import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { answer } from '../src/answers/index.js';
import type { Command } from '../src/discord/command.js';
import { completeWith, MAX_OPTION_LENGTH, privateOption } from '../src/discord/command-parts.js';

export default {
  data: new SlashCommandBuilder()
    .setName('scenario')
    .setNameLocalizations({ id: 'skenario' })
    .setDescription('How things could turn out, as the articles say; without a name, the list')
    .setDescriptionLocalizations({ id: 'Kemungkinan jalannya peristiwa menurut artikel; tanpa nama, daftarnya' })
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .addStringOption((o) =>
      o
        .setName('name')
        .setNameLocalizations({ id: 'nama' })
        .setDescription('Which scenario; leave empty for the list')
        .setDescriptionLocalizations({ id: 'Skenario yang mana; kosongkan untuk melihat daftar' })
        .setRequired(false)
        .setMaxLength(MAX_OPTION_LENGTH)
        .setAutocomplete(true),
    )
    .addBooleanOption(privateOption),
  async execute({ interaction, kb, locale, sendReply }) {
    const options = { name: interaction.options.getString('name') ?? undefined };
    await sendReply(answer(kb, 'scenario', options, locale), options);
  },
  autocomplete: completeWith('scenario'),
} satisfies Command;
