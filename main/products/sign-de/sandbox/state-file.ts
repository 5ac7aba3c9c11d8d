import { existsSync, readFileSync } from 'node:fs';
import type { SandboxState } from './state';

/**
 * Reads a state file; a missing file is a fresh start, a damaged one an error (never silently emptied).
 * Writes go through StateWriter (group commit, fsync before any answer).
 */
export function readStateFile(file: string): SandboxState | null {
  if (!existsSync(file)) return null;
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as SandboxState;
  if (parsed?.version !== 1) throw new Error(`${file} is not a TSS Companion sandbox state file (version 1)`);
  return parsed;
}
