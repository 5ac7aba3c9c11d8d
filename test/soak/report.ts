import type { RunFindings } from './check-run';
import type { RunOutcome } from './drive-run';
import type { RunPlan } from './run-plan';

export interface RunResult {
  plan: RunPlan;
  outcome: RunOutcome;
  findings: RunFindings[];
  /** Whether its TSS was disabled after the check (false: it still counts toward the TEST limit). */
  retired?: boolean;
  /** The check could not be made (server down after every try): unproven, so it counts as a failure. */
  checkError?: string;
}

export interface Summary {
  seed: number;
  runs: number;
  completed: number;
  pukLost: number;
  pinLost: number;
  twins: number;
  stuck: number;
  /** Stuck runs refused a new TSS because leaked ones fill the TEST organization's five. */
  stuckAtLimit: number;
  otherProblems: number;
  uncheckable: number;
  /** TSS left enabled (the soak could not disable them): each takes one of the TEST organization's 5. */
  leaked: number;
  kills: number;
  timeouts: number;
  sandboxKills: number;
  faultChanges: number;
  tokenExpiries: number;
  cliProcesses: number;
  /** How the CLI processes split: new provisions, resumes, `runs` listings. */
  cliCommands: { new: number; resume: number; repair: number; runs: number };
  wallSeconds: number;
  /** CPU of the soak process itself (checks, vault unlocks, built-in sandboxes it starts to check). */
  soakCpuSeconds: number;
  runSeconds: { median: number; p90: number; max: number };
  cliProcessMs: { mean: number; max: number };
}

const quantile = (sorted: number[], q: number): number => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : 0);
const seconds = (ms: number) => Math.round(ms / 100) / 10;

export const hasTwins = (r: RunResult) => r.findings.some((f) => f.twinClients.length > 0 || f.tssCount > 1) || r.outcome.journals > 1;
export const pukLost = (r: RunResult) => r.findings.find((f) => f.pukLost)?.pukLost;
export const pinLost = (r: RunResult) => r.findings.find((f) => f.pinLost)?.pinLost;
export const otherProblems = (r: RunResult) => [
  ...new Set(r.findings.flatMap((f) => [...f.problems, ...(f.missingClients.length ? [`clients never registered: ${f.missingClients.join(', ')}`] : [])])),
];

export function summarize(
  results: RunResult[],
  extra: { seed: number; wallMs: number; sandboxKills: number; faultChanges: number; tokenExpiries: number },
): Summary {
  const durations = results.map((r) => r.outcome.ms).sort((a, b) => a - b);
  const processes = results.flatMap((r) => r.outcome.attempts.map((a) => a.ms));
  return {
    seed: extra.seed,
    runs: results.length,
    completed: results.filter((r) => r.outcome.done).length,
    pukLost: results.filter((r) => pukLost(r)).length,
    pinLost: results.filter((r) => pinLost(r)).length,
    twins: results.filter(hasTwins).length,
    stuck: results.filter((r) => !r.outcome.done).length,
    stuckAtLimit: results.filter((r) => !r.outcome.done && /E_TSS_LIMIT_REACHED|active TSS|at most \d+ TSS/.test(r.outcome.stuckReason ?? '')).length,
    otherProblems: results.filter((r) => otherProblems(r).length > 0).length,
    uncheckable: results.filter((r) => r.checkError).length,
    leaked: results.filter((r) => r.retired === false).length,
    kills: results.reduce((n, r) => n + r.outcome.kills, 0),
    timeouts: results.reduce((n, r) => n + r.outcome.timeouts, 0),
    sandboxKills: extra.sandboxKills,
    faultChanges: extra.faultChanges,
    tokenExpiries: extra.tokenExpiries,
    cliProcesses: processes.length,
    cliCommands: {
      new: results.reduce((n, r) => n + r.outcome.attempts.filter((a) => a.command === 'new').length, 0),
      resume: results.reduce((n, r) => n + r.outcome.attempts.filter((a) => a.command === 'resume').length, 0),
      repair: results.reduce((n, r) => n + r.outcome.attempts.filter((a) => a.command === 'repair').length, 0),
      runs: results.reduce((n, r) => n + r.outcome.attempts.filter((a) => a.command === 'runs').length, 0),
    },
    wallSeconds: seconds(extra.wallMs),
    soakCpuSeconds: seconds((process.cpuUsage().user + process.cpuUsage().system) / 1000),
    runSeconds: { median: seconds(quantile(durations, 0.5)), p90: seconds(quantile(durations, 0.9)), max: seconds(durations.at(-1) ?? 0) },
    cliProcessMs: { mean: processes.length ? Math.round(processes.reduce((a, b) => a + b, 0) / processes.length) : 0, max: Math.max(0, ...processes) },
  };
}

export const failed = (s: Summary): boolean => s.pukLost + s.pinLost + s.twins + s.stuck + s.otherProblems + s.uncheckable > 0 || s.completed !== s.runs;

/** One line per run as it ends: what happened and, when something is wrong, what. */
export function runLine(r: RunResult, total: number): string {
  const { plan, outcome } = r;
  const where = `${plan.target === 'builtin' ? 'built-in  ' : 'standalone'} data-${plan.folder}`;
  const attempts = outcome.attempts.filter((a) => a.command !== 'runs').length;
  const head = `[${String(plan.index + 1).padStart(String(total).length)}/${total}] ${plan.storeName.padEnd(16)} ${where}  ${outcome.done ? 'done ' : 'STUCK'} ${attempts} attempts, ${outcome.kills} killed, ${seconds(outcome.ms)} s`;
  const notes = [
    !outcome.done && `stuck: ${outcome.stuckReason}`,
    pukLost(r) && `PUK LOST: ${pukLost(r)}`,
    pinLost(r) && `PIN LOST: ${pinLost(r)}`,
    hasTwins(r) && `TWINS: ${[...r.findings.flatMap((f) => f.twinClients), ...r.findings.filter((f) => f.tssCount > 1).map((f) => `${f.tssCount} TSS`), ...(outcome.journals > 1 ? [`${outcome.journals} journals`] : [])].join(', ')}`,
    ...otherProblems(r),
    r.checkError && `not checked: ${r.checkError}`,
  ].filter(Boolean);
  return notes.length ? `${head}\n      ${notes.join('\n      ')}` : head;
}

export function summaryText(s: Summary, workDir: string, again: string): string {
  return [
    '',
    `soak (seed ${s.seed}): ${s.runs} runs, ${s.completed} completed`,
    `  PUKs lost ${s.pukLost}, PINs lost ${s.pinLost}, twins ${s.twins}, stuck ${s.stuck}${s.stuckAtLimit ? ` (${s.stuckAtLimit} of them at the TEST limit of 5 TSS)` : ''}, other problems ${s.otherProblems}, not checkable ${s.uncheckable}; TSS left enabled ${s.leaked}`,
    `  chaos: ${s.kills} CLI processes killed${s.timeouts ? ` (and ${s.timeouts} killed for hanging past the attempt timeout)` : ''}, sandbox killed ${s.sandboxKills}×, faults changed ${s.faultChanges}×, tokens expired ${s.tokenExpiries}×`,
    `  timings: wall ${s.wallSeconds} s (the soak's own CPU ${s.soakCpuSeconds} s); per run median ${s.runSeconds.median} s, p90 ${s.runSeconds.p90} s, max ${s.runSeconds.max} s; ${s.cliProcesses} CLI processes (${s.cliCommands.new} provision, ${s.cliCommands.resume} resume, ${s.cliCommands.repair} runs resume --repair, ${s.cliCommands.runs} runs), mean ${s.cliProcessMs.mean} ms, max ${s.cliProcessMs.max} ms`,
    `  data folders and sandbox log: ${workDir}`,
    `  again: ${again}`,
  ].join('\n');
}
