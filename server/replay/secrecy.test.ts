import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableSizeRange, type GameEvent } from '../engine';
import { builtInScenarios } from '../scenarios';
import { SessionReplay } from './service';
import { openReplayBench, playBotSession, type PlayedSession, type ReplayBench } from './testing/bot-session';
import type { ClassReveal } from './types';

/**
 * No replay payload holds what its viewer may not see. The oracle is built from the event log
 * alone (not from the engine's or the replay's visibility code), as in engine/properties.test.ts:
 * who could read each message when it was posted; what the facilitator revealed to the class.
 */
let bench: ReplayBench;
const played: PlayedSession[] = [];
/** Each finished session's replay, opened once it was played. */
const replays = new Map<string, SessionReplay>();
const scenarios = builtInScenarios();

beforeAll(async () => {
  bench = await openReplayBench();
  for (const [i, scenario] of scenarios.entries()) {
    const size = Math.max(tableSizeRange(scenario.roles).min, 6);
    const session = await playBotSession(bench, scenario, { players: size * 2, tables: 2, seed: 101 + i });
    played.push(session);
    replays.set(session.sessionId, await SessionReplay.open(bench.stores.events, session.sessionId, 0));
  }
}, 600_000);
afterAll(() => bench?.close());

type Posted = Extract<GameEvent, { type: 'MessagePosted' }>;

interface Oracle {
  posted: { m: Posted; seq: number; kind: string; heardBy: Set<string> }[];
  seatTable: Map<string, { tableId: string; side: string | null }>;
  privateFacts: { roleId: string; fact: string }[];
}

/** Who was in each back channel (and at which table, on which side) when each message was posted. */
function oracleOf(events: GameEvent[], seq: number): Oracle {
  const present = new Map<string, Set<string>>();
  const kinds = new Map<string, string>();
  const seatTable = new Map<string, { tableId: string; side: string | null }>();
  const posted: Oracle['posted'] = [];
  const created = events[0] as Extract<GameEvent, { type: 'SessionCreated' }>;
  const sideOfRole = (roleId: string) => created.scenario.roles.find((r) => r.id === roleId)?.side ?? null;
  events.slice(0, seq).forEach((e, i) => {
    if (e.type === 'SeatsDealt') {
      for (const t of e.tableIds) {
        kinds.set(`${t}:front`, 'front');
        for (const s of created.scenario.sides) kinds.set(`${t}:team:${s.id}`, 'team');
      }
      for (const a of e.assignments) seatTable.set(a.seatId, { tableId: a.tableId, side: sideOfRole(a.roleId) });
    }
    if (e.type === 'SeatMoved') seatTable.set(e.seatId, { tableId: e.tableId, side: sideOfRole(e.roleId) });
    if (e.type === 'PlayerLeft' || e.type === 'PlayerKicked') {
      seatTable.delete(e.seatId);
      for (const members of present.values()) members.delete(e.seatId);
    }
    if (e.type === 'BackChannelOpened') {
      present.set(e.channelId, new Set([e.by]));
      kinds.set(e.channelId, 'back');
    }
    if (e.type === 'InvitationAnswered' && e.accepted) present.get(e.channelId)?.add(e.seatId);
    if (e.type === 'BackChannelLeft') present.get(e.channelId)?.delete(e.seatId);
    if (e.type === 'MessagePosted') posted.push({ m: e, seq: i + 1, kind: kinds.get(e.channelId) ?? 'other', heardBy: new Set(present.get(e.channelId)) });
  });
  const privateFacts = created.scenario.roles.flatMap((r) => r.brief.privateFacts.map((fact) => ({ roleId: r.id, fact })));
  return { posted, seatTable, privateFacts };
}

const quoted = (text: string) => JSON.stringify(text);

/** Texts the viewer may read, and every other text of the whole log (later ones included), which it may not. */
function forbiddenTexts(allEvents: GameEvent[], allowed: Set<string>): string[] {
  const texts = allEvents.flatMap((e) => (e.type === 'MessagePosted' ? [e.text] : []));
  return [...new Set(texts)].filter((t) => !allowed.has(t));
}

function checkSeatPayload(json: string, events: GameEvent[], seq: number, seatId: string) {
  const o = oracleOf(events, seq);
  const me = o.seatTable.get(seatId);
  const allowed = new Set<string>();
  for (const { m, kind, heardBy } of o.posted) {
    const atTable = me?.tableId === m.tableId;
    const entitled = kind === 'front' ? atTable : kind === 'team' ? atTable && m.channelId.endsWith(`:team:${me?.side}`) : kind === 'back' ? heardBy.has(seatId) : false;
    if (entitled) allowed.add(m.text);
  }
  for (const text of forbiddenTexts(events, allowed)) expect(json.includes(quoted(text)), `${seatId} at ${seq} holds “${text}”`).toBe(false);
  for (const key of ['"leakRisk"', '"rng"', '"source"', '"recipients"', '"seed"', '"salt"']) expect(json.includes(key), `${seatId} payload holds ${key}`).toBe(false);
  return o;
}

function checkClassPayload(json: string, events: GameEvent[], seq: number, reveal: ClassReveal, tableIds: string[]) {
  const o = oracleOf(events, seq);
  const shown = new Set(reveal.tables === 'all' ? tableIds : reveal.tables);
  const allowed = new Set<string>();
  for (const { m, kind } of o.posted) if (shown.has(m.tableId) && (kind === 'front' || (kind === 'back' && reveal.backChannels))) allowed.add(m.text);
  for (const text of forbiddenTexts(events, allowed)) expect(json.includes(quoted(text)), `class link holds “${text}”`).toBe(false);
  if (!reveal.names) expect(json.includes('Student-'), 'class link holds a name').toBe(false);
  for (const { fact } of o.privateFacts) expect(json.includes(fact), 'class link holds a private brief').toBe(false);
  for (const t of tableIds) if (!shown.has(t)) expect(json.includes(`"tableId":"${t}"`), `class link holds table ${t}`).toBe(false);
  if (!reveal.backChannels) {
    for (const e of events) if (e.type === 'BackChannelOpened') expect(json.includes(e.channelId), `class link holds back channel ${e.channelId}`).toBe(false);
  }
  for (const key of ['"rng"', '"seed"', '"salt"']) expect(json.includes(key)).toBe(false);
}

const revealArb = (tableIds: string[]) =>
  fc.record({ tables: fc.oneof(fc.constant('all' as const), fc.subarray(tableIds)), backChannels: fc.boolean(), names: fc.boolean() });

describe('replay secrecy', () => {
  const cases = () => played.map((p) => {
    const replay = replays.get(p.sessionId)!;
    return { p, replay, events: replay.log.events.map((e) => e.event), tableIds: Object.keys(replay.final().tables) };
  });

  it("a seat's perspective, at any moment, holds nothing that seat could not see then", () => {
    for (const { p, replay, events } of cases()) {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: events.length }), fc.constantFrom(...p.seats.map((s) => s.seatId)), (seq, seatId) => {
          const moment = replay.at(seq, { kind: 'seat', seatId });
          checkSeatPayload(JSON.stringify(moment), events, seq, seatId);
        }),
        { numRuns: 30 },
      );
    }
  });

  it('a student\'s own replay (mySeat) holds nothing their seat could not see then, markers included', () => {
    for (const { p, replay, events } of cases()) {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: events.length }), fc.constantFrom(...p.seats.map((s) => s.seatId)), (seq, seatId) => {
          const mine = replay.mySeat(seatId, seq);
          checkSeatPayload(JSON.stringify(mine), events, mine.seq, seatId);
        }),
        { numRuns: 30 },
      );
    }
  });

  it('the class link holds only what the facilitator revealed, at any moment', () => {
    for (const { replay, events, tableIds } of cases()) {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: events.length }), revealArb(tableIds), (seq, reveal) => {
          const view = replay.classView(reveal, seq);
          checkClassPayload(JSON.stringify(view), events, seq, reveal, tableIds);
        }),
        { numRuns: 40 },
      );
    }
  });

  it('the oracle catches a leak: the facilitator view at the same moment fails the class and seat checks', () => {
    const { p, replay, events, tableIds } = cases()[0]!;
    const god = JSON.stringify(replay.at(events.length, { kind: 'all' }));
    expect(() => checkClassPayload(god, events, events.length, { tables: [tableIds[0]!], backChannels: false, names: false }, tableIds)).toThrow();
    expect(() => checkSeatPayload(god, events, events.length, p.seats[0]!.seatId)).toThrow();
  });
});
