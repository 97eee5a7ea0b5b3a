/**
 * The core's user-visible strings in English and Indonesian. Source text is never translated.
 */
import type { Locale } from './knowledge/model.js';

const MESSAGES = {
  en: {
    'input.empty': 'Type something to look for, e.g. {example}.',
    'input.tooLong': 'That is too long ({length} characters). Keep it under {max}.',
    'input.nothingUsable': 'There is nothing to look for in “{query}”: use letters or numbers.',
    'actor.unknown.title': 'No actor called “{query}”',
    'actor.unknown.intro': 'The articles name no one by that name.',
    'actor.didYouMean': 'Did you mean: {names}?',
    'actor.known': 'Known actors: {names}.',
    'actor.intro': '{description}Passages naming it: {passages} (sources: {sources}). Quotes by it or its people: {quotes}.',
    'actor.unlisted.title': '“{query}” (not in the actor list)',
    'actor.unlisted.intro': '“{query}” is not in actors.yaml, but the articles name it (passages: {passages}). Nothing below is curated.',
    'actor.position': 'Position',
    'actor.speaks': 'Speaks',
    'actor.acts': 'Acts',
    'actor.quote': 'Quote of {speaker}',
    'actor.mention': 'Mentioned',
    'quote.title': 'Quotes of {speaker}',
    'quote.titleTopic': 'Quotes of {speaker} on “{topic}”',
    'quote.intro': 'Direct quotes: {count}, word for word as the articles give them.',
    'quote.none.title': 'No quotes of {speaker}',
    'quote.none.intro': 'The articles quote {speaker} nowhere directly.',
    'quote.noneTopic.intro': 'The articles quote {speaker} (quotes: {count}), but never on “{topic}”.',
    'quote.unknown.title': 'No speaker called “{query}”',
    'quote.unknown.intro': 'No one by that name is quoted in the articles.',
    'quote.speakers': 'Quoted in the articles: {names}.',
    'quote.part': '(part {part} of {parts})',
    'quote.for': 'for {actor}',
    'scenario.listTitle': 'Scenarios',
    'scenario.listIntro':
      'Scenarios prepared by the teacher: {curated}. Then possible outcomes stated in the articles: {stated}. Ask /scenario with a name for the details.',
    'scenario.noneIntro': 'The articles state no possible outcomes.',
    'scenario.stated': 'Stated in the article',
    'scenario.actors': 'Actors: {names}.',
    'scenario.unknown.title': 'No scenario called “{query}”',
    'scenario.unknown.intro': 'Ask /scenario with no name for the list.',
    'scenario.evidence': 'Evidence',
    'search.title': 'Search: “{query}”',
    'search.titleActor': 'Search: “{query}”, about {actor}',
    'search.intro': 'Matching passages: {count}.',
    'search.none.title': 'Nothing found for “{query}”',
    'search.none.intro': 'No passage matches. Try fewer or other words, or the other language.',
    'search.unknownActor.title': 'No actor called “{query}”',
    'source.title': 'Passage {passageId}',
    'source.sourceTitle': 'Source {sourceId}',
    'source.meta': '{title}{publisher}{published}, paragraph {paragraph}, line {line}, characters {start}–{end}.',
    'source.sourceMeta': '{title}{publisher}{published}. Passages: {passages}. Ask /source with a passage id, e.g. {example}.',
    'source.text': 'Text',
    'source.unknown.title': 'No passage or source “{query}”',
    'source.unknown.intro': 'Passage ids look like {example}.',
    'help.title': 'Sumber: answers from the class articles',
    'help.intro':
      'Every answer comes only from the articles in the knowledge folder, each sentence with its source. Quotes are word for word.',
    'help.actor': 'What an actor (a state, person or organization) does and says. Example: /actor {actor}',
    'help.quote': 'Direct quotes of a speaker, optionally on a topic. Example: /quote {speaker}',
    'help.scenario': 'Possible outcomes the articles discuss; with a name, its details. Example: /scenario',
    'help.search': 'Passages about anything, in English or Indonesian, optionally about one actor. Example: /search {query}',
    'help.source': 'One passage in full, with its exact citation. Example: /source {passage}',
    'help.help': 'This overview.',
    'help.footer': 'Sources: {sources} · passages: {passages} · actors: {actors} · quotes: {quotes}',
    'footer.page': 'Page {page} of {pages}',
    'suggest.actor': 'Actor {name}',
    'suggest.scenario': 'Scenario {name}',
    'suggest.source': 'Passage {name}',
    'suggest.speaker': 'Speaker {name}',
    'suggest.search': 'Search {name}',
  },
  id: {
    'input.empty': 'Ketik sesuatu untuk dicari, misalnya {example}.',
    'input.tooLong': 'Itu terlalu panjang ({length} karakter). Maksimal {max}.',
    'input.nothingUsable': 'Tidak ada yang bisa dicari dalam “{query}”: gunakan huruf atau angka.',
    'actor.unknown.title': 'Tidak ada aktor bernama “{query}”',
    'actor.unknown.intro': 'Artikel tidak menyebut siapa pun dengan nama itu.',
    'actor.didYouMean': 'Mungkin maksud Anda: {names}?',
    'actor.known': 'Aktor yang dikenal: {names}.',
    'actor.intro': '{description}Disebut dalam {passages} bagian dari {sources} sumber; {quotes} kutipan darinya atau orang-orangnya.',
    'actor.unlisted.title': '“{query}” (tidak ada di daftar aktor)',
    'actor.unlisted.intro':
      '“{query}” tidak ada di actors.yaml, tetapi artikel menyebutnya dalam {passages} bagian. Tidak ada yang dikurasi di bawah ini.',
    'actor.position': 'Sikap',
    'actor.speaks': 'Berbicara',
    'actor.acts': 'Bertindak',
    'actor.quote': 'Kutipan {speaker}',
    'actor.mention': 'Disebut',
    'quote.title': 'Kutipan {speaker}',
    'quote.titleTopic': 'Kutipan {speaker} tentang “{topic}”',
    'quote.intro': '{count} kutipan langsung, kata demi kata seperti dalam artikel.',
    'quote.none.title': 'Tidak ada kutipan {speaker}',
    'quote.none.intro': 'Artikel tidak mengutip {speaker} secara langsung.',
    'quote.noneTopic.intro': 'Artikel mengutip {speaker} {count} kali, tetapi tidak pernah tentang “{topic}”.',
    'quote.unknown.title': 'Tidak ada pembicara bernama “{query}”',
    'quote.unknown.intro': 'Tidak ada yang dikutip dengan nama itu dalam artikel.',
    'quote.speakers': 'Yang dikutip dalam artikel: {names}.',
    'quote.part': '(bagian {part} dari {parts})',
    'quote.for': 'atas nama {actor}',
    'scenario.listTitle': 'Skenario',
    'scenario.listIntro':
      '{curated} skenario yang disiapkan guru, lalu {stated} pernyataan tentang kemungkinan hasil yang ditemukan dalam artikel. Tanyakan /scenario dengan nama untuk rinciannya.',
    'scenario.noneIntro': 'Artikel tidak menyebut kemungkinan hasil apa pun.',
    'scenario.stated': 'Disebut dalam artikel',
    'scenario.actors': 'Aktor: {names}.',
    'scenario.unknown.title': 'Tidak ada skenario bernama “{query}”',
    'scenario.unknown.intro': 'Tanyakan /scenario tanpa nama untuk melihat daftarnya.',
    'scenario.evidence': 'Bukti',
    'search.title': 'Pencarian: “{query}”',
    'search.titleActor': 'Pencarian: “{query}”, tentang {actor}',
    'search.intro': '{count} bagian cocok.',
    'search.none.title': 'Tidak ditemukan apa pun untuk “{query}”',
    'search.none.intro': 'Tidak ada bagian yang cocok. Coba kata lain, lebih sedikit kata, atau bahasa lain.',
    'search.unknownActor.title': 'Tidak ada aktor bernama “{query}”',
    'source.title': 'Bagian {passageId}',
    'source.sourceTitle': 'Sumber {sourceId}',
    'source.meta': '{title}{publisher}{published}, paragraf {paragraph}, baris {line}, karakter {start}–{end}.',
    'source.sourceMeta': '{title}{publisher}{published}: {passages} bagian. Tanyakan /source dengan id bagian, misalnya {example}.',
    'source.text': 'Teks',
    'source.unknown.title': 'Tidak ada bagian atau sumber “{query}”',
    'source.unknown.intro': 'Id bagian berbentuk seperti {example}.',
    'help.title': 'Sumber: jawaban dari artikel kelas',
    'help.intro':
      'Setiap jawaban hanya berasal dari artikel di folder pengetahuan, setiap kalimat dengan sumbernya. Kutipan ditampilkan kata demi kata.',
    'help.actor': 'Apa yang dilakukan dan dikatakan seorang aktor (negara, tokoh, atau organisasi). Contoh: /actor {actor}',
    'help.quote': 'Kutipan langsung seorang pembicara, bisa dengan topik. Contoh: /quote {speaker}',
    'help.scenario': 'Kemungkinan hasil yang dibahas artikel; dengan nama, rinciannya. Contoh: /scenario',
    'help.search': 'Bagian tentang apa saja, dalam bahasa Indonesia atau Inggris, bisa tentang satu aktor. Contoh: /search {query}',
    'help.source': 'Satu bagian secara utuh, dengan kutipan sumbernya yang tepat. Contoh: /source {passage}',
    'help.help': 'Ringkasan ini.',
    'help.footer': '{sources} sumber, {passages} bagian, {actors} aktor, {quotes} kutipan.',
    'footer.page': 'Halaman {page} dari {pages}',
    'suggest.actor': 'Aktor {name}',
    'suggest.scenario': 'Skenario {name}',
    'suggest.source': 'Bagian {name}',
    'suggest.speaker': 'Pembicara {name}',
    'suggest.search': 'Cari {name}',
  },
} as const satisfies Record<Locale, Record<string, string>>;

export type MessageKey = keyof (typeof MESSAGES)['en'];

/** A UI string in the given locale, with `{name}` placeholders filled. */
export function t(locale: Locale, key: MessageKey, vars: Readonly<Record<string, string | number>> = {}): string {
  const template: string = MESSAGES[locale][key] ?? MESSAGES.en[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** `id` for Indonesian (`id`, `id-ID`), English for everything else. */
export function localeOf(tag: string | undefined | null): Locale {
  return tag !== undefined && tag !== null && /^id\b/i.test(tag) ? 'id' : 'en';
}

/** Every key exists in both languages (checked by the type of MESSAGES); exported for tests. */
export const MESSAGE_KEYS = Object.keys(MESSAGES.en) as MessageKey[];

// Compile-time check: the Indonesian catalogue has every English key (tsc fails otherwise).
const INDONESIAN_IS_COMPLETE: Record<MessageKey, string> = MESSAGES.id;
void INDONESIAN_IS_COMPLETE;
