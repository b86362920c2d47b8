import {
  decide, draw, evolve, initialState, isRejection, project, riskLevel, seedFrom, DEFAULT_OPTIONS,
  type ActiveGame, type Actor, type Command, type GameEvent, type GameState, type Scenario, type SeatView,
} from '../engine';
import { botBrain, strategyFor, type Strategy, type StrategyName } from './strategies';
import type { Cast } from './seat';

/**
 * One seeded game, in process, through decide/evolve only, on a synthetic clock: every seat acts
 * at a human pace (a text every 15–30 s at most, a click every 5–12 s, a glance at the screen
 * every 10–20 s when there is nothing to do), deadlines fire when the clock passes them.
 */

const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);
const PACE_MS = { text: [15_000, 30_000], click: [5_000, 12_000], idle: [10_000, 20_000] } as const;
const TEXT_COMMANDS = new Set(['PostMessage', 'Propose', 'OpenBackChannel', 'PublishStory']);
const MAX_STEPS = 50_000;

export interface SeatRecord {
  seatId: string;
  roleId: string;
  kind: string;
  side: string | null;
  total: number;
}

export interface GameRecord {
  scenarioId: string;
  size: number;
  strategy: StrategyName;
  game: number;
  seed: number;
  seats: SeatRecord[];
  /** Both leaders and both main envoys. */
  core: number;
  backChannels: number;
  backMessages: number;
  backProposals: number;
  frontMessages: number;
  leaks: number;
  stories: number;
  /** Back channels a story exposed. */
  exposed: number;
  firstExposureRound: number | null;
  concluded: boolean;
  concludedRound: number | null;
  announced: boolean;
  announcedRound: number | null;
  /** Seconds left in the round when the deal was announced. */
  announcedWithSecondsLeft: number | null;
  originExposedFirst: boolean;
  support: Record<string, number>;
  escalation: number;
  risk: { max: number; mean: number; levels: Record<'low' | 'elevated' | 'high', number> };
  commands: number;
  /** Rejected commands, as "Command:CODE" → count ("bot Command:CODE" for the bots' brain). */
  rejections: Record<string, number>;
  rejectionSamples: string[];
}

/** The public cast list: each side's main envoy is its envoy seat that every table has. */
export function castOf(scenario: Scenario): Cast {
  return { mainEnvoyRoles: scenario.roles.filter((r) => r.kind === 'envoy' && r.min >= 1).map((r) => r.id) };
}

export function coreRoleIds(scenario: Scenario): string[] {
  return scenario.roles.filter((r) => r.kind === 'leader').map((r) => r.id).concat(castOf(scenario).mainEnvoyRoles);
}

function seededRandom(seed: number): () => number {
  let rng = seed;
  return () => {
    const d = draw(rng);
    rng = d.rng;
    return d.value;
  };
}

export function playGame(scenario: Scenario, size: number, strategy: StrategyName, game: number, seed: number): GameRecord {
  let state: GameState = initialState();
  let now = T0;
  const notes = { exposure: null as number | null, concluded: null as number | null, announced: null as number | null, announcedLeft: null as number | null };
  const rejections: Record<string, number> = {};
  const samples: string[] = [];
  let commands = 0;
  const apply = (events: GameEvent[]) => {
    for (const e of events) {
      const phase = state.created ? state.phaseIndex : -1;
      if (e.type === 'StoryPublished' && e.exposedChannelId && notes.exposure === null) notes.exposure = phase;
      if (e.type === 'AgreementConcluded') notes.concluded = phase;
      if (e.type === 'AgreementAnnounced' && state.created) {
        notes.announced = phase;
        notes.announcedLeft = Math.round(((state.deadlineAt ?? now) - now) / 1000);
      }
      state = evolve(state, e);
    }
  };
  const must = (command: Command, actor: Actor) => {
    const result = decide(state, command, { now, actor });
    if (isRejection(result)) throw new Error(`balance harness: ${command.type} rejected: ${result.code} ${result.message}`);
    apply(result);
  };

  must({ type: 'CreateSession', code: 'BAL234', scenario, options: { ...DEFAULT_OPTIONS, tableCount: 1 }, seed }, { kind: 'system' });
  for (let i = 1; i <= size; i++) must({ type: 'Join', name: `Player ${i}` }, { kind: 'guest' });
  must({ type: 'DealSeats' }, { kind: 'facilitator' });
  must({ type: 'StartSession' }, { kind: 'facilitator' });
  // Nobody negotiates in the briefing: its clock runs out untouched.
  now = active(state).deadlineAt ?? now;
  must({ type: 'DeadlineReached' }, { kind: 'system' });

  const cast = castOf(scenario);
  const scripted = strategyFor(strategy, cast);
  const players = Object.values(active(state).seats).map((seat) => {
    const kind = scenario.roles.find((r) => r.id === seat.roleId)?.kind;
    const brain: Strategy = kind === 'leader' || kind === 'envoy' ? scripted : botBrain;
    const random = seededRandom(seedFrom(`${seed}:${seat.id}`));
    return { seatId: seat.id, brain, scripted: brain === scripted, random, nextAt: now + pace(random, 'idle'), seen: null as { state: GameState; view: SeatView } | null };
  });

  for (let step = 0; step < MAX_STEPS; step++) {
    const game = active(state);
    if (game.status === 'ended') break;
    const player = players.reduce((a, b) => (b.nextAt < a.nextAt ? b : a));
    if (game.deadlineAt !== null && game.deadlineAt <= player.nextAt) {
      now = game.deadlineAt;
      must({ type: 'DeadlineReached' }, { kind: 'system' });
      continue;
    }
    now = player.nextAt;
    // Nothing happened since this seat last looked: the same view (states are immutable).
    const view = player.seen?.state === state ? player.seen.view : (project(state, { kind: 'seat', seatId: player.seatId }) as SeatView);
    player.seen = { state, view };
    const command = player.brain(view, now, player.random);
    if (command) {
      commands++;
      const result = decide(state, command, { now, actor: { kind: 'seat', seatId: player.seatId } });
      if (isRejection(result)) {
        const key = `${player.scripted ? '' : 'bot '}${command.type}:${result.code}`;
        rejections[key] = (rejections[key] ?? 0) + 1;
        if (samples.length < 5) samples.push(`${key} ${result.message}`);
      } else apply(result);
    }
    player.nextAt = now + pace(player.random, !command ? 'idle' : TEXT_COMMANDS.has(command.type) ? 'text' : 'click');
  }
  const final = active(state);
  if (final.status !== 'ended') throw new Error(`balance harness: ${scenario.id} at ${size} (${strategy}, seed ${seed}) did not end`);
  return record(final, { scenario, size, strategy, game, seed, notes, commands, rejections, samples });
}

function pace(random: () => number, kind: keyof typeof PACE_MS): number {
  const [lo, hi] = PACE_MS[kind];
  return Math.round(lo + random() * (hi - lo));
}

function active(state: GameState): ActiveGame {
  if (!state.created) throw new Error('balance harness: no session');
  return state;
}

interface Run {
  scenario: Scenario;
  size: number;
  strategy: StrategyName;
  game: number;
  seed: number;
  notes: { exposure: number | null; concluded: number | null; announced: number | null; announcedLeft: number | null };
  commands: number;
  rejections: Record<string, number>;
  samples: string[];
}

function record(game: ActiveGame, run: Run): GameRecord {
  const table = Object.values(game.tables)[0]!;
  const core = new Set(coreRoleIds(run.scenario));
  const seats = (game.scores ?? []).map((score) => {
    const seat = game.seats[score.seatId]!;
    const role = run.scenario.roles.find((r) => r.id === seat.roleId)!;
    return { seatId: seat.id, roleId: role.id, kind: role.kind, side: role.side, total: score.total };
  });
  const back = Object.values(game.channels).filter((c) => c.kind === 'back');
  const backIds = new Set(back.map((c) => c.id));
  const risks = game.messages.filter((m) => m.leakRisk !== null).map((m) => m.leakRisk!);
  const levels = { low: 0, elevated: 0, high: 0 };
  for (const r of risks) levels[riskLevel(r)]++;
  const agreement = table.agreement;
  return {
    scenarioId: run.scenario.id, size: run.size, strategy: run.strategy, game: run.game, seed: run.seed,
    seats,
    core: seats.filter((s) => core.has(s.roleId)).reduce((n, s) => n + s.total, 0),
    backChannels: back.length,
    backMessages: game.messages.filter((m) => backIds.has(m.channelId)).length,
    backProposals: Object.values(game.proposals).filter((p) => backIds.has(p.channelId)).length,
    frontMessages: game.messages.filter((m) => m.channelId === `${table.id}:front` && m.author.kind === 'seat').length,
    leaks: game.tips.count,
    stories: game.stories.length,
    exposed: back.filter((c) => c.exposed).length,
    firstExposureRound: run.notes.exposure,
    concluded: agreement !== null,
    concludedRound: run.notes.concluded,
    announced: agreement?.announcedAt != null,
    announcedRound: run.notes.announced,
    announcedWithSecondsLeft: run.notes.announcedLeft,
    originExposedFirst: agreement?.originExposedFirst ?? false,
    support: { ...table.support },
    escalation: table.escalation,
    risk: { max: Math.max(0, ...risks), mean: risks.length ? risks.reduce((a, b) => a + b, 0) / risks.length : 0, levels },
    commands: run.commands,
    rejections: run.rejections,
    rejectionSamples: run.samples,
  };
}
