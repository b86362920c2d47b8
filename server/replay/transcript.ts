import type { Author } from '../engine';
import { activeOrThrow, walk, type ReplayLog } from './history';
import { channelLabel } from './series';
import { termLabels, termsText } from './terms';
import { roleTitle, seatingOf, tableNames } from './timeline';

export const TRANSCRIPT_COLUMNS = ['time', 'table', 'channel kind', 'channel', 'sender role', 'sender', 'text', 'leaked', 'published'] as const;

/**
 * One field of RFC 4180 CSV: quoted when it holds a quote, a comma or a line break, with quotes
 * doubled. A field a spreadsheet would run as a formula (=, +, -, @, tab, CR first) is prefixed
 * with an apostrophe, so a student's message cannot run in the teacher's spreadsheet.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(fields: readonly string[]): string {
  return fields.map(csvField).join(',');
}

/**
 * The transcript: every message and proposal, in order, with whether it leaked and whether the
 * leak was printed. `names` false: senders are "Player 1", "Player 2"… (numbered in the order they
 * joined) instead of their names. CRLF line ends and a byte-order mark, so spreadsheets read UTF-8.
 */
export function transcriptCsv(log: ReplayLog, options: { names: boolean }): string {
  const lines: string[] = [csvLine(TRANSCRIPT_COLUMNS)];
  const order: string[] = [];
  const rows: { at: number; tableId: string; channelId: string; author: Author; text: string; key: string }[] = [];
  const leaked = new Map<string, string>();
  const published = new Set<string>();
  const final = activeOrThrow(walk(log, ({ event }, _before, after) => {
    if (!after.created) return;
    if (event.type === 'PlayerJoined') order.push(event.seatId);
    if (event.type === 'MessagePosted') rows.push({ at: event.at, tableId: event.tableId, channelId: event.channelId, author: event.author, text: event.text, key: `m:${event.messageId}` });
    if (event.type === 'ProposalMade') {
      const text = `${event.mode === 'official' ? 'Draft agreement' : 'Exploratory proposal'}: ${termsText(termLabels(after, event.terms))}`;
      rows.push({ at: event.at, tableId: event.tableId, channelId: event.channelId, author: { kind: 'seat', seatId: event.by }, text, key: `p:${event.proposalId}` });
    }
    if (event.type === 'LeakOccurred') {
      const s = event.tip.source;
      if (s.kind === 'message') leaked.set(event.tip.id, `m:${s.messageId}`);
      if (s.kind === 'proposal') leaked.set(event.tip.id, `p:${s.proposalId}`);
    }
    if (event.type === 'StoryPublished' && event.story.tipId && leaked.has(event.story.tipId)) published.add(leaked.get(event.story.tipId)!);
  }));
  const leakedKeys = new Set(leaked.values());
  const names = tableNames(final);
  const seating = seatingOf(log);
  for (const row of rows) {
    const channel = final.channels[row.channelId];
    const seat = row.author.kind === 'seat' ? final.seats[row.author.seatId] : undefined;
    const sender = row.author.kind === 'control' ? 'Control' : options.names ? (seat?.name ?? '') : `Player ${order.indexOf(row.author.seatId) + 1}`;
    lines.push(csvLine([
      new Date(row.at).toISOString(),
      names[row.tableId] ?? row.tableId,
      channel?.kind ?? '',
      channel ? channelLabel(final, channel) : row.channelId,
      row.author.kind === 'control' ? 'Control' : roleTitle(final, seating[row.author.seatId]?.roleId ?? seat?.roleId),
      sender,
      row.text,
      leakedKeys.has(row.key) ? 'yes' : 'no',
      published.has(row.key) ? 'yes' : 'no',
    ]));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
