import { runSandboxCli } from './cli';

/** After a stop signal, how long closing may take before the process leaves anyway (every answer sent is saved already). */
const CLOSE_DEADLINE_MS = 5_000;

// `npm run sandbox`: the standalone sandbox until Ctrl+C or SIGTERM. Hung requests, latency and deploy
// delays are cut short; changes no answer confirmed yet are saved if the disk allows within the deadline.
try {
  const sandbox = await runSandboxCli(process.argv.slice(2));
  let stopping = false;
  const stop = () => {
    if (stopping) process.exit(1);
    stopping = true;
    setTimeout(() => process.exit(1), CLOSE_DEADLINE_MS).unref();
    void sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`sandbox: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error(`sandbox: ${(error as Error).message}`);
  process.exit(2);
}
