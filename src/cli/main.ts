// The `reclaim` command (docs/api.md, Command line). Only the arguments are read here: each command's module is loaded
// when it runs, so that `reclaim --help` answers at once.
import { Command, InvalidArgumentError, Option } from 'commander';
import { REGIONS, REPORT_KINDS } from '../domain/types.js';
import { positiveInteger, unitCount } from './options.js';

const URL_OPTION = 'a Reclaim server to go through (default: the server holding the embedded database, if any)';

const program = new Command()
  .name('reclaim')
  .description('Reclaim: finds what Amazon owes a seller and follows each claim until it is paid.')
  .showHelpAfterError();

program
  .command('serve')
  .description('run the GraphQL server (configuration: see README, Configuration)')
  .option('--seed-demo-if-empty', 'load the demo account first when the database holds no account (npm start)')
  .option('--no-worker', 'serve requests only: queued work (imports…) is left to `reclaim worker` processes')
  .action(async (options) => (await import('./serve.js')).serve(options));

program
  .command('worker')
  .description('run background jobs only, no HTTP (several servers and workers share PostgreSQL and Redis)')
  .action(async () => (await import('./worker.js')).worker());

program
  .command('import')
  .description('import Amazon report files into an account (the kind is recognised from each header)')
  .argument(
    '<files...>',
    'report files (ledger, reimbursements, customer returns, settlement, inbound shipments, costs, removal orders, removal shipments, removal receipts) as .txt/.tsv, .csv, .xlsx, .gz or .zip',
  )
  .option('--account <token>', 'the account token (or set RECLAIM_TOKEN)')
  .addOption(new Option('--kind <kind>', 'read every file as this kind').choices(REPORT_KINDS))
  .option('--shipment-id <id>', 'the inbound shipment of SP-API items that do not name their ShipmentId')
  .option('--url <url>', URL_OPTION)
  .action(async (files, options) => (await import('./import.js')).importFiles(files, options));

const account = program.command('account').description('manage accounts');
account
  .command('create')
  .description('create an account and print {"accountId":…,"token":…} (the token is shown once)')
  .requiredOption('--name <name>', "the seller's name")
  .addOption(new Option('--region <region>', "the seller's marketplace region").choices(REGIONS).makeOptionMandatory())
  .option('--url <url>', URL_OPTION)
  .action(async (options) => (await import('./account-create.js')).accountCreate(options));

const token = program.command('token').description("add or revoke an account's tokens");
token
  .command('create')
  .description('make a new token for an account and print {"tokenId":…,"token":…} (the token is shown once)')
  .option('--account <account>', "the account's id or name (as the admin), or one of its tokens (or set RECLAIM_TOKEN)")
  .option('--label <label>', 'what the token is for (a laptop, a script)')
  .option('--url <url>', URL_OPTION)
  .action(async (options) => (await import('./token-create.js')).tokenCreate(options));
token
  .command('revoke')
  .description('revoke a token: with --account TOKEN one of that account’s own, else any (as the admin)')
  .argument('<id>', 'the token id (tokenId, or `tokens { id }` in GraphQL)')
  .option('--account <token>', 'a token of the account (or set RECLAIM_TOKEN)')
  .option('--url <url>', URL_OPTION)
  .action(async (id, options) => (await import('./token-revoke.js')).tokenRevoke(id, options));

program
  .command('removal')
  .description('removal orders: record what arrived of a removal shipment')
  .command('receive')
  .description(
    'record how many units of SKU arrived in the removal shipment TRACKING of order ORDER (again to correct it); fewer than shipped are REMOVAL units lost in transit',
  )
  .argument('<order>', 'the removal order id')
  .argument('<tracking>', 'the tracking number of the shipment')
  .argument('<sku>', 'the seller SKU')
  .argument('<units>', 'the units received, 0 or more', unitCount)
  .option('--account <token>', 'the account token (or set RECLAIM_TOKEN)')
  .option('--url <url>', URL_OPTION)
  .action(async (order, tracking, sku, units, options) => {
    const { removalReceive } = await import('./removal-receive.js');
    await removalReceive(order, tracking, sku, units, options);
  });

program
  .command('connect')
  .description(
    'connect an account to the Selling Partner API: the client secret and refresh token come from RECLAIM_LWA_CLIENT_SECRET and RECLAIM_LWA_REFRESH_TOKEN, or standard input',
  )
  .option('--account <token>', 'the account token (or set RECLAIM_TOKEN)')
  .requiredOption('--client-id <id>', "the LWA client id of the seller's application (amzn1.application-oa2-client.…)")
  .requiredOption('--marketplace <ids...>', 'the marketplace ids to fetch, such as ATVPDKIKX0DER')
  .option('--every-hours <hours>', 'how often to sync (default RECLAIM_SYNC_HOURS, 24)', positiveInteger)
  .option('--url <url>', URL_OPTION)
  .action(async (options) => (await import('./connect.js')).connect(options));

program
  .command('sync')
  .description("fetch the account's data from the Selling Partner API now, to the end")
  .option('--account <token>', 'the account token (or set RECLAIM_TOKEN)')
  .option('--url <url>', URL_OPTION)
  .action(async (options) => (await import('./sync.js')).sync(options));

program
  .command('demo')
  .description('create a demo account filled with generated, realistic data and print its token')
  .option('--products <count>', 'how many products (default 300)', positiveInteger)
  .option(
    '--ledger-rows <count>',
    'how many inventory ledger rows (default about 20 per product and month)',
    positiveInteger,
  )
  .option('--seed <number>', 'the random seed: the same seed gives the same data', positiveInteger)
  .option('--url <url>', URL_OPTION)
  .action(async (options) => (await import('./demo.js')).demo(options));

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // Loaded only when something failed: the modules they live in are not needed by --help.
  const [{ ConfigError }, { DataDirectoryInUseError }, { DomainError }, { RemoteError }] = await Promise.all([
    import('../config.js'),
    import('../db/lock.js'),
    import('../domain/errors.js'),
    import('./remote.js'),
  ]);
  if (error instanceof DomainError) {
    process.stderr.write(`reclaim: ${error.message} (${error.code})\n`);
    process.exit(1);
  }
  if (
    error instanceof ConfigError ||
    error instanceof DataDirectoryInUseError ||
    error instanceof InvalidArgumentError ||
    error instanceof RemoteError
  ) {
    process.stderr.write(`reclaim: ${error.message}\n`);
    process.exit(2);
  }
  throw error;
}
