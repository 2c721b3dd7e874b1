// Runs `node dist/cli.js` as a process from the repository root, as a CI job would.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLI_PATH = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

/** @returns {{ status: number, stdout: string, stderr: string }} */
export function runCli(args, { cwd = ROOT, env = {} } = {}) {
  const result = spawnSync(process.execPath, [CLI_PATH, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '', NO_COLOR: '', ...env },
    maxBuffer: 64 * 1024 * 1024,
    timeout: 120_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function runJson(args, options) {
  const result = runCli(['check', '--format', 'json', ...args], options);
  return { ...result, json: JSON.parse(result.stdout) };
}
