import type { Clock, Scheduler, Timer } from './ports';

/**
 * A clock and scheduler that move only when a test says so: the in-memory twin of the system clock
 * and real timers. Deadlines fire when the test advances past them, never because the machine was
 * slow, so tests that involve time pass the same on an idle and on a busy machine.
 */
export class ManualTime implements Clock, Scheduler {
  private current: number;
  private timers = new Set<{ at: number; fn: () => void }>();

  constructor(start: number) {
    this.current = start;
  }

  now = (): number => this.current;

  /** A timer already due when it is set runs on the next turn of the event loop, as setTimeout(fn, 0) would. */
  at = (at: number, fn: () => void): Timer => {
    const timer = { at, fn };
    this.timers.add(timer);
    if (at <= this.current) {
      setImmediate(() => {
        if (this.timers.delete(timer)) fn();
      });
    }
    return { cancel: () => this.timers.delete(timer) };
  };

  /** Timers still waiting, earliest first (tests read the next deadline from here). */
  get pending(): number[] {
    return [...this.timers].map((t) => t.at).sort((a, b) => a - b);
  }

  /**
   * Moves the clock without running any timer: what a busy server sees when a command arrives
   * after a deadline but before the deadline's timer has had its turn.
   */
  set(to: number): void {
    this.current = Math.max(this.current, to);
  }

  /** Moves the clock to `to` and runs, earliest first, every timer due by then. */
  advanceTo(to: number): void {
    this.set(to);
    for (;;) {
      const due = [...this.timers].filter((t) => t.at <= this.current).sort((a, b) => a.at - b.at)[0];
      if (!due) return;
      this.timers.delete(due);
      due.fn();
    }
  }

  advance(ms: number): void {
    this.advanceTo(this.current + ms);
  }
}
