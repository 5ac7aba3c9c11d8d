import type { Readable } from 'node:stream';
import type { Services } from '../services';

/** What a command works with: the environment, its output lines, the data folder and its services. */
export interface CommandIo {
  env: NodeJS.ProcessEnv;
  dataDir: string;
  /** Whether --data-dir was given (a printed command line then repeats it). */
  dataDirGiven: boolean;
  out(line: string): void;
  err(line: string): void;
  /** Where `--plan -` is read from (the process's stdin). */
  stdin?: Readable;
  /** Ctrl+C: a run stops after its current step. */
  signal?: AbortSignal;
  /** Marks a run executing: Ctrl+C then stops it after its step (signal); otherwise the process ends at once. */
  running?<T>(work: () => Promise<T>): Promise<T>;
  /** The app's services on the data folder (createServices), made on first call, closed after the command. */
  services(): Services;
}
