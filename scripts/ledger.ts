/**
 * `npm run ledger -- <command>`: see scripts/ledger/main.ts (`npm run ledger -- --help`).
 */
import { main } from './ledger/main';

// `npm run ledger -- … | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') {
    process.exit(0);
  }
  throw error;
});

process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
