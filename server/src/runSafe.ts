// Every request handler runs through here: cancellation is honoured, and an exception
// becomes a log line and a fallback answer, never a dead server.
import { ResponseError, LSPErrorCodes, type CancellationToken } from 'vscode-languageserver';

export type Log = (message: string) => void;

export function runSafe<T>(log: Log, what: string, fallback: T, token: CancellationToken | undefined, work: () => T): T | ResponseError<void> {
  if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
  try {
    return work();
  } catch (error) {
    log(`${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return fallback;
  }
}

/** For notifications: nothing to answer, so only the guard and the log line. */
export function guard(log: Log, what: string, work: () => void | Promise<void>): void {
  try {
    const result = work();
    if (result instanceof Promise) result.catch((error: unknown) => log(`${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
  } catch (error) {
    log(`${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}
