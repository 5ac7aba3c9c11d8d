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
}

/** The exact command line that continues a run where it stopped. */
export function resumeCommand(target: ResumeTarget): string {
  const where = target.environment === 'sandbox' ? ['--sandbox'] : ['--base-url', target.baseUrl ? shellWord(target.baseUrl) : 'URL', ...(target.environment === 'live' ? ['--live'] : [])];
  const dataDir = target.dataDir ? ['--data-dir', shellWord(target.dataDir)] : [];
  return ['tss-companion', 'runs', 'resume', target.runId, ...where, ...dataDir].join(' ');
}
