// The time limit of a live block's runs: while one of its requests is in the worker, the
// "still running" note counts up, and at the limit (a fence's timeout=30, 10 s by default)
// the request is stopped as if the reader had pressed Stop.

export const DEFAULT_TIMEOUT_SECONDS = 10;
const SLOW_AFTER_MS = 3000; // when the note starts counting (sooner for short limits)
const TICK_MS = 250;

export class RunClock {
  /**
   * `running()` gives the request in the worker ({sentAt, limit, timedOut}) or nothing;
   * `onLimit(entry)` stops it; `note` and `stopButton` are the block's.
   */
  constructor({ note, stopButton, t, running, onLimit, now = () => Date.now() }) {
    Object.assign(this, { note, stopButton, t, running, onLimit, now });
    this.timer = null;
  }

  start() {
    if (this.timer !== null) return;
    this.timer = setInterval(() => this.tick(), TICK_MS);
    this.timer?.unref?.(); // under Node (the unit tests) a ticking clock must not keep the process alive
  }

  tick() {
    const entry = this.running();
    if (!entry) {
      clearInterval(this.timer);
      this.timer = null;
      this.note.hidden = true;
      this.stopButton.classList.remove("st-urgent");
      return;
    }
    const elapsed = this.now() - entry.sentAt;
    if (elapsed >= entry.limit * 1000 && !entry.timedOut) {
      entry.timedOut = true;
      this.onLimit(entry);
    }
    const slow = elapsed >= Math.min(SLOW_AFTER_MS, (entry.limit * 1000) / 2);
    this.note.hidden = !slow;
    this.stopButton.classList.toggle("st-urgent", slow);
    if (slow) {
      const text = this.t("slow", { seconds: Math.floor(elapsed / 1000), limit: entry.limit });
      if (this.note.textContent !== text) this.note.textContent = text;
    }
  }
}
