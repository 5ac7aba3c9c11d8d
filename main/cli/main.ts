import { runCli } from './run-cli';

// The `tss-companion` bin: plain Node, no Electron. One Ctrl+C stops a run after its current step (the
// command then prints how to resume it); a second one quits at once.
const controller = new AbortController();
process.once('SIGINT', () => {
  process.stderr.write('stopping after the current step (Ctrl+C again to quit at once)…\n');
  controller.abort();
  process.once('SIGINT', () => process.exit(130));
});
const code = await runCli(process.argv.slice(2), {
  env: process.env,
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  stdin: process.stdin,
  signal: controller.signal,
});
// `sandbox` only comes back when it could not start; running, it keeps the process alive.
process.exit(code);
