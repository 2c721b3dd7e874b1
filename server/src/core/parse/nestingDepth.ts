// How deeply a YAML text nests, measured on the raw text before parsing. The `yaml`
// parser recurses once per level; past several hundred levels it reports a stack overflow,
// and a second such parse in the same process has been seen to abort Node itself
// ("RegExpCompiler Allocation failed", yaml 2.9.1), which no try/catch can stop. So deep
// texts are refused before they reach the parser. Flow brackets inside quoted strings and
// comments are counted too: a real manifest is nowhere near the limit either way.
export function nestingDepth(text: string, stopAt: number): number {
  let max = 0;
  let flow = 0;
  const indents: number[] = [];
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      lineStart = true;
      indent = 0;
      continue;
    }
    if (lineStart) {
      if (c === 32 || c === 45 /* '-' opens a level too */) {
        indent++;
        continue;
      }
      if (c === 13 || c === 35 /* '#' comment line */) {
        lineStart = false;
        continue;
      }
      lineStart = false;
      while (indents.length && indents[indents.length - 1] >= indent) indents.pop();
      indents.push(indent);
    }
    if (c === 91 || c === 123) flow++;
    else if ((c === 93 || c === 125) && flow > 0) flow--;
    const depth = flow + indents.length;
    if (depth > max) {
      max = depth;
      if (max >= stopAt) return max;
    }
  }
  return max;
}
