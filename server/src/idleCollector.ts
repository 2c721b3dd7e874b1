// Gives memory back while the user is not typing. Each edit leaves garbage (the replaced
// document's nodes, the diagnostics sent); V8 collects it lazily, so the process grows
// by 100 MB or more over a hundred edits of a large file although the live heap stays
// flat (about 40 MB for a 1 MB manifest). A full collection after a quiet spell keeps the
// resident size near the live size, at a moment when a pause cannot delay a response; in a
// long burst of edits one collection every `everyN` of them (a few tens of milliseconds,
// after the diagnostics went out) keeps it from growing in the meantime.
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

function loadCollector(): (() => void) | undefined {
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc: unknown = vm.runInNewContext('typeof gc === "function" ? gc : undefined');
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}

export class IdleCollector {
  private readonly collect = loadCollector();
  private timer: NodeJS.Timeout | undefined;
  private sinceLast = 0;

  constructor(private readonly quietMs = 1500, private readonly everyN = 20) {}

  /** Call after work that left garbage; collects once nothing else happened for a while. */
  workDone(): void {
    if (!this.collect) return;
    if (this.timer) clearTimeout(this.timer);
    if (++this.sinceLast >= this.everyN) {
      this.sinceLast = 0;
      setImmediate(() => this.collect?.());
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.sinceLast = 0;
      this.collect?.();
    }, this.quietMs);
    this.timer.unref();
  }
}
