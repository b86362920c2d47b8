/**
 * How many commands the whole process answers in one turn of the event loop before it lets the
 * loop go round (sockets read and written, timers fired, the next group commit stored).
 *
 * Why a budget per turn and not a turn per answer: a session's commands are answered in order,
 * and yielding after every answer capped each session at one answer per turn. Under load a turn
 * lasts tens of milliseconds, so a session of 30 posting players built a standing queue (10,000
 * players: 8.5 s p50 at 94 % of a core) while the CPU could have answered it. Why a budget at all:
 * a backlog answered in one go holds the loop for as long as its fan-out takes (7.8 s once).
 * Each answer costs a fan-out of a few hundred microseconds at most (`npm run bench:load`), so 32
 * answers hold a turn for roughly 10 ms.
 */
export const ANSWERS_PER_TURN = 32;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class TurnBudget {
  private used = 0;
  private resetArmed = false;

  constructor(private readonly perTurn = ANSWERS_PER_TURN) {}

  /** Resolves at once while this turn's budget lasts, else in a later turn that has room. */
  async take(): Promise<void> {
    while (!this.tryTake()) await nextTurn();
  }

  private tryTake(): boolean {
    if (!this.resetArmed) {
      // The budget refills at the next check phase: setImmediate callbacks run in order, so the
      // refill comes before any answer that waits for a later turn.
      this.resetArmed = true;
      setImmediate(() => {
        this.used = 0;
        this.resetArmed = false;
      });
    }
    if (this.used >= this.perTurn) return false;
    this.used++;
    return true;
  }
}

/** One budget for every session of the process: they share the one event loop. */
export const answerBudget = new TurnBudget();
