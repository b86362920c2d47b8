import { roleOf, sideOf } from './queries';
import type { Condition } from './scenario';
import type { ActiveGame, RoleScore, Seat } from './state';

/** Scores every seated player against their role's objectives, from the state at the end. */
export function scoreSession(game: ActiveGame): RoleScore[] {
  return Object.values(game.seats)
    .filter((s) => s.status === 'active' && s.tableId && s.roleId)
    .map((seat) => {
      const role = roleOf(game, seat);
      const objectives = (role?.objectives ?? []).map((o) => ({ id: o.id, description: o.description, points: o.points, achieved: holds(game, seat, o.when) }));
      return { seatId: seat.id, total: objectives.reduce((n, o) => n + (o.achieved ? o.points : 0), 0), objectives };
    });
}

export function holds(game: ActiveGame, seat: Seat, condition: Condition): boolean {
  const table = seat.tableId ? game.tables[seat.tableId] : undefined;
  if (!table) return false;
  const agreement = table.agreement;
  const announced = agreement?.announcedAt != null;
  const deal = agreement ? game.proposals[agreement.proposalId] : undefined;
  const backChannels = Object.values(game.channels).filter((c) => c.tableId === table.id && c.kind === 'back');
  const stories = game.stories.filter((s) => s.journalistId === seat.id);
  switch (condition.type) {
    case 'dealAnnounced':
      return announced;
    case 'dealConcluded':
      return agreement !== null;
    case 'noDeal':
      return !announced;
    case 'termAgreed':
      return announced && !!deal?.terms.some((t) => t.issueId === condition.issueId && t.optionId === condition.optionId);
    case 'termKeptSecret':
      return announced && !!deal?.terms.some((t) => t.issueId === condition.issueId && t.secret) && !agreement?.exposedSecretIssues.includes(condition.issueId);
    case 'supportAtLeast': {
      const side = condition.side ?? sideOf(game, seat);
      return side !== null && (table.support[side] ?? 0) >= condition.value;
    }
    case 'escalationAtMost':
      return table.escalation <= condition.value;
    case 'ownBackChannelsUnexposed': {
      // Keeping a back channel secret is an achievement only for someone who sat in one.
      const own = backChannels.filter((c) => c.members[seat.id] !== undefined);
      return own.length > 0 && !own.some((c) => c.exposed);
    }
    case 'backChannelsExposed':
      return backChannels.filter((c) => c.exposed).length >= condition.min;
    case 'accurateStories':
      return stories.filter((s) => s.accurate === true).length >= condition.min;
    case 'inaccurateStories':
      return stories.filter((s) => s.accurate === false).length >= condition.min;
    case 'mobilised':
      return table.mobilisations.filter((m) => m.seatId === seat.id).length >= condition.min;
    default: {
      const unreachable: never = condition;
      return unreachable;
    }
  }
}
