// What ajv's generated validator code calls at run time: our formats and the duration check
// of x-mm-duration-min. Runtime-compiled validators reach these as values; the validators
// precompiled at build time (scripts/buildValidators.mjs) `require` them by VALIDATOR_RUNTIME,
// which the build resolves to this file and bundles into each validator.
import { parseGoDuration } from './goDuration';
import { MESH_FORMATS } from './formats';

/** The module name generated code requires this file by; only the build resolves it. */
export const VALIDATOR_RUNTIME = 'mumbai-mesh-validator-runtime';

export interface StringFormat {
  readonly type: 'string';
  readonly validate: (text: string) => boolean;
}

/** Our formats as ajv format definitions, by name. */
export const formats: Readonly<Record<string, StringFormat>> = Object.fromEntries(
  MESH_FORMATS.map((f) => [f.name, { type: 'string', validate: f.validate }]),
);

/** x-mm-duration-min fails: both are durations and `text` is shorter than `min`. A malformed duration is the format's finding. */
export function belowDurationMin(text: string, min: string): boolean {
  const value = parseGoDuration(text);
  const limit = parseGoDuration(min);
  return value !== undefined && limit !== undefined && value < limit;
}
