// The one-line edits of the bench: each changes one number (replicas, a timeout, a retry
// count, ...) in a document in the middle half of the file, so the YAML stays valid and the
// line count never moves. Positions step through the candidates by a prime stride: the
// same for every run and every server, spread over many documents.

const EDITABLE = /^(\s+(?:replicas|timeout|perTryTimeout|attempts|consecutive5xxErrors|periodSeconds): )(\d+)(s?)$/;

/**
 * @param {string} text the file as opened
 * @returns {{ next(): { range: object, text: string, fullText: () => string } }} an endless edit source
 */
export function createEditScript(text) {
  const lines = text.split('\n');
  const candidates = [];
  for (let i = Math.floor(lines.length / 4); i < Math.floor((lines.length * 3) / 4); i += 1) {
    if (EDITABLE.test(lines[i])) candidates.push(i);
  }
  if (candidates.length === 0) throw new Error('bench file has no editable line in its middle half');
  let n = 0;
  return {
    candidates: candidates.length,
    next() {
      n += 1;
      const line = candidates[(n * 7919) % candidates.length];
      const [, head, digits] = EDITABLE.exec(lines[line]);
      let value = ((Number(digits) + n) % 9) + 1;
      if (String(value) === digits) value = (value % 9) + 1;
      const replacement = String(value);
      const character = head.length;
      lines[line] = head + replacement + lines[line].slice(character + digits.length);
      return {
        line,
        range: { start: { line, character }, end: { line, character: character + digits.length } },
        text: replacement,
        fullText: () => lines.join('\n'),
      };
    },
  };
}
