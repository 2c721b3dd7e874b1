// PATH arguments → the YAML files to analyse: files as given, folders searched recursively
// for *.yaml / *.yml, skipping node_modules and dot-folders. Sorted for stable output.
import * as fs from 'node:fs';
import * as path from 'node:path';

export class UsageError extends Error {}

export function collectFiles(paths: readonly string[]): string[] {
  const files = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
        walk(full);
      } else if (entry.isFile() && /\.ya?ml$/i.test(entry.name)) {
        files.add(full);
      }
    }
  };
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      throw new UsageError(`cannot read ${p}: no such file or folder`);
    }
    if (stat.isDirectory()) walk(p);
    else files.add(p);
  }
  return [...files].sort();
}
