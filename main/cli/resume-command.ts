import type { NextAction } from '../../preload/contract/sign-de/runs';
import { UsageError } from './exit-codes';

/** A value as the technician can paste it into a shell: quoted when it holds anything but safe characters. */
export function shellWord(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

export interface ResumeTarget {
  runId: string;
  environment: 'sandbox' | 'test' | 'live';
  /** The --base-url the run talked to, when known (else a placeholder). */
  baseUrl?: string;
  /** The --data-dir the command was given, repeated so the resume finds the run. */
  dataDir?: string;
  /** The run's TSS, for the PUK recovery (else a placeholder). */
  tssId?: string;
}

/** The connection flags (and the data folder) a command about this run is given again. */
function flags(target: ResumeTarget, connection = true): string[] {
  const where = target.environment === 'sandbox' ? ['--sandbox'] : ['--base-url', target.baseUrl ? shellWord(target.baseUrl) : 'URL', ...(target.environment === 'live' ? ['--live'] : [])];
  return [...(connection ? where : []), ...(target.dataDir ? ['--data-dir', shellWord(target.dataDir)] : [])];
}

/** The exact command line that continues a run where it stopped. */
export function resumeCommand(target: ResumeTarget): string {
  return ['tss-companion', 'runs', 'resume', target.runId, ...flags(target)].join(' ');
}

/** The exact command line(s) of the way out a stopped run names (`next`): resume, repair, PUK recovery or abandon. */
export function wayOutCommand(next: NextAction | undefined, target: ResumeTarget): string {
  switch (next) {
    case 'repair':
      return `${resumeCommand(target)} --repair`;
    case 'abandon':
      return ['tss-companion', 'runs', 'abandon', target.runId, ...flags(target, false)].join(' ');
    case 'puk-recovery':
      return `${['tss-companion', 'recover', 'unblock', target.tssId ?? 'TSS_ID', ...flags(target)].join(' ')}, then ${resumeCommand(target)}`;
    default:
      return resumeCommand(target);
  }
}

/** A run continues only in its own environment: the connection given is refused, saying which flags it needs. */
export function refuseOtherEnvironment(run: { runId: string; environment: ResumeTarget['environment'] }, connected: ResumeTarget['environment']): void {
  if (connected === run.environment) return;
  const hint = run.environment === 'sandbox' ? 'add --sandbox' : run.environment === 'live' ? 'add --base-url URL --live with the LIVE key' : 'add --base-url URL with the TEST key';
  throw new UsageError(`Run ${run.runId} is for ${run.environment}, not ${connected}: ${hint}.`);
}
