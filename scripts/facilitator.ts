// npm run facilitator -- create --email <e> --password <p> [--admin]
// npm run facilitator -- list
// Manages facilitator accounts straight in the database named by DATABASE_URL.
import { parseArgs } from 'node:util';
import { migrateDatabase, openDatabase } from '../db/client';
import { AccountError, countFacilitators, createFacilitator, listFacilitators } from '../server/auth/accounts';
import { ConfigError, loadConfig } from '../server/config';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { email: { type: 'string' }, password: { type: 'string' }, admin: { type: 'boolean', default: false } },
});

async function main(): Promise<number> {
  const config = loadConfig(process.env);
  const { db, sqlite } = openDatabase(config.databasePath);
  try {
    migrateDatabase(db);
    const [action] = positionals;
    if (action === 'list') {
      for (const f of listFacilitators(db)) console.log(`${f.email}${f.isAdmin ? ' (admin)' : ''}`);
      return 0;
    }
    if (action === 'create') {
      if (!values.email || !values.password) {
        console.error('Usage: npm run facilitator -- create --email <email> --password <password> [--admin]');
        return 2;
      }
      // The very first account is always an administrator: someone must be able to add the others.
      const isAdmin = values.admin || countFacilitators(db) === 0;
      const f = await createFacilitator(db, { email: values.email, password: values.password, isAdmin });
      console.log(`Created ${f.email}${f.isAdmin ? ' (admin)' : ''}. Sign in at /facilitator.`);
      return 0;
    }
    console.error('Usage: npm run facilitator -- create --email <email> --password <password> [--admin] | list');
    return 2;
  } finally {
    sqlite.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof AccountError || error instanceof ConfigError) console.error(error.message);
    else console.error(error);
    process.exit(1);
  },
);
