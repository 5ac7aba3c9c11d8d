import { AppError } from '../errors';
import type { CommonNextAction } from './run-record';

/** The run was cancelled (by the technician, or because another process took the run over); it resumes where it stopped. */
export class RunCancelled extends AppError {
  readonly next: CommonNextAction = 'resume';

  constructor(readonly step: string) {
    super('E_RUN_CANCELLED', `The run was stopped before "${step}". Resume it from Home to continue where it stopped.`);
    this.name = 'RunCancelled';
  }
}

/** How a flow words the engine's refusals that name what the run was for; the codes stay the engine's. */
export interface RefusalWords {
  /** E_RUN_ABANDONED: a resume of an abandoned run. */
  abandoned: string;
  /** E_RUN_NOT_FOUND: no journal of this flow with that id. */
  notFound: string;
}

export const DEFAULT_REFUSALS: RefusalWords = {
  abandoned: 'This run was abandoned and is not continued. Start a new run.',
  notFound: 'This run is not on this laptop.',
};

export const runAbandoned = (words: RefusalWords) => new AppError('E_RUN_ABANDONED', words.abandoned);
export const runNotFound = (words: RefusalWords) => new AppError('E_RUN_NOT_FOUND', words.notFound);
export const nothingToResume = () => new AppError('E_RUN_DONE', 'This run is finished already; nothing to resume.');
export const nothingToAbandon = () => new AppError('E_RUN_DONE', 'This run is finished; there is nothing to abandon.');
