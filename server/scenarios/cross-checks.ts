/**
 * The scenario checks a shape cannot express (layer 2 of server/scenarios/schema.ts): unique ids,
 * references between sides / roles / issues / options / phases, seat counts, phase order and the
 * escalation ladder. Each problem is reported with the path of the field to fix.
 */
import type { Scenario } from '../engine/scenario';

/** The smallest and the largest table every scenario must be able to seat. */
export const MIN_TABLE_SIZE = 4;
export const MAX_TABLE_SIZE = 10;

/** `['roles', 3, 'objectives', 0, 'when']` → `roles[3].objectives[0].when`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$-]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

type Path = (string | number)[];
type Report = (path: Path, message: string) => void;

/** Flag every repeated id in `items` (pointing at the repeat and naming the first occurrence). */
function checkUnique(
  items: readonly { id: string }[],
  basePath: Path,
  what: string,
  report: Report,
): Map<string, number> {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first === undefined) {
      seen.set(item.id, i);
    } else {
      report(
        [...basePath, i, 'id'],
        `Duplicate ${what} id "${item.id}" (already used by ${formatPath([...basePath, first])})`,
      );
    }
  });
  return seen;
}

function checkSideKeys(
  record: Record<string, number> | undefined,
  basePath: Path,
  sideIds: Map<string, number>,
  report: Report,
): void {
  if (!record) return;
  for (const key of Object.keys(record)) {
    if (!sideIds.has(key)) {
      report([...basePath, key], `Unknown side "${key}"; expected one of ${list(sideIds.keys())}`);
    }
  }
}

function list(values: Iterable<string>): string {
  const all = [...values].map((v) => `"${v}"`);
  return all.length > 0 ? all.join(', ') : '(none)';
}

export function checkScenario(s: Scenario, report: Report): void {
  // Unique ids ---------------------------------------------------------------------------------
  const sideIds = checkUnique(s.sides, ['sides'], 'side', report);
  checkUnique(s.roles, ['roles'], 'role', report);
  const issueIds = checkUnique(s.issues, ['issues'], 'issue', report);
  const optionIds = new Map<string, Set<string>>();
  s.issues.forEach((issue, i) => {
    const opts = checkUnique(issue.options, ['issues', i, 'options'], 'option', report);
    if (!optionIds.has(issue.id)) optionIds.set(issue.id, new Set(opts.keys()));
  });
  const phaseIds = checkUnique(s.phases, ['phases'], 'phase', report);
  checkUnique(s.injects, ['injects'], 'inject', report);

  const topLevel = Math.max(0, s.escalation.length - 1);

  // Roles ---------------------------------------------------------------------------------------
  s.roles.forEach((role, r) => {
    const rp: Path = ['roles', r];
    checkUnique(role.objectives, [...rp, 'objectives'], 'objective', report);

    if (role.kind === 'journalist') {
      if (role.side !== null) {
        report([...rp, 'side'], `A journalist belongs to no side: side must be null, not "${role.side}"`);
      }
    } else if (role.side === null) {
      report([...rp, 'side'], `${role.kind === 'envoy' ? 'An' : 'A'} ${role.kind} must belong to a side; expected one of ${list(sideIds.keys())}`);
    } else if (!sideIds.has(role.side)) {
      report([...rp, 'side'], `Unknown side "${role.side}"; expected one of ${list(sideIds.keys())}`);
    }

    if (role.min > role.max) {
      report([...rp, 'min'], `min (${role.min}) must not exceed max (${role.max})`);
    }

    role.objectives.forEach((objective, o) => {
      const wp: Path = [...rp, 'objectives', o, 'when'];
      const when = objective.when;
      switch (when.type) {
        case 'termAgreed':
        case 'termKeptSecret': {
          const options = optionIds.get(when.issueId);
          if (!issueIds.has(when.issueId) || !options) {
            report([...wp, 'issueId'], `Unknown issue "${when.issueId}"; expected one of ${list(issueIds.keys())}`);
          } else if (when.type === 'termAgreed' && !options.has(when.optionId)) {
            report(
              [...wp, 'optionId'],
              `Unknown option "${when.optionId}" for issue "${when.issueId}"; expected one of ${list(options)}`,
            );
          }
          break;
        }
        case 'supportAtLeast':
          if (when.side !== undefined && !sideIds.has(when.side)) {
            report([...wp, 'side'], `Unknown side "${when.side}"; expected one of ${list(sideIds.keys())}`);
          } else if (when.side === undefined && role.side === null) {
            report([...wp, 'side'], 'This role belongs to no side, so supportAtLeast must name the side it measures');
          }
          break;
        case 'escalationAtMost':
          if (when.value > topLevel) {
            report([...wp, 'value'], `Escalation level ${when.value} does not exist; the highest level is ${topLevel}`);
          }
          break;
        default:
          break;
      }
    });
  });

  // Seats: one leader per side, tables of MIN_TABLE_SIZE..MAX_TABLE_SIZE ----------------------
  s.sides.forEach((side, i) => {
    if (sideIds.get(side.id) !== i) return; // a duplicate id, already reported
    const leaders = s.roles
      .map((role, r) => ({ role, r }))
      .filter(({ role }) => role.kind === 'leader' && role.side === side.id);
    if (leaders.length === 0) {
      report(['sides', i], `Side "${side.id}" has no leader slot; every side needs exactly one (kind "leader", min 1, max 1)`);
    }
    leaders.forEach(({ role, r }, n) => {
      if (n > 0) {
        report(
          ['roles', r, 'kind'],
          `Side "${side.id}" already has a leader slot (${formatPath(['roles', leaders[0]!.r])}); every side needs exactly one`,
        );
      } else if (role.min !== 1 || role.max !== 1) {
        report(['roles', r, role.min !== 1 ? 'min' : 'max'], `A leader slot must have min 1 and max 1 (found min ${role.min}, max ${role.max})`);
      }
    });
  });

  const sumMin = s.roles.reduce((n, role) => n + role.min, 0);
  const sumMax = s.roles.reduce((n, role) => n + role.max, 0);
  if (sumMin > MIN_TABLE_SIZE) {
    report(
      ['roles'],
      `The role slots cannot seat a table of ${MIN_TABLE_SIZE}: their minimums add up to ${sumMin} (at most ${MIN_TABLE_SIZE} allowed)`,
    );
  }
  if (sumMax < MAX_TABLE_SIZE) {
    report(
      ['roles'],
      `The role slots cannot seat a table of ${MAX_TABLE_SIZE}: their maximums add up to ${sumMax} (at least ${MAX_TABLE_SIZE} needed)`,
    );
  }

  // Issues --------------------------------------------------------------------------------------
  s.issues.forEach((issue, i) => {
    issue.options.forEach((option, o) => {
      checkSideKeys(option.publicReaction, ['issues', i, 'options', o, 'publicReaction'], sideIds, report);
    });
  });

  // Phases --------------------------------------------------------------------------------------
  const first = s.phases[0];
  if (first && first.kind !== 'briefing') {
    report(['phases', 0, 'kind'], 'The first phase must be a briefing');
  }
  if (!s.phases.some((p) => p.kind === 'negotiation')) {
    report(['phases'], 'At least one negotiation phase is required');
  }
  s.phases.forEach((phase, p) => {
    const seen = new Set<string>();
    phase.openChannels.forEach((channel, c) => {
      if (seen.has(channel)) report(['phases', p, 'openChannels', c], `Channel "${channel}" is listed twice`);
      seen.add(channel);
    });
    if (phase.kind === 'negotiation' && phase.openChannels.length === 0) {
      report(['phases', p, 'openChannels'], 'A negotiation phase must open at least one channel');
    }
  });

  // Precondition ----------------------------------------------------------------------------------
  if (s.precondition && !sideIds.has(s.precondition.side)) {
    report(['precondition', 'side'], `Unknown side "${s.precondition.side}"; expected one of ${list(sideIds.keys())}`);
  }

  // Leak parameters -------------------------------------------------------------------------------
  if (s.leak.maxRisk < s.leak.baseRate) {
    report(['leak', 'maxRisk'], `maxRisk (${s.leak.maxRisk}) must be at least baseRate (${s.leak.baseRate})`);
  }

  // Injects ---------------------------------------------------------------------------------------
  s.injects.forEach((inject, i) => {
    if (inject.audience !== 'all' && !sideIds.has(inject.audience)) {
      report(['injects', i, 'audience'], `Audience must be "all" or a side id; expected one of "all", ${list(sideIds.keys())}`);
    }
    if (inject.atPhase !== undefined && !phaseIds.has(inject.atPhase)) {
      report(['injects', i, 'atPhase'], `Unknown phase "${inject.atPhase}"; expected one of ${list(phaseIds.keys())}`);
    }
    checkSideKeys(inject.support, ['injects', i, 'support'], sideIds, report);
  });

  // Escalation ladder -----------------------------------------------------------------------------
  s.escalation.forEach((level, i) => {
    if (level.level !== i) {
      report(['escalation', i, 'level'], `Escalation levels must be numbered 0, 1, 2, … in order: expected ${i}, found ${level.level}`);
    }
  });
}
