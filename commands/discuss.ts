import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder, type SlashCommandStringOption } from 'discord.js';
import { complete } from '../src/answers/index.js';
import type { Command } from '../src/discord/command.js';
import { discussionStatus, endDiscussion } from '../src/discord/discussions/ending.js';
import { giveRoles, previewPrompt, startDiscussion, teacherRefusal, type DiscussionAnswer } from '../src/discord/discussions/commands.js';
import { MAX_MINUTES, MAX_QUESTION } from '../src/discussions/discussion.js';
import { renderNote } from '../src/discord/render.js';
import { message } from '../src/discord/messages.js';

const scenarioOption = (required: boolean) => (o: SlashCommandStringOption) =>
  o
    .setName('scenario')
    .setNameLocalizations({ id: 'skenario' })
    .setDescription('The scenario to discuss (from scenarios.yaml)')
    .setDescriptionLocalizations({ id: 'Skenario yang didiskusikan (dari scenarios.yaml)' })
    .setRequired(required)
    .setMaxLength(100)
    .setAutocomplete(true);

const questionOption = (o: SlashCommandStringOption) =>
  o
    .setName('question')
    .setNameLocalizations({ id: 'pertanyaan' })
    .setDescription('Your guiding question; default: the one in scenarios.yaml')
    .setDescriptionLocalizations({ id: 'Pertanyaan pemandu Anda; bawaan: yang ada di scenarios.yaml' })
    .setRequired(false)
    .setMaxLength(MAX_QUESTION);

export default {
  data: new SlashCommandBuilder()
    .setName('discuss')
    .setNameLocalizations({ id: 'diskusi' })
    .setDescription('Teachers: run a class discussion in a thread')
    .setDescriptionLocalizations({ id: 'Guru: jalankan diskusi kelas di sebuah utas' })
    .setContexts(InteractionContextType.Guild)
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .addSubcommand((s) =>
      s
        .setName('start')
        .setNameLocalizations({ id: 'mulai' })
        .setDescription('Open a thread with the prompt, Join and My stance')
        .setDescriptionLocalizations({ id: 'Buka utas dengan pengantar, Gabung, dan Sikap saya' })
        .addStringOption(scenarioOption(true))
        .addStringOption(questionOption)
        .addIntegerOption((o) =>
          o
            .setName('minutes')
            .setNameLocalizations({ id: 'menit' })
            .setDescription('Post a reminder when this many minutes are up')
            .setDescriptionLocalizations({ id: 'Kirim pengingat setelah sekian menit' })
            .setRequired(false)
            .setMinValue(1)
            .setMaxValue(MAX_MINUTES),
        ),
    )
    .addSubcommand((s) =>
      s
        .setName('roles')
        .setNameLocalizations({ id: 'peran' })
        .setDescription('Give each joined student an actor, or set one student’s actor')
        .setDescriptionLocalizations({ id: 'Beri setiap siswa yang bergabung satu aktor, atau tetapkan aktor satu siswa' })
        .addStringOption((o) =>
          o
            .setName('mode')
            .setNameLocalizations({ id: 'mode' })
            .setDescription('balanced: spread evenly in join order; random: shuffled')
            .setDescriptionLocalizations({ id: 'balanced: merata sesuai urutan bergabung; random: diacak' })
            .setRequired(false)
            .addChoices(
              { name: 'balanced', name_localizations: { id: 'seimbang' }, value: 'balanced' },
              { name: 'random', name_localizations: { id: 'acak' }, value: 'random' },
            ),
        )
        .addUserOption((o) =>
          o
            .setName('student')
            .setNameLocalizations({ id: 'siswa' })
            .setDescription('One student whose actor you set')
            .setDescriptionLocalizations({ id: 'Satu siswa yang aktornya Anda tetapkan' })
            .setRequired(false),
        )
        .addStringOption((o) =>
          o
            .setName('actor')
            .setNameLocalizations({ id: 'aktor' })
            .setDescription('The actor for that student')
            .setDescriptionLocalizations({ id: 'Aktor untuk siswa itu' })
            .setRequired(false)
            .setMaxLength(100)
            .setAutocomplete(true),
        ),
    )
    .addSubcommand((s) =>
      s
        .setName('end')
        .setNameLocalizations({ id: 'akhiri' })
        .setDescription('Close the discussion: recap and chart in the thread, exports for you')
        .setDescriptionLocalizations({ id: 'Tutup diskusi: rangkuman dan grafik di utas, ekspor untuk Anda' })
        .addBooleanOption((o) =>
          o
            .setName('names')
            .setNameLocalizations({ id: 'nama' })
            .setDescription('Your private export also lists each student’s stance')
            .setDescriptionLocalizations({ id: 'Ekspor pribadi Anda juga mencantumkan sikap tiap siswa' })
            .setRequired(false),
        ),
    )
    .addSubcommand((s) =>
      s
        .setName('status')
        .setNameLocalizations({ id: 'status' })
        .setDescription('The discussions open in this server')
        .setDescriptionLocalizations({ id: 'Diskusi yang terbuka di server ini' }),
    )
    .addSubcommand((s) =>
      s
        .setName('preview')
        .setNameLocalizations({ id: 'pratinjau' })
        .setDescription('See a scenario’s prompt privately, before you start')
        .setDescriptionLocalizations({ id: 'Lihat pengantar sebuah skenario secara pribadi sebelum memulai' })
        .addStringOption(scenarioOption(true))
        .addStringOption(questionOption),
    ),
  alwaysPrivate: true,
  async execute({ interaction, locale, send, defer, discussions }) {
    const sub = interaction.options.getSubcommand();
    if (!discussions) {
      await send(renderNote(message(locale, 'unknownCommand')));
      return;
    }
    const refusal = teacherRefusal(discussions, interaction, locale, sub);
    if (refusal !== null) {
      await send(renderNote(refusal));
      return;
    }
    // Opening a thread, posting and drawing the chart are several calls to Discord.
    if (sub === 'start' || sub === 'end' || sub === 'roles') await defer();
    const answer: DiscussionAnswer =
      sub === 'start'
        ? await startDiscussion(discussions, interaction, locale)
        : sub === 'roles'
          ? await giveRoles(discussions, interaction, locale)
          : sub === 'end'
            ? await endDiscussion(discussions, interaction, locale)
            : sub === 'status'
              ? discussionStatus(discussions, interaction, locale)
              : previewPrompt(discussions, interaction, locale);
    if (answer.kind === 'note') await send(renderNote(answer.text));
    else if (answer.files && answer.files.length > 0)
      await interaction.editReply({
        ...answer.message,
        files: answer.files.map((f) => ({ name: f.name, attachment: f.data, contentType: f.contentType })),
      });
    else await send(answer.message);
  },
  autocomplete({ interaction, kb, locale }) {
    const focused = interaction.options.getFocused(true);
    if (focused.name === 'scenario') return complete(kb, 'scenario', 'name', String(focused.value), locale);
    if (focused.name === 'actor') return complete(kb, 'actor', 'name', String(focused.value), locale);
    return [];
  },
} satisfies Command;
