// Collects the generated YAML documents and counts them; plans the deliberate mistakes.

/**
 * The deliberate mistakes, by kind: each is applied once to the n-th resource of that kind
 * (n spread through the file). A schema-checking validator should report each of them.
 */
const MISTAKES = {
  VirtualService: [
    { at: 7, what: 'unknown field `timout` in an http route' },
    { at: 61, what: 'unknown field `attempt` in retries (should be `attempts`)' },
  ],
  DestinationRule: [
    { at: 23, what: 'bad enum `ROUND_ROBBIN` in loadBalancer.simple' },
    { at: 97, what: 'unknown field `maxConnection` in connectionPool.tcp' },
  ],
  Deployment: [{ at: 41, what: 'unknown field `replica` in a Deployment spec' }],
  AuthorizationPolicy: [{ at: 77, what: 'bad enum `ALLOWED` in action' }],
  PeerAuthentication: [{ at: 5, what: 'bad enum `STRICTT` in mtls.mode' }],
};

export function createWriter() {
  const parts = [];
  let bytes = 0;
  let lines = 0;
  let documents = 0;
  const kindCounts = new Map();
  const mistakes = [];
  return {
    /** Adds one YAML document (an array of lines, without the `---`). */
    doc(kind, docLines) {
      const text = (documents === 0 ? '' : '---\n') + docLines.join('\n') + '\n';
      parts.push(text);
      bytes += Buffer.byteLength(text);
      lines += docLines.length + (documents === 0 ? 0 : 1);
      documents += 1;
      kindCounts.set(kind, (kindCounts.get(kind) ?? 0) + 1);
    },
    /** The mistake planned for the next resource of `kind`, recorded: its `at`, or -1 for none. */
    mistakeFor(kind, name) {
      const n = kindCounts.get(kind) ?? 0;
      const planned = (MISTAKES[kind] ?? []).find((m) => m.at === n);
      if (planned) mistakes.push({ kind, name, what: planned.what, document: documents });
      return planned ? planned.at : -1;
    },
    get bytes() {
      return bytes;
    },
    result: () => ({
      text: parts.join(''),
      bytes,
      lines,
      documents,
      kinds: Object.fromEntries([...kindCounts].sort(([a], [b]) => a.localeCompare(b))),
      mistakes,
    }),
  };
}
