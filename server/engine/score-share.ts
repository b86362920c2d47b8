// The code lives in shared/ so the browser can run it too; the engine's callers keep this path.
export * from '../../shared/score-share';
