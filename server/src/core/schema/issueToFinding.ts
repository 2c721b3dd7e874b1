// One finding per issue: code, range and a message in our own words that says what is wrong
// and how to fix it; `data` carries the replacement for quick fixes.
import type { Finding, Span } from '../finding';
import type { JsonPath } from '../parse/locator';
import type { Issue } from './collectIssues';
import { closestName } from './editDistance';
import type { FieldHomes } from './fieldHomes';
import { formatInfo, suggestDnsName } from './formats';
import { suggestGoDuration } from './goDuration';
import { DURATION_MIN, EXACTLY_ONE, EXCLUSIVE, type GroupErrorParams } from './keywords';
import { formatPath, subjectOf } from './pathText';
import { suggestQuantity } from './quantity';
import { valueAt, type Spans } from './spans';
import { actualType, expectedTypes, listValues, plural, quote } from './valueText';

export interface FindingContext {
  readonly kind: string;
  readonly root: unknown;
  readonly spans: Spans;
  readonly homes: () => FieldHomes;
  /** Values a message must never quote, nor a quick fix carry (a Secret's data: see hiddenValues.ts). */
  readonly hidesValue?: (path: JsonPath) => boolean;
}

type Params = Record<string, unknown>;

const code = (c: string, span: Span, message: string, data?: object): Finding =>
  data ? { code: c, message, start: span.start, end: span.end, data } : { code: c, message, start: span.start, end: span.end };

const tick = (s: string) => `\`${s}\``;

function where(path: JsonPath, kind: string): string {
  return path.length ? `in ${tick(formatPath(path))}` : `at the top level of the ${kind}`;
}

function joinNames(names: readonly string[]): string {
  const t = names.map(tick);
  return t.length <= 1 ? t.join('') : `${t.slice(0, -1).join(', ')} and ${t[t.length - 1]}`;
}

function unknownField(issue: Issue, ctx: FindingContext): Finding {
  const field = String(issue.path[issue.path.length - 1]);
  const parent = issue.path.slice(0, -1);
  const home = ctx.homes().find(field, parent);
  let message = `Unknown field ${tick(field)} ${where(parent, ctx.kind)}.`;
  if (issue.suggestion) message += ` Did you mean ${tick(issue.suggestion)}?`;
  if (home) {
    const place = home.display ? `under ${tick(home.display)}` : `at the top level of the ${ctx.kind}`;
    message += issue.suggestion ? ` A field ${tick(field)} exists ${place}.` : ` It belongs ${place}.`;
  }
  if (!issue.suggestion && !home) {
    const props = (issue.error.parentSchema as { properties?: object } | undefined)?.properties;
    const allowed = props ? Object.keys(props) : [];
    message += allowed.length > 0 && allowed.length <= 10
      ? ` Fields allowed here: ${allowed.join(', ')}.`
      : ' Remove it, or check its spelling and indentation.';
  }
  const data: Params = { field };
  if (issue.suggestion) data.replaceWith = issue.suggestion;
  if (home?.moveTo) data.moveTo = home.moveTo;
  return code('MM200', ctx.spans.key(issue.path), message, data);
}

function wrongType(issue: Issue, ctx: FindingContext): Finding {
  const { path, error } = issue;
  const value = error.data;
  const subject = tick(subjectOf(path));
  const span = ctx.spans.value(path);
  if ((error.parentSchema as { format?: string } | undefined)?.format === 'mm-duration') {
    const fix = suggestGoDuration(value);
    return code('MM204', span, `${subject} must be a duration string such as 10s or 1m30s, not ${actualType(value)}.` +
      (fix ? ` Did you mean ${tick(fix)}?` : ''), fix ? { replaceWith: fix } : undefined);
  }
  const types = (Array.isArray(error.schema) ? error.schema : [error.schema]) as string[];
  let message = `${subject} must be ${expectedTypes(types)}, not ${actualType(value)}.`;
  let replaceWith: string | undefined;
  const source = ctx.spans.sourceText(path);
  if (types.includes('array') && value !== null && typeof value !== 'object') {
    if (source !== undefined) replaceWith = `[${/^[\w./*-]+$/.test(source) ? source : JSON.stringify(source)}]`;
    message += ' Write it as a list item (`- …`) or in brackets (`[…]`).';
  } else if (typeof value === 'string') {
    const n = Number(value.trim());
    if ((types.includes('integer') && value.trim() !== '' && Number.isInteger(n)) ||
        (types.includes('number') && value.trim() !== '' && Number.isFinite(n))) replaceWith = value.trim();
    else if (types.includes('boolean') && /^(true|false)$/i.test(value.trim())) replaceWith = value.trim().toLowerCase();
    if (replaceWith !== undefined) message += ' Remove the quotes.';
  } else if ((typeof value === 'number' || typeof value === 'boolean') && types.includes('string')) {
    replaceWith = JSON.stringify(source ?? String(value));
    message += ' Put it in quotes.';
  }
  return code('MM201', span, message, replaceWith !== undefined ? { replaceWith } : undefined);
}

function notAllowed(issue: Issue, ctx: FindingContext): Finding {
  const { path, error } = issue;
  const value = error.data;
  const subject = tick(subjectOf(path));
  if (error.keyword === 'const') {
    return code('MM202', ctx.spans.value(path), `${subject} must be ${quote(error.schema)} (got ${quote(value)}).`, { replaceWith: String(error.schema) });
  }
  const allowed = (error.schema as unknown[]).filter((v) => v !== null);
  let message = `${subject} must be one of ${listValues(allowed)} (got ${quote(value)}).`;
  let fix: string | undefined;
  if (typeof value === 'string') {
    const names = allowed.filter((v): v is string => typeof v === 'string');
    fix = names.find((n) => n.toLowerCase() === value.toLowerCase()) ?? closestName(value, names);
    if (fix) message += ` Did you mean ${tick(fix)}?`;
  }
  return code('MM202', ctx.spans.value(path), message, fix ? { replaceWith: fix, allowed } : { allowed });
}

function required(issue: Issue, ctx: FindingContext): Finding {
  const { path } = issue;
  if (issue.emptyField !== undefined) {
    const field = issue.emptyField;
    return code('MM203', ctx.spans.key([...path, field]),
      `${tick(field)} is required ${where(path, ctx.kind)} but has no value.`, { missing: field });
  }
  const missing = String((issue.error.params as Params).missingProperty);
  const holder = path.length ? tick(formatPath(path)) : `The ${ctx.kind}`;
  return code('MM203', ctx.spans.holder(path), `${holder} is missing the required field ${tick(missing)}.`, { missing });
}

function group(issue: Issue, ctx: FindingContext): Finding {
  const { path } = issue;
  const { fields, present } = issue.error.params as unknown as GroupErrorParams;
  if (issue.keyword === EXACTLY_ONE && present.length === 0) {
    return code('MM203', ctx.spans.holder(path), `Set one of ${joinNames(fields)} ${where(path, ctx.kind)}.`, { fields });
  }
  const ordered = [...present].sort((a, b) => ctx.spans.key([...path, a]).start - ctx.spans.key([...path, b]).start);
  const both = ordered.length === 2 ? 'both' : 'all';
  const message = `Set only one of ${joinNames(fields)} ${where(path, ctx.kind)}; ${joinNames(ordered)} are ${both} set.`;
  return code('MM205', ctx.spans.key([...path, ordered[1]]), message, { fields, present: ordered });
}

function badFormat(issue: Issue, ctx: FindingContext): Finding {
  const { path, error } = issue;
  const value = error.data;
  const subject = tick(subjectOf(path));
  const span = ctx.spans.value(path);
  if (error.keyword === 'pattern') {
    return code('MM208', span, `${subject} must match the pattern ${tick(String(error.schema))} (got ${quote(value)}).`);
  }
  const format = String((error.params as Params).format);
  if (format === 'mm-duration') {
    const fix = suggestGoDuration(value);
    return code('MM204', span, `${subject} must be ${formatInfo(format)?.expected} (got ${quote(value)}).` +
      (fix ? ` Did you mean ${tick(fix)}?` : ''), fix ? { replaceWith: fix } : undefined);
  }
  const fix = typeof value !== 'string' ? undefined : format === 'mm-quantity' ? suggestQuantity(value) : suggestDnsName(format, value);
  const expected = formatInfo(format)?.expected ?? `a valid ${format}`;
  return code('MM208', span, `${subject} must be ${expected} (got ${quote(value)}).` + (fix ? ` Did you mean ${tick(fix)}?` : ''),
    fix ? { replaceWith: fix } : undefined);
}

function outOfRange(issue: Issue, ctx: FindingContext): Finding {
  const { path, error } = issue;
  const value = error.data;
  const limit = (error.params as Params).limit as number;
  const subject = tick(subjectOf(path));
  const span = ctx.spans.value(path);
  const size = (v: unknown) => (Array.isArray(v) ? v.length : v !== null && typeof v === 'object' ? Object.keys(v).length : String(v).length);
  let message: string;
  switch (error.keyword) {
    case 'minimum': message = `${subject} must be at least ${limit} (got ${quote(value)}).`; break;
    case 'maximum': message = `${subject} must be at most ${limit} (got ${quote(value)}).`; break;
    case 'exclusiveMinimum': message = `${subject} must be greater than ${limit} (got ${quote(value)}).`; break;
    case 'exclusiveMaximum': message = `${subject} must be less than ${limit} (got ${quote(value)}).`; break;
    case 'multipleOf': message = `${subject} must be a multiple of ${String(error.schema)} (got ${quote(value)}).`; break;
    case 'minLength':
      message = limit === 1 ? `${subject} must not be empty.` : `${subject} must be at least ${plural(limit, 'character', 'characters')} long (it has ${size(value)}).`;
      break;
    case 'maxLength': message = `${subject} must be at most ${plural(limit, 'character', 'characters')} long (it has ${size(value)}).`; break;
    case 'minItems': message = limit === 1 ? `${subject} must have at least one item.` : `${subject} must have at least ${plural(limit, 'item', 'items')} (it has ${size(value)}).`; break;
    case 'maxItems': message = `${subject} must have at most ${plural(limit, 'item', 'items')} (it has ${size(value)}).`; break;
    case 'minProperties': message = limit === 1 ? `${subject} must have at least one entry.` : `${subject} must have at least ${plural(limit, 'entry', 'entries')} (it has ${size(value)}).`; break;
    case 'maxProperties': message = `${subject} must have at most ${plural(limit, 'entry', 'entries')} (it has ${size(value)}).`; break;
    case DURATION_MIN: return code('MM206', span, `${subject} must be at least ${String((error.params as Params).limit)} (got ${quote(value)}).`);
    default: message = `${subject} is out of range (got ${quote(value)}).`;
  }
  return code('MM206', span, message, { limit });
}

function notUnique(issue: Issue, ctx: FindingContext): Finding {
  const { i, j } = issue.error.params as { i: number; j: number };
  const path = [...issue.path, Math.max(i, j)];
  const value = valueAt(ctx.root, path);
  const repeated = tick(subjectOf([...issue.path, Math.min(i, j)]));
  return code('MM202', ctx.spans.value(path),
    `${tick(subjectOf(path))} repeats ${repeated}${typeof value === 'object' ? '' : ` (${quote(value)})`}; each item must be different.`);
}

/**
 * A finding about a value we must not show: what is wrong, never the value, and no quick fix
 * (a fix carries the value, and `check --format json` prints fixes into CI logs).
 */
function hiddenValue(issue: Issue, ctx: FindingContext): Finding {
  const { path, error } = issue;
  const subject = tick(subjectOf(path));
  const span = ctx.spans.value(path);
  const hidden = '(the value is not shown: Secret data is never quoted)';
  if (issue.keyword === 'type') {
    return code('MM201', span, `${subject} must be ${expectedTypes(error.schema)}, not ${actualType(error.data)}.`);
  }
  const codes: Record<string, string> = { enum: 'MM202', const: 'MM202', uniqueItems: 'MM202', format: 'MM208', pattern: 'MM208' };
  return code(codes[issue.keyword] ?? 'MM206', span, `${subject} has a value that is not allowed here ${hidden}.`);
}

export function issueToFinding(issue: Issue, ctx: FindingContext): Finding {
  // field names are no secret: an unknown or missing field is reported as anywhere else
  const namesField = issue.keyword === 'additionalProperties' || issue.keyword === 'required' || issue.keyword === EXCLUSIVE || issue.keyword === EXACTLY_ONE;
  if (!namesField && ctx.hidesValue?.(issue.path)) return hiddenValue(issue, ctx);
  switch (issue.keyword) {
    case 'additionalProperties': return unknownField(issue, ctx);
    case 'type': return wrongType(issue, ctx);
    case 'enum':
    case 'const': return notAllowed(issue, ctx);
    case 'required': return required(issue, ctx);
    case EXCLUSIVE:
    case EXACTLY_ONE: return group(issue, ctx);
    case 'format':
    case 'pattern': return badFormat(issue, ctx);
    case 'uniqueItems': return notUnique(issue, ctx);
    default: return outOfRange(issue, ctx);
  }
}
