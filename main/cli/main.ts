import { runCli } from './run-cli';

// The `tss-companion` bin: plain Node, no Electron. One Ctrl+C stops a run after its current step (the
// command then prints how to resume it); a second one quits at once, as does the first when no run executes.
//
// One listener that stays: with none left, signal-exit (under proper-lockfile) re-raises SIGINT and the process
// dies at once, before the run has stopped and said how to resume. when-exit (under conf) re-raises the first
// SIGINT at once too: only one that comes a moment later is the technician's second Ctrl+C.
const RE_RAISED_WITHIN_MS = 500;
const controller = new AbortController();
let runsExecuting = 0;
let firstAt = 0;
process.on('SIGINT', () => {
  if (controller.signal.aborted) {
    if (performance.now() - firstAt >= RE_RAISED_WITHIN_MS) process.exit(130);
    return;
  }
  // Nothing to stop cleanly (no run executing): Ctrl+C ends the command, as anywhere else.
  if (runsExecuting === 0) process.exit(130);
  firstAt = performance.now();
  process.stderr.write('stopping after the current step (Ctrl+C again to quit at once)…\n');
  controller.abort();
});
const code = await runCli(process.argv.slice(2), {
  env: process.env,
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  stdin: process.stdin,
  signal: controller.signal,
  running: async (work) => {
    runsExecuting++;
    try {
      return await work();
    } finally {
      runsExecuting--;
    }
  },
});
// `sandbox` only comes back when it could not start; running, it keeps the process alive.
process.exit(code);
