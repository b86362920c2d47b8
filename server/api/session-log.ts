import type { Logger } from '../log';
import type { Runtime } from '../runtime/runtime';

/**
 * One log line when a session is created, starts and ends. Read from the committed events rather
 * than from the facilitator's procedures, because the clock ends sessions too (the last phase's
 * deadline) and a line must not depend on who caused it.
 */
export function logSessionLifecycle(runtime: Runtime, log: Logger): () => void {
  return runtime.subscribe(({ sessionId, events, state }) => {
    if (!state.created) return;
    for (const { event } of events) {
      // Checked first: this runs on every commit, and almost none of them are lifecycle events.
      if (event.type !== 'SessionCreated' && event.type !== 'SessionStarted' && event.type !== 'SessionEnded') continue;
      const seats = Object.values(state.seats).filter((s) => s.status === 'active').length;
      const tables = Object.keys(state.tables).length;
      const type = event.type;
      // The owner is read from the store (an admin may have taken the session over).
      void runtime.ownerOf(sessionId).then((facilitatorId) => {
        const fields = { sessionId, facilitatorId, scenarioId: state.scenario.id };
        if (type === 'SessionCreated') log.info('session created', { event: 'session.created', ...fields });
        else if (type === 'SessionStarted') log.info('session started', { event: 'session.started', ...fields, seats, tables });
        else log.info('session ended', { event: 'session.ended', ...fields, seats });
      }, (error: unknown) => log.error('could not read the owner of a session for the log', error, { sessionId }));
    }
  });
}
