import { ApplicationCommandType, ContextMenuCommandBuilder, InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { complete } from '../src/answers/index.js';
import type { Command } from '../src/discord/command.js';
import { makeClaim } from '../src/discord/discussions/commands.js';
import { onCiteCommand } from '../src/discord/discussions/components.js';
import { MAX_CLAIM } from '../src/discussions/claim.js';
import { message } from '../src/discord/messages.js';
import { renderNote } from '../src/discord/render.js';

export default {
  data: new SlashCommandBuilder()
    .setName('claim')
    .setNameLocalizations({ id: 'klaim' })
    .setDescription('In a discussion: post a claim with the passage it rests on')
    .setDescriptionLocalizations({ id: 'Dalam diskusi: pasang klaim beserta bagian artikel yang mendasarinya' })
    .setContexts(InteractionContextType.Guild)
    .addStringOption((o) =>
      o
        .setName('text')
        .setNameLocalizations({ id: 'teks' })
        .setDescription('Your claim, in your own words')
        .setDescriptionLocalizations({ id: 'Klaim Anda, dengan kata-kata sendiri' })
        .setRequired(true)
        .setMaxLength(MAX_CLAIM),
    )
    .addStringOption((o) =>
      o
        .setName('passage')
        .setNameLocalizations({ id: 'bagian' })
        .setDescription('The passage it rests on, e.g. nagorno-karabakh-2020#9')
        .setDescriptionLocalizations({ id: 'Bagian yang mendasarinya, mis. nagorno-karabakh-2020#9' })
        .setRequired(true)
        .setMaxLength(100)
        .setAutocomplete(true),
    ),
  async execute({ interaction, locale, send, note, discussions }) {
    if (!discussions) {
      await note(message(locale, 'unknownCommand'));
      return;
    }
    const answer = makeClaim(discussions, interaction, locale);
    if (answer.kind === 'note') await note(answer.text);
    else await send(answer.message);
  },
  autocomplete({ interaction, kb, locale }) {
    const focused = interaction.options.getFocused(true);
    if (focused.name !== 'passage') return [];
    return complete(kb, 'source', 'id', String(focused.value), locale).filter((c) => c.value.includes('#'));
  },
  messageMenu: {
    data: new ContextMenuCommandBuilder()
      .setName('Cite a passage')
      .setNameLocalizations({ id: 'Kutip bagian' })
      .setType(ApplicationCommandType.Message)
      .setContexts(InteractionContextType.Guild),
    async execute({ interaction, locale, discussions }) {
      if (!discussions) {
        await interaction.reply({ ...renderNote(message(locale, 'unknownCommand')), flags: 64 });
        return;
      }
      await onCiteCommand(discussions, interaction, locale);
    },
  },
} satisfies Command;
