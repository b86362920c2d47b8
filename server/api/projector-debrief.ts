import type { EventStore } from '../runtime/ports';
import { SessionReplay } from '../replay/service';
import type { ClassReveal, ClassView } from '../replay/types';

/** What the facilitator chose to put on the room screen after the end: never tables or names unasked. */
export interface ProjectorReveal {
  backChannels: boolean;
  names: boolean;
}

/**
 * The debrief as the room screen shows it: per table the outcome, the agreement's terms, the
 * stories (and, if revealed, the leaks behind them) and the scores. Cut from the class view
 * (server/replay/class-view.ts), which already decides what a class may see for a given reveal:
 * nothing here is computed anew, and nothing secret appears unless the facilitator revealed it.
 */
export interface ProjectorDebrief {
  scenarioTitle: string;
  reveal: ProjectorReveal;
  sides: ClassView['sides'];
  tables: {
    tableId: string;
    name: string;
    support: Record<string, number>;
    escalation: number;
    agreement: { announced: boolean; terms: { issue: string; option: string; secret: boolean }[] } | null;
    stories: { headline: string; accurate: boolean | null }[];
    /** Only when back channels are revealed: what leaked, how, and the story it became (if any). */
    leaks: { form: 'quote' | 'paraphrase'; from: string; headline: string | null }[];
    scores: { label: string; role: string; total: number; max: number }[];
  }[];
}

/**
 * Which ended sessions the facilitator has put on the room screen, and with what revealed. Kept in
 * memory: after a restart the screen shows the plain outcome again until the facilitator asks.
 */
const shown = new Map<string, ProjectorReveal>();
/** Told which session's room screen changed: the socket layer pushes it to that room's screens. */
const listeners = new Set<(sessionId: string) => void>();

export function onProjectorDebriefChange(listener: (sessionId: string) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function setProjectorDebrief(sessionId: string, reveal: ProjectorReveal | null): void {
  if (reveal) shown.set(sessionId, reveal);
  else shown.delete(sessionId);
  for (const listener of listeners) listener(sessionId);
}

export function projectorDebriefSetting(sessionId: string): ProjectorReveal | null {
  return shown.get(sessionId) ?? null;
}

/** The room screen's debrief of a session, or null when the facilitator has not put it there. */
export async function projectorDebrief(store: EventStore, session: { id: string; createdAt: number }): Promise<ProjectorDebrief | null> {
  const setting = shown.get(session.id);
  if (!setting) return null;
  const reveal: ClassReveal = { tables: 'all', backChannels: setting.backChannels, names: setting.names };
  const view = (await SessionReplay.open(store, session.id, session.createdAt)).classView(reveal, undefined);
  return {
    scenarioTitle: view.scenarioTitle,
    reveal: setting,
    sides: view.sides,
    tables: view.tables.map((t) => ({
      tableId: t.tableId,
      name: t.name,
      support: t.support,
      escalation: t.escalation,
      agreement: t.agreement ? { announced: t.agreement.announced, terms: t.agreement.terms.map((term) => ({ issue: term.issue, option: term.option, secret: term.secret })) } : null,
      stories: t.stories.map((s) => ({ headline: s.headline, accurate: s.accurate })),
      leaks: t.leaks.map((l) => ({
        form: l.tip.form,
        from: l.source === 'rumour' ? 'a rumour Control planted' : l.origin.channelTopic ? `the back channel “${l.origin.channelTopic}”` : 'a back channel',
        headline: l.story?.headline ?? null,
      })),
      scores: t.scores ?? [],
    })),
  };
}
