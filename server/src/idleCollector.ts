// Keeps the server's memory near its live size without pausing it while the user types.
// Each edit leaves garbage: the replaced text of the file (a megabyte for a large manifest,
// kept in V8's large-object space), the replaced document's nodes, the diagnostics sent.
// V8 collects old garbage only when the heap reaches a limit it sets at each full
// collection, by default a few times the live size: after a hundred edits of a 1 MB file
// the process held 250 MB for a 45 MB live heap. Forcing a full collection every few
// edits kept it flat but stopped the server for 30–40 ms each time, right when the next
// edit arrived. Instead, once the first document has been validated, V8 is told to grow
// the heap by only `growingPercent` between collections; its own collections then run
// incrementally between edits (pauses of a few ms), and the limit is set low at once by
// one collection just after the first diagnostics went out. Opening the first file is not
// slowed: the heap grows freely until then. After a quiet spell a full collection still
// gives everything back.
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
  private tightened = false;

  constructor(private readonly quietMs = 1500, private readonly growingPercent = 50) {}

  /** Call after work that left garbage (a published validation). */
  workDone(): void {
    if (!this.collect) return;
    if (!this.tightened) {
      this.tightened = true;
      v8.setFlagsFromString(`--heap-growing-percent=${this.growingPercent}`);
      setImmediate(() => this.collect?.());
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.collect?.();
    }, this.quietMs);
    this.timer.unref();
  }
}
