/**
 * Direct quotes in a source, verbatim, with their speakers. Pure functions, no I/O.
 *
 * Three steps, one source at a time:
 * 1. Spans: a small stack machine over the quote marks of each paragraph finds the outermost
 *    quoted spans (nested quotes stay inside their outer quote; apostrophes are not marks).
 * 2. Attribution: the words right after a span (`," kata Aliyev`, `," she said`) or right before
 *    it (`Menurut X, "`, `X mengatakan, "`, a lead-in ending in `:`) name the speaker, a pronoun,
 *    a role, or nothing. Short spans with no attribution are scare quotes and are dropped.
 * 3. Discourse: pronouns (`Ia`, `katanya`, `he said`) and follow-up quotes with no attribution
 *    of their own are resolved against what the article said before.
 *
 * Everything here is rules, no statistics: each rule says why it holds in news text.
 */
import type { ActorKind, Passage, Quote, Source } from '../model.js';
import { type ActorMatcher, findMentionsInText } from '../actors.js';
import { foldText } from '../../text.js';

// ---------------------------------------------------------------------------------------------
// Word lists. Folded (lower case, no diacritics). Indonesian and English side by side.

const set = (...lists: readonly string[][]): ReadonlySet<string> => new Set(lists.flat());

/** Verbs that come right after a quote and before the speaker: `," kata Aliyev`, `," said Okafor`. */
const VERB_FIRST_ID = [
  'kata', 'ujar', 'ucap', 'tambah', 'tegas', 'tulis', 'jelas', 'ungkap', 'lanjut', 'imbuh', 'tutur',
  'papar', 'terang', 'sebut', 'seru', 'pungkas', 'sambung', 'timpal', 'jawab', 'tanya', 'kilah', 'cetus',
  'tandas', 'beber', 'pinta', 'desak', 'bilang', 'tukas', 'ingat', 'sergah', 'keluh', 'harap', 'akui',
];
const VERB_FIRST_EN = [
  'said', 'says', 'added', 'adds', 'asked', 'asks', 'wrote', 'writes', 'continued', 'replied', 'explained',
  'recalled', 'noted', 'warned', 'insisted', 'argued', 'declared', 'stated', 'told', 'tweeted', 'posted',
  'concluded', 'admitted', 'shouted', 'answered', 'responded', 'cautioned', 'acknowledged', 'stressed',
  'remarked', 'observed', 'commented', 'claimed', 'countered', 'conceded', 'confirmed', 'reiterated',
  'emphasized', 'emphasised', 'vowed', 'predicted', 'complained', 'urged', 'announced', 'joked', 'whispered',
];
const VERB_FIRST = set(VERB_FIRST_ID, VERB_FIRST_EN);
/** `katanya`, `ujarnya`, `lanjutnya`, `imbuhnya`: the speaker is whoever spoke or was named last. */
const NYA_FORMS = set(VERB_FIRST_ID.map((v) => `${v}nya`));

/** Verbs that follow their subject: `X mengatakan, "…"`, `"…," X said`. Matched in lower case only. */
const SPEECH_VERBS = set(
  [
    'mengatakan', 'berkata', 'menegaskan', 'menambahkan', 'menjelaskan', 'mengungkapkan', 'menuturkan',
    'menyatakan', 'mengaku', 'mengakui', 'memperingatkan', 'melanjutkan', 'menjawab', 'bertanya', 'menanyakan',
    'menandaskan', 'memaparkan', 'menerangkan', 'mengingatkan', 'menukas', 'berujar', 'menyampaikan',
    'mengklaim', 'mendesak', 'meminta', 'menyerukan', 'berpesan', 'berseru', 'mencuit', 'menulis',
    'mengumumkan', 'menilai', 'menanggapi', 'menyebutkan', 'menceritakan', 'bercerita', 'berharap',
    'mengeluhkan', 'menekankan', 'membantah', 'menampik', 'menuding', 'menuduh', 'berjanji', 'mengimbau',
  ],
  VERB_FIRST_EN,
  ['say', 'tell', 'tells', 'write'],
);
/** Participles take the subject of their sentence: `X urged …, warning that "…"`. */
const PARTICIPLES = set(['saying', 'adding', 'warning', 'noting', 'insisting', 'arguing', 'writing', 'explaining', 'stressing', 'telling', 'asking']);
/** Indonesian words that make the next speech verb take the sentence subject: `seraya menambahkan`. */
const CLAUSE_LINKS = set(['seraya', 'sambil', 'lalu', 'kemudian', 'and', 'dan']);
/**
 * Verbs that name rather than report (`menyebut X "…"`, `called it "…"`): they give a long quote
 * its speaker but do not make a short span a quote.
 */
const NAMING_VERBS = set(['menyebut', 'menyebutnya', 'menggambarkan', 'menamai', 'menjuluki', 'called', 'calls', 'described', 'describes', 'describing', 'dubbed', 'labelled', 'labeled', 'branded', 'termed']);
/**
 * Words right before a span that mark it as a name, title or label, not speech:
 * `yang disebut "…"`, `the so-called "…"`, `spanduk bertuliskan "…"`, `a report titled "…"`.
 */
const LABEL_CUES = set([
  'disebut', 'sebut', 'dijuluki', 'julukan', 'istilah', 'berjudul', 'bertajuk', 'bertema', 'bernama',
  'bertuliskan', 'dinamai', 'dinamakan', 'so-called', 'dubbed', 'titled', 'entitled', 'named', 'nicknamed',
  'term', 'termed', 'labelled', 'labeled', 'branded', 'slogan', 'semboyan', 'tagar', 'hashtag',
  // Nicknames: `akrab disapa "…"`, `dengan sebutan "…"` (and `call her "…"`, see NICKNAME_VERBS).
  'dipanggil', 'disapa', 'sapaan', 'sebutan', 'panggilan', 'memanggilnya',
]);
/**
 * Verbs that give a person a nickname when a person is their object: `whom fans call her "…"`,
 * `called him "…"`. Alone (`which she called "…"`) they name a thing, often in the speaker's words.
 */
const NICKNAME_VERBS = set(['call', 'calls', 'called', 'calling']);
/**
 * Words that introduce written text (`banners reading "…"`, `a sign that read "…"`) when the span
 * follows them directly; after a colon (`the statement read: "…"`) what follows may be a quote.
 */
const WRITING_CUES = set(['read', 'reads', 'reading']);
/** Objects of a nickname verb: `call her "…"`, `called him "…"`. */
const OBJECT_PRONOUNS = set(['him', 'her', 'them', 'me', 'us', 'you']);
/** English pronouns that, followed by a verb after `said`, make it a reported clause (`said she would`), not a tag. */
const EN_SUBJECT_PRONOUNS = set(['he', 'she', 'they', 'we', 'i', 'it']);
/** Words that open a relative clause after a name: `X, who …, voted`, `X, whose son …, said`. */
const RELATIVE_WORDS = set(['who', 'whom', 'whose', 'which', 'yang']);
/** Relative words that are the subject of their clause, so that a speech verb in it is still the name's (`X yang … mengatakan`). */
const SUBJECT_RELATIVES = set(['who', 'yang']);
/** Titles that say whether a person is a man or a woman, for `he`/`she`. */
const MALE_TITLES = set(['mr', 'sir', 'king', 'lord', 'prince', 'pak', 'bapak', 'tuan', 'spokesman', 'chairman']);
const FEMALE_TITLES = set(['mrs', 'ms', 'miss', 'dame', 'lady', 'queen', 'princess', 'bu', 'ibu', 'nyonya', 'spokeswoman', 'chairwoman']);

const PERSON_PRONOUNS = set(['ia', 'dia', 'beliau', 'he', 'she']);
/** Speakers we cannot name honestly: plural and first-person pronouns, `it` (an organisation). */
const OTHER_PRONOUNS = set(['they', 'mereka', 'we', 'kami', 'kita', 'it', 'i', 'saya', 'aku']);

/** Words of a title in front of a name: stripped from the speaker's name. */
const TITLE_WORDS = set([
  'presiden', 'wapres', 'wakil', 'menteri', 'menlu', 'menhan', 'perdana', 'sekretaris', 'jenderal', 'sekjen',
  'duta', 'besar', 'dubes', 'juru', 'bicara', 'jubir', 'kepala', 'ketua', 'gubernur', 'walikota', 'wali',
  'bupati', 'panglima', 'komandan', 'direktur', 'kapten', 'letnan', 'kolonel', 'laksamana', 'brigjen',
  'mayjen', 'letjen', 'profesor', 'prof', 'dr', 'doktor', 'pak', 'bu', 'bapak', 'ibu', 'tuan', 'nyonya',
  'raja', 'ratu', 'pangeran', 'sultan', 'syekh', 'kanselir', 'anggota', 'senator', 'pengamat', 'analis',
  'peneliti', 'dosen', 'pemimpin', 'koordinator', 'komisaris', 'kapolri', 'kapolda', 'kapolres', 'inspektur',
  'utusan', 'khusus', 'ustaz', 'ustad', 'ustadz', 'kiai', 'kyai', 'habib', 'pendeta', 'romo', 'uskup', 'haji',
  'hj', 'ir', 'drs', 'luar', 'negeri', 'pertahanan', 'keuangan', 'pendidikan', 'kesehatan', 'perdagangan',
  'utama', 'eksekutif', 'president', 'vice', 'prime', 'minister', 'foreign', 'defence', 'defense', 'interior',
  'finance', 'labour', 'labor', 'health', 'education', 'trade', 'secretary', 'general', 'ambassador',
  'spokesperson', 'spokesman', 'spokeswoman', 'chief', 'head', 'director', 'governor', 'mayor', 'commander',
  'colonel', 'captain', 'lieutenant', 'admiral', 'sergeant', 'professor', 'mr', 'mrs', 'ms', 'miss', 'sir',
  'dame', 'lord', 'king', 'queen', 'prince', 'princess', 'chancellor', 'sen', 'rep', 'representative', 'gen',
  'col', 'lt', 'capt', 'sgt', 'adm', 'gov', 'former', 'deputy', 'acting', 'interim', 'senior', 'executive',
  'chairman', 'chairwoman', 'chair', 'ceo', 'leader', 'pope', 'rev', 'reverend', 'sheikh', 'rabbi', 'judge',
  'inspector', 'superintendent', 'commissioner', 'envoy', 'special', 'coordinator', 'mantan', 'mp', 'mep', 'coach',
]);
/** Words that make a capitalized name an organisation or a place, not a person. */
const ORG_WORDS = set([
  'kementerian', 'departemen', 'ministry', 'department', 'dewan', 'council', 'universitas', 'university',
  'institut', 'institute', 'lembaga', 'badan', 'agency', 'authority', 'otoritas', 'komisi', 'commission',
  'committee', 'komite', 'partai', 'party', 'serikat', 'union', 'perusahaan', 'company', 'corporation',
  'logistics', 'bank', 'kepolisian', 'police', 'polisi', 'tentara', 'army', 'angkatan', 'forces', 'pasukan',
  'militer', 'pengadilan', 'court', 'mahkamah', 'parlemen', 'parliament', 'kongres', 'congress', 'senat',
  'senate', 'pemerintah', 'government', 'kantor', 'office', 'kedutaan', 'embassy', 'kota', 'city', 'desa',
  'village', 'kabupaten', 'provinsi', 'province', 'lembah', 'valley', 'sungai', 'river', 'dam', 'bendungan',
  'pelabuhan', 'port', 'harbour', 'harbor', 'bandara', 'airport', 'jalan', 'street', 'gedung', 'istana',
  'palace', 'hotel', 'sekolah', 'school', 'kampus', 'hospital', 'yayasan', 'foundation', 'organisasi',
  'organization', 'organisation', 'federasi', 'federation', 'asosiasi', 'association', 'republik', 'republic',
  'kerajaan', 'kingdom', 'times', 'post', 'news', 'warta', 'kantor', 'group', 'grup', 'inc', 'ltd', 'corp',
  // Associations of people: `Ketua Paguyuban Pedagang Pasar X`, `Forum Warga Y`.
  'paguyuban', 'himpunan', 'perkumpulan', 'ikatan', 'forum', 'komunitas', 'persatuan', 'perhimpunan', 'gabungan',
  'aliansi', 'koalisi', 'koperasi', 'kelompok', 'alliance', 'coalition', 'network', 'society', 'club', 'trust',
  'cooperative', 'collective',
]);
/** Capitalized words that start a sentence or a date, not a name: stripped from the front of a name. */
const NOT_NAMES = set([
  'the', 'a', 'an', 'but', 'and', 'or', 'in', 'on', 'at', 'after', 'before', 'when', 'while', 'then', 'later',
  'speaking', 'writing', 'asked', 'however', 'meanwhile', 'yesterday', 'today', 'also', 'if', 'as', 'since',
  'for', 'with', 'by', 'from', 'to', 'of', 'this', 'that', 'these', 'those', 'it', 'its', 'his', 'her',
  'their', 'our', 'my', 'your', 'until', 'namun', 'tetapi', 'tapi', 'dan', 'atau', 'dalam', 'pada', 'di',
  'ke', 'dari', 'sementara', 'menurut', 'ketika', 'saat', 'seusai', 'usai', 'setelah', 'sebelum', 'sedangkan',
  'adapun', 'hal', 'ini', 'itu', 'kemudian', 'lalu', 'selain', 'bahkan', 'meski', 'meskipun', 'jika', 'bila',
  'apabila', 'karena', 'sebab', 'hingga', 'sampai', 'untuk', 'bagi', 'kepada', 'oleh', 'dengan', 'melalui',
  'para', 'sang', 'seorang', 'mereka', 'kami', 'kita', 'saya', 'anda', 'hari', 'kemarin', 'jadi', 'sejak',
  'selama', 'tahun', 'pekan', 'bulan', 'senin', 'selasa', 'rabu', 'kamis', 'jumat', 'sabtu', 'minggu',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'januari', 'februari', 'maret',
  'april', 'mei', 'juni', 'juli', 'agustus', 'september', 'oktober', 'november', 'desember', 'january',
  'february', 'march', 'june', 'july', 'august', 'october', 'december', 'ia', 'dia', 'beliau', 'he', 'she',
  'they', 'we', 'i', 'demikian', 'sumber', 'seperti', 'according',
]);
/** Nouns for people: `ujar diplomat senior itu`, `the minister said` point back to a person. */
const PERSON_NOUNS = set([
  'manager', 'pollster', 'economist', 'ekonom', 'strategist', 'adviser', 'advisor', 'candidate', 'challenger',
  'voter', 'warganet', 'pedagang', 'pembeli', 'campaigner', 'organiser', 'organizer', 'councillor', 'councilor',
  'critic', 'researcher', 'scientist', 'expert', 'pakar', 'ahli', 'neighbour', 'neighbor', 'director',
  'diplomat', 'menteri', 'presiden', 'pejabat', 'politikus', 'politisi', 'pengamat', 'analis', 'warga', 'petani',
  'mahasiswa', 'pria', 'wanita', 'perempuan', 'lelaki', 'perwira', 'jenderal', 'tokoh', 'ulama', 'pemimpin',
  'utusan', 'koordinator', 'pengacara', 'aktivis', 'dokter', 'guru', 'dosen', 'peneliti', 'insinyur',
  'nelayan', 'buruh', 'pengungsi', 'saksi', 'korban', 'bicara', 'jubir', 'minister', 'president', 'official',
  'officer', 'spokesperson', 'spokesman', 'spokeswoman', 'man', 'woman', 'analyst', 'professor', 'mayor',
  'governor', 'leader', 'envoy', 'farmer', 'student', 'resident', 'veteran', 'general', 'senator', 'secretary',
  'chief', 'executive', 'lawyer', 'activist', 'engineer', 'inspector', 'doctor', 'nurse', 'teacher',
  'witness', 'worker', 'operator', 'colonel', 'commander', 'ambassador', 'negotiator', 'chairman', 'director',
  'diplomats', 'officials', 'pejabat', 'source', 'sumber',
]);
/** Small words allowed inside a role phrase: `juru bicara …`, `a spokesperson for …`, `diplomat senior itu`. */
const ROLE_FILLERS = set([
  'the', 'a', 'an', 'seorang', 'sang', 'salah', 'satu', 'para', 'senior', 'former', 'mantan', 'deputy', 'wakil',
  'acting', 'top', 'itu', 'tersebut', 'for', 'of', 'dari', 'from', 'local', 'setempat', 'regional', 'national',
  'foreign', 'luar', 'negeri', 'kepala', 'ketua', 'head', 'lead', 'military', 'militer', 'government',
  'pemerintah', 'aksi', 'kementerian',
]);
/** Lower-case particles inside a person's name: `Ibn Saud`, `Ursula von der Leyen`. */
const NAME_PARTICLES = set(['bin', 'binti', 'ibn', 'van', 'von', 'de', 'der', 'den', 'al', 'el', 'da', 'dos', 'del', 'la', 'le']);
/** What may follow `X said` when the attribution is a sentence of its own: `"…." Kata Aliyev pada …`. */
const ATTRIBUTION_TAIL = set([
  'in', 'at', 'on', 'to', 'during', 'after', 'before', 'from', 'with', 'via', 'pada', 'di', 'dalam', 'kepada',
  'saat', 'ketika', 'usai', 'seusai', 'setelah', 'sebelum', 'melalui', 'lewat', 'dengan', 'sambil', 'seraya',
  'kemarin', 'reporters', 'journalists', 'wartawan', 'media', 'yesterday', 'today', 'later', 'earlier', 'as',
]);
/** Words before a name that make it a place: `in Santa Lucia`, `di Cimanggu`. */
const PLACE_PREPOSITIONS = set(['in', 'at', 'near', 'outside', 'inside', 'across', 'di']);
/** Words between a subject and its verb: `Sol later wrote`, `Ia juga mengatakan`. */
const ADVERBS = set([
  'later', 'also', 'then', 'again', 'earlier', 'previously', 'repeatedly', 'once', 'had', 'has', 'have', 'was',
  'would', 'will', 'has', 'juga', 'kemudian', 'lalu', 'pun', 'sempat', 'telah', 'sudah', 'pernah', 'akan',
  'kembali', 'bahkan', 'hanya', 'sebelumnya', 'kerap', 'sering', 'lantas',
]);
const ABBREVIATIONS = set([
  'dr', 'prof', 'mr', 'mrs', 'ms', 'st', 'jr', 'sr', 'no', 'vs', 'gen', 'lt', 'col', 'capt', 'sgt', 'gov', 'sen',
  'rep', 'ir', 'drs', 'hj', 'h', 'kh', 'tn', 'ny', 'sdr', 'bpk', 'jl', 'adm', 'rev',
]);

const kindsByMatcher = new WeakMap<ActorMatcher, ReadonlyMap<string, ActorKind>>();
/** Kind of each registry actor, computed once per matcher. */
function actorKinds(matcher: ActorMatcher): ReadonlyMap<string, ActorKind> {
  let kinds = kindsByMatcher.get(matcher);
  if (!kinds) {
    kinds = new Map(matcher.actors.map((a) => [a.id, a.kind]));
    kindsByMatcher.set(matcher, kinds);
  }
  return kinds;
}

// ---------------------------------------------------------------------------------------------
// Characters.

const DOUBLE_MARKS = '"＂“”„‟«»';
const SINGLE_MARKS = "'‘’‚‹›";
const isSpace = (c: string | undefined): boolean => c === undefined || /\s/u.test(c);
const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}\p{M}]/u.test(c);
const isDigit = (c: string | undefined): boolean => c !== undefined && /\p{N}/u.test(c);
const isQuoteMark = (c: string | undefined): boolean => c !== undefined && (DOUBLE_MARKS + SINGLE_MARKS).includes(c);
const isUpper = (s: string): boolean => /^\p{Lu}/u.test(s);
const wordCount = (s: string): number => s.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;

// ---------------------------------------------------------------------------------------------
// Step 1: quoted spans.

type Family = 'double' | 'single';
type OpenEntry = { readonly index: number; readonly family: Family; readonly straight: boolean };

/** An outermost quoted span of a paragraph. Offsets into `Source.content`. */
type Span = {
  /** Offset of the opening mark. */
  readonly open: number;
  /** Offset of the closing mark; null when the quote runs on into the next paragraph. */
  readonly close: number | null;
  readonly textStart: number;
  readonly textEnd: number;
};

type Action = { readonly kind: 'open' | 'close'; readonly family: Family } | null;

/**
 * What a quote mark does here, from the mark itself and the characters around it (the way
 * CommonMark decides emphasis): a mark followed by a word and preceded by a space can open, one
 * preceded by a word and followed by a space or punctuation can close.
 */
function markAction(text: string, i: number, openDoubles: number, openSingles: number, lastSingleCloser: number): Action {
  const c = text[i] as string;
  const prev = i > 0 ? text[i - 1] : undefined;
  const next = text[i + 1];
  const openSide = !isSpace(next) && (prev === undefined || isSpace(prev) || /[([{\-–—/:]/u.test(prev) || isQuoteMark(prev));
  const closeSide = !isSpace(prev) && (next === undefined || isSpace(next) || /[\p{P}\p{S}]/u.test(next));
  switch (c) {
    case '”':
    case '»':
      // A closing mark closes whatever double quote is open, even as `, ”kata` (space before it).
      if (openDoubles > 0) return { kind: 'close', family: 'double' };
      return openSide ? { kind: 'open', family: 'double' } : null;
    case '“':
    case '«':
    case '„':
    case '‟':
      // “ also closes („…“ in German, or a mistyped “…“) when it sits where a closing mark sits.
      if (c !== '„' && c !== '‟' && openDoubles > 0 && closeSide && !openSide) return { kind: 'close', family: 'double' };
      if (next === undefined) return openDoubles > 0 ? { kind: 'close', family: 'double' } : null;
      return { kind: 'open', family: 'double' };
    case '"':
    case '＂':
      if (closeSide && !openSide) return openDoubles > 0 ? { kind: 'close', family: 'double' } : null;
      if (openSide && !closeSide) return { kind: 'open', family: 'double' };
      if (openDoubles > 0) return { kind: 'close', family: 'double' };
      return next === undefined ? null : { kind: 'open', family: 'double' };
    case '‘':
    case '‹':
    case '‚':
      if (isWordChar(prev) && isWordChar(next)) return null; // Qur‘an
      if (isDigit(next)) return null; // ‘90s, typed with the wrong mark
      if (c !== '‚' && openSingles > 0 && closeSide && !openSide) return { kind: 'close', family: 'single' };
      return openSide ? { kind: 'open', family: 'single' } : null;
    case '’':
    case '›':
      if (isWordChar(prev) && isWordChar(next)) return null; // don’t, Ma’ruf
      if (isDigit(next)) return null; // ’90s
      if (pluralPossessive(text, i, lastSingleCloser)) return null;
      return openSingles > 0 && !isSpace(prev) ? { kind: 'close', family: 'single' } : null;
    case "'":
      if (isWordChar(prev) && isWordChar(next)) return null; // don't, Qur'an, Ma'ruf
      if (isDigit(next) && isSpace(prev)) return null; // '09
      if (pluralPossessive(text, i, lastSingleCloser)) return null;
      if (closeSide && !openSide) return openSingles > 0 ? { kind: 'close', family: 'single' } : null; // students'
      return openSide && !closeSide ? { kind: 'open', family: 'single' } : null;
    default:
      return null;
  }
}

/**
 * `the students’ demands` inside ‘…’: an `s’` followed by a lower-case word is a plural
 * possessive, not the end of the quote, as long as a later mark can still close it.
 */
function pluralPossessive(text: string, i: number, lastSingleCloser: number): boolean {
  return i < lastSingleCloser && text[i - 1] === 's' && /^\s\p{Ll}/u.test(text.slice(i + 1, i + 3));
}

const QUOTE_MARK_RE = /["＂“”„‟«»'‘’‚‹›]/gu;

/**
 * Outermost quoted spans of the paragraph `content[start, end)`. A quote still open at the end
 * of the paragraph is kept only when `nextOpensQuote` (the English convention for a quote over
 * several paragraphs: no closing mark, and the next paragraph opens again); otherwise we cannot
 * tell where it ends, and nothing is better than a guess.
 */
function findSpans(content: string, start: number, end: number, nextOpensQuote: boolean): Span[] {
  const text = content.slice(start, end);
  const spans: Span[] = [];
  const stack: OpenEntry[] = [];
  const open = { double: 0, single: 0 };
  // Where the last mark that could close a double quote stands (see the curly-after-straight rule),
  // and the last single mark that is not inside a word (an apostrophe in `don’t` closes nothing).
  const lastDoubleCloser = Math.max(...[...'"＂”»“'].map((c) => text.lastIndexOf(c)));
  let lastSingleCloser = -1;
  for (const m of text.matchAll(/['’›]/gu)) {
    if (!isSpace(text[m.index - 1]) && !isWordChar(text[m.index + 1])) lastSingleCloser = m.index;
  }
  const emit = (openAt: number, closeAt: number | null) => {
    const from = openAt + 1;
    const to = closeAt ?? text.length;
    const raw = text.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (!/[\p{L}\p{N}]/u.test(trimmed)) return;
    spans.push({
      open: start + openAt,
      close: closeAt === null ? null : start + closeAt,
      textStart: start + from + lead,
      textEnd: start + from + lead + trimmed.length,
    });
  };
  for (const m of text.matchAll(QUOTE_MARK_RE)) {
    const i = m.index;
    const action = markAction(text, i, open.double, open.single, lastSingleCloser);
    if (action === null) continue;
    if (action.kind === 'open') {
      stack.push({ index: i, family: action.family, straight: m[0] === '"' || m[0] === "'" || m[0] === '＂' });
      open[action.family]++;
      continue;
    }
    let j = -1;
    for (let k = stack.length - 1; k >= 0; k--) {
      if ((stack[k] as OpenEntry).family === action.family) {
        j = k;
        break;
      }
    }
    if (j < 0) continue;
    // A curly closing mark after a straight opening one, with no other closing mark to come: the
    // straight mark was a stray, and this mark closes the outermost quote (`“A "b c,” kata X`).
    const top = stack[j] as OpenEntry;
    const firstSame = stack.findIndex((e) => e.family === action.family);
    const curlyClose = m[0] === '”' || m[0] === '»';
    if (curlyClose && top.straight && firstSame < j && !(stack[firstSame] as OpenEntry).straight && i >= lastDoubleCloser) {
      j = firstSame;
    }
    const opened = stack[j] as OpenEntry;
    for (const e of stack.splice(j)) open[e.family]--;
    if (stack.length === 0) emit(opened.index, i);
  }
  const bottom = stack[0];
  if (bottom && bottom.family === 'double' && nextOpensQuote) emit(bottom.index, null);
  return spans;
}

// ---------------------------------------------------------------------------------------------
// Tokens, sentences and names.

type Token = { readonly text: string; readonly folded: string; readonly start: number; readonly end: number; readonly word: boolean };

// A plural possessive keeps its apostrophe when a word follows (`Workers' Union`).
const TOKEN_RE = /[\p{L}\p{M}\p{N}]+(?:['’‐-][\p{L}\p{M}\p{N}]+)*(?:(?<=s)['’](?= \p{L}))?|_+|\S/gu;

/** Tokens of `text`, with offsets shifted by `base`. */
function tokenize(text: string, base: number): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const t = m[0];
    out.push({ text: t, folded: /^[\x20-\x7e]*$/u.test(t) ? t.toLowerCase() : foldText(t), start: base + m.index, end: base + m.index + t.length, word: /^[\p{L}\p{N}]/u.test(t) });
  }
  return out;
}

/**
 * Start offsets (relative to `masked`) of its sentences. Quoted spans are already blanked out
 * in `masked`, so a full stop inside a quote does not end the sentence that carries it.
 */
function sentenceStarts(masked: string): number[] {
  const starts = [0];
  const re = /[.!?…]+["＂”’»)\]]*\s+(?=[\p{Lu}\p{N}"“‘«([_])/gu;
  for (const m of masked.matchAll(re)) {
    const before = /([\p{L}.]+)\.$/u.exec(masked.slice(Math.max(0, m.index - 12), m.index + 1));
    if (m[0].startsWith('.') && before) {
      const word = (before[1] as string).toLowerCase().replace(/\.$/u, '');
      if (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word)) continue;
    }
    starts.push(m.index + m[0].length);
  }
  return starts;
}

/** The first sentence of `text` (which starts at a word). */
function firstSentence(text: string): string {
  const starts = sentenceStarts(text);
  return starts.length > 1 ? text.slice(0, starts[1]) : text;
}

const isNameWord = (t: Token): boolean => t.word && isUpper(t.text);

const spaced = (text: string, a: Token, b: Token): boolean => /^\s{1,2}$/u.test(text.slice(a.end, b.start));
const isInitial = (t: Token): boolean => ABBREVIATIONS.has(t.folded) || /^\p{Lu}$/u.test(t.text);

/** Maximal run of capitalized words starting at token `i` (particles and `Dr.` allowed inside). */
function runFrom(tokens: readonly Token[], i: number, text: string): [number, number] | null {
  const head = tokens[i];
  if (!head || !isNameWord(head)) return null;
  let j = i;
  for (;;) {
    const cur = tokens[j] as Token;
    let k = j + 1;
    // `Dr.`, `J.`: an abbreviation's full stop belongs to the name.
    const dot = tokens[k];
    if (dot?.text === '.' && dot.start === cur.end && isInitial(cur)) k++;
    const next = tokens[k];
    if (!next || !spaced(text, tokens[k - 1] as Token, next)) break;
    if (isNameWord(next)) {
      j = k;
      continue;
    }
    // A particle counts only between two capitalized words: `Ursula von der Leyen`.
    const after = tokens[k + 1];
    if (NAME_PARTICLES.has(next.text) && after && isNameWord(after) && spaced(text, next, after)) {
      j = k + 1;
      continue;
    }
    break;
  }
  return [i, j];
}

/** Maximal run of capitalized words ending at token `j`. */
function runEndingAt(tokens: readonly Token[], j: number, text: string): [number, number] | null {
  const tail = tokens[j];
  if (!tail || !isNameWord(tail)) return null;
  let i = j;
  for (;;) {
    const cur = tokens[i] as Token;
    const p1 = tokens[i - 1];
    const p2 = tokens[i - 2];
    if (!p1 || !spaced(text, p1, cur)) break;
    if (isNameWord(p1)) {
      i -= 1;
    } else if (p1.text === '.' && p2 && p2.end === p1.start && isNameWord(p2) && isInitial(p2)) {
      i -= 2;
    } else if (p2 && NAME_PARTICLES.has(p1.text) && isNameWord(p2) && spaced(text, p2, p1)) {
      i -= 2;
    } else {
      break;
    }
  }
  return [i, j];
}

type ParsedName =
  | { readonly kind: 'person' | 'org'; readonly name: string; readonly start: number; readonly end: number; readonly titled: boolean }
  | { readonly kind: 'role'; readonly name: string; readonly start: number; readonly end: number };

/**
 * What a run of capitalized words names: a person (titles and a leading country stripped:
 * `Presiden Azerbaijan Ilham Aliyev` -> `Ilham Aliyev`), an organisation (`Kementerian
 * Pertahanan Vestoria`, `NATO`), or only a role (`Presiden Kalmaria`).
 */
function parseRun(ctx: Ctx, tokens: readonly Token[], [from, to]: [number, number]): ParsedName | null {
  const { content, matcher } = ctx;
  const words = tokens.slice(from, to + 1).filter((t) => t.word);
  let first = 0;
  while (first < words.length && NOT_NAMES.has((words[first] as Token).folded)) first++;
  const kept = words.slice(first);
  if (kept.length === 0) return null;
  const whole = (ws: readonly Token[]) => (ws.length === 0 ? '' : content.slice((ws[0] as Token).start, (ws[ws.length - 1] as Token).end));
  const runText = whole(kept);
  const runStart = (kept[0] as Token).start;
  const runEnd = (kept[kept.length - 1] as Token).end;
  const mentions = ctx.mentions(runText, runStart);
  const kinds = actorKinds(matcher);
  const kindOf = (actorId: string) => kinds.get(actorId);
  const exact = mentions.length === 1 && mentions[0]?.start === runStart && mentions[0]?.end === runEnd ? mentions[0] : undefined;
  if (exact) {
    return { kind: kindOf(exact.actorId) === 'person' ? 'person' : 'org', name: runText, start: runStart, end: runEnd, titled: false };
  }
  // A registry person inside the run is the speaker: `Presiden Rusia Vladimir Putin`.
  const person = mentions.find((m) => kindOf(m.actorId) === 'person');
  if (person) {
    // Sliced from the content: the mention may start inside a hyphenated word (`Presiden-Putin`).
    return { kind: 'person', name: content.slice(person.start, runEnd), start: person.start, end: runEnd, titled: person.start > runStart };
  }
  // Words after the last title word, then after any leading registry state or organisation.
  let lastTitle = -1;
  kept.forEach((t, k) => {
    if (TITLE_WORDS.has(t.folded)) lastTitle = k;
  });
  let rest = kept.slice(lastTitle + 1);
  for (;;) {
    const head = rest[0];
    const lead = head ? mentions.find((m) => m.start === head.start && kindOf(m.actorId) !== 'person') : undefined;
    if (!lead) break;
    const after = rest.filter((t) => t.start >= lead.end);
    if (after.length === 0) break;
    rest = after;
  }
  const hasOrgWord = (ws: readonly Token[]) => ws.some((t) => ORG_WORDS.has(t.folded));
  if (hasOrgWord(kept)) {
    // `Kementerian Pertahanan Kalmaria Sari Wulandari`: a name may follow the last registry place.
    const places = mentions.filter((m) => kindOf(m.actorId) !== 'person');
    const lastPlace = places[places.length - 1];
    const after = lastPlace ? kept.filter((t) => t.start >= lastPlace.end) : [];
    if (after.length >= 2 && !hasOrgWord(after)) {
      return { kind: 'person', name: whole(after), start: (after[0] as Token).start, end: runEnd, titled: true };
    }
    return lastTitle >= 0 && !hasOrgWord(kept.slice(0, lastTitle + 1)) && !hasOrgWord(rest)
      ? { kind: 'role', name: runText, start: runStart, end: runEnd }
      : { kind: 'org', name: runText, start: runStart, end: runEnd, titled: false };
  }
  if (rest.length === 0) return { kind: 'role', name: runText, start: runStart, end: runEnd };
  const restMention = mentions.find((m) => m.start === (rest[0] as Token).start && m.end === (rest[rest.length - 1] as Token).end);
  if (restMention && kindOf(restMention.actorId) !== 'person') {
    // Only a title and a country: `Presiden Kalmaria` is a role, not a name.
    return lastTitle >= 0 ? { kind: 'role', name: runText, start: runStart, end: runEnd } : { kind: 'org', name: runText, start: runStart, end: runEnd, titled: false };
  }
  return { kind: 'person', name: whole(rest), start: (rest[0] as Token).start, end: runEnd, titled: lastTitle >= 0 };
}

// ---------------------------------------------------------------------------------------------
// Step 2: attribution.

/** Who an attribution points at, before discourse resolution. */
type SpeakerRef =
  | { readonly kind: 'name'; readonly name: string; readonly org: boolean; readonly at: number }
  /** Someone we cannot name honestly: keep the role as written (`juru bicara Kementerian X`) or nothing. */
  | { readonly kind: 'role'; readonly phrase: string | null; readonly at: number; readonly person?: boolean }
  /** `Ia`, `he`, `katanya`: the last person who spoke or was named. */
  | { readonly kind: 'pronoun'; readonly at: number }
  /** `diplomat senior itu`, `the minister`: same, a definite description of a known person. */
  | { readonly kind: 'anaphor'; readonly at: number };

type Attribution = {
  readonly ref: SpeakerRef;
  /**
   * How closely a speech verb (or `menurut`/`according to`) governs the span: `next-to` it
   * (`"Tidak," kata Budi`, `Budi berkata, "…"`), somewhere in the `clause` before it (`Smith
   * said the plan was "…"`), or `none` (a naming verb: `menyebut X "…"`, `called it "…"`).
   */
  readonly governs: 'next-to' | 'clause' | 'none';
};

type Mention = { readonly actorId: string; readonly start: number; readonly end: number; readonly surface: string };
type Ctx = {
  readonly content: string;
  readonly matcher: ActorMatcher;
  /** Registry mentions in `text` (which starts at `offset`), cached by text: names repeat. */
  readonly mentions: (text: string, offset: number) => readonly Mention[];
};

function makeCtx(content: string, matcher: ActorMatcher): Ctx {
  const cache = new Map<string, readonly Mention[]>();
  return {
    content,
    matcher,
    mentions(text, offset) {
      let found = cache.get(text);
      if (!found) {
        found = findMentionsInText(matcher, text, 0);
        cache.set(text, found);
      }
      return offset === 0 ? found : found.map((m) => ({ ...m, start: m.start + offset, end: m.end + offset }));
    },
  };
}

/** `minister`, `juru`, `secretary-general`, `58-year-old`: a word that says a person is meant. */
const isRoleNoun = (t: Token | undefined): boolean =>
  t !== undefined && t.word && !isUpper(t.text)
  && (/-year-old$/u.test(t.folded) || t.folded.split('-').some((part) => PERSON_NOUNS.has(part) || TITLE_WORDS.has(part)));

/**
 * Whether token `k` can be part of a role phrase: a role word, or a lower-case modifier right
 * before one (`council leader`, `union secretary`, `crane operator`).
 */
function isRoleWord(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  if (!t || !t.word || isUpper(t.text)) return false;
  if (ROLE_FILLERS.has(t.folded) || isRoleNoun(t)) return true;
  return !NOT_NAMES.has(t.folded) && (isRoleNoun(tokens[k + 1]) || (isRoleNoun(tokens[k + 2]) && isRoleWord(tokens, k + 1)));
}

/** Whether token `k` starts its sentence, or follows an opening phrase (`Sementara itu, X …`). */
function opensClause(tokens: readonly Token[], k: number): boolean {
  if (k === 0) return true;
  if (tokens[k - 1]?.text !== ',') return false;
  const intro = tokens.slice(0, k - 1);
  return intro.length <= 6 && intro[0]?.word === true && NOT_NAMES.has(intro[0].folded) && !intro.some((t) => t.text === ',');
}

/**
 * Token `k`, or the token after the relative clause that starts there (`, who raised the issue
 * last month,` / `, yang …,`): what follows a name once its relative clause is set aside.
 */
function skipRelativeClause(tokens: readonly Token[], k: number): number {
  if (tokens[k]?.text !== ',' || !RELATIVE_WORDS.has(tokens[k + 1]?.folded ?? '')) return k;
  for (let i = k + 2; i < Math.min(tokens.length, k + 30); i++) {
    const t = tokens[i] as Token;
    if (t.text === ',') return i + 1;
    if (t.text === '.' || t.text === ';') return k;
  }
  return k;
}

/** Whether token `k` is a lower-case word, as a verb after its subject is. */
const startsPredicate = (tokens: readonly Token[], k: number): boolean => tokens[k]?.word === true && !isUpper((tokens[k] as Token).text);

/** Whether a role phrase (`the festival director`, `seorang petani`) starts at token `k`. */
function roleFollows(tokens: readonly Token[], k: number): boolean {
  for (let i = k; i < k + 4; i++) {
    const t = tokens[i];
    if (!t || !t.word || isUpper(t.text)) return false;
    if (isRoleNoun(t)) return true;
  }
  return false;
}

/** The phrase after a verb-first attribution: `kata Aliyev`, `said Dr. Ruth Anand, who …`, `ujar diplomat itu`. */
function parseAfterVerb(ctx: Ctx, tokens: readonly Token[], i: number): SpeakerRef | null {
  const t0 = tokens[i];
  if (!t0 || !t0.word) return null;
  if (PERSON_PRONOUNS.has(t0.folded)) return { kind: 'pronoun', at: t0.start };
  if (OTHER_PRONOUNS.has(t0.folded) && !isUpper(t0.text)) return { kind: 'role', phrase: null, at: t0.start };
  let j = i;
  const role: Token[] = [];
  while (j < tokens.length && role.length < 6 && isRoleWord(tokens, j)) role.push(tokens[j++] as Token);
  const roleIsPerson = role.some((t) => PERSON_NOUNS.has(t.folded) || TITLE_WORDS.has(t.folded) || /-year-old$/u.test(t.folded));
  const text = ctx.content;
  const run = runFrom(tokens, j, text);
  if (run) {
    const parsed = parseRun(ctx, tokens, run);
    if (parsed?.kind === 'person') return { kind: 'name', name: parsed.name, org: false, at: parsed.start };
    // `Menteri Luar Negeri Armenia, Ara Petrosyan`, `juru bicara NATO, Hans Weber`.
    const comma = tokens[run[1] + 1];
    if (comma?.text === ',') {
      const next = runFrom(tokens, run[1] + 2, text);
      const appositive = next ? parseRun(ctx, tokens, next) : null;
      if (appositive?.kind === 'person' && next && next[1] - next[0] < 5) return { kind: 'name', name: appositive.name, org: false, at: appositive.start };
    }
    if (!parsed) return role.length > 0 && roleIsPerson ? { kind: 'role', phrase: null, at: t0.start } : null;
    if (roleIsPerson || parsed.kind === 'role') {
      const from = (role[0] ?? tokens[run[0]]) as Token;
      return { kind: 'role', phrase: text.slice(from.start, parsed.end), at: from.start };
    }
    return { kind: 'name', name: parsed.name, org: true, at: parsed.start };
  }
  if (!roleIsPerson) return null;
  const definite = role.some((t) => t.folded === 'itu' || t.folded === 'tersebut') || role[0]?.folded === 'the';
  return definite ? { kind: 'anaphor', at: t0.start } : { kind: 'role', phrase: null, at: t0.start };
}

/**
 * The subject in front of a speech verb, read backwards from the verb: a pronoun, a name (with
 * an appositive: `Meridian's chief executive, Paul Brandt, told`; `Ma'ruf Hasan, seorang petani
 * di Desa Ketapang, mengaku`), a role (`juru bicara Kementerian Pertahanan Vestoria`), or a
 * definite description (`the minister`).
 */
function parseSubject(ctx: Ctx, tokens: readonly Token[], end: number): SpeakerRef | null {
  let j = end - 1;
  while (j > 0 && (tokens[j] as Token).word && ADVERBS.has((tokens[j] as Token).text)) j--;
  const last = tokens[j];
  if (!last) return null;
  if (last.word && PERSON_PRONOUNS.has(last.folded)) return { kind: 'pronoun', at: last.start };
  if (last.word && OTHER_PRONOUNS.has(last.folded)) return { kind: 'role', phrase: null, at: last.start };
  const relative = relativeClauseSubject(ctx, tokens, j);
  if (relative) return relative;
  // Comma-separated pieces, read backwards: `Tom Ashworth, 34, who …, said`,
  // `Presiden Kalmaria, Darius Venn, mengatakan`. The first piece that is a person's name wins.
  if ((tokens[j] as Token).text === ',') {
    let comma = j;
    for (let pieces = 0; pieces < 4; pieces++) {
      let k = comma - 1;
      while (k >= 0 && (tokens[k] as Token).text !== ',' && comma - k < 20) k--;
      if (k >= 0 && (tokens[k] as Token).text !== ',') break;
      const run = runFrom(tokens, k + 1, ctx.content);
      if (run && run[1] === comma - 1) {
        const parsed = parseRun(ctx, tokens, run);
        if (parsed?.kind === 'person') return { kind: 'name', name: parsed.name, org: false, at: parsed.start };
      }
      if (k < 0) break;
      comma = k;
    }
    j = comma - 1;
  }
  const core = tokens[j];
  if (!core || !core.word) return null;
  if (PERSON_PRONOUNS.has(core.folded)) return { kind: 'pronoun', at: core.start };
  if (isUpper(core.text)) {
    const run = runEndingAt(tokens, j, ctx.content);
    if (!run) return null;
    const parsed = parseRun(ctx, tokens, run);
    if (!parsed) return null;
    if (parsed.kind === 'person') return { kind: 'name', name: parsed.name, org: false, at: parsed.start };
    // Lower-case role words in front: `juru bicara Kementerian Pertahanan Vestoria`.
    let r = run[0] - 1;
    while (r >= 0 && run[0] - r <= 5) {
      const t = tokens[r] as Token;
      if (!t.word || isUpper(t.text) || !(ROLE_FILLERS.has(t.folded) || PERSON_NOUNS.has(t.folded) || TITLE_WORDS.has(t.folded))) break;
      r--;
    }
    const role = tokens.slice(r + 1, run[0]);
    if (role.some((t) => PERSON_NOUNS.has(t.folded) || TITLE_WORDS.has(t.folded)) || parsed.kind === 'role') {
      const from = (role[0] ?? tokens[run[0]]) as Token;
      return { kind: 'role', phrase: ctx.content.slice(from.start, parsed.end), at: from.start };
    }
    return { kind: 'name', name: parsed.name, org: true, at: parsed.start };
  }
  // Lower case: a definite description of a person, or someone unnamed (`officials`, `kementerian`).
  const words: Token[] = [];
  for (let k = j; k >= 0 && words.length < 5; k--) {
    const t = tokens[k] as Token;
    if (!t.word || isUpper(t.text)) {
      if (t.word && NOT_NAMES.has(t.folded)) words.unshift(t);
      break;
    }
    if (!(ROLE_FILLERS.has(t.folded) || PERSON_NOUNS.has(t.folded) || TITLE_WORDS.has(t.folded) || /-year-old$/u.test(t.folded))) {
      if (words.length === 0) words.unshift(t);
      break;
    }
    words.unshift(t);
  }
  const person = words.some((t) => PERSON_NOUNS.has(t.folded) || TITLE_WORDS.has(t.folded) || /-year-old$/u.test(t.folded));
  const definite = words.some((t) => t.folded === 'itu' || t.folded === 'tersebut' || t.folded === 'the');
  if (person && definite) return { kind: 'anaphor', at: core.start };
  return { kind: 'role', phrase: null, at: core.start, person };
}

/**
 * A person named right before a relative clause that ends at token `j`: `Joko Prasetyo yang juga
 * ketua RT mengatakan`, `James Whitfield, who raised the issue, said`. The clause says something
 * about the person; the verb after it is still theirs.
 */
function relativeClauseSubject(ctx: Ctx, tokens: readonly Token[], j: number): SpeakerRef | null {
  for (let y = j; y > 0 && j - y < 25; y--) {
    const t = tokens[y] as Token;
    // Only the comma that closes the clause (`…, said`): another one may start a new clause.
    if (t.text === '.' || t.text === ';' || t.text === ':' || (t.text === ',' && y !== j)) return null;
    if (!t.word || !RELATIVE_WORDS.has(t.folded)) continue;
    // `X, whose son said`, `X, whom police said`: the verb has another subject.
    if (!SUBJECT_RELATIVES.has(t.folded)) return null;
    const end = tokens[y - 1]?.text === ',' ? y - 2 : y - 1;
    const run = runEndingAt(tokens, end, ctx.content);
    const parsed = run ? parseRun(ctx, tokens, run) : null;
    if (!run || parsed?.kind !== 'person') return null;
    const confident = run[1] > run[0] || parsed.titled || isRoleNoun(tokens[run[0] - 1]) || ctx.mentions(parsed.name, parsed.start).length > 0;
    return confident ? { kind: 'name', name: parsed.name, org: false, at: parsed.start } : null;
  }
  return null;
}

/** The subject of the sentence in `tokens[0, end)`: its first pronoun or name. */
function sentenceSubject(ctx: Ctx, tokens: readonly Token[], end: number): SpeakerRef | null {
  for (let k = 0; k < end; k++) {
    const t = tokens[k] as Token;
    if (!t.word) continue;
    if (PERSON_PRONOUNS.has(t.folded)) return { kind: 'pronoun', at: t.start };
    if (!isUpper(t.text) || NOT_NAMES.has(t.folded)) continue;
    const run = runFrom(tokens, k, ctx.content);
    if (!run) continue;
    const parsed = parseRun(ctx, tokens, run);
    if (parsed && parsed.kind !== 'role') return { kind: 'name', name: parsed.name, org: parsed.kind === 'org', at: parsed.start };
    k = run[1];
  }
  return null;
}

/**
 * A person named as the subject of the sentence `tokens`, with no speech verb needed: `Campaign
 * leader Ana Ruiz, a retired nurse who …, was in tears`, `Ketua Forum Warga X, Budi Santoso,
 * menilai …` (the person after the comma), `She …` (a pronoun). A single unknown capitalized word
 * is not enough (`Pasukan terus bergerak`): it is a person only with a title, a role noun before
 * it, a second word, or when the article already knows it as a person.
 */
function namedSubject(ctx: Ctx, tokens: readonly Token[], discourse: Discourse): SpeakerRef | null {
  let from = 0;
  const comma = tokens.findIndex((t) => t.text === ',');
  if (comma > 0 && comma <= 7 && tokens[0]?.word && NOT_NAMES.has(tokens[0].folded) && !PERSON_PRONOUNS.has(tokens[0].folded)) from = comma + 1;
  const first = tokens[from];
  if (!first?.word) return null;
  if (PERSON_PRONOUNS.has(first.folded)) return { kind: 'pronoun', at: first.start };
  // The head of the subject: role words and capitalized words (`Dr.` included), up to the verb or an appositive.
  let end = from;
  for (; end < tokens.length; end++) {
    const t = tokens[end] as Token;
    if (t.text === '.' && end > from && isInitial(tokens[end - 1] as Token)) continue;
    if (!t.word || !(isUpper(t.text) || isRoleWord(tokens, end) || NAME_PARTICLES.has(t.text))) break;
  }
  const stop = tokens[end];
  if (!stop || !(stop.text === ',' || (stop.word && !isUpper(stop.text)))) return null;
  const person = (run: [number, number] | null): SpeakerRef | null => {
    const parsed = run ? parseRun(ctx, tokens, run) : null;
    if (!run || parsed?.kind !== 'person') return null;
    const confident = run[1] > run[0] || parsed.titled || isRoleNoun(tokens[run[0] - 1]) || discourse.isKnownPerson(parsed.name) || discourse.actorFor(parsed.name) !== null;
    return confident ? { kind: 'name', name: parsed.name, org: false, at: parsed.start } : null;
  };
  const head = person(runEndingAt(tokens, end - 1, ctx.content));
  if (head || stop.text !== ',') return head;
  // `Ketua Paguyuban X, Budi Santoso, …`: a role or an organisation, then the person's name.
  const next = runFrom(tokens, end + 1, ctx.content);
  return next && tokens[next[1] + 1]?.text === ',' ? person(next) : null;
}

/**
 * Who says a quote that has no attribution and opens its sentence, from the sentence before it
 * in the same paragraph: the subject of a speech verb there (`She told the BBC about a mother
 * who …. "…"`), else the person it is about (`Ana Ruiz was in tears. "…"`).
 */
function previousSentenceSubject(ctx: Ctx, para: ParagraphInfo, span: Span, discourse: Discourse): SpeakerRef | null {
  const sentence = sentenceAt(para, span.open);
  if (sentence <= para.start || /[\p{L}\p{N}]/u.test(ctx.content.slice(sentence, span.open))) return null;
  const previous = sentenceAt(para, sentence - 1);
  const tokens = tokenize(para.masked.slice(previous - para.start, sentence - para.start), previous);
  for (let v = tokens.length - 1; v >= 0; v--) {
    if (!isSpeechVerb(tokens[v] as Token)) continue;
    const ref = subjectOf(ctx, tokens, v);
    if (ref && ref.kind !== 'role') return ref;
    if (ref) break;
  }
  return namedSubject(ctx, tokens, discourse);
}

/** A speech verb in `tokens` (lower case only: `Said` may be a name). */
const isSpeechVerb = (t: Token): boolean => t.word && t.text === t.folded && (SPEECH_VERBS.has(t.folded) || PARTICIPLES.has(t.folded));

/** The subject of the speech verb at token `v`. */
function subjectOf(ctx: Ctx, tokens: readonly Token[], v: number): SpeakerRef | null {
  const verb = tokens[v] as Token;
  const before = tokens[v - 1];
  if (PARTICIPLES.has(verb.folded) || (before && CLAUSE_LINKS.has(before.folded) && v >= 2 && tokens[v - 2]?.text !== ',' && before.folded !== 'dan' && before.folded !== 'and')) {
    return sentenceSubject(ctx, tokens, v);
  }
  if (before && (before.folded === 'seraya' || before.folded === 'sambil')) return sentenceSubject(ctx, tokens, v);
  return parseSubject(ctx, tokens, v);
}

/**
 * The subject of the sentence `tokens` when it comes first (after an opening phrase such as
 * `Namun,` or `In a statement,`): a pronoun or a name before the first lower-case word that is
 * not part of a role. `Vale's campaign manager, Theo Brandt, dismissed …` -> Theo Brandt.
 */
function predicateSubject(ctx: Ctx, tokens: readonly Token[]): SpeakerRef | null {
  let from = 0;
  const comma = tokens.findIndex((t) => t.text === ',');
  if (comma > 0 && comma <= 7 && tokens[0]?.word && NOT_NAMES.has(tokens[0].folded) && !PERSON_PRONOUNS.has(tokens[0].folded)) from = comma + 1;
  for (let v = from; v < tokens.length; v++) {
    const t = tokens[v] as Token;
    if (!t.word) continue;
    if (isUpper(t.text) || isRoleWord(tokens, v) || NAME_PARTICLES.has(t.text) || PERSON_PRONOUNS.has(t.folded)) continue;
    if (v === from) return null;
    const ref = parseSubject(ctx, tokens.slice(from), v - from);
    return ref?.kind === 'role' ? null : ref;
  }
  return null;
}

/** `Menurut X`, `Menurutnya`, `According to X` in `tokens` (the last one). */
function accordingTo(ctx: Ctx, tokens: readonly Token[]): { ref: SpeakerRef; end: number } | null {
  for (let k = tokens.length - 1; k >= 0; k--) {
    const t = tokens[k] as Token;
    if (t.folded === 'menurutnya') return { ref: { kind: 'pronoun', at: t.start }, end: k + 1 };
    const isMenurut = t.folded === 'menurut';
    const isAccording = t.folded === 'according' && tokens[k + 1]?.folded === 'to';
    if (!isMenurut && !isAccording) continue;
    const at = k + (isAccording ? 2 : 1);
    const ref = parseAfterVerb(ctx, tokens, at);
    if (!ref) return null;
    let e = at;
    while (e < tokens.length && (tokens[e] as Token).text !== ',' && (tokens[e] as Token).text !== ':') e++;
    return { ref, end: e + 1 };
  }
  return null;
}

type ParagraphInfo = {
  readonly number: number;
  readonly start: number;
  readonly end: number;
  readonly spans: Span[];
  /** Paragraph text with quoted spans blanked (`_`), keeping a span's final `.!?` and closing mark. */
  readonly masked: string;
  /** Absolute offsets where sentences start. */
  readonly sentences: readonly number[];
};

function sentenceAt(para: ParagraphInfo, pos: number): number {
  let s = para.start;
  for (const start of para.sentences) {
    if (start <= pos) s = start;
    else break;
  }
  return s;
}

/** Tokens of `content[from, to)` with absolute offsets. */
const tokensOf = (ctx: Ctx, from: number, to: number): Token[] => tokenize(ctx.content.slice(from, to), from);

/** Words right before a span that make it a label (`yang disebut "…"`, `the so-called "…"`). */
function labelCue(tokens: readonly Token[]): boolean {
  const words = tokens.filter((t) => t.word);
  const last = words[words.length - 1];
  const prev = words[words.length - 2];
  if (!last) return false;
  if (LABEL_CUES.has(last.folded)) return true;
  // `banners reading "…"`, but not `the statement read: "…"`.
  if (WRITING_CUES.has(last.folded) && tokens[tokens.length - 1] === last) return true;
  // `whom supporters call her "…"`, `fans called him "…"`.
  if (OBJECT_PRONOUNS.has(last.folded) && prev !== undefined && (NICKNAME_VERBS.has(prev.folded) || LABEL_CUES.has(prev.folded))) return true;
  // `Marr, whom colleagues call "…"`: the object of `call` is the person before it.
  if (NICKNAME_VERBS.has(last.folded) && words.slice(-5, -1).some((t) => t.folded === 'whom')) return true;
  // `dikenal sebagai "…"`, `known as "…"`, `known locally as "…"`
  if (last.folded !== 'sebagai' && last.folded !== 'as') return false;
  const known = (t: Token | undefined) => t !== undefined && (LABEL_CUES.has(t.folded) || t.folded === 'dikenal' || t.folded === 'known');
  return known(prev) || (prev !== undefined && /ly$/u.test(prev.folded) && known(words[words.length - 3]));
}

/**
 * Whether the words before a speech verb can be its subject: names, titles, role words and
 * pronouns, then optionally an appositive set off by commas (`the minister, Jane Roe,`). Not
 * `for food shipments remained open, officials said`, where the verb belongs to another clause.
 */
function looksLikeSubject(tokens: readonly Token[]): boolean {
  const comma = tokens.findIndex((t) => t.text === ',');
  const head = comma < 0 ? tokens : tokens.slice(0, comma);
  if (comma >= 0 && tokens[tokens.length - 1]?.text !== ',') return false;
  return head.length > 0 && head.every((t, k) =>
    t.text === '.' || (t.word && (isUpper(t.text) || isRoleWord(head, k) || PERSON_PRONOUNS.has(t.folded) || OTHER_PRONOUNS.has(t.folded)
      || ADVERBS.has(t.folded) || NAME_PARTICLES.has(t.text))));
}

/** An attribution that starts `tokens` (the words after a span, or between two spans). */
function leadingAttribution(ctx: Ctx, tokens: readonly Token[], ended: boolean): SpeakerRef | null {
  const first = tokens[0];
  if (!first || !first.word) return null;
  if (ended && isUpper(first.text) && !VERB_FIRST.has(first.folded) && !NYA_FORMS.has(first.folded)) {
    // After a quote that ended its sentence, only a short sentence that is just the attribution
    // counts: `"…." Kata Aliyev.` or `"…." Voss said.`; `"…." Okafor said the union …` does not.
    const v = tokens.findIndex((t, k) => k < 6 && isSpeechVerb(t));
    if (v < 0) return null;
    const after = tokens[v + 1];
    if (after && after.word && !ATTRIBUTION_TAIL.has(after.folded)) return null;
  }
  if (NYA_FORMS.has(first.folded)) return { kind: 'pronoun', at: first.start };
  if (VERB_FIRST.has(first.folded) && (first.text === first.folded || isUpper(first.text))) {
    // `," said she would …`: a pronoun with a verb of its own is the subject of a reported
    // clause, and the quote before it is not this sentence's speech (`said she, adding …` is).
    const pronoun = tokens[1];
    const then = tokens[2];
    if (pronoun?.word && EN_SUBJECT_PRONOUNS.has(pronoun.folded) && then?.word && !ATTRIBUTION_TAIL.has(then.folded) && !/ly$/u.test(then.folded)) return null;
    const ref = parseAfterVerb(ctx, tokens, 1);
    if (ref) return ref;
  }
  if (first.folded === 'demikian' && tokens[1] && VERB_FIRST.has(tokens[1].folded)) return parseAfterVerb(ctx, tokens, 2);
  if (first.folded === 'menurut' || (first.folded === 'according' && tokens[1]?.folded === 'to')) {
    return parseAfterVerb(ctx, tokens, first.folded === 'menurut' ? 1 : 2);
  }
  // Subject then verb: `," Marr said`, `,” she told reporters`, `," the minister, Jane Roe, said`.
  for (let v = 1; v < Math.min(tokens.length, 12); v++) {
    const t = tokens[v] as Token;
    if (t.text === '.' || t.text === ';') break;
    if (!isSpeechVerb(t) || PARTICIPLES.has(t.folded)) continue;
    if (tokens.slice(0, v).filter((x) => x.word).length > 8 || !looksLikeSubject(tokens.slice(0, v))) break;
    return parseSubject(ctx, tokens, v);
  }
  return null;
}

/** Who is quoted in span `k` of `para`, from the words around it; null when nothing says. */
function findAttribution(ctx: Ctx, paras: readonly ParagraphInfo[], p: number, k: number): Attribution | null {
  const para = paras[p] as ParagraphInfo;
  const span = para.spans[k] as Span;
  const nextSpan = para.spans[k + 1];
  const prevSpan = para.spans[k - 1];
  const { content } = ctx;
  // After the span: up to the next span or the end of the sentence.
  if (span.close !== null) {
    const rawAfter = content.slice(span.close + 1, nextSpan ? nextSpan.open : para.end);
    const lead = /^[\s,.;:!?…—–-]*/u.exec(rawAfter)?.[0] ?? '';
    const quoteText = content.slice(span.textStart, span.textEnd);
    const ended = /[.!?…]$/u.test(quoteText) || /[.!?…]/u.test(lead);
    const afterText = firstSentence(rawAfter.slice(lead.length));
    const tokens = tokenize(afterText, span.close + 1 + lead.length);
    const ref = leadingAttribution(ctx, tokens, ended);
    if (ref) return { ref, governs: 'next-to' };
  }
  // Before the span: from the start of its sentence (or the end of the previous span).
  const sentenceStart = sentenceAt(para, span.open);
  const from = Math.max(sentenceStart, prevSpan ? (prevSpan.close ?? prevSpan.textEnd) + 1 : para.start);
  const tokens = tokensOf(ctx, from, span.open);
  if (prevSpan && from > sentenceStart) {
    // Between two spans of one sentence: `"…," kata Budi, "…"`.
    const lead = tokens.findIndex((t) => t.word);
    if (lead >= 0) {
      const ref = leadingAttribution(ctx, tokens.slice(lead), false);
      if (ref) return { ref, governs: 'next-to' };
    }
  }
  const according = accordingTo(ctx, tokens);
  if (according) {
    return { ref: according.ref, governs: 'clause' };
  }
  for (let v = tokens.length - 1; v >= 0; v--) {
    const t = tokens[v] as Token;
    const naming = t.word && t.text === t.folded && NAMING_VERBS.has(t.folded);
    if (!isSpeechVerb(t) && !naming) continue;
    const ref = subjectOf(ctx, tokens, v);
    if (!ref) continue;
    // The verb's own clause: `Smith said the plan was "dead on arrival"` (a naming verb such as
    // `menyebut`/`called` gives a speaker but does not make a short term a quote).
    const gap = tokens.slice(v + 1).filter((x) => x.word && !['bahwa', 'that', 'kepada', 'wartawan', 'reporters'].includes(x.folded)).length;
    // A lead-in that ends in a colon hands over to the quote however long it is (`Putin told
    // reporters in Moscow on Monday: "…"`).
    const colon = tokens[tokens.length - 1]?.text === ':';
    const governs = naming || gap > MAX_CLAUSE_WORDS ? 'none' : gap <= 2 || colon ? 'next-to' : 'clause';
    return { ref, governs };
  }
  // A partial quote inside a sentence with no speech verb (`X dismissed the criticism as "…"`,
  // `Ia menyarankan … yang dinilainya "…"`): the subject of the sentence. Gives a speaker only.
  const subject = predicateSubject(ctx, tokens);
  if (subject) return { ref: subject, governs: 'none' };
  // `Budi: "…"` (an interview or a transcript): a name and a colon right before the quote.
  const colonAt = tokens.length - 1;
  if (tokens[colonAt]?.text === ':') {
    const run = runEndingAt(tokens, colonAt - 1, ctx.content);
    const parsed = run && run[0] === tokens.findIndex((t) => t.word) ? parseRun(ctx, tokens, run) : null;
    if (parsed && parsed.kind !== 'role') return { ref: { kind: 'name', name: parsed.name, org: parsed.kind === 'org', at: parsed.start }, governs: 'next-to' };
  }
  // A paragraph that is only the quote: the lead-in is the last sentence of the paragraph before
  // (`In a statement, she wrote:` / `Presiden Azerbaijan, Ilham Aliyev mengaku …`).
  if (!prevSpan && tokens.every((t) => !t.word) && p > 0) {
    const prev = paras[p - 1] as ParagraphInfo;
    const lastStart = prev.sentences[prev.sentences.length - 1] ?? prev.start;
    const lastSpan = prev.spans[prev.spans.length - 1];
    if (lastSpan && lastSpan.open >= lastStart) return null;
    const leadTokens = tokensOf(ctx, lastStart, prev.end);
    const colon = content.slice(prev.start, prev.end).trimEnd().endsWith(':');
    const accordingLead = accordingTo(ctx, leadTokens);
    if (accordingLead) return { ref: accordingLead.ref, governs: colon ? 'next-to' : 'none' };
    for (let v = leadTokens.length - 1; v >= 0; v--) {
      const t = leadTokens[v] as Token;
      if (!isSpeechVerb(t)) continue;
      const ref = subjectOf(ctx, leadTokens, v);
      if (ref && ref.kind !== 'role') return { ref, governs: colon ? 'next-to' : 'none' };
      if (ref) break;
    }
  }
  return null;
}

const TITLE_SMALL_WORDS = set(['untuk', 'dengan', 'dalam', 'pada', 'dari', 'yang', 'from', 'with', 'into', 'over', 'upon', 'than', 'that', 'about']);

/** `The Last Ferry to Esk`, `Pendidikan Bukan Barang Dagangan`: a title or a slogan, not speech. */
function isTitleCase(text: string): boolean {
  // Commas may separate the parts of a slogan (`Our River, Our Life`), but a final comma is the
  // `"…," X said` of speech.
  if (/[.!?;:…]|,$/u.test(text)) return false;
  const ws = text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
  if (ws.length < 2 || !isUpper(ws[0] as string)) return false;
  return ws.every((w) => isUpper(w) || /^\p{N}/u.test(w) || w.length <= 3 || TITLE_SMALL_WORDS.has(w.toLowerCase()));
}

/**
 * Whether a span is a quote. Scare quotes, titles and labels are not. A span is dropped when
 * - it has fewer than four words, no attribution sits right next to it and it is not a sentence
 *   of its own (`yang disebut "negara Armenia"`, `a chance to "reset" relations`, `told reporters
 *   the candidate had "won the night."`): four words is about where a term stops and a statement
 *   starts, and a short answer (`"Tidak," kata Budi`, `Budi said: "No."`) stays a quote because
 *   someone is said to have said it; a speech verb further back in the clause is not enough, since
 *   a short fragment there is as often the writer's word as the speaker's;
 * - a label cue stands right before it (`the so-called "green corridor"`, `spanduk bertuliskan
 *   "…"`, `apa yang ia sebut "…"`), whatever its length, unless an attribution is right next to
 *   it: the cue says it is a name;
 * - it is in title case and no speech verb governs it: a film, a report or a slogan.
 * "Governs" means right after the span (`," kata X`) or in the clause before it, up to
 * MAX_CLAUSE_WORDS words away; `officials said` at the end of the next clause does not count.
 */
function isQuote(ctx: Ctx, para: ParagraphInfo, k: number, attribution: Attribution | null): boolean {
  const span = para.spans[k] as Span;
  const governs = attribution?.governs ?? 'none';
  const prevSpan = para.spans[k - 1];
  const from = Math.max(sentenceAt(para, span.open), prevSpan ? (prevSpan.close ?? prevSpan.textEnd) + 1 : para.start);
  const before = tokensOf(ctx, from, span.open);
  if (labelCue(before) && governs !== 'next-to') return false;
  if (governs === 'next-to' || span.close === null) return true;
  const text = ctx.content.slice(span.textStart, span.textEnd);
  if (governs === 'none' && isTitleCase(text)) return false;
  if (wordCount(text) >= 4) return true;
  const sentenceStart = sentenceAt(para, span.open);
  const opensSentence = !/[\p{L}\p{N}]/u.test(ctx.content.slice(sentenceStart, span.open));
  const nextSpan = para.spans[k + 1];
  const after = ctx.content.slice(span.close + 1, nextSpan ? nextSpan.open : para.end);
  const endsSentence = /[.!?…]$/u.test(text) || /^\s*[.!?…]/u.test(after) || after.trim() === '';
  return opensSentence && endsSentence;
}

// ---------------------------------------------------------------------------------------------
// Step 3: discourse.

/** Someone the article has named or quoted, for resolving pronouns. */
type Referent = {
  readonly at: number;
  /** Absolute start of the sentence it was named in. */
  readonly sentence: number;
  readonly name: string | null;
  readonly actorId: string | null;
  readonly kind: 'person' | 'role' | 'org';
  readonly spoke: boolean;
};

type Speaker = { readonly actorId: string | null; readonly name: string | null };
const NOBODY: Speaker = { actorId: null, name: null };

type Gender = 'm' | 'f';
/** The gender a pronoun at `at` says (`he`, `she`); none for `ia`, `dia`, `katanya`. */
function pronounGender(content: string, at: number): Gender | null {
  const m = /^(he|she)(?![\p{L}\p{N}])/iu.exec(content.slice(at, at + 4));
  return m ? (m[1]?.toLowerCase() === 'he' ? 'm' : 'f') : null;
}
/** The gender a title or role word says (`Mrs`, `Sir`, `spokeswoman`), if any. */
function titleGender(words: readonly string[]): Gender | null {
  for (const w of words) {
    if (MALE_TITLES.has(w)) return 'm';
    if (FEMALE_TITLES.has(w)) return 'f';
  }
  return null;
}

class Discourse {
  /** Referents by paragraph, so that resolving looks back only as far as it must. */
  private readonly byParagraph: Referent[][] = [[]];
  /** Every run of words of a registry person's name said so far -> that person (`amina` -> amina-yusuf). */
  private readonly nameRuns = new Map<string, string>();
  /** Every run of words of anyone's name known to be a person (`ferrante` after `Lucia Ferrante`). */
  private readonly personNameRuns = new Set<string>();
  /**
   * Every run of words of a person's name -> what `he`/`she` and titles said about them so far
   * (`marsh` -> f after `Dr Helen Marsh … she said`); null once both were said.
   */
  private readonly genders = new Map<string, Gender | null>();
  /** Names seen as places (`in Santa Lucia`, `di Cimanggu`): a pronoun does not point at them. */
  private readonly places = new Set<string>();

  constructor(private readonly matcher: ActorMatcher) {}

  startParagraph(): void {
    this.byParagraph.push([]);
  }

  /** The registry actor a name as written stands for: an exact name or alias, or part of a fuller name said before (`Amina` after `Amina Yusuf`). */
  actorFor(name: string): string | null {
    // The exact-name step of `resolveActor`; its typo tolerance would turn strangers into actors.
    const exact = this.matcher.nameForms.get(foldText(name).replace(/[^\p{L}\p{N}\s-]/gu, ' ').replace(/[\s-]+/g, ' ').trim());
    if (exact?.[0] !== undefined) return exact[0];
    return this.nameRuns.get(nameWords(name).join(' ')) ?? null;
  }

  /** Whether `name` is (part of) the name of someone already known to be a person. */
  isKnownPerson(name: string): boolean {
    return this.personNameRuns.has(nameWords(name).join(' '));
  }

  add(referent: Referent): void {
    (this.byParagraph[this.byParagraph.length - 1] as Referent[]).push(referent);
    if (referent.kind !== 'person' || referent.name === null) return;
    const ws = nameWords(referent.name);
    for (let i = 0; i < ws.length; i++) {
      for (let j = i + 1; j <= ws.length; j++) {
        const run = ws.slice(i, j).join(' ');
        this.personNameRuns.add(run);
        if (referent.actorId !== null) this.nameRuns.set(run, referent.actorId);
      }
    }
  }

  /** Records that `name` is a man or a woman (a title, or `he`/`she` pointing at them). */
  learnGender(name: string, gender: Gender): void {
    const ws = nameWords(name);
    for (let i = 0; i < ws.length; i++) {
      for (let j = i + 1; j <= ws.length; j++) {
        const run = ws.slice(i, j).join(' ');
        const known = this.genders.get(run);
        this.genders.set(run, known === undefined || known === gender ? gender : null);
      }
    }
  }

  /** Records that `name` was used as a place (`at Tom Reyes` after he was named as a person is not a place). */
  addPlace(name: string): void {
    if (!this.isKnownPerson(name)) this.places.add(nameWords(name).join(' '));
  }

  private genderOf(r: Referent): Gender | null {
    if (r.name === null) return null;
    const ws = nameWords(r.name);
    return r.kind === 'role' ? titleGender(ws) : this.genders.get(ws.join(' ')) ?? null;
  }

  /** Whether a person pronoun (of `gender`, when it has one) can stand for `r`: not an organisation or a place, not someone of the other gender. */
  private canBe(r: Referent, gender: Gender | null): boolean {
    if (r.kind === 'org') return false;
    const known = this.genderOf(r);
    // A registry person, or someone already called `he` or `she`, is a person even if a town shares the name.
    if (r.name !== null && r.actorId === null && known === null && this.places.has(nameWords(r.name).join(' '))) return false;
    return gender === null || known === null || known === gender;
  }

  /**
   * Who a pronoun or a definite description at `pos` stands for: the last sentence before it
   * that names a person (of `gender`, for `he`/`she`); its speaker if it has one, else the first
   * person in it (the subject).
   */
  resolve(pos: number, gender: Gender | null = null): Speaker {
    for (let p = this.byParagraph.length - 1; p >= 0; p--) {
      let best: Referent | undefined;
      for (const r of this.byParagraph[p] as Referent[]) {
        if (r.at >= pos || !this.canBe(r, gender)) continue;
        if (!best || r.sentence > best.sentence) best = r;
        else if (r.sentence === best.sentence) {
          if (r.spoke && (!best.spoke || r.at > best.at)) best = r;
          else if (!best.spoke && !r.spoke && r.at < best.at) best = r;
        }
      }
      if (best) return { actorId: best.actorId, name: best.name };
    }
    return NOBODY;
  }
}

const nameWords = (name: string): string[] => foldText(name).split(/[^\p{L}\p{N}'’]+/u).filter(Boolean);

/**
 * Registry people and organisations named in a paragraph far from any quote: enough for
 * `Amina` to find `Amina Yusuf` later, at a fraction of the cost of `collectReferents`.
 */
function collectRegistryReferents(ctx: Ctx, para: ParagraphInfo): Referent[] {
  const kinds = actorKinds(ctx.matcher);
  const found: Referent[] = [];
  for (const m of para.masked.matchAll(/\p{Lu}[\p{L}\p{M}\p{N}'’-]*(?:\s\p{Lu}[\p{L}\p{M}\p{N}'’-]*)*/gu)) {
    for (const mention of ctx.mentions(m[0], para.start + m.index)) {
      const kind = kinds.get(mention.actorId);
      if (kind !== 'person' && kind !== 'organization' && kind !== 'group') continue;
      found.push({ at: mention.start, sentence: sentenceAt(para, mention.start), name: mention.surface, actorId: mention.actorId, kind: kind === 'person' ? 'person' : 'org', spoke: false });
    }
  }
  return found;
}

/** People and organisations named outside quotes, in order: registry mentions, subjects of speech verbs, titled and appositive names. */
function collectReferents(ctx: Ctx, para: ParagraphInfo, discourse: Discourse): Referent[] {
  const found: Referent[] = [];
  const inSpan = (pos: number) => para.spans.some((s) => pos >= s.open && pos < (s.close ?? para.end) + 1);
  const kinds = actorKinds(ctx.matcher);
  const kindOf = (id: string) => kinds.get(id);
  const push = (at: number, name: string | null, kind: Referent['kind'], actorId: string | null) => {
    if (inSpan(at)) return;
    found.push({ at, sentence: sentenceAt(para, at), name, actorId, kind, spoke: false });
  };
  const bySentence: Token[][] = para.sentences.map(() => []);
  let s = 0;
  for (const t of tokenize(para.masked, para.start)) {
    while (s + 1 < para.sentences.length && t.start >= (para.sentences[s + 1] as number)) s++;
    (bySentence[s] as Token[]).push(t);
  }
  for (const tokens of bySentence) {
    for (let v = 0; v < tokens.length; v++) {
      const t = tokens[v] as Token;
      const isMenurut = t.folded === 'menurut' || (t.folded === 'according' && tokens[v + 1]?.folded === 'to');
      if (!isMenurut && isNameWord(t) && !(v > 0 && isNameWord(tokens[v - 1] as Token))) {
        const run = runFrom(tokens, v, ctx.content);
        if (!run) continue;
        // Registry names are capitalized in news text: look for them in runs of capitalized words.
        const runStart = (tokens[run[0]] as Token).start;
        for (const m of ctx.mentions(ctx.content.slice(runStart, (tokens[run[1]] as Token).end), runStart)) {
          const kind = kindOf(m.actorId);
          if (kind === 'person') push(m.start, m.surface, 'person', m.actorId);
          else if (kind === 'organization' || kind === 'group') push(m.start, m.surface, 'org', m.actorId);
        }
        const parsed = parseRun(ctx, tokens, run);
        const after = tokens.slice(run[1] + 1, run[1] + 4).map((x) => x.text).join(' ');
        const before = tokens[run[0] - 1]?.text;
        const lead = tokens[run[0]] as Token;
        if (parsed && (PLACE_PREPOSITIONS.has(before ?? '') || (PLACE_PREPOSITIONS.has(lead.folded) && parsed.start > lead.start))) discourse.addPlace(parsed.name);
        const nextRun = after.startsWith(',') ? runFrom(tokens, run[1] + 2, ctx.content) : null;
        const followedByName = nextRun !== null && parseRun(ctx, tokens, nextRun)?.kind === 'person';
        const words = run[1] - run[0] + 1;
        const isPerson = parsed?.kind === 'person' && (
          // `Wakil Perdana Menteri Tomas Erlund` (but `Kepala Stasiun X, Sri Wahyuni`: the name follows).
          (parsed.titled && !followedByName)
          // `…, Ben Adeyemi, …`: a name of two or more words set off by commas (but `Ketua Forum X,
          // Budi Santoso,`: the name that follows is the person).
          || (before === ',' && words >= 2 && words <= 5 && /^(?:,|\.|$)/u.test(after) && !followedByName)
          // `Siti Aminah (52)`, `Tom Ashworth, 34,`: a name with an age.
          || /^(?:\( \d{1,3} \)|, \d{1,3} ,)/u.test(after)
          // `Jonas Feld, the festival director,`, `Ma'ruf Hasan, seorang petani`: a name with a role.
          || (words >= 2 && tokens[run[1] + 1]?.text === ',' && roleFollows(tokens, run[1] + 2))
          // `former central bank governor Lucia Ferrante`: a role in lower case before the name.
          || isRoleNoun(tokens[run[0] - 1])
          // `Ferrante` after `Lucia Ferrante`: someone already known as a person.
          || discourse.isKnownPerson(parsed.name)
          // `Dario Reyes voted …`, `Dario Reyes, who …, voted …`: a name of two words or more as
          // the subject of a sentence.
          || (words >= 2 && opensClause(tokens, run[0]) && startsPredicate(tokens, skipRelativeClause(tokens, run[1] + 1))));
        if (isPerson && parsed) {
          push(parsed.start, parsed.name, 'person', discourse.actorFor(parsed.name));
          // `Mrs Ortiz`, `spokeswoman Jane Roe`: a title that says who `she` may be.
          const gender = titleGender(tokens.slice(Math.max(0, run[0] - 1), run[1] + 1).filter((x) => x.start < parsed.start).map((x) => x.folded));
          if (gender) discourse.learnGender(parsed.name, gender);
        }
        v = run[1];
        continue;
      }
      if (!isSpeechVerb(t) && !isMenurut && !(t.text === t.folded && NAMING_VERBS.has(t.folded))) continue;
      const ref = isMenurut ? parseAfterVerb(ctx, tokens, v + (t.folded === 'menurut' ? 1 : 2)) : subjectOf(ctx, tokens, v);
      if (ref?.kind === 'name') push(ref.at, ref.name, ref.org ? 'org' : 'person', discourse.actorFor(ref.name));
      // Someone unnamed but a person (`seorang warga mengatakan`) blocks older referents; a
      // lower-case non-person (`a statement posted`) is no one.
      else if (ref?.kind === 'role' && (ref.phrase !== null || ref.person !== false)) push(ref.at, ref.phrase, 'role', null);
    }
  }
  return found.sort((a, b) => a.at - b.at);
}

// ---------------------------------------------------------------------------------------------
// Putting it together.

/** Words between a speech verb and the span it governs (`Smith said the plan was "…"`). */
const MAX_CLAUSE_WORDS = 8;

/** How many paragraphs before a quote are read in full for people a pronoun may point back to. */
const NEAR_QUOTE_PARAGRAPHS = 3;

function paragraphsOf(passages: readonly Passage[]): { number: number; start: number; end: number; passages: Passage[] }[] {
  const out: { number: number; start: number; end: number; passages: Passage[] }[] = [];
  for (const p of passages) {
    const last = out[out.length - 1];
    if (last && last.number === p.paragraph) {
      last.passages.push(p);
      last.end = Math.max(last.end, p.end);
    } else {
      out.push({ number: p.paragraph, start: p.start, end: p.end, passages: [p] });
    }
  }
  return out;
}

function maskSpans(content: string, start: number, end: number, spans: readonly Span[]): string {
  let out = '';
  let pos = start;
  for (const s of spans) {
    const last = s.close ?? end;
    // Keep a final `.!?` so that `"…." Next sentence` still splits; same length, so offsets hold.
    const final = content[s.textEnd - 1] ?? '';
    const keep = s.close !== null && /[.!?…]/u.test(final);
    out += content.slice(pos, s.open) + '_'.repeat((keep ? s.textEnd - 1 : last) - s.open);
    if (keep) out += final + '_'.repeat(last - s.textEnd);
    pos = last;
  }
  return out + content.slice(pos, end);
}

/** Words in a headline, at most: a longer first paragraph is a lead that lost its full stop. */
const MAX_HEADLINE_WORDS = 30;

/** Whether the first paragraph is a headline: a short line with no final punctuation (`Closure paused after 'town refused to be quiet'`). */
function isHeadline(content: string, start: number, end: number): boolean {
  const text = content.slice(start, end).replace(/[\s"＂“”„‟«»'‘’‚‹›)\]]+$/u, '');
  return !/[.!?…:;,]$/u.test(text) && wordCount(text) <= MAX_HEADLINE_WORDS;
}

/**
 * Every direct quote in `source`, verbatim, with its speaker.
 *
 * `passages` are the source's passages in order. Each quote's `text` is exactly the characters
 * between its marks (without surrounding spaces): `source.content.slice(q.start, q.end) === q.text`.
 *
 * @example
 * extractQuotes(source, passages, matcher)
 * // [{ id: 'seed#5~1', text: 'Kita harus memulihkan keadilan historis. …', speaker: 'aliyev', speakerName: 'Aliyev', … }]
 */
export function extractQuotes(source: Source, passages: readonly Passage[], matcher: ActorMatcher): Quote[] {
  const { content } = source;
  const ctx = makeCtx(content, matcher);
  const groups = paragraphsOf(passages.filter((p) => p.end <= content.length && p.start >= 0 && p.start <= p.end));
  const paras: ParagraphInfo[] = groups.map((g, i) => {
    const next = groups[i + 1];
    const nextOpens = next !== undefined && /^\s*["＂“„«‟]/u.test(content.slice(next.start, next.end));
    // A headline quotes in shorthand, and its speaker is named only in the article below.
    const spans = i === 0 && isHeadline(content, g.start, g.end) ? [] : findSpans(content, g.start, g.end, nextOpens);
    const masked = maskSpans(content, g.start, g.end, spans);
    return { number: g.number, start: g.start, end: g.end, spans, masked, sentences: sentenceStarts(masked).map((s) => s + g.start) };
  });

  const discourse = new Discourse(matcher);
  const quotes: Quote[] = [];
  const perPassage = new Map<string, number>();
  let previousParagraphLast: { speaker: Speaker; continued: boolean; lastSentence: boolean } | null = null;

  paras.forEach((para, p) => {
    discourse.startParagraph();
    // Pronouns look back a few paragraphs at most: read the full cast only near quotes.
    const nearQuote = paras.slice(p, p + NEAR_QUOTE_PARAGRAPHS + 1).some((x) => x.spans.length > 0);
    const referents = nearQuote ? collectReferents(ctx, para, discourse) : collectRegistryReferents(ctx, para);
    let r = 0;
    const addReferentsBefore = (pos: number) => {
      while (r < referents.length && (referents[r] as Referent).at < pos) discourse.add(referents[r++] as Referent);
    };
    // `he`/`she` stand for a man or a woman: skip anyone known as the other, and remember the answer.
    const resolvePronoun = (ref: SpeakerRef, pos: number): Speaker => {
      const gender = ref.kind === 'pronoun' ? pronounGender(content, ref.at) : null;
      const speaker = discourse.resolve(pos, gender);
      if (gender && speaker.name !== null) discourse.learnGender(speaker.name, gender);
      return speaker;
    };
    const accepted: { k: number; attribution: Attribution | null }[] = [];
    para.spans.forEach((_, k) => {
      const attribution = findAttribution(ctx, paras, p, k);
      if (isQuote(ctx, para, k, attribution)) accepted.push({ k, attribution });
    });
    // Own attributions first, in order, so pronouns see the speakers before them.
    const speakers: (Speaker | null)[] = [];
    for (const { k, attribution } of accepted) {
      const span = para.spans[k] as Span;
      addReferentsBefore(span.open);
      let speaker: Speaker | null = null;
      if (attribution) {
        const ref = attribution.ref;
        if (ref.kind === 'name') speaker = { actorId: discourse.actorFor(ref.name), name: ref.name };
        else if (ref.kind === 'role') speaker = { actorId: null, name: ref.phrase };
        else speaker = resolvePronoun(ref, span.open);
      }
      speakers.push(speaker);
      if (speaker && (speaker.name || speaker.actorId)) {
        const ref = attribution?.ref;
        const kind = ref?.kind === 'name' && ref.org ? 'org' : ref?.kind === 'role' ? 'role' : 'person';
        const at = Math.min(ref?.at ?? span.open, span.textEnd);
        discourse.add({ at, sentence: sentenceAt(para, span.open), name: speaker.name, actorId: speaker.actorId, kind, spoke: true });
      }
    }
    // Quotes with no attribution of their own: the quote before them in the paragraph, else the
    // next attributed one in it, else a quote running on from the paragraph before, else the
    // last quote of the paragraph before when it closed that paragraph.
    accepted.forEach((_, i) => {
      if (speakers[i] !== null) return;
      const before = speakers.slice(0, i).reverse().find((s) => s !== null);
      if (before) {
        speakers[i] = before;
        return;
      }
      const after = speakers.slice(i + 1).find((s) => s !== null);
      const first = (accepted[0] as { k: number }).k === (accepted[i] as { k: number }).k;
      const span = para.spans[(accepted[i] as { k: number }).k] as Span;
      const opensParagraph = !/[\p{L}\p{N}]/u.test(content.slice(para.start, span.open));
      if (first && opensParagraph && previousParagraphLast && (previousParagraphLast.continued || previousParagraphLast.lastSentence)) {
        speakers[i] = previousParagraphLast.speaker;
        return;
      }
      if (after) {
        speakers[i] = after;
        return;
      }
      const subject = previousSentenceSubject(ctx, para, span, discourse);
      speakers[i] = subject?.kind === 'name' ? { actorId: discourse.actorFor(subject.name), name: subject.name }
        : subject?.kind === 'pronoun' || subject?.kind === 'anaphor' ? resolvePronoun(subject, subject.at)
          : NOBODY;
    });
    addReferentsBefore(para.end + 1);

    accepted.forEach(({ k }, i) => {
      const span = para.spans[k] as Span;
      const speaker = speakers[i] ?? NOBODY;
      const passage = groups[p]?.passages.find((ps) => span.textStart >= ps.start && span.textStart < ps.end)
        ?? [...(groups[p]?.passages ?? [])].reverse().find((ps) => ps.start <= span.textStart)
        ?? groups[p]?.passages[0];
      if (!passage) return;
      const n = (perPassage.get(passage.id) ?? 0) + 1;
      perPassage.set(passage.id, n);
      quotes.push({
        id: `${passage.id}~${n}`,
        text: content.slice(span.textStart, span.textEnd),
        sourceId: source.id,
        passageId: passage.id,
        start: span.textStart,
        end: span.textEnd,
        speaker: speaker.actorId,
        speakerName: speaker.name,
      });
    });

    // A quote left open at the end of the paragraph continues in the next one (same speaker).
    const lastAccepted = accepted[accepted.length - 1];
    const lastSpan = lastAccepted ? (para.spans[lastAccepted.k] as Span) : undefined;
    const lastSentenceStart = para.sentences[para.sentences.length - 1] ?? para.start;
    previousParagraphLast = lastSpan
      ? { speaker: speakers[speakers.length - 1] ?? NOBODY, continued: lastSpan.close === null, lastSentence: lastSpan.open >= lastSentenceStart }
      : null;
  });
  backfillContinuedQuotes(quotes, paras, content);
  return quotes;
}

/**
 * A quote over several paragraphs often names its speaker only at the end (`… agreement," she
 * said.`): the earlier, open-ended parts take the speaker of the part that closes.
 */
function backfillContinuedQuotes(quotes: Quote[], paras: readonly ParagraphInfo[], content: string): void {
  const openEnded = new Set<number>();
  for (const para of paras) for (const s of para.spans) if (s.close === null) openEnded.add(s.textStart);
  for (let i = quotes.length - 2; i >= 0; i--) {
    const q = quotes[i] as Quote;
    const next = quotes[i + 1] as Quote;
    if (!openEnded.has(q.start) || q.speakerName !== null || q.speaker !== null) continue;
    if (!/^[\s"＂“„«‟]*$/u.test(content.slice(q.end, next.start))) continue;
    quotes[i] = { ...q, speaker: next.speaker, speakerName: next.speakerName };
  }
}
