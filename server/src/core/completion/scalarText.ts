// A string as YAML text that reads back as that same string: plain when it can be, double
// quoted when plain would read as something else. Checked under YAML 1.1 (how kubectl reads
// `yes`, `on`, `0755`) and 1.2 (how most other tools do), so either way it stays a string.
import { parse } from 'yaml';

function readsBack(text: string, value: string): boolean {
  for (const version of ['1.1', '1.2'] as const) {
    try {
      if (parse(text, { version }) !== value) return false;
    } catch {
      return false;
    }
  }
  return true;
}

export function scalarText(value: string, inFlow = false): string {
  const plainOk = value !== '' && value.trim() === value && !/[\n\r\t]/.test(value) && !(inFlow && /[,[\]{}]/.test(value)) && readsBack(value, value);
  return plainOk ? value : JSON.stringify(value);
}
