/** The game engine: pure, deterministic, event-sourced. See docs/engine.md. */
export { decide } from './decide';
export { evolve } from './evolve';
export { project, sessionHeader } from './project';
export { initialState, DEFAULT_OPTIONS } from './state';
export { draw, seedFrom } from './random';
export { REJECTION_CODES, isRejection, reject } from './rejection';
export { LIMITS } from './commands';
export { CHANNEL_KINDS, ROLE_KINDS } from './scenario';
export { leakRisk, riskLevel } from './leak-risk';
export { tableSizeRange, chooseTableCount } from './deal';
export type * from './commands';
export type * from './events';
export { eventAt } from './events';
export type * from './state';
export type * from './scenario';
export type * from './view';
export type { Rejection, RejectionCode } from './rejection';
