// Maps a position inside a scalar's value to its offset in the YAML source, so a problem
// found inside a string (a PromQL syntax error, say) is shown at the exact character.
// The value and its source differ by quotes, escapes, block indentation and line folding;
// walking both in step and skipping source characters that are not in the value recovers
// the position for plain, quoted, literal (`|`) and folded (`>`) scalars alike. Where an
// escape makes the two disagree, the position falls back to the nearest character seen.
export function scalarSourceOffset(source: string, value: string, index: number): number {
  let s = 0;
  // skip a block scalar header or an opening quote
  if (source[0] === '|' || source[0] === '>') s = source.indexOf('\n') + 1 || source.length;
  else if (source[0] === '"' || source[0] === "'") s = 1;
  for (let v = 0; v < index && v < value.length; v++) {
    const want = value[v];
    let probe = s;
    while (probe < source.length && source[probe] !== want) {
      // do not run past a character of the value that a later step needs
      if (probe - s > 200) break;
      probe++;
    }
    if (probe < source.length && source[probe] === want) s = probe + 1;
  }
  // land on the value's character, not on indentation before it
  while (s < source.length && index < value.length && source[s] !== value[index] && (source[s] === ' ' || source[s] === '\n' || source[s] === '\r')) s++;
  return Math.min(s, source.length);
}
