// npm run facilitator -- create --email <e> --password <p> [--admin]
// npm run facilitator -- list
// Manages facilitator accounts straight in the stores named by DATABASE_URL.
import { AccountError, countFacilitators, createFacilitator, listFacilitators } from '../server/auth/accounts';
import { ConfigError, loadConfig } from '../server/config';
import { openStores } from '../server/stores/open';
import { parseCommandLine, usageError } from './lib/cli';

const cli = {
  name: 'npm run facilitator',
  usage: `Usage:
  npm run facilitator -- create --email <email> --password <password> [--admin]
  npm run facilitator -- list

Manages facilitator accounts in the database named by DATABASE_URL (default ./data/backchannel.db).
The first account is always an administrator.

Commands:
  create            add an account
  list              print every account's email, administrators marked

Options:
  --email <email>   the new account's email (create)
  --password <pw>   at least 10 characters (create)
  --admin           the new account may add other facilitators (create)
  -h, --help        show this help
`,
  options: { email: { type: 'string' }, password: { type: 'string' }, admin: { type: 'boolean', default: false } },
  allowPositionals: true,
} as const;

const { positionals, values } = parseCommandLine(cli);
const [action, ...extra] = positionals;
if (action === undefined) usageError(cli, 'say what to do: create or list');
if (action !== 'create' && action !== 'list') usageError(cli, `unknown command ${JSON.stringify(action)}: use create or list`);
if (extra.length > 0) usageError(cli, `unexpected argument ${JSON.stringify(extra[0])}`);
if (action === 'create' && (!values.email || !values.password)) usageError(cli, 'create needs --email and --password');
if (action === 'list' && (values.email !== undefined || values.password !== undefined || values.admin)) usageError(cli, 'list takes no options');

async function main(): Promise<number> {
  const config = loadConfig(process.env);
  const stores = await openStores(config);
  try {
    if (action === 'list') {
      for (const f of await listFacilitators(stores.accounts)) console.log(`${f.email}${f.isAdmin ? ' (admin)' : ''}`);
      return 0;
    }
    // The very first account is always an administrator: someone must be able to add the others.
    const isAdmin = values.admin || (await countFacilitators(stores.accounts)) === 0;
    const f = await createFacilitator(stores.accounts, { email: values.email!, password: values.password!, isAdmin });
    console.log(`Created ${f.email}${f.isAdmin ? ' (admin)' : ''}. Sign in at /facilitator.`);
    return 0;
  } finally {
    await stores.close();
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
