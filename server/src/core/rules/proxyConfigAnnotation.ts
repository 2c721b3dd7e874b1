// The `proxy.istio.io/config` annotation read as the ProxyConfig it holds (istio/api
// mesh/v1alpha1/proxy.proto, the same type as MeshConfig `defaultConfig` — not the spec of
// the networking.istio.io ProxyConfig kind). Istio's injector turns the YAML into JSON
// (sigs.k8s.io/yaml, YAML 1.1) and decodes it with jsonpb: an unknown field is dropped
// without a word, while a value of the wrong type fails the whole decode and with it the
// injection. One pass here feeds proxyConfigUnknownField.ts (MM314) and
// proxyConfigFieldValue.ts (MM315); YAML that does not parse is IST0125's.
import { isMap, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import type { Span } from '../finding';
import type { JsonPath } from '../parse/locator';
import { scalarSourceOffset } from '../parse/scalarSourceMap';
import { closestName } from '../schema/editDistance';
import { isGoDuration } from '../schema/goDuration';
import type { RuleContext } from './rule';
import { metadataBlocks } from './metadataBlocks';
import { memoByText } from './textMemo';

export const PROXY_CONFIG_ANNOTATION = 'proxy.istio.io/config';

type FieldType =
  | 'string' | 'int' | 'number' | 'bool' | 'duration' | 'stringMap' | 'stringList' | 'object'
  | { readonly enum: readonly string[] }
  | { readonly fields: Readonly<Record<string, FieldType>> };

const FIELDS: Readonly<Record<string, FieldType>> = {
  configPath: 'string',
  binaryPath: 'string',
  serviceCluster: 'string',
  tracingServiceName: { enum: ['APP_LABEL_AND_NAMESPACE', 'CANONICAL_NAME_ONLY', 'CANONICAL_NAME_AND_NAMESPACE'] },
  drainDuration: 'duration',
  parentShutdownDuration: 'duration',
  discoveryAddress: 'string',
  discoveryRefreshDelay: 'duration',
  zipkinAddress: 'string',
  statsdUdpAddress: 'string',
  envoyMetricsServiceAddress: 'string',
  proxyAdminPort: 'int',
  availabilityZone: 'string',
  controlPlaneAuthPolicy: { enum: ['NONE', 'MUTUAL_TLS', 'INHERIT'] },
  customConfigFile: 'string',
  statNameLength: 'int',
  concurrency: 'int',
  proxyBootstrapTemplatePath: 'string',
  interceptionMode: { enum: ['REDIRECT', 'TPROXY', 'NONE'] },
  tracing: {
    fields: {
      zipkin: 'object', lightstep: 'object', datadog: 'object', stackdriver: 'object', openCensusAgent: 'object',
      customTags: 'object', maxPathTagLength: 'int', sampling: 'number', tlsSettings: 'object', enableIstioTags: 'bool',
    },
  },
  sds: 'object',
  envoyAccessLogService: 'object',
  envoyMetricsService: 'object',
  proxyMetadata: 'stringMap',
  runtimeValues: 'stringMap',
  statusPort: 'int',
  extraStatTags: 'stringList',
  gatewayTopology: 'object',
  terminationDrainDuration: 'duration',
  meshId: 'string',
  readinessProbe: 'object',
  proxyStatsMatcher: { fields: { inclusionPrefixes: 'stringList', inclusionSuffixes: 'stringList', inclusionRegexps: 'stringList' } },
  holdApplicationUntilProxyStarts: 'bool',
  caCertificatesPem: 'stringList',
  image: { fields: { imageType: 'string' } },
  privateKeyProvider: 'object',
  proxyHeaders: 'object',
  fileFlushInterval: 'duration',
  fileFlushMinSizeKb: 'int',
};

export interface ProxyConfigProblem {
  readonly code: 'MM314' | 'MM315';
  /** Where inside the file (absolute offsets). */
  readonly span: Span;
  readonly message: string;
  readonly suggestion?: string;
}

/** jsonpb accepts a field's proto name too: `termination_drain_duration`. */
function camel(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

const tick = (s: string) => `\`${s}\``;
const CONSEQUENCE = "Istio's sidecar injector fails to decode this ProxyConfig, and with its default webhook settings the pod is not created.";

function shown(node: Node): string {
  if (isScalar(node)) {
    const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
    return quoted ? JSON.stringify(String(node.value)) : node.source ?? String(node.value);
  }
  return isMap(node) ? 'a mapping' : isSeq(node) ? 'a list' : 'this value';
}

/** Why `node` does not fit `type`, or undefined. Nested problems are pushed by the caller. */
function typeProblem(type: FieldType, node: Node): string | undefined {
  if (isScalar(node) && node.value === null) return undefined; // null leaves the field unset
  if (typeof type === 'object' && 'fields' in type) return isMap(node) ? undefined : 'must be a mapping';
  if (typeof type === 'object') {
    if (isScalar(node) && (type.enum.includes(String(node.value)) || Number.isInteger(node.value))) return undefined;
    return `must be one of ${type.enum.map(tick).join(', ')}`;
  }
  const scalar = isScalar(node) ? node.value : undefined;
  switch (type) {
    case 'string':
      return isScalar(node) && typeof scalar === 'string' ? undefined : 'must be a string in quotes';
    case 'int':
      return (typeof scalar === 'number' && Number.isInteger(scalar)) || (typeof scalar === 'string' && /^-?\d+$/.test(scalar)) ? undefined : 'must be a whole number';
    case 'number':
      return typeof scalar === 'number' || (typeof scalar === 'string' && /^-?\d+(\.\d+)?$/.test(scalar)) ? undefined : 'must be a number';
    case 'bool':
      return typeof scalar === 'boolean' ? undefined : typeof scalar === 'string' && /^(true|false)$/i.test(scalar) ? 'must be true or false without quotes' : 'must be true or false';
    case 'duration':
      if (typeof scalar === 'string') return isGoDuration(scalar) ? undefined : 'must be a duration such as `5s` or `1m30s`';
      return typeof scalar === 'number' ? 'must be a duration string with a unit, such as `5s`' : 'must be a duration such as `5s`';
    case 'stringMap':
    case 'object':
      return isMap(node) ? undefined : 'must be a mapping';
    case 'stringList':
      return isSeq(node) ? undefined : 'must be a list of strings';
  }
}

interface Walk {
  readonly out: ProxyConfigProblem[];
  readonly spanOf: (node: Node | null | undefined) => Span | undefined;
}

function walkFields(w: Walk, map: Node, fields: Readonly<Record<string, FieldType>>, prefix: string): void {
  if (!isMap(map)) return;
  for (const pair of map.items) {
    if (!isPair(pair) || !isScalar(pair.key)) continue;
    const raw = String(pair.key.value);
    const name = camel(raw);
    const type = fields[name];
    if (type === undefined) {
      const keySpan = w.spanOf(pair.key as Node);
      const suggestion = closestName(name, Object.keys(fields));
      if (keySpan) {
        w.out.push({
          code: 'MM314',
          span: keySpan,
          message: `ProxyConfig has no field ${tick(prefix + raw)}, so Istio drops it without a word.${suggestion ? ` Did you mean ${tick(prefix + suggestion)}?` : ' Check the name against the ProxyConfig reference (MeshConfig `defaultConfig`).'}`,
          suggestion,
        });
      }
      continue;
    }
    const value = pair.value as Node | null;
    if (!value) continue;
    const problem = typeProblem(type, value);
    if (problem) {
      const valueSpan = w.spanOf(value);
      if (valueSpan) w.out.push({ code: 'MM315', span: valueSpan, message: `${tick(prefix + raw)} in \`${PROXY_CONFIG_ANNOTATION}\` ${problem}; got ${tick(shown(value))}. ${CONSEQUENCE}` });
      continue;
    }
    if (typeof type === 'object' && 'fields' in type) walkFields(w, value, type.fields, `${prefix}${raw}.`);
    else if (type === 'stringMap' && isMap(value)) {
      for (const item of value.items) {
        const v = item.value as Node | null;
        if (isScalar(v) && v.value !== null && typeof v.value !== 'string') {
          const span = w.spanOf(v);
          if (span) w.out.push({ code: 'MM315', span, message: `${tick(`${prefix}${raw}.${String((item.key as { value?: unknown } | null)?.value ?? '')}`)} in \`${PROXY_CONFIG_ANNOTATION}\` must be a string; YAML reads ${tick(shown(v))} as a ${typeof v.value}, so put it in quotes. ${CONSEQUENCE}` });
        }
      }
    } else if (type === 'stringList' && isSeq(value)) {
      for (const item of value.items) {
        if (isScalar(item) && item.value !== null && typeof item.value !== 'string') {
          const span = w.spanOf(item as Node);
          if (span) w.out.push({ code: 'MM315', span, message: `Items of ${tick(prefix + raw)} in \`${PROXY_CONFIG_ANNOTATION}\` must be strings; put ${tick(shown(item as Node))} in quotes. ${CONSEQUENCE}` });
        }
      }
    }
  }
}

const cache = new WeakMap<object, ProxyConfigProblem[]>();

/** The annotation's map, parsed once per distinct text (read only); undefined unless it parses to a map. */
const parseProxyConfig = memoByText((text: string) => {
  const doc = parseDocument(text, { version: '1.1', prettyErrors: false, uniqueKeys: true, logLevel: 'silent' });
  return doc.errors.length > 0 || !isMap(doc.contents) ? undefined : doc.contents;
});

/** Problems inside every `proxy.istio.io/config` the injector reads (Pods and pod templates). */
export function proxyConfigProblems(ctx: RuleContext): ProxyConfigProblem[] {
  const hit = cache.get(ctx.resource.resource.value);
  if (hit) return hit;
  const out: ProxyConfigProblem[] = [];
  for (const block of metadataBlocks(ctx.resource)) {
    // elsewhere the annotation is misplaced (IST0107) and never read
    if (block.place !== 'Pod' || !(PROXY_CONFIG_ANNOTATION in block.annotations)) continue;
    const path: JsonPath = [...block.path, 'annotations', PROXY_CONFIG_ANNOTATION];
    const text = block.annotations[PROXY_CONFIG_ANNOTATION];
    if (typeof text !== 'string') continue;
    const contents = parseProxyConfig(text);
    if (!contents) continue;
    // where the annotation's text is in the file: looked up only for a problem to show (the
    // lookup may build the document's nodes); a value that is not a scalar there (an alias)
    // has no place to show one
    let found: { span: Span; source: string } | null | undefined;
    const place = () => {
      if (found !== undefined) return found;
      const node = ctx.locator.node(path);
      const span = ctx.locator.value(path);
      const base = ctx.resource.base;
      found = isScalar(node) && span ? { span, source: ctx.resource.resource.documentText.slice(span.start - base, span.end - base) } : null;
      return found;
    };
    const at = (i: number, { span, source }: { span: Span; source: string }) => {
      let o = scalarSourceOffset(source, text, i);
      // past an escape (`\n` in a double-quoted value) the map lands on the backslash
      if (source[o] === '\\' && text[i] !== undefined && text[i] !== '\\') {
        const next = source.indexOf(text[i], o + 1);
        if (next > o && next - o <= 6) o = next;
      }
      return span.start + o;
    };
    const spanOf = (n: Node | null | undefined): Span | undefined => {
      const r = n?.range;
      const where = r ? place() : undefined;
      if (!r || !where) return undefined;
      const start = at(r[0], where);
      const end = r[1] > r[0] ? at(r[1] - 1, where) + 1 : start + 1;
      return { start, end: Math.max(end, start + 1) };
    };
    walkFields({ out, spanOf }, contents, FIELDS, '');
  }
  cache.set(ctx.resource.resource.value, out);
  return out;
}

export function hasProxyConfigAnnotation(entry: Parameters<typeof metadataBlocks>[0]): boolean {
  return metadataBlocks(entry).some((b) => b.place === 'Pod' && PROXY_CONFIG_ANNOTATION in b.annotations);
}
