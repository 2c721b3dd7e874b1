// Debounced validation per document: a change waits for `delay` ms of quiet, a newer
// change replaces the pending run, and a result is published only if the document is
// still at the version it was computed for.
export interface ValidationTarget {
  readonly uri: string;
  readonly version: number;
}

export class ValidationQueue {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly run: (uri: string) => Promise<void> | void) {}

  schedule(uri: string, delayMs: number): void {
    this.cancel(uri);
    if (delayMs <= 0) {
      // still asynchronous, so a burst of notifications is read before the work starts
      this.timers.set(uri, setImmediate(() => this.fire(uri)) as unknown as NodeJS.Timeout);
      return;
    }
    this.timers.set(uri, setTimeout(() => this.fire(uri), delayMs));
  }

  cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) {
      clearTimeout(timer);
      clearImmediate(timer as unknown as NodeJS.Immediate);
    }
    this.timers.delete(uri);
  }

  private fire(uri: string): void {
    this.timers.delete(uri);
    void this.run(uri);
  }
}
