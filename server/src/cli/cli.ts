// `mumbai-mesh check` (and later `cost`) over the same core as the language server.
// Exit status: 0 clean, 1 findings at or above --severity, 2 usage or read error.
import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import { createMeshService } from '../core/service';
import { DEFAULT_SETTINGS } from '../core/settings';
import { WorkspaceIndex } from '../core/workspace/workspaceIndex';
import { loadValidateResource } from '../schemaFiles';
import { collectFiles, UsageError } from './collectFiles';
import { COST_USAGE, runCost } from './costCommand';
import { formatSarif } from './formatSarif';
import { formatText, type FileResult } from './formatText';
import { atLeast, type SeverityName } from './severityName';

const VERSION = '0.1.0';
const USAGE = `usage: mumbai-mesh check [--format text|json|sarif] [--severity error|warning|info] PATH...
       mumbai-mesh --version
${COST_USAGE}`;

function check(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'text' }, severity: { type: 'string', default: 'error' } },
  });
  const format = values.format;
  const threshold = values.severity as SeverityName;
  if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`unknown --format ${format}: use text, json or sarif`);
  if (!['error', 'warning', 'info', 'hint'].includes(threshold)) throw new UsageError(`unknown --severity ${threshold}: use error, warning or info`);
  if (positionals.length === 0) throw new UsageError('no PATH given');

  const files = collectFiles(positionals);
  const service = createMeshService({ validateResource: loadValidateResource((m) => process.stderr.write(`${m}\n`)) });
  const settings = DEFAULT_SETTINGS;
  // All files go into one workspace index first, so cross-file references resolve as in
  // the editor; then each file gets its diagnostics.
  const index = new WorkspaceIndex(settings.defaultNamespace);
  const analyzed = files.map((file) => {
    let text: string;
    try {
      // editors drop a byte order mark when they load a file; so does the CLI, or every
      // column on line 1 would be one more than the editor shows
      text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    } catch (error) {
      throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    const result = service.analyze(text, settings);
    index.setFile(file, result);
    return { file, result };
  });
  const results: FileResult[] = analyzed.map(({ file, result }) => ({ file, diagnostics: service.diagnostics(result, settings, { uri: file, index }) }));

  if (format === 'json') process.stdout.write(JSON.stringify(results, null, 2) + '\n');
  else if (format === 'sarif') process.stdout.write(formatSarif(results, VERSION));
  else process.stdout.write(formatText(results, process.stdout.isTTY === true && !process.env.NO_COLOR));
  return results.some((r) => r.diagnostics.some((d) => atLeast(d.severity, threshold))) ? 1 : 0;
}

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  try {
    if (command === '--version' || command === '-v') {
      process.stdout.write(`${VERSION}\n`);
      return 0;
    }
    if (command === '--help' || command === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (command === 'check') return check(rest);
    if (command === 'cost') return runCost(rest, { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) });
    throw new UsageError(command ? `unknown command ${command}` : 'no command given');
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`mumbai-mesh: ${(error as Error).message} (see mumbai-mesh --help)\n`);
      return 2;
    }
    process.stderr.write(`mumbai-mesh: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
