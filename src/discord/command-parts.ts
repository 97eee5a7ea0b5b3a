/**
 * Pieces the files in `commands/` share: the `private` option and autocomplete through the
 * core's `complete`. Kept here so each command file stays a definition plus a few lines.
 */
import type { SlashCommandBooleanOption } from 'discord.js';
import { complete, type CommandName } from '../answers/index.js';
import type { AutocompleteContext, Choice } from './command.js';

/** `private: true` answers with an ephemeral message only the asker sees. */
export function privateOption(option: SlashCommandBooleanOption): SlashCommandBooleanOption {
  return option
    .setName('private')
    .setNameLocalizations({ id: 'pribadi' })
    .setDescription('Only you see the answer')
    .setDescriptionLocalizations({ id: 'Hanya Anda yang melihat jawabannya' })
    .setRequired(false);
}

/** Longest text option: the core's own input limit (longer input is refused there anyway). */
export const MAX_OPTION_LENGTH = 200;

/** Autocomplete for `command`: the core's choices for whichever option is being typed. */
export function completeWith(command: CommandName): (context: AutocompleteContext) => readonly Choice[] {
  return ({ interaction, kb, locale }) => {
    const focused = interaction.options.getFocused(true);
    return complete(kb, command, focused.name, String(focused.value), locale);
  };
}
