/**
 * The commands the core answers, declared once as data: names and descriptions in both
 * languages, options with their types, and the function that answers. The console parser, the
 * slash command files in `commands/`, the paging buttons and the deploy script all read this
 * table; the option types of each answer function are derived from it, so a misspelt option
 * does not compile.
 */
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Locale, Localized } from '../knowledge/model.js';
import type { Reply } from './reply.js';
import { answerActor } from './actor.js';
import { answerHelp } from './help.js';
import { answerQuote } from './quote.js';
import { answerScenario } from './scenario.js';
import { answerSearch } from './search.js';
import { answerSource } from './source.js';

/** Longest text option: the core's own input limit (longer input is refused there anyway). */
export const MAX_OPTION_LENGTH = 200;

/** What autocomplete offers for an option (see complete.ts). */
export type CompletionKind = 'actor' | 'speaker' | 'scenario' | 'source';

/** One option of a command. Only text options exist so far; `type` leaves room for others. */
export type OptionSpec = {
  readonly type: 'string';
  /** Discord requires it (the console and buttons may still leave it out: it then reads as empty). */
  readonly required: boolean;
  readonly maxLength: number;
  readonly autocomplete?: CompletionKind;
  /** The Indonesian name Discord shows (the English one is the key). */
  readonly localName: string;
  readonly description: Localized;
};

type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/**
 * The values of a command's options as its answer function receives them: a required option is
 * a string, an optional one may be absent.
 *
 * @example
 * type QuoteOptions = ArgumentsOf<typeof COMMANDS.quote.options>; // { speaker: string; topic?: string | undefined }
 */
export type ArgumentsOf<O extends OptionSpecs> = {
  readonly [K in keyof O as O[K]['required'] extends true ? K : never]: string;
} & {
  readonly [K in keyof O as O[K]['required'] extends true ? never : K]?: string | undefined;
};

export type CommandSpec<O extends OptionSpecs = OptionSpecs> = {
  /** The Indonesian name Discord shows (the English one is the key). */
  readonly localName: string;
  readonly description: Localized;
  /** In the order Discord lists them; the first is the one console text fills without `name:`. */
  readonly options: O;
  // A method, not a property: a command's answer takes its own options, not every command's.
  answer(kb: KnowledgeBase, options: ArgumentsOf<O>, locale: Locale): Reply;
};

/** Declares a command; infers its option names so that `answer` is typed from them. */
function command<const O extends OptionSpecs>(spec: CommandSpec<O>): CommandSpec<O> {
  return spec;
}

/** A text option of at most `MAX_OPTION_LENGTH` characters. */
function text<const S extends Omit<OptionSpec, 'type' | 'maxLength'>>(
  spec: S,
): S & { readonly type: 'string'; readonly maxLength: number } {
  return { type: 'string', maxLength: MAX_OPTION_LENGTH, ...spec };
}

export const COMMANDS = {
  actor: command({
    localName: 'aktor',
    description: {
      en: 'What a country, person or organization does and says in the articles',
      id: 'Apa yang dilakukan dan dikatakan negara, tokoh, atau organisasi dalam artikel',
    },
    options: {
      name: text({
        required: true,
        autocomplete: 'actor',
        localName: 'nama',
        description: { en: 'Who, e.g. russia or aliyev', id: 'Siapa, mis. rusia atau aliyev' },
      }),
    },
    answer: (kb, { name }, locale) => answerActor(kb, name, locale),
  }),
  quote: command({
    localName: 'kutipan',
    description: {
      en: 'What someone said, word for word, with the source',
      id: 'Apa yang dikatakan seseorang, kata demi kata, dengan sumbernya',
    },
    options: {
      speaker: text({
        required: true,
        autocomplete: 'speaker',
        localName: 'pembicara',
        description: { en: 'Who spoke, e.g. aliyev', id: 'Siapa yang berbicara, mis. aliyev' },
      }),
      topic: text({
        required: false,
        localName: 'topik',
        description: { en: 'Only quotes about this, e.g. negotiations', id: 'Hanya kutipan tentang ini, mis. perundingan' },
      }),
    },
    answer: (kb, { speaker, topic }, locale) => answerQuote(kb, speaker, topic, locale),
  }),
  scenario: command({
    localName: 'skenario',
    description: {
      en: 'How things could turn out, as the articles say; without a name, the list',
      id: 'Kemungkinan jalannya peristiwa menurut artikel; tanpa nama, daftarnya',
    },
    options: {
      name: text({
        required: false,
        autocomplete: 'scenario',
        localName: 'nama',
        description: { en: 'Which scenario; leave empty for the list', id: 'Skenario yang mana; kosongkan untuk melihat daftar' },
      }),
    },
    answer: (kb, { name }, locale) => answerScenario(kb, name, locale),
  }),
  search: command({
    localName: 'cari',
    description: {
      en: 'Find passages in the articles, in Indonesian or English',
      id: 'Cari bagian artikel, dalam bahasa Indonesia atau Inggris',
    },
    options: {
      query: text({
        required: true,
        localName: 'kata-kunci',
        description: { en: 'Words to look for, e.g. ceasefire', id: 'Kata yang dicari, mis. gencatan senjata' },
      }),
      actor: text({
        required: false,
        autocomplete: 'actor',
        localName: 'aktor',
        description: { en: 'Only passages that name this actor', id: 'Hanya bagian yang menyebut aktor ini' },
      }),
    },
    answer: (kb, { query, actor }, locale) => answerSearch(kb, query, actor, locale),
  }),
  source: command({
    localName: 'sumber',
    description: {
      en: 'A passage or an article with its full citation',
      id: 'Sebuah bagian atau artikel dengan kutipan sumber lengkapnya',
    },
    options: {
      id: text({
        required: true,
        autocomplete: 'source',
        localName: 'id',
        description: {
          en: 'Passage id as cited (e.g. nagorno-karabakh-2020#5) or a source id',
          id: 'Id bagian seperti dikutip (mis. nagorno-karabakh-2020#5) atau id sumber',
        },
      }),
    },
    answer: (kb, { id }, locale) => answerSource(kb, id, locale),
  }),
  help: command({
    localName: 'bantuan',
    description: { en: 'What Sumber can answer, and from which articles', id: 'Apa yang dapat dijawab Sumber, dan dari artikel mana' },
    options: {},
    answer: (kb, _options, locale) => answerHelp(kb, locale),
  }),
} as const satisfies Record<string, CommandSpec<OptionSpecs>>;

export type CommandName = keyof typeof COMMANDS;

/** The typed options of one command, e.g. `OptionsOf<'quote'>` is `{ speaker: string; topic?: string }`. */
export type OptionsOf<C extends CommandName> = ArgumentsOf<(typeof COMMANDS)[C]['options']>;

export const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(COMMANDS, name);
}

/** The option names of a command, in order. */
export function optionNames(name: CommandName): readonly string[] {
  return Object.keys(COMMANDS[name].options);
}

/** The spec of one option, or undefined for a name the command does not have. */
export function optionSpec(name: CommandName, option: string): OptionSpec | undefined {
  const options: OptionSpecs = COMMANDS[name].options;
  return Object.hasOwn(options, option) ? options[option] : undefined;
}
