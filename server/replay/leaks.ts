import { draw, riskNumbers, type ActiveGame, type RiskNumbers } from '../engine';
import { collect, type Collector, type ReplayLog } from './history';
import { termLabels, termsText } from './terms';
import type { LeakTrace } from './types';

/** A text said in a channel, as the leak trace needs it. */
interface Said {
  seq: number;
  at: number;
  channelId: string;
  authorSeatId: string | null;
  text: string;
  risk: number | null;
  /** Recomputed from the state before the text, for logs whose leak events carry no roll. */
  numbers: RiskNumbers | null;
  roll: number | null;
}

function saidIn(seq: number, before: ActiveGame, channelId: string, authorSeatId: string | null, text: string, risk: number | null, at: number): Said {
  const channel = before.channels[channelId];
  const secret = channel?.kind === 'back' && risk !== null;
  return { seq, at, channelId, authorSeatId, text, risk, numbers: secret ? riskNumbers(before, channel) : null, roll: secret ? draw(before.rng).value : null };
}

/**
 * Every leak, from what was said to what it cost: the text and the risk it carried (the roll and
 * its factors), who was tipped, the story and the support it moved. Manual leaks and rumours
 * have no roll; secret terms leak with the scenario's rate at a deadline.
 */
export function leakTraces(log: ReplayLog): LeakTrace[] {
  return collect(log, leakCollector());
}

export function leakCollector(): Collector<LeakTrace[]> {
  const said = new Map<string, Said>();
  const traces = new Map<string, LeakTrace>();
  let previousType: string | null = null;
  const visit: Collector<LeakTrace[]>['visit'] = ({ seq, event }, before, after) => {
    if (!before.created || !after.created) return void (previousType = event.type);
    switch (event.type) {
      case 'MessagePosted':
        said.set(`m:${event.messageId}`, saidIn(seq, before, event.channelId, event.author.kind === 'seat' ? event.author.seatId : null, event.text, event.leakRisk, event.at));
        break;
      case 'ProposalMade': {
        const text = `${event.mode === 'official' ? 'Draft agreement' : 'Exploratory proposal'}: ${termsText(termLabels(after, event.terms))}`;
        said.set(`p:${event.proposalId}`, saidIn(seq, before, event.channelId, event.by, text, event.leakRisk, event.at));
        break;
      }
      case 'LeakOccurred': {
        const tip = event.tip;
        const source = tip.source;
        const origin: LeakTrace['origin'] = { seq: null, at: null, channelId: null, channelKind: null, channelTopic: null, messageId: null, proposalId: null, issueId: null, authorSeatId: null, text: tip.text };
        let risk: LeakTrace['risk'] = event.roll ? { value: event.roll.risk, roll: event.roll.value, breakdown: event.roll.numbers ?? null, recorded: true } : null;
        if (source.kind === 'message' || source.kind === 'proposal') {
          const text = source.kind === 'message' ? said.get(`m:${source.messageId}`) : said.get(`p:${source.proposalId}`);
          const channel = after.channels[source.channelId];
          Object.assign(origin, {
            channelId: source.channelId, channelKind: channel?.kind ?? null, channelTopic: channel?.topic ?? null,
            messageId: source.kind === 'message' ? source.messageId : null, proposalId: source.kind === 'proposal' ? source.proposalId : null,
            ...(text ? { seq: text.seq, at: text.at, authorSeatId: text.authorSeatId, text: text.text } : {}),
          });
          // An older log: the roll was the first draw after the text, from the state before it.
          if (!risk && !tip.manual && text && text.risk !== null) {
            const renege = previousType === 'AgreementReneged';
            risk = renege ? { value: 1, roll: null, breakdown: null, recorded: false } : { value: text.risk, roll: text.roll, breakdown: text.numbers, recorded: false };
          }
        } else if (source.kind === 'secretTerm') {
          const proposal = after.proposals[source.proposalId];
          const term = proposal?.terms.find((t) => t.issueId === source.issueId);
          const channel = proposal ? after.channels[proposal.channelId] : undefined;
          Object.assign(origin, {
            proposalId: source.proposalId, issueId: source.issueId, channelId: proposal?.channelId ?? null, channelKind: channel?.kind ?? null, channelTopic: channel?.topic ?? null,
            seq: said.get(`p:${source.proposalId}`)?.seq ?? null, at: proposal?.at ?? null, authorSeatId: proposal?.by ?? null,
            text: term ? termsText(termLabels(after, [term])) : tip.text,
          });
          risk ??= { value: after.scenario.leak.secretTermRate * after.options.leakSensitivity, roll: null, breakdown: null, recorded: false };
        }
        traces.set(tip.id, {
          tipId: tip.id, tableId: tip.tableId, source: source.kind, manual: tip.manual, pressDesk: tip.pressDesk === true, origin, risk,
          tip: { seq, at: tip.at, form: tip.form, text: tip.text, recipients: tip.recipients }, story: null, published: false, supportChange: {},
        });
        break;
      }
      case 'StoryPublished': {
        const trace = event.story.tipId ? traces.get(event.story.tipId) : undefined;
        if (!trace) break;
        const s = event.story;
        trace.story = { seq, at: s.at, storyId: s.id, journalistId: s.journalistId, headline: s.headline, body: s.body, exposed: s.exposed, accurate: s.accurate };
        trace.published = true;
        for (const entry of after.supportLog.slice(before.supportLog.length)) trace.supportChange[entry.side] = (trace.supportChange[entry.side] ?? 0) + entry.delta;
        break;
      }
      default:
        break;
    }
    previousType = event.type;
  };
  return { visit, finish: () => [...traces.values()] };
}
