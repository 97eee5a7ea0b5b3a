/**
 * Plain data that flows from the knowledge folder to a reply. Nothing here does I/O.
 */

/** The two languages replies are written in. Source text always stays as written. */
export type Locale = 'en' | 'id';

/** A text given in both reply languages. */
export type Localized = { readonly en: string; readonly id: string };

/** One file in `knowledge/sources/`. */
export type Source = {
  /** File name without its extension, e.g. `nagorno-karabakh-2020`. */
  readonly id: string;
  /** Path relative to the knowledge folder, e.g. `sources/nagorno-karabakh-2020.md`. */
  readonly file: string;
  readonly title: string;
  /** BCP-47-ish language code from front matter (`id`, `en`, ...); `und` when unknown. */
  readonly language: string;
  readonly published?: string;
  readonly publisher?: string;
  readonly url?: string;
  /** The whole file as read (front matter included); passage offsets point into it. */
  readonly content: string;
  /** Offset in `content` where the text after the front matter begins. */
  readonly bodyStart: number;
};

/** A citable piece of a source: a paragraph, or a sentence-aligned part of a long one. */
export type Passage = {
  /** `<sourceId>#<paragraph>` or, for a part of a long paragraph, `<sourceId>#<paragraph>.<part>`. */
  readonly id: string;
  readonly sourceId: string;
  /** 1-based paragraph number within the source. */
  readonly paragraph: number;
  /** 1-based part within the paragraph; 1 when the paragraph was not split. */
  readonly part: number;
  /** Offsets into `Source.content`: `content.slice(start, end) === text`. */
  readonly start: number;
  readonly end: number;
  /** 1-based line in the file where the passage starts. */
  readonly line: number;
  readonly text: string;
};

export type ActorKind = 'state' | 'person' | 'organization' | 'group';

/** A position an actor takes, written by the teacher, backed by passages. */
export type CuratedPosition = {
  readonly text: Localized;
  readonly evidence: readonly string[];
};

/** An entry of `knowledge/actors.yaml`. */
export type Actor = {
  readonly id: string;
  readonly names: Localized;
  readonly aliases: readonly string[];
  readonly kind: ActorKind;
  /** Actor id this one speaks for (Aliyev -> azerbaijan). */
  readonly affiliation?: string;
  /** One line about the actor, written by the teacher; shown only with `descriptionEvidence`. */
  readonly description?: Localized;
  /** Passages the description is taken from. */
  readonly descriptionEvidence?: readonly string[];
  readonly positions: readonly CuratedPosition[];
  /**
   * Roles that stand for this person in the text (`the PM said`, `kata Menlu RI`), per language,
   * as written in `actors.yaml` (`titles: { en: [prime minister, PM], id: [perdana menteri] }`).
   */
  readonly titles?: ActorTitles;
};

/** A curated text the running bot does not show because its evidence does not hold (see `kb check`). */
export type LeftOut = {
  readonly file: string;
  readonly line: number;
  readonly actorId: string;
  readonly part: 'description' | 'position';
  /** The text in English, for the teacher to recognize it. */
  readonly text: string;
  /** Why, in words a teacher understands. */
  readonly reason: string;
};

/** An actor's titles per language; either list may be empty. */
export type ActorTitles = { readonly en: readonly string[]; readonly id: readonly string[] };

/** Where a name of an actor occurs in a passage. Offsets into `Source.content`. */
export type Mention = {
  readonly actorId: string;
  readonly passageId: string;
  readonly start: number;
  readonly end: number;
  /** The text as it stands in the source. */
  readonly surface: string;
};

/** A direct quote found in a source, verbatim. */
export type Quote = {
  /** `<passageId>~<n>`: stable as long as the passage is. */
  readonly id: string;
  /** Exactly the characters between the quote marks. */
  readonly text: string;
  readonly sourceId: string;
  /** Passage in which the quote opens. */
  readonly passageId: string;
  /** Offsets of `text` in `Source.content`. */
  readonly start: number;
  readonly end: number;
  /** Actor id when the registry knows the speaker. */
  readonly speaker: string | null;
  /** The speaker's name as written in the source (or the actor's name when resolved through a pronoun). */
  readonly speakerName: string | null;
};

/** An entry of `knowledge/scenarios.yaml`. */
export type Scenario = {
  readonly id: string;
  readonly title: Localized;
  readonly summary: Localized;
  readonly actors: readonly string[];
  readonly evidence: readonly string[];
  /** The guiding question of a class discussion on it (`questions: {en, id}`), if the teacher wrote one. */
  readonly question?: Localized;
  /** The stance check-in's own choices (`options:`), instead of agree / unsure / disagree. */
  readonly stanceOptions?: readonly Localized[];
};

/** A problem in the knowledge folder, reported as `file:line: message`. */
export type Problem = {
  /** Path relative to the knowledge folder (or absolute when outside it). */
  readonly file: string;
  readonly line: number;
  readonly message: string;
  /**
   * `error` (the default) means something would be lost: the folder is not loaded. A `warning`
   * leaves the rest usable (a citation is dropped, a field ignored). A `note` says what was done
   * on the teacher's behalf (a page-furniture line skipped) and is not a problem.
   */
  readonly severity?: 'error' | 'warning' | 'note';
};

/** A glossary entry: words in one language that mean the same as words in another. */
export type GlossaryEntry = {
  readonly en: readonly string[];
  readonly id: readonly string[];
};

/** The raw, validated content of a knowledge folder, before anything is derived from it. */
export type KnowledgeFiles = {
  readonly dir: string;
  readonly sources: readonly Source[];
  readonly actors: readonly Actor[];
  readonly scenarios: readonly Scenario[];
  readonly glossary: readonly GlossaryEntry[];
  /** Line of each actor / scenario entry, for `file:line` messages. */
  readonly lines: ReadonlyMap<string, number>;
};
