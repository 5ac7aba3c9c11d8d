import { writeFileAtomic } from '../../../core/durable/atomic-file';

/**
 * Group commit of the sandbox state: every change bumps a generation; an answer waits until a write that
 * began after its change has reached the disk (temp file, fsync, rename, fsync of the folder). Changes
 * made while a write is under way share the next one, so 16 tills cost one write per round, not 16.
 */
export class StateWriter {
  private changed = 0;
  private written = 0;
  private inFlight: Promise<void> | null = null;
  /** Set when the sandbox may no longer write (its lock on the state file was lost): every wait fails. */
  private refused: Error | null = null;

  constructor(
    private readonly file: string,
    /** The whole state as the file holds it; called synchronously at the start of each write. */
    private readonly snapshot: () => string,
    /** Throws unless this process still owns the file; checked before and after each write. */
    private readonly assertOwner: () => Promise<void> = async () => {},
  ) {}

  /** Call after every change to the state. */
  markChanged(): void {
    this.changed++;
  }

  /** True while some change is not on the disk yet. */
  get pending(): boolean {
    return this.changed > this.written;
  }

  refuse(reason: Error): void {
    this.refused = reason;
  }

  /** Resolves once every change made so far is on the disk; rejects when the write carrying them failed. */
  async durable(): Promise<void> {
    const target = this.changed;
    if (this.refused) throw this.refused;
    if (this.written >= target) return;
    // A write under way may have taken its snapshot before this change: let it finish, then write again.
    if (this.inFlight) await this.inFlight.catch(() => {});
    if (this.refused) throw this.refused;
    if (this.written >= target) return;
    this.inFlight ??= this.write().finally(() => (this.inFlight = null));
    await this.inFlight;
  }

  private async write(): Promise<void> {
    const generation = this.changed;
    const data = this.snapshot();
    await this.assertOwner();
    await writeFileAtomic(this.file, data);
    // Confirmed only if no other process took over while the write was under way.
    await this.assertOwner();
    this.written = Math.max(this.written, generation);
  }
}
