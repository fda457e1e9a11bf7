/**
 * The replay clock: simulated dispute time that fires every due timer at its own instant, in order.
 *
 * XState's `SimulatedClock` moves `now` to the target first and only then fires the due timers, so a timer
 * started by another timer (a strike's end, armed when it starts) is measured from the target instead of its
 * parent's instant. This clock pops the earliest due timer, sets `now` to its instant and fires it, until none
 * is due, so chained timers land exactly.
 */

interface Timer {
  id: number;
  at: number;
  fn: () => void;
  /** What the owner of the clock calls this timer (see `ClockHooks`). */
  key: string;
}

/** What a clock's owner hears of its timers: to remember what each one is for, and when it goes. */
export interface ClockHooks {
  /** A timer was armed to fire `delayMs` from now; returns the key the owner knows it by. */
  armed?(delayMs: number): string;
  /** The timer known by this key was disarmed before it fired. */
  cleared?(key: string): void;
}

/** A simulated clock in epoch milliseconds with XState's clock shape. */
export class ReplayClock {
  #now: number;
  #nextId = 1;
  #timers = new Map<number, Timer>();

  readonly #hooks: ClockHooks;

  /** A clock standing at an instant. */
  constructor(startMs: number, hooks: ClockHooks = {}) {
    this.#now = startMs;
    this.#hooks = hooks;
  }

  /** The current simulated instant. */
  now(): number {
    return this.#now;
  }

  /** Arms a timer that fires `delayMs` after now. */
  setTimeout(fn: (...args: unknown[]) => void, delayMs: number): number {
    const id = this.#nextId++;
    const key = this.#hooks.armed?.(delayMs) ?? '';
    this.#timers.set(id, { id, at: this.#now + Math.max(0, delayMs), fn, key });
    return id;
  }

  /** Disarms a timer. */
  clearTimeout(id: number): void {
    const timer = this.#timers.get(id);
    if (!timer) return;
    this.#timers.delete(id);
    this.#hooks.cleared?.(timer.key);
  }

  /** The instant of the earliest armed timer, if any. */
  nextDue(): number | undefined {
    let best: Timer | undefined;
    for (const t of this.#timers.values())
      if (!best || t.at < best.at || (t.at === best.at && t.id < best.id)) best = t;
    return best?.at;
  }

  /**
   * Moves the clock forward to an instant, firing each timer due by then at its own instant, earliest first
   * (ties in the order they were armed). `onFired` is called after each timer with its instant and key.
   */
  advanceTo(targetMs: number, onFired?: (atMs: number, key: string) => void): void {
    if (targetMs < this.#now) throw new RangeError('the replay clock cannot run backwards');
    for (;;) {
      let due: Timer | undefined;
      for (const t of this.#timers.values()) {
        if (t.at <= targetMs && (!due || t.at < due.at || (t.at === due.at && t.id < due.id))) due = t;
      }
      if (!due) break;
      this.#timers.delete(due.id);
      this.#now = due.at;
      due.fn();
      onFired?.(due.at, due.key);
    }
    this.#now = targetMs;
  }
}
