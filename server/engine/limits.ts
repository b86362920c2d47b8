/** The limits live in shared/ (pure constants the pages read too); the engine re-exports them. */
export { LIMITS, type Limits } from '../../shared/limits';
