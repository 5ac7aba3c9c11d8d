import type { ProgressEvent, RunReport } from '../../preload/contract/sign-de/runs';
import { printable } from './arguments';

/** A run's progress as lines on stderr: each step's end, and the clients as they register. */
export function progressLines(err: (line: string) => void): (event: ProgressEvent) => void {
  return (e) => {
    if (e.status === 'running' && !e.detail) return;
    const detail = e.detail ? ` ${e.detail.done}/${e.detail.total}` : '';
    err(printable(`${e.storeName}: [${e.index}/${e.total}] ${e.step}${detail} ${e.status === 'running' ? '…' : e.status}`));
  };
}

type SummaryOf = Pick<RunReport, 'storeName' | 'status' | 'tssId' | 'tssSerialNumber' | 'clients'> & { receipt: { valid?: boolean } | null };

/** The one line a finished (or stopped) run ends with on stdout. */
export function summaryLine(r: SummaryOf): string {
  const receipt = r.receipt ? (r.receipt.valid ? 'valid' : 'INVALID') : 'not signed';
  return printable(`${r.storeName}: ${r.status}; TSS ${r.tssId} (serial ${r.tssSerialNumber}); ${r.clients.filter((c) => c.registered).length} clients; test receipt ${receipt}`);
}
