import { runSandboxCli } from './cli';

// `npm run sandbox`: the standalone sandbox until Ctrl+C, which writes the state file before leaving.
try {
  const sandbox = await runSandboxCli(process.argv.slice(2));
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(`sandbox: ${(error as Error).message}`);
  process.exit(2);
}
