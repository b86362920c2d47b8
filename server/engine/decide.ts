import type { Command, Meta } from './commands';
import { answerInvitation, controlPost, inviteToBackChannel, leaveBackChannel, openBackChannel, postMessage } from './decide/channels';
import { acceptProposal, announceAgreement, fulfilPrecondition, propose, signProposal } from './decide/agreements';
import { renegeAgreement } from './decide/legitimacy';
import { deadlineReached, endSession, extend, pause, resume, skip } from './decide/clock';
import { controlBroadcast, fireInject, writeInject } from './decide/control';
import { leakMessage, plantRumour } from './decide/leaks';
import { dealSeats, join, kick, leave, moveSeat, setLocked, startSession, swapSeats } from './decide/lobby';
import { investigate, mobilise, publishStory, surveil } from './decide/press';
import { replaceSeat } from './decide/replace';
import type { GameEvent } from './events';
import { reject, type Rejection } from './rejection';
import type { GameState } from './state';
import { atTable, tableOfCommand } from './table-clock';

/**
 * The one entry point for intentions: given the state, a command and its meta (time and actor),
 * return the events that happen or a rejection the user sees. Pure: no clock, no randomness
 * beyond the seeded generator in the state, no I/O.
 */
export function decide(state: GameState, command: Command, meta: Meta): GameEvent[] | Rejection {
  if (command.type === 'CreateSession') {
    if (state.created) return reject('SESSION_EXISTS', 'This session already exists.');
    if (meta.actor.kind !== 'system' && meta.actor.kind !== 'facilitator') return reject('NOT_ALLOWED', 'Only a facilitator can create a session.');
    const { code, scenario, options, seed } = command;
    return [{ type: 'SessionCreated', code, scenario, options, seed: seed | 0, at: meta.now }];
  }
  if (!state.created) return reject('SESSION_NOT_CREATED', 'There is no such session.');
  // Rules about one table read that table's clock (its phase, deadline and pause).
  const game = atTable(state, tableOfCommand(state, command, meta.actor));
  switch (command.type) {
    case 'Join': return join(game, command, meta);
    case 'Leave': return leave(game, meta);
    case 'SetLocked': return setLocked(game, command, meta);
    case 'DealSeats': return dealSeats(game, command, meta);
    case 'MoveSeat': return moveSeat(game, command, meta);
    case 'SwapSeats': return swapSeats(game, command, meta);
    case 'Kick': return kick(game, command, meta);
    case 'StartSession': return startSession(game, meta);
    case 'ReplaceSeat': return replaceSeat(game, command, meta);
    case 'DeadlineReached': return deadlineReached(game, command, meta);
    case 'Pause': return pause(game, command, meta);
    case 'Resume': return resume(game, command, meta);
    case 'Extend': return extend(game, command, meta);
    case 'Skip': return skip(game, command, meta);
    case 'EndSession': return endSession(game, meta);
    case 'PostMessage': return postMessage(game, command, meta);
    case 'OpenBackChannel': return openBackChannel(game, command, meta);
    case 'InviteToBackChannel': return inviteToBackChannel(game, command, meta);
    case 'AnswerInvitation': return answerInvitation(game, command, meta);
    case 'LeaveBackChannel': return leaveBackChannel(game, command, meta);
    case 'Investigate': return investigate(game, command, meta);
    case 'Surveil': return surveil(game, command, meta);
    case 'PublishStory': return publishStory(game, command, meta);
    case 'Mobilise': return mobilise(game, meta);
    case 'FulfilPrecondition': return fulfilPrecondition(game, meta);
    case 'Propose': return propose(game, command, meta);
    case 'AcceptProposal': return acceptProposal(game, command, meta);
    case 'SignProposal': return signProposal(game, command, meta);
    case 'AnnounceAgreement': return announceAgreement(game, meta);
    case 'RenegeAgreement': return renegeAgreement(game, meta);
    case 'ControlPost': return controlPost(game, command, meta);
    case 'ControlBroadcast': return controlBroadcast(game, command, meta);
    case 'FireInject': return fireInject(game, command, meta);
    case 'WriteInject': return writeInject(game, command, meta);
    case 'LeakMessage': return leakMessage(game, command, meta);
    case 'PlantRumour': return plantRumour(game, command, meta);
    default: {
      const unreachable: never = command;
      return unreachable;
    }
  }
}
