// Seeded randomness for the generated mesh file: the same seed gives the same file.
// Never Math.random: figures from different runs must describe the same input.

/** mulberry32: small, fast and good enough to vary a fixture; not for anything else. */
export function createRandom(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    /** 0 to n - 1 */
    below: (n) => Math.floor(next() * n),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
  };
}

/** A fake but well-formed image digest. */
export function digest(rnd) {
  let hex = '';
  while (hex.length < 64) hex += Math.floor(rnd.next() * 0x100000000).toString(16).padStart(8, '0');
  return hex;
}
