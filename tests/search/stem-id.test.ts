import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { INDONESIAN_ROOTS } from '../../src/search/id-roots.js';
import { stemIndonesian } from '../../src/search/stem-id.js';

const stemsFile = path.join(import.meta.dirname, '..', 'fixtures', 'search', 'id-stems.tsv');
const rows = readFileSync(stemsFile, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('#'))
  .map((line) => line.split('\t') as [string, string]);

describe('stemIndonesian', () => {
  test('the word list has rows to check', () => {
    expect(rows.length).toBeGreaterThan(80);
  });

  test.each(rows)('stems %s to %s (id-stems.tsv)', (word, root) => {
    expect(stemIndonesian(word)).toBe(root);
  });

  test.each([
    // The forms dictionary-less stemmers get wrong.
    ['pasukan', 'pasukan'],
    ['menembak', 'tembak'],
    ['menolak', 'tolak'],
    // Particles -lah, -kah, -pun.
    ['bacalah', 'baca'],
    ['pasukanlah', 'pasukan'],
    ['bantuanlah', 'bantu'],
    ['bisakah', 'bisa'],
    ['bagaimanapun', 'bagaimanapun'],
    // Possessives -ku, -mu, -nya, also under a derivational suffix.
    ['rumahku', 'rumah'],
    ['bukumu', 'buku'],
    ['negaranya', 'negara'],
    ['kesepakatannya', 'sepakat'],
    ['perbatasannya', 'batas'],
    ['menguasainya', 'kuasa'],
  ])('removes suffixes: %s -> %s', (word, root) => {
    expect(stemIndonesian(word)).toBe(root);
  });

  test.each([
    // me- and its allomorphs: mem-, men-, meng-, meny-, menge-.
    ['melawan', 'lawan'],
    ['membantu', 'bantu'],
    ['memakan', 'makan'],
    ['memulihkan', 'pulih'],
    ['mempunyai', 'punya'],
    ['mendesak', 'desak'],
    ['menilai', 'nilai'],
    ['menarik', 'tarik'],
    ['mengakhiri', 'akhir'],
    ['mengatakan', 'kata'],
    ['menggunakan', 'guna'],
    ['menyatakan', 'nyata'],
    ['menyerang', 'serang'],
    ['mengetahui', 'tahu'],
    // pe- and its allomorphs, per-.
    ['pemerintahan', 'perintah'],
    ['pembicaraan', 'bicara'],
    ['pendekatan', 'dekat'],
    ['penembakan', 'tembak'],
    ['pengungsi', 'ungsi'],
    ['pengembangan', 'kembang'],
    ['pengeboman', 'bom'],
    ['penyerangan', 'serang'],
    ['pelaku', 'laku'],
    ['petugas', 'tugas'],
    ['perundingan', 'runding'],
    ['pertahanan', 'tahan'],
    // ber-, be-, ter-, di-, ke-, se-.
    ['bertempur', 'tempur'],
    ['bekerja', 'kerja'],
    ['belajar', 'ajar'],
    ['terjadi', 'jadi'],
    ['tersangka', 'sangka'],
    ['diserang', 'serang'],
    ['dikuasai', 'kuasa'],
    ['kedudukan', 'duduk'],
    ['kemenangan', 'menang'],
    ['sejumlah', 'jumlah'],
    // Two and three prefixes.
    ['memperingatkan', 'ingat'],
    ['diperintahkan', 'perintah'],
    ['kepemimpinan', 'pimpin'],
    ['keberhasilan', 'hasil'],
    ['berkelanjutan', 'lanjut'],
    ['pemberdayaan', 'daya'],
    ['keterlibatan', 'libat'],
  ])('removes prefixes with their sound changes: %s -> %s', (word, root) => {
    expect(stemIndonesian(word)).toBe(root);
  });

  test.each([
    ['negara-negara', 'negara'],
    ['tembak-menembak', 'tembak'],
    ['bermain-main', 'main'],
    ['berbeda-beda', 'beda'],
    ['kata-katanya', 'kata'],
  ])('gives the shared root of a reduplicated word: %s -> %s', (word, root) => {
    expect(stemIndonesian(word)).toBe(root);
  });

  test('leaves a hyphenated word whose halves differ as it is', () => {
    expect(stemIndonesian('pasca-perang')).toBe('pasca-perang');
  });

  test.each([
    'Armenia',
    'Azerbaijan',
    'Pashinyan',
    'Aliyev',
    'Erdogan',
    'Karabakh',
    'Indonesia',
    'Jakarta',
    'Teheran',
    'Semarang',
    'Palembang',
    'Taiwan',
    'Lebanon',
    'Menendez',
    'Merkel',
  ])('returns the name %s unchanged', (name) => {
    expect(stemIndonesian(name)).toBe(name);
  });

  test.each(['di', 'ke', 'bom', 'ada', 'kan'])('never stems a word shorter than 4 letters: %s', (word) => {
    expect(stemIndonesian(word)).toBe(word);
  });

  test('only strips an affix when a known root remains', () => {
    // "menulari" is not in the dictionary's reach: no root "tular"/"nular" is listed.
    expect(stemIndonesian('menulari')).toBe('menulari');
    expect(stemIndonesian('xyzkan')).toBe('xyzkan');
  });

  test('is case-insensitive and returns roots in lower case', () => {
    expect(stemIndonesian('MENYERANG')).toBe('serang');
    expect(stemIndonesian('Pasukannya')).toBe('pasukan');
  });

  test('leaves numbers and mixed words alone', () => {
    expect(stemIndonesian('2024')).toBe('2024');
    expect(stemIndonesian('covid19')).toBe('covid19');
  });

  test('keeps derived words with roots of their own out of the dictionary', () => {
    for (const derived of ['pemerintah', 'penduduk', 'pemimpin', 'pengungsi', 'kebijakan', 'serangan', 'bantuan']) {
      expect(INDONESIAN_ROOTS.has(derived), derived).toBe(false);
    }
  });

  test('holds every root the word list expects', () => {
    for (const [, root] of rows) expect(INDONESIAN_ROOTS.has(root), root).toBe(true);
  });
});
