// Checks that decide, before any parsing, whether a file is analysed at all: too large or
// not text (one finding, no analysis). Templates are analysed where they are YAML: see
// helmTemplate.ts.
import type { Finding } from '../finding';
import type { SourceText } from './sourceText';

/** Real manifests nest a few dozen levels; the parser's own limit is several hundred.
 * Checked per document in analyzeFile.ts, before the parser sees it (see nestingDepth.ts). */
export const MAX_NESTING = 256;

/** How much of the start of a file the binary check reads. */
export const BINARY_SAMPLE_LENGTH = 8192;

/** `sampleAlreadyText`: the first BINARY_SAMPLE_LENGTH characters are those of a version that passed (an edit further on). */
export function guardFile(text: SourceText, maxFileSizeKB: number, sampleAlreadyText = false): Finding | undefined {
  if (text.length > maxFileSizeKB * 1024) {
    const sizeKB = Math.round(text.length / 1024);
    return { code: 'MM105', message: `This file is ${sizeKB} KB, above the ${maxFileSizeKB} KB limit (mumbaiMesh.maxFileSizeKB), so it is not analysed.`, start: 0, end: firstLineEnd(text, 200) };
  }
  if (!sampleAlreadyText && looksBinary(text)) {
    return { code: 'MM106', message: 'This file does not look like text (it holds NUL or other control bytes), so it is not analysed as YAML.', start: 0, end: Math.min(1, text.length) };
  }
  return undefined;
}

function firstLineEnd(text: SourceText, limit: number): number {
  const head = text.slice(0, limit);
  const end = head.indexOf('\n');
  return end === -1 ? head.length : end;
}

function looksBinary(text: SourceText): boolean {
  const sample = text.slice(0, BINARY_SAMPLE_LENGTH);
  if (sample.includes('\u0000')) return true;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) odd++;
  }
  return sample.length > 0 && odd / sample.length > 0.05;
}
