#!/usr/bin/env node
// Runs test/e2e/suite/index.js in a desktop VS Code downloaded by @vscode/test-electron:
// the documented harness for machines that can reach VS Code's update servers (ours and
// CI cannot: there `npm run test:e2e` runs the same index in code-server instead).
//   npm run test:electron                 the latest stable VS Code
//   VSCODE_VERSION=1.100.3 npm run test:electron
// Under Linux without a display, run it inside xvfb-run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'mumbai-mesh-electron-'));
// the suite prints its own "in-editor: N passed, N failed" line
let failed = true;
try {
  await runTests({
    version: process.env.VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'test/e2e/suite/index.js'),
    launchArgs: [path.join(root, 'test/fixtures/e2e'), '--disable-extensions', '--disable-workspace-trust',
      '--skip-welcome', '--skip-release-notes', '--user-data-dir', path.join(userData, 'user-data')],
  });
  failed = false;
} catch (error) {
  console.error(`test:electron failed: ${error instanceof Error ? error.message : error}`);
} finally {
  fs.rmSync(userData, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
