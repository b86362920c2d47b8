import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtInScenarios } from '../scenarios';
import { checkImport, exportLog, exportSchema, importLog, ImportError } from './export';
import { SessionReplay } from './service';
import { AWKWARD_TEXT, openReplayBench, playBotSession, type PlayedSession, type ReplayBench } from './testing/bot-session';
import { csvField, TRANSCRIPT_COLUMNS, transcriptCsv } from './transcript';

let bench: ReplayBench;
let played: PlayedSession;
/** The played session's replay, opened once it finished. */
let playedReplay: SessionReplay;
const scenario = builtInScenarios()[0]!;

beforeAll(async () => {
  bench = await openReplayBench();
  played = await playBotSession(bench, scenario, { players: 12, tables: 2, seed: 5 });
  playedReplay = await SessionReplay.open(bench.stores.events, played.sessionId, 0);
}, 300_000);
afterAll(() => bench?.close());

const exported = () => {
  const replay = playedReplay;
  return JSON.parse(JSON.stringify(exportLog(replay.log, { id: played.sessionId, code: 'ABCDEF', scenarioId: scenario.id, status: 'ended', createdAt: 1 }, 2))) as unknown;
};

/** RFC 4180, read independently of the writer: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endField();
    else if (c === '\r' && text[i + 1] === '\n') {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}

describe('the event log export', () => {
  it('parses against its schema, with the format and version, and every event in order', () => {
    const file = exported();
    const parsed = exportSchema.parse(file);
    expect(parsed.format).toBe('backchannel-event-log');
    expect(parsed.version).toBe(1);
    expect(parsed.events.map((e) => e.seq)).toEqual(parsed.events.map((_, i) => i + 1));
    expect(parsed.events[0]!.event.type).toBe('SessionCreated');
  });

  it('imports into a new finished session that replays identically (timeline, every moment of every perspective, traces, charts, comparison)', async () => {
    const { sessionId } = await importLog(bench.stores, bench.facilitator.id, exported(), 3);
    expect(sessionId).not.toBe(played.sessionId);
    const a = playedReplay;
    const b = await SessionReplay.open(bench.stores.events, sessionId, 0);
    expect({ ...b.timeline(), sessionId: null }).toEqual({ ...a.timeline(), sessionId: null });
    expect(b.leaks()).toEqual(a.leaks());
    expect(b.series()).toEqual(a.series());
    expect(b.compare()).toEqual(a.compare());
    expect(b.supportLedger(null)).toEqual(a.supportLedger(null));
    const last = a.lastSeq();
    for (let seq = 1; seq <= last; seq += 37) {
      expect(b.at(seq, { kind: 'all' })).toEqual(a.at(seq, { kind: 'all' }));
      for (const s of played.seats.slice(0, 3)) expect(b.at(seq, { kind: 'seat', seatId: s.seatId })).toEqual(a.at(seq, { kind: 'seat', seatId: s.seatId }));
    }
  });

  it('refuses a file that is not an export, a log that does not replay, and a session that has not finished, storing nothing', async () => {
    const count = async () => (await bench.runtime.listSessions(null)).length;
    const before = await count();
    const file = exported() as { events: { seq: number; event: Record<string, unknown> }[] };
    const attempt = async (input: unknown) => {
      try {
        await importLog(bench.stores, bench.facilitator.id, input, 4);
        return 'imported';
      } catch (error) {
        return error instanceof ImportError ? error.code : String(error);
      }
    };
    expect(await attempt({ hello: 'world' })).toBe('INVALID_EXPORT');
    expect(await attempt({ ...file, version: 2 })).toBe('INVALID_EXPORT');
    expect(await attempt({ ...file, events: file.events.map((e) => (e.event.type === 'MessagePosted' ? { ...e, event: { ...e.event, channelId: 'nowhere' } } : e)) })).toBe('INVALID_LOG');
    expect(await attempt({ ...file, events: [file.events[1]!, file.events[0]!, ...file.events.slice(2)] })).toBe('INVALID_LOG');
    expect(await attempt({ ...file, events: file.events.slice(0, -3) })).toBe('NOT_FINISHED');
    expect(await attempt({ ...file, events: file.events.map((e, i) => (i === 4 ? { ...e, event: { ...e.event, type: 'Teleported' } } : e)) })).toBe('INVALID_EXPORT');
    expect(await count()).toBe(before);
    expect(() => checkImport(exported())).not.toThrow();
  });
});

describe('the transcript CSV', () => {
  it('quotes quotes, commas and line breaks, and defuses spreadsheet formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(parseCsv(`${csvField('x,"y"\r\nz')},b\r\n`)).toEqual([['x,"y"\r\nz', 'b']]);
  });

  it('has the columns, one row per message and proposal, and reads back the awkward text exactly', () => {
    const replay = playedReplay;
    const csv = transcriptCsv(replay.log, { names: true });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual([...TRANSCRIPT_COLUMNS]);
    const texts = replay.log.events.filter((e) => e.event.type === 'MessagePosted' || e.event.type === 'ProposalMade').length;
    expect(rows.length - 1).toBe(texts);
    for (const row of rows.slice(1)) expect(row).toHaveLength(TRANSCRIPT_COLUMNS.length);
    const awkward = rows.find((r) => r[6] === AWKWARD_TEXT);
    expect(awkward, 'the awkward message survives the round trip').toBeDefined();
    expect(awkward![2]).toBe('front');
    expect(played.seats.map((s) => s.name)).toContain(awkward![5]);
    expect(rows.slice(1).some((r) => r[7] === 'yes')).toBe(true);
    expect(rows.slice(1).every((r) => r[7] === 'yes' || r[8] === 'no')).toBe(true);
  });

  it('writes anonymous labels instead of names when asked', () => {
    const csv = transcriptCsv(playedReplay.log, { names: false });
    expect(csv.includes('Student-')).toBe(false);
    const senders = parseCsv(csv.slice(1)).slice(1).map((r) => r[5]);
    expect(senders.every((s) => s === 'Control' || /^Player \d+$/.test(s!))).toBe(true);
  });
});
