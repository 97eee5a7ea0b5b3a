/**
 * Word lists of the quote extractor, folded (lower case, no diacritics), Indonesian and English
 * side by side: speech verbs, titles, role nouns, organisation words and the small words around
 * them. Data only.
 */
export const set = (...lists: readonly string[][]): ReadonlySet<string> => new Set(lists.flat());

/** Verbs that come right after a quote and before the speaker: `," kata Aliyev`, `," said Okafor`. */
export const VERB_FIRST_ID = [
  'kata', 'ujar', 'ucap', 'tambah', 'tegas', 'tulis', 'jelas', 'ungkap', 'lanjut', 'imbuh', 'tutur',
  'papar', 'terang', 'sebut', 'seru', 'pungkas', 'sambung', 'timpal', 'jawab', 'tanya', 'kilah', 'cetus',
  'tandas', 'beber', 'pinta', 'desak', 'bilang', 'tukas', 'ingat', 'sergah', 'keluh', 'harap', 'akui',
];
export const VERB_FIRST_EN = [
  'said', 'says', 'added', 'adds', 'asked', 'asks', 'wrote', 'writes', 'continued', 'replied', 'explained',
  'recalled', 'noted', 'warned', 'insisted', 'argued', 'declared', 'stated', 'told', 'tweeted', 'posted',
  'concluded', 'admitted', 'shouted', 'answered', 'responded', 'cautioned', 'acknowledged', 'stressed',
  'remarked', 'observed', 'commented', 'claimed', 'countered', 'conceded', 'confirmed', 'reiterated',
  'emphasized', 'emphasised', 'vowed', 'predicted', 'complained', 'urged', 'announced', 'joked', 'whispered',
];
export const VERB_FIRST = set(VERB_FIRST_ID, VERB_FIRST_EN);
/** `katanya`, `ujarnya`, `lanjutnya`, `imbuhnya`: the speaker is whoever spoke or was named last. */
export const NYA_FORMS = set(VERB_FIRST_ID.map((v) => `${v}nya`));

/** Verbs that follow their subject: `X mengatakan, "…"`, `"…," X said`. Matched in lower case only. */
export const SPEECH_VERBS = set(
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
export const PARTICIPLES = set(['saying', 'adding', 'warning', 'noting', 'insisting', 'arguing', 'writing', 'explaining', 'stressing', 'telling', 'asking']);
/** Indonesian words that make the next speech verb take the sentence subject: `seraya menambahkan`. */
export const CLAUSE_LINKS = set(['seraya', 'sambil', 'lalu', 'kemudian', 'and', 'dan']);
/**
 * Verbs that name rather than report (`menyebut X "…"`, `called it "…"`): they give a long quote
 * its speaker but do not make a short span a quote.
 */
export const NAMING_VERBS = set(['menyebut', 'menyebutnya', 'menggambarkan', 'menamai', 'menjuluki', 'called', 'calls', 'described', 'describes', 'describing', 'dubbed', 'labelled', 'labeled', 'branded', 'termed']);
/**
 * Words right before a span that mark it as a name, title or label, not speech:
 * `yang disebut "…"`, `the so-called "…"`, `spanduk bertuliskan "…"`, `a report titled "…"`.
 */
export const LABEL_CUES = set([
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
export const NICKNAME_VERBS = set(['call', 'calls', 'called', 'calling']);
/**
 * Words that introduce written text (`banners reading "…"`, `a sign that read "…"`) when the span
 * follows them directly; after a colon (`the statement read: "…"`) what follows may be a quote.
 */
export const WRITING_CUES = set(['read', 'reads', 'reading']);
/** Objects of a nickname verb: `call her "…"`, `called him "…"`. */
export const OBJECT_PRONOUNS = set(['him', 'her', 'them', 'me', 'us', 'you']);
/** English pronouns that, followed by a verb after `said`, make it a reported clause (`said she would`), not a tag. */
export const EN_SUBJECT_PRONOUNS = set(['he', 'she', 'they', 'we', 'i', 'it']);
/** Words that open a relative clause after a name: `X, who …, voted`, `X, whose son …, said`. */
export const RELATIVE_WORDS = set(['who', 'whom', 'whose', 'which', 'yang']);
/** Relative words that are the subject of their clause, so that a speech verb in it is still the name's (`X yang … mengatakan`). */
export const SUBJECT_RELATIVES = set(['who', 'yang']);
/** Titles that say whether a person is a man or a woman, for `he`/`she`. */
export const MALE_TITLES = set(['mr', 'sir', 'king', 'lord', 'prince', 'pak', 'bapak', 'tuan', 'spokesman', 'chairman']);
export const FEMALE_TITLES = set(['mrs', 'ms', 'miss', 'dame', 'lady', 'queen', 'princess', 'bu', 'ibu', 'nyonya', 'spokeswoman', 'chairwoman']);

export const PERSON_PRONOUNS = set(['ia', 'dia', 'beliau', 'he', 'she']);
/** Speakers we cannot name honestly: plural and first-person pronouns, `it` (an organisation). */
export const OTHER_PRONOUNS = set(['they', 'mereka', 'we', 'kami', 'kita', 'it', 'i', 'saya', 'aku']);

/** Words of a title in front of a name: stripped from the speaker's name. */
export const TITLE_WORDS = set([
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
export const ORG_WORDS = set([
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
  // Units inside an institution: `Kepala Dinas Penerangan TNI AU`, `Divisi Humas Polri`.
  'dinas', 'divisi', 'biro', 'direktorat', 'satuan', 'satgas', 'humas',
]);
/** Indonesian institutions written as one word (all-capital ones, `TNI`, `DPR`, are acronyms): organisations, never people. */
export const INSTITUTION_ABBREVIATIONS = set([
  'kemlu', 'kemenlu', 'kemhan', 'kemenhan', 'kemendagri', 'kemenkes', 'kemensos', 'kemenkeu', 'kemnaker', 'kemenaker',
  'kemendikbud', 'kemenag', 'kemenkumham', 'kemenhub', 'kemendag', 'kemenperin', 'kemkominfo', 'kominfo', 'komdigi',
  'pemkab', 'pemprov', 'pemkot', 'pemda', 'polri', 'polda', 'polres', 'polresta', 'polsek', 'kodam', 'korem', 'kodim',
  'kejagung', 'kejati', 'kejari', 'basarnas', 'kemenpar', 'kemenpora',
]);
/** Capitalized words that start a sentence or a date, not a name: stripped from the front of a name. */
export const NOT_NAMES = set([
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
/** Days and months: capitalised wherever they stand, never part of a name. */
export const DATE_WORDS = set([
  'senin', 'selasa', 'rabu', 'kamis', 'jumat', 'sabtu', 'minggu', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday',
  'saturday', 'sunday', 'januari', 'februari', 'maret', 'april', 'mei', 'juni', 'juli', 'agustus', 'september', 'oktober',
  'november', 'desember', 'january', 'february', 'march', 'june', 'july', 'august', 'october', 'december',
]);
/** Nouns for people: `ujar diplomat senior itu`, `the minister said` point back to a person. */
export const PERSON_NOUNS = set([
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
export const ROLE_FILLERS = set([
  'the', 'a', 'an', 'seorang', 'sang', 'salah', 'satu', 'para', 'senior', 'former', 'mantan', 'deputy', 'wakil',
  'acting', 'top', 'itu', 'tersebut', 'for', 'of', 'dari', 'from', 'local', 'setempat', 'regional', 'national',
  'foreign', 'luar', 'negeri', 'kepala', 'ketua', 'head', 'lead', 'military', 'militer', 'government',
  'pemerintah', 'aksi', 'kementerian',
]);
/** Lower-case particles inside a person's name: `Ibn Saud`, `Ursula von der Leyen`. */
export const NAME_PARTICLES = set(['bin', 'binti', 'ibn', 'van', 'von', 'de', 'der', 'den', 'al', 'el', 'da', 'dos', 'del', 'la', 'le']);
/** What may follow `X said` when the attribution is a sentence of its own: `"…." Kata Aliyev pada …`. */
export const ATTRIBUTION_TAIL = set([
  'in', 'at', 'on', 'to', 'during', 'after', 'before', 'from', 'with', 'via', 'pada', 'di', 'dalam', 'kepada',
  'saat', 'ketika', 'usai', 'seusai', 'setelah', 'sebelum', 'melalui', 'lewat', 'dengan', 'sambil', 'seraya',
  'kemarin', 'reporters', 'journalists', 'wartawan', 'media', 'yesterday', 'today', 'later', 'earlier', 'as',
]);
/** Words before a name that make it a place: `in Santa Lucia`, `di Cimanggu`. */
export const PLACE_PREPOSITIONS = set(['in', 'at', 'near', 'outside', 'inside', 'across', 'di']);
/** Words between a subject and its verb: `Sol later wrote`, `Ia juga mengatakan`. */
export const ADVERBS = set([
  'later', 'also', 'then', 'again', 'earlier', 'previously', 'repeatedly', 'once', 'had', 'has', 'have', 'was',
  'would', 'will', 'has', 'juga', 'kemudian', 'lalu', 'pun', 'sempat', 'telah', 'sudah', 'pernah', 'akan',
  'kembali', 'bahkan', 'hanya', 'sebelumnya', 'kerap', 'sering', 'lantas',
]);
export const ABBREVIATIONS = set([
  'dr', 'prof', 'mr', 'mrs', 'ms', 'st', 'jr', 'sr', 'no', 'vs', 'gen', 'lt', 'col', 'capt', 'sgt', 'gov', 'sen',
  'rep', 'ir', 'drs', 'hj', 'h', 'kh', 'tn', 'ny', 'sdr', 'bpk', 'jl', 'adm', 'rev',
]);
