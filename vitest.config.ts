import { defineConfig } from 'vitest/config';

const everywhere = ['server', 'shared', 'db', 'scripts', 'app'];

/**
 * The integration tests that also run against PostgreSQL (BACKCHANNEL_TEST_STORE=postgres makes
 * startLiveServer open a fresh PostgreSQL database per server). The choice and why: README, "Testing".
 */
export const POSTGRES_MATRIX: string[] = [];

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
