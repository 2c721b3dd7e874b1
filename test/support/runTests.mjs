// `npm test` runs this after the build: it lists the *.test.mjs files under the folders
// given and hands them to `node --test` by name. Node 20 does not expand glob arguments
// and Node 21+ no longer searches directory arguments, so explicit file names are the one
// form every supported Node reads the same way.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';

const folders = process.argv.slice(2);
const files = [];
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(full);
    } else if (entry.isFile() && entry.name.endsWith('.test.mjs')) {
      files.push(full);
    }
  }
};
for (const folder of folders) if (existsSync(folder)) walk(folder);
files.sort();
if (files.length === 0) {
  process.stderr.write(`no *.test.mjs files under ${folders.join(', ')}\n`);
  process.exit(1);
}
const reporter = process.env.MUMBAI_MESH_TEST_REPORTER ?? 'spec';
const result = spawnSync(process.execPath, ['--test', `--test-reporter=${reporter}`, ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
