// Finds the YAML files of the workspace folders (skipping node_modules, dot-folders and
// excluded globs) so the workspace index knows resources in files that are not open.
// Reads files only; never runs anything from the workspace.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { createExcludeMatcher } from './globMatcher';

export interface ScanOptions {
  readonly exclude: readonly string[];
  readonly maxFiles: number;
}

export function listYamlFiles(folderUri: string, options: ScanOptions): string[] {
  const root = URI.parse(folderUri).fsPath;
  const isExcluded = createExcludeMatcher(options.exclude);
  const found: string[] = [];
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (found.length >= options.maxFiles) return;
      const full = path.join(dir, entry.name);
      const relative = path.relative(root, full).split(path.sep).join('/');
      if (isExcluded(relative)) continue;
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(full);
      } else if (entry.isFile() && /\.ya?ml$/i.test(entry.name)) {
        found.push(URI.file(full).toString());
      }
    }
  };
  walk(root);
  return found.sort();
}

export function readFileText(uri: string): string | undefined {
  try {
    return fs.readFileSync(URI.parse(uri).fsPath, 'utf8');
  } catch {
    return undefined;
  }
}
