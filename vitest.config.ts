import { defineConfig } from 'vitest/config';

const everywhere = ['server', 'shared', 'db', 'scripts', 'app'];

/**
 * The integration tests that also run against PostgreSQL (BACKCHANNEL_TEST_STORE=postgres makes
 * startLiveServer open a fresh PostgreSQL database per server). The choice and why: README, "Testing".
 */
export const POSTGRES_MATRIX: string[] = [
  'server/realtime/restart.test.ts', // kill -9 of a child server, every acknowledged event back after the restart
  'server/realtime/reconnect.test.ts', // seat tokens: a reconnecting player finds their seat
  'server/realtime/command-ids.test.ts', // a command id stored once, answered again across a restart
  'server/realtime/replace.test.ts', // a seat handed over: tokens revoked and moved in the append
  'server/realtime/busy.test.ts', // many commands at once: group commit on a database across the network
  'server/realtime/smoke.test.ts', // one whole game
  'server/api/facilitator-auth.test.ts', // accounts, logins, password change, removal
  'server/api/scenario-sharing.test.ts', // uploaded scenarios, shared and private
  'server/replay/api.test.ts', // replays, export and import, deletion
];

// Unit and integration tests live beside the code; Playwright owns e2e/.
// Two projects: "sqlite" is every test as before; "postgres" starts a throw-away PostgreSQL cluster
// (server/testing/pg/global-setup.ts) and runs the *.pg.test.ts files and the matrix above on it.
export default defineConfig({
  test: {
    environment: 'node',
    projects: [
      {
        extends: true,
        test: {
          name: 'sqlite',
          include: everywhere.map((dir) => `${dir}/**/*.test.ts`),
          exclude: ['e2e/**', 'node_modules/**', '.next/**', '**/*.pg.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: [...everywhere.map((dir) => `${dir}/**/*.pg.test.ts`), ...POSTGRES_MATRIX],
          exclude: ['e2e/**', 'node_modules/**', '.next/**'],
          globalSetup: ['server/testing/pg/global-setup.ts'],
          env: { BACKCHANNEL_TEST_STORE: 'postgres' },
        },
      },
    ],
  },
});
