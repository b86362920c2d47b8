import type { LeakTrace, Marker } from '../../../server/replay/types';
import type { GoTo } from './leak-trace';

/** A link from a debrief question to what answers it: a moment of the replay or a part of the page. */
export interface Evidence {
  label: string;
  go: GoTo;
}

export interface EvidenceContext {
  markers: readonly Marker[];
  leaks: readonly LeakTrace[];
  /** Element ids of the page's parts: the charts of the first table, the leaks, the comparison, the ledger. */
  anchors: { support: string; messages: string; risk: string; talk: string; leaks: string; compare: string; ledger: string; replay: string };
  lastSeq: number;
}

const first = (markers: readonly Marker[], kind: Marker['kind'], label?: RegExp) => markers.find((m) => m.kind === kind && (!label || label.test(m.label))) ?? null;

/**
 * What in the session answers a question, found from its words (the scenarios' questions speak
 * of proposals, exploratory offers, spoilers learning, leaks, preconditions, announcements,
 * rounds and deadlines). Every link points at something this session has; a question about
 * something that never happened gets the comparison, where its absence shows.
 */
export function evidenceFor(question: string, ctx: EvidenceContext): Evidence[] {
  const q = question.toLowerCase();
  const out: Evidence[] = [];
  const add = (label: string, go: GoTo | null) => {
    // One link per place: two questions' words can lead to the same chart.
    if (go && !out.some((e) => e.label === label || (go.anchor !== undefined && e.go.anchor === go.anchor) || (go.anchor === undefined && e.go.anchor === undefined && e.go.seq === go.seq))) out.push({ label, go });
  };
  const at = (m: Marker | null, label: string) => add(`${label} (${m?.label ?? ''})`, m ? { seq: m.seq } : null);
  const part = (label: string, anchor: string) => add(label, { seq: ctx.lastSeq, anchor });

  if (/replay|trace one proposal|first back-channel message/.test(q)) {
    at(first(ctx.markers, 'proposal'), 'The first proposal');
    at(first(ctx.markers, 'signature'), 'The first signature');
    at(first(ctx.markers, 'announcement'), 'The announcement');
  }
  if (/exploratory|testing the waters|test(ed)? the waters/.test(q)) {
    const exploratory = first(ctx.markers, 'proposal', /explorat/i);
    if (exploratory) at(exploratory, 'The first exploratory proposal');
    else at(first(ctx.markers, 'proposal'), 'No exploratory proposal; the first proposal');
  }
  if (/spoiler|learn about the secret|learn(ed)? what|learn of the secret|when did the anc leader learn/.test(q)) {
    at(first(ctx.markers, 'leak'), 'The first leak');
    at(first(ctx.markers, 'story'), 'The first story');
    part('Who talked to whom', ctx.anchors.talk);
  }
  if (/leak|backlash/.test(q)) {
    if (ctx.leaks.length > 0) part(`The leaks, traced (${ctx.leaks.length})`, ctx.anchors.leaks);
    part('Leak risk per back channel', ctx.anchors.risk);
    part('Public support over time', ctx.anchors.support);
  }
  if (/precondition/.test(q)) part('Why support moved (preconditions among the causes)', ctx.anchors.ledger);
  if (/front channel|on the record|more than one (back )?channel|go-between|intermediar/.test(q)) {
    part('Messages per channel', ctx.anchors.messages);
    part('Who talked to whom', ctx.anchors.talk);
  }
  if (/announce|legitimi|go public|went public|public react/.test(q)) {
    at(first(ctx.markers, 'announcement'), 'The announcement');
    part('Terms public and secret, table by table', ctx.anchors.compare);
  }
  if (/delay|deadline|rounds|urgency|escalation/.test(q)) {
    at(first(ctx.markers, 'deadline'), 'The first deadline');
    part('Support and escalation over time', ctx.anchors.support);
  }
  if (out.length === 0) part('The tables side by side', ctx.anchors.compare);
  return out;
}
