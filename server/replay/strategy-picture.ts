import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../paths';
import type { StrategyPicture } from './types';

/**
 * The balance harness's strategy picture for a scenario, read from docs/balance.md — the one place
 * its figures are written (`npm run balance` prints them; the doc keeps the run) — so the debrief
 * never carries a second, hand-copied set of numbers. Two parts of the doc are read: the table of
 * strategies ("## The strategies": name and sentence) and the core scores per scenario and table
 * size ("### Core score per strategy at 6 and 10", each cell "after (before)"; the first number
 * is today's). A scenario the doc does not cover, or a doc that is missing, gives null.
 */
export const BALANCE_DOC = 'docs/balance.md';
const CORE_HEADING = '### Core score per strategy at 6 and 10';
const STRATEGIES_HEADING = '## The strategies';

/** The rows of the first markdown table under the heading that begins with `heading`, as cells. */
function tableAfter(markdown: string, heading: string): string[][] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line === heading || line.startsWith(`${heading} `));
  if (start === -1) return [];
  const rows: string[][] = [];
  for (const line of lines.slice(start + 1)) {
    const trimmed = line.trim();
    if (!trimmed.startsWith('|')) {
      if (rows.length > 0) break;
      continue;
    }
    const cells = trimmed.slice(1, trimmed.endsWith('|') ? -1 : undefined).split('|').map((c) => c.trim());
    if (cells.every((c) => /^-+$/.test(c))) continue;
    rows.push(cells);
  }
  return rows;
}

/** "**300** (269)" → [300]; "207 / 212 (243 / 237)" → [207, 212]: today's figures, before the brackets. */
function scoresOf(cell: string): number[] {
  const today = cell.split('(')[0]!.replace(/\*/g, '');
  return today.split('/').map((s) => Number(s.trim()));
}

/** The strategy picture of `scenarioId` in a balance doc's text. */
export function parseStrategyPicture(markdown: string, scenarioId: string): StrategyPicture | null {
  const descriptions = new Map<string, string>();
  let previous: string | null = null;
  for (const [cell, sentence = ''] of tableAfter(markdown, STRATEGIES_HEADING).slice(1)) {
    const name = (cell ?? '').replace(/`/g, '');
    // The doc's sentences lean on the row above ("The same, announced…"); alone they name it.
    descriptions.set(name, previous === null ? sentence : sentence.replace(/^The same\b/, `Like ${previous}`).replace(/\bthe previous one\b/, previous));
    previous = name;
  }
  const [header, ...rows] = tableAfter(markdown, CORE_HEADING);
  if (!header) return null;
  // "new-channel / same-channel" heads two strategies: name them as the strategies table does.
  const columns = header.slice(1).map((h) => h.split('/').map((part) => {
    const name = part.trim();
    return [...descriptions.keys()].find((d) => d === name || d.startsWith(`${name}-`)) ?? name;
  }));
  const strategies = new Map<string, { name: string; description: string; scores: Record<string, number> }>();
  const sizes: number[] = [];
  for (const row of rows) {
    const match = /^(\S+) @(\d+)$/.exec(row[0] ?? '');
    if (!match || !scenarioId.split('-').includes(match[1]!)) continue;
    const size = Number(match[2]);
    sizes.push(size);
    columns.forEach((names, i) => {
      const scores = scoresOf(row[i + 1] ?? '');
      names.forEach((name, j) => {
        const score = scores[j];
        if (score === undefined || !Number.isFinite(score)) return;
        const entry = strategies.get(name) ?? { name, description: descriptions.get(name) ?? '', scores: {} };
        entry.scores[String(size)] = score;
        strategies.set(name, entry);
      });
    });
  }
  if (sizes.length === 0) return null;
  const list = [...strategies.values()];
  const best = Object.fromEntries(sizes.map((size) => [String(size), list.reduce((a, b) => ((b.scores[String(size)] ?? -1) > (a.scores[String(size)] ?? -1) ? b : a)).name]));
  return { source: BALANCE_DOC, sizes, strategies: list, best };
}

let cached: { text: string | null } | null = null;

/** The picture for a scenario, from the repository's docs/balance.md (read once). */
export function strategyPicture(scenarioId: string): StrategyPicture | null {
  if (!cached) {
    try {
      cached = { text: readFileSync(path.join(projectRoot, BALANCE_DOC), 'utf8') };
    } catch {
      cached = { text: null };
    }
  }
  return cached.text === null ? null : parseStrategyPicture(cached.text, scenarioId);
}
