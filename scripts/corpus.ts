/**
 * A deterministic generated knowledge folder for the benchmark: Indonesian and English
 * news-like paragraphs with actors, quotes and conditionals, 100 passages per source.
 */

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

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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

export function generateCorpus(passageCount: number, seed = 1): GeneratedCorpus {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const perSource = 100;
  const sources: { id: string; text: string }[] = [];
  let bytes = 0;
  for (let s = 0; s * perSource < passageCount; s++) {
    const indonesian = s % 3 !== 2;
    const words = indonesian ? ID_WORDS : EN_WORDS;
    const glue = indonesian ? ID_GLUE : EN_GLUE;
    const paragraphs: string[] = [];
    for (let p = 0; p < Math.min(perSource, passageCount - s * perSource); p++) {
      const sentences: string[] = [];
      for (let k = 0; k < 3; k++) {
        const parts: string[] = [];
        const len = 9 + Math.floor(random() * 6);
        for (let w = 0; w < len; w++) parts.push(random() < 0.35 ? pick(glue) : pick(words));
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
        paragraphs.push(indonesian ? `Jika ${sentences[0]?.toLowerCase().replace(/\.$/, '')}, ${pick(ACTORS)[2]} akan ${pick(words)}.` : `If ${sentences[0]?.toLowerCase().replace(/\.$/, '')}, ${pick(ACTORS)[1]} would ${pick(words)}.`);
      } else {
        paragraphs.push(sentences.join(' '));
      }
    }
    const text = `---\ntitle: Generated ${s}\nlanguage: ${indonesian ? 'id' : 'en'}\n---\n${paragraphs.join('\n\n')}\n`;
    bytes += text.length;
    sources.push({ id: `gen-${String(s).padStart(5, '0')}`, text });
  }
  const actorsYaml = ACTORS.map(([id, en, idName, kind]) => `- id: ${id}\n  names: { en: ${en}, id: ${idName} }\n  kind: ${kind}\n`).join('');
  const glossaryYaml = ID_WORDS.slice(0, 20)
    .map((w, i) => `- { en: [${EN_WORDS[i]}], id: [${w}] }`)
    .join('\n');
  const queries: string[] = [];
  const typo = (w: string) => (w.length > 5 ? w.slice(0, 2) + w.slice(3) : w);
  for (let i = 0; i < 500; i++) {
    const r = random();
    if (r < 0.3) queries.push(pick(ID_WORDS));
    else if (r < 0.5) queries.push(`${pick(ID_WORDS)} ${pick(ID_WORDS)}`);
    else if (r < 0.65) queries.push(pick(EN_WORDS));
    else if (r < 0.8) queries.push(typo(pick(ID_WORDS)));
    else if (r < 0.9) queries.push(`${pick(ACTORS)[2]} ${pick(ID_WORDS)}`);
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
