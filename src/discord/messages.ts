/**
 * The Discord edge's own words (the core's replies carry theirs). Every user-facing error is an
 * identifier here, localized at the last moment, so the dispatcher and the preconditions never
 * hold display text.
 */
import type { Locale } from '../knowledge/model.js';

const EN = {
  cooldown: 'Slow down a little: try again in {seconds} s.',
  wrongChannel: 'I answer only in {channels}. Ask me there.',
  notYourButtons: 'Only the person who asked can turn these pages. Ask your own with /{command}.',
  pageExpired: 'This result has expired. Ask again with /{command}.',
  buttonInvalid: 'This button is no longer valid. Ask again.',
  moderatorOnly: 'Only moderators (Manage Server) can use /{command}.',
  unknownCommand: 'This command is not available any more. Try /help.',
  genericError:
    'Something went wrong on my side, sorry. Please try again; if it keeps happening, tell your teacher (reference {reference}).',
  reloadOkTitle: 'Knowledge reloaded',
  reloadOk:
    'Now serving {sources} sources, {passages} passages, {actors} actors, {quotes} quotes and {scenarios} scenarios (built in {ms} ms).',
  reloadFailedTitle: 'Reload failed: still serving the last good knowledge',
  reloadFailed: 'The knowledge folder has problems, so nothing changed for students. Fix these and run /kb reload again:',
  reloadWarnings: 'Warnings',
  moreProblems: '…and {count} more (run `npm run kb -- check` to see them all).',
  statusTitle: 'Knowledge status',
  statusSources: 'Sources',
  statusPassages: 'Passages',
  statusActors: 'Actors',
  statusQuotes: 'Quotes',
  statusScenarios: 'Scenarios',
  statusLoaded: 'Serving since',
  statusLastReload: 'Last reload',
  statusNoReload: 'none since start-up',
  statusReloadOk: '{when}: succeeded',
  statusReloadFailed: '{when}: failed, {count} problem(s); the knowledge loaded {loaded} is still served',
  statusProblems: 'Problems',
  statusNoProblems: 'none',
  statusWatching: 'Watching the folder',
  statusEventLoop: 'Event-loop delay',
  statusEventLoopValue: 'p50 {p50} ms · p99 {p99} ms · max {max} ms (last {seconds} s)',
  yes: 'yes',
  no: 'no',
  page: 'Page {page}/{pages}',
  suggestions: 'Did you mean',
  emptyAnswer: 'No answer.',
} as const;

export type MessageKey = keyof typeof EN;

const ID = {
  cooldown: 'Pelan-pelan dulu: coba lagi dalam {seconds} detik.',
  wrongChannel: 'Saya hanya menjawab di {channels}. Silakan bertanya di sana.',
  notYourButtons: 'Hanya penanya yang dapat membalik halaman ini. Ajukan pertanyaan sendiri dengan /{command}.',
  pageExpired: 'Hasil ini sudah kedaluwarsa. Tanyakan lagi dengan /{command}.',
  buttonInvalid: 'Tombol ini sudah tidak berlaku. Silakan bertanya lagi.',
  moderatorOnly: 'Hanya moderator (Kelola Server) yang dapat memakai /{command}.',
  unknownCommand: 'Perintah ini sudah tidak tersedia. Coba /bantuan.',
  genericError: 'Maaf, terjadi kesalahan di pihak saya. Silakan coba lagi; jika terus terjadi, beri tahu guru Anda (rujukan {reference}).',
  reloadOkTitle: 'Pengetahuan dimuat ulang',
  reloadOk:
    'Sekarang melayani {sources} sumber, {passages} bagian, {actors} aktor, {quotes} kutipan, dan {scenarios} skenario (dibangun dalam {ms} md).',
  reloadFailedTitle: 'Gagal memuat ulang: tetap melayani pengetahuan terakhir yang baik',
  reloadFailed:
    'Folder pengetahuan bermasalah, jadi tidak ada yang berubah bagi siswa. Perbaiki masalah berikut lalu jalankan /kb reload lagi:',
  reloadWarnings: 'Peringatan',
  moreProblems: '…dan {count} lagi (jalankan `npm run kb -- check` untuk melihat semuanya).',
  statusTitle: 'Status pengetahuan',
  statusSources: 'Sumber',
  statusPassages: 'Bagian',
  statusActors: 'Aktor',
  statusQuotes: 'Kutipan',
  statusScenarios: 'Skenario',
  statusLoaded: 'Dilayani sejak',
  statusLastReload: 'Muat ulang terakhir',
  statusNoReload: 'belum ada sejak dimulai',
  statusReloadOk: '{when}: berhasil',
  statusReloadFailed: '{when}: gagal, {count} masalah; pengetahuan yang dimuat {loaded} tetap dilayani',
  statusProblems: 'Masalah',
  statusNoProblems: 'tidak ada',
  statusWatching: 'Memantau folder',
  statusEventLoop: 'Jeda event loop',
  statusEventLoopValue: 'p50 {p50} md · p99 {p99} md · maks {max} md ({seconds} detik terakhir)',
  yes: 'ya',
  no: 'tidak',
  page: 'Halaman {page}/{pages}',
  suggestions: 'Mungkin maksud Anda',
  emptyAnswer: 'Tidak ada jawaban.',
} as const satisfies Record<MessageKey, string>;

const MESSAGES = { en: EN, id: ID } as const satisfies Record<Locale, Record<MessageKey, string>>;

/**
 * A message in the reader's language, with `{name}` placeholders filled.
 *
 * @example
 * message('id', 'cooldown', { seconds: 3 }) // 'Pelan-pelan dulu: coba lagi dalam 3 detik.'
 */
export function message(locale: Locale, key: MessageKey, params: Readonly<Record<string, string | number>> = {}): string {
  return MESSAGES[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Discord sends `id` for Indonesian and `en-US`, `en-GB`, ... for English; anything else reads English. */
export function localeOf(discordLocale: string | null | undefined): Locale {
  return discordLocale === 'id' ? 'id' : 'en';
}
