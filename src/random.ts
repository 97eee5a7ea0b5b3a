/**
 * Sources of numbers in [0, 1): `Math.random` in use, a seeded one where a run must be
 * reproducible (role shuffles in tests and previews, the benchmark's generated corpus).
 */

/** A source of numbers in [0, 1); `Math.random` unless a test passes its own. */
export type RandomSource = () => number;

/** A seeded source of numbers in [0, 1) (mulberry32), for reproducible shuffles in tests and previews. */
export function seededRandom(seed: number): RandomSource {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
