// Every cross-resource rule. A new rule is a new file plus one line here.
import type { Rule } from './rule';

export const RULES: readonly Rule[] = [];
