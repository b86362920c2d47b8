// vitest globalSetup of the "postgres" project: one throw-away PostgreSQL cluster for the run, its
// admin URL provided to the tests (inject('pgAdminUrl')); each test file makes its own database in it.
// Without PostgreSQL installed it says so in one line and provides '', and the PG tests skip.
import type { TestProject } from 'vitest/node';
import { findPgBinaries, PG_MISSING_MESSAGE, startPgCluster } from './cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    /** postgres://… of a superuser on the test cluster, or '' when PostgreSQL is not installed. */
    pgAdminUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  // An operator's own server (e.g. a CI service container) instead of a cluster started here.
  const external = process.env.BACKCHANNEL_TEST_PG_ADMIN_URL;
  if (external) {
    project.provide('pgAdminUrl', external);
    return undefined;
  }
  // BACKCHANNEL_TEST_PG=off skips them on purpose (a quick run on a machine that has PostgreSQL).
  const off = process.env.BACKCHANNEL_TEST_PG === 'off';
  if (off || !findPgBinaries()) {
    console.log(off ? 'BACKCHANNEL_TEST_PG=off: the PostgreSQL store tests are skipped' : PG_MISSING_MESSAGE);
    project.provide('pgAdminUrl', '');
    return undefined;
  }
  const cluster = await startPgCluster();
  project.provide('pgAdminUrl', cluster.adminUrl);
  return () => cluster.stop();
}
