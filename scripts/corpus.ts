/**
 * A deterministic generated knowledge folder for the benchmark: Indonesian and English
 * news-like paragraphs with actors, quotes and conditionals, 100 passages per source.
 */
import { seededRandom } from '../src/random.js';

export type GeneratedCorpus = {
  readonly sources: readonly { id: string; text: string }[];
  readonly actorsYaml: string;
  readonly glossaryYaml: string;
  /** Search queries: words, phrases, typos, English words for Indonesian text. */
  readonly queries: readonly string[];
  readonly actorNames: readonly string[];
  readonly speakerNames: readonly string[];
  readonly bytes: number;
};

const ID_WORDS = (
  'pasukan wilayah perundingan kebuntuan kedaulatan kepemimpinan bantuan pertempuran serangan keamanan perdamaian ' +
  'pengungsi kesepakatan senjata pemerintahan kekuasaan kemerdekaan perbatasan pembicaraan perlawanan kemenangan ' +
  'negara krisis konflik militer ekonomi harga pangan banjir pemilihan parlemen menteri presiden rakyat kota desa ' +
  'sungai pelabuhan bandara jalan sekolah rumah sakit dokter guru petani nelayan pedagang pasar listrik minyak gas ' +
  'menyerang bertahan mundur maju menolak menerima menyetujui membahas mengumumkan memperingatkan menuntut meminta ' +
  'menyatakan menegaskan mengatakan menelepon mengirim menarik memulihkan menghindari memasuki menyelamatkan'
).split(' ');
const EN_WORDS = (
  'troops region negotiations deadlock sovereignty leadership assistance fighting attack security peace refugees ' +
  'agreement weapons government power independence border talks resistance victory country crisis conflict military ' +
  'economy prices food flood election parliament minister president people city village river port airport road ' +
  'school hospital doctor teacher farmer fisherman trader market electricity oil gas attacked defended withdrew ' +
  'advanced rejected accepted approved discussed announced warned demanded asked stated stressed said called sent'
).split(' ');
const ID_GLUE = 'yang dan di ke dari untuk dengan pada dalam atas oleh telah akan masih juga tidak'.split(' ');
const EN_GLUE = 'the and in to from for with on at by has will still also not of a'.split(' ');

const ACTORS = [
  ['valoria', 'Valoria', 'Valoria', 'state'],
  ['kestrel', 'Kestrel Republic', 'Republik Kestrel', 'state'],
  ['norland', 'Norland', 'Norlandia', 'state'],
  ['union', 'Eastern Union', 'Uni Timur', 'organization'],
  ['bpa', 'BPA', 'BPA', 'organization'],
  ['marten', 'Ilse Marten', 'Ilse Marten', 'person'],
  ['okoro', 'Daniel Okoro', 'Daniel Okoro', 'person'],
  ['santoso', 'Budi Santoso', 'Budi Santoso', 'person'],
] as const;

const SYLLABLES =
  'ba be bi bo bu da de di do du ga gi gu ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu wa ya ja ng an in un ar er ir ur'.split(
    ' ',
  );

/**
 * A vocabulary with the long tail of real text: the listed words are the frequent content words,
 * then `size` made-up words; word k is drawn with probability about 1/(k + 10) (Zipf).
 */
function zipfVocabulary(random: () => number, listed: readonly string[], size: number): { words: string[]; draw: () => string } {
  const seen = new Set(listed);
  const words = [...listed];
  while (words.length < listed.length + size) {
    const n = 2 + Math.floor(random() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    if (!seen.has(w)) {
      seen.add(w);
      words.push(w);
    }
  }
  const cumulative: number[] = [];
  let total = 0;
  for (let k = 0; k < words.length; k++) cumulative.push((total += 1 / (k + 10)));
  const draw = () => {
    const x = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return words[lo] as string;
  };
  return { words, draw };
}

export function generateCorpus(passageCount: number, seed = 1): GeneratedCorpus {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const idVocabulary = zipfVocabulary(random, ID_WORDS, 20_000);
  const enVocabulary = zipfVocabulary(random, EN_WORDS, 20_000);
  const perSource = 100;
  const sources: { id: string; text: string }[] = [];
  let bytes = 0;
  for (let s = 0; s * perSource < passageCount; s++) {
    const indonesian = s % 3 !== 2;
    const words = indonesian ? ID_WORDS : EN_WORDS;
    const vocabulary = indonesian ? idVocabulary : enVocabulary;
    const glue = indonesian ? ID_GLUE : EN_GLUE;
    const paragraphs: string[] = [];
    for (let p = 0; p < Math.min(perSource, passageCount - s * perSource); p++) {
      const sentences: string[] = [];
      for (let k = 0; k < 3; k++) {
        const parts: string[] = [];
        const len = 9 + Math.floor(random() * 6);
        for (let w = 0; w < len; w++) parts.push(random() < 0.35 ? pick(glue) : vocabulary.draw());
        if (random() < 0.5) {
          const actor = pick(ACTORS);
          parts.splice(Math.floor(random() * parts.length), 0, indonesian ? actor[2] : actor[1]);
        }
        let sentence = parts.join(' ');
        sentence = sentence.charAt(0).toUpperCase() + sentence.slice(1);
        sentences.push(`${sentence}.`);
      }
      const roll = random();
      if (roll < 0.08) {
        const speaker = pick(ACTORS.filter((a) => a[3] === 'person'));
        const said = sentences.slice(0, 2).join(' ').replace(/\.$/, '');
        paragraphs.push(indonesian ? `“${said},” kata ${speaker[2]}.` : `“${said},” ${speaker[1]} said.`);
      } else if (roll < 0.12) {
        paragraphs.push(
          indonesian
            ? `Jika ${sentences[0]?.toLowerCase().replace(/\.$/, '')}, ${pick(ACTORS)[2]} akan ${pick(words)}.`
            : `If ${sentences[0]?.toLowerCase().replace(/\.$/, '')}, ${pick(ACTORS)[1]} would ${pick(words)}.`,
        );
      } else {
        paragraphs.push(sentences.join(' '));
      }
    }
    const text = `---\ntitle: Generated ${s}\nlanguage: ${indonesian ? 'id' : 'en'}\n---\n${paragraphs.join('\n\n')}\n`;
    bytes += text.length;
    sources.push({ id: `gen-${String(s).padStart(5, '0')}`, text });
  }
  const actorsYaml = ACTORS.map(([id, en, idName, kind]) => `- id: ${id}\n  names: { en: ${en}, id: ${idName} }\n  kind: ${kind}\n`).join(
    '',
  );
  const glossaryYaml = ID_WORDS.slice(0, 20)
    .map((w, i) => `- { en: [${EN_WORDS[i]}], id: [${w}] }`)
    .join('\n');
  const queries: string[] = [];
  const typo = (w: string) => (w.length > 5 ? w.slice(0, 2) + w.slice(3) : w);
  // What students type: frequent content words and rarer ones, pairs, typos, English words,
  // an actor with a word, and a word being typed (a prefix).
  for (let i = 0; i < 500; i++) {
    const r = random();
    const word = () => (random() < 0.5 ? pick(ID_WORDS) : idVocabulary.draw());
    if (r < 0.3) queries.push(word());
    else if (r < 0.5) queries.push(`${word()} ${word()}`);
    else if (r < 0.65) queries.push(random() < 0.5 ? pick(EN_WORDS) : enVocabulary.draw());
    else if (r < 0.8) queries.push(typo(pick(ID_WORDS)));
    else if (r < 0.9) queries.push(`${pick(ACTORS)[2]} ${word()}`);
    else queries.push(pick(ID_WORDS).slice(0, 4));
  }
  return {
    sources,
    actorsYaml,
    glossaryYaml,
    queries,
    actorNames: ACTORS.map((a) => a[1]),
    speakerNames: ACTORS.filter((a) => a[3] === 'person').map((a) => a[2]),
    bytes,
  };
}
