import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SandboxState } from './state';

/** Reads a state file; a missing file is a fresh start, a damaged one an error (never silently emptied). */
export function readStateFile(file: string): SandboxState | null {
  if (!existsSync(file)) return null;
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as SandboxState;
  if (parsed?.version !== 1) throw new Error(`${file} is not a TSS Companion sandbox state file (version 1)`);
  return parsed;
}

/** Temp file, fsync, rename: a crash leaves the old file or the new one, never half of one. */
export function writeStateFile(file: string, state: SandboxState): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, JSON.stringify(state));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
}
