/**
 * Pieces the files in `commands/` share: the slash command definition built from the core's
 * command table, reading an interaction's options as the table types them, the `private` option,
 * and autocomplete through the core's `complete`. Kept here so each command file stays a few lines.
 */
import {
  InteractionContextType,
  SlashCommandBuilder,
  type ChatInputCommandInteraction,
  type SlashCommandBooleanOption,
  type SlashCommandOptionsOnlyBuilder,
} from 'discord.js';
import { COMMANDS, complete, MAX_OPTION_LENGTH, type CommandName, type OptionSpec, type OptionsOf } from '../answers/index.js';
import type { AutocompleteContext, Choice } from './command.js';

export { MAX_OPTION_LENGTH };

/** `private: true` answers with an ephemeral message only the asker sees. */
export function privateOption(option: SlashCommandBooleanOption): SlashCommandBooleanOption {
  return option
    .setName('private')
    .setNameLocalizations({ id: 'pribadi' })
    .setDescription('Only you see the answer')
    .setDescriptionLocalizations({ id: 'Hanya Anda yang melihat jawabannya' })
    .setRequired(false);
}

/**
 * The slash command Discord registers for a command of the core's table: its names and
 * descriptions in English and Indonesian, its options in order, then `private`.
 */
export function slashCommandFor(name: CommandName): SlashCommandOptionsOnlyBuilder {
  const spec = COMMANDS[name];
  let builder: SlashCommandOptionsOnlyBuilder = new SlashCommandBuilder()
    .setName(name)
    .setNameLocalizations({ id: spec.localName })
    .setDescription(spec.description.en)
    .setDescriptionLocalizations({ id: spec.description.id })
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM);
  for (const [optionName, option] of Object.entries(spec.options) as [string, OptionSpec][]) {
    builder = builder.addStringOption((o) => {
      const built = o
        .setName(optionName)
        .setNameLocalizations({ id: option.localName })
        .setDescription(option.description.en)
        .setDescriptionLocalizations({ id: option.description.id })
        .setRequired(option.required)
        .setMaxLength(option.maxLength);
      return option.autocomplete !== undefined ? built.setAutocomplete(true) : built;
    });
  }
  return builder.addBooleanOption(privateOption);
}

/** The options of a slash command interaction, typed and named as the core's table declares them. */
export function optionsOf<C extends CommandName>(name: C, interaction: ChatInputCommandInteraction): OptionsOf<C> {
  const options: Record<string, string | undefined> = {};
  for (const [optionName, option] of Object.entries(COMMANDS[name].options) as [string, OptionSpec][]) {
    options[optionName] = option.required
      ? interaction.options.getString(optionName, true)
      : (interaction.options.getString(optionName) ?? undefined);
  }
  return options as OptionsOf<C>;
}

/** Autocomplete for `command`: the core's choices for whichever option is being typed. */
export function completeWith(command: CommandName): (context: AutocompleteContext) => readonly Choice[] {
  return ({ interaction, kb, locale }) => {
    const focused = interaction.options.getFocused(true);
    return complete(kb, command, focused.name, String(focused.value), locale);
  };
}
