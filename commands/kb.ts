import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { renderKbStatus, renderReloadOutcome } from '../src/discord/kb-panels.js';

export default {
  data: new SlashCommandBuilder()
    .setName('kb')
    .setNameLocalizations({ id: 'kb' })
    .setDescription('Moderators: the knowledge the bot serves')
    .setDescriptionLocalizations({ id: 'Moderator: pengetahuan yang dilayani bot' })
    .setContexts(InteractionContextType.Guild)
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .addSubcommand((s) =>
      s
        .setName('status')
        .setNameLocalizations({ id: 'status' })
        .setDescription('Sources, passages, actors, quotes, last reload and problems')
        .setDescriptionLocalizations({ id: 'Sumber, bagian, aktor, kutipan, muat ulang terakhir, dan masalah' }),
    )
    .addSubcommand((s) =>
      s
        .setName('reload')
        .setNameLocalizations({ id: 'muat-ulang' })
        .setDescription('Read the knowledge folder again; a broken file keeps the last good version')
        .setDescriptionLocalizations({ id: 'Baca ulang folder pengetahuan; berkas rusak mempertahankan versi baik terakhir' }),
    ),
  moderatorOnly: true,
  alwaysPrivate: true,
  async execute({ interaction, knowledge, locale, send, defer }) {
    if (interaction.options.getSubcommand() === 'reload') {
      await defer(); // reading and indexing a large folder can take seconds
      await send(renderReloadOutcome(await knowledge.reload(), locale));
    } else {
      await send(renderKbStatus(knowledge, locale));
    }
  },
} satisfies Command;
