import { randomUUID } from 'node:crypto';
import { AppError } from '../../../../../main/core/errors';
import { RunEngine } from '../../../../../main/core/runs/run-engine';
import type { RunFlow, StepContext, StepExecutor } from '../../../../../main/core/runs/run-flow';
import type { RunJournal } from '../../../../../main/core/runs/run-journal';
import type { CommonNextAction, RunRecord } from '../../../../../main/core/runs/run-record';

/**
 * A tiny flow for the engine alone: reserve a parcel at a fake shop (with an id chosen before the request),
 * pack its items one by one, confirm it. The shop keeps what it was asked, as a server would.
 */
export type FakeStep = 'reserve' | 'pack' | 'confirm';

export interface FakeRecord extends RunRecord<FakeStep, CommonNextAction> {
  parcelId: string;
  items: Array<{ name: string; packed: boolean }>;
  confirmation?: string;
}

export class FakeShop {
  /** Every reservation request, by parcel id, in order. */
  readonly reservations: string[] = [];
  readonly packed = new Set<string>();
  readonly confirmed = new Set<string>();
  /** What each step's run was asked to do, in order (a skipped step is not here). */
  readonly calls: FakeStep[] = [];

  parcels(): Set<string> {
    return new Set(this.reservations);
  }
}

/** A step's failure as the fake flow words it: a crash keeps its message, and the way out is always a resume. */
export class ParcelError extends AppError {
  readonly next = 'resume' as const;
}

export const fakeFlow: RunFlow<FakeRecord> = {
  kind: 'test/parcel',
  steps: () => ['reserve', 'pack', 'confirm'],
  failure: (error) => (error instanceof ParcelError ? error : new ParcelError('E_PARCEL', error instanceof Error ? error.message : String(error))),
};

export const fakeEngine = new RunEngine(fakeFlow);

export const newParcel = (dataDir: string, items = ['cup', 'plate', 'bowl']) =>
  fakeEngine.create(dataDir, { parcelId: randomUUID(), items: items.map((name) => ({ name, packed: false })) });

export class FakeSteps implements StepExecutor<FakeRecord> {
  constructor(
    private readonly journal: RunJournal<FakeRecord>,
    private readonly shop: FakeShop,
    /** Called before each item is packed (a test cancels here). */
    private readonly beforeItem: (name: string) => void = () => {},
  ) {}

  async run(step: FakeStep, context: StepContext) {
    this.shop.calls.push(step);
    const { parcelId } = this.journal.data;
    switch (step) {
      case 'reserve':
        this.shop.reservations.push(parcelId);
        await context.failpoint('after-request:reserve');
        return;
      case 'pack': {
        const items = this.journal.data.items;
        for (const item of items.filter((i) => !i.packed)) {
          this.beforeItem(item.name);
          context.throwIfCancelled();
          this.shop.packed.add(`${parcelId}/${item.name}`);
          await this.journal.update(() => void (item.packed = true));
          context.progress({ done: items.filter((i) => i.packed).length, total: items.length });
        }
        return;
      }
      case 'confirm':
        this.shop.confirmed.add(parcelId);
        return (d: FakeRecord) => void (d.confirmation = `C-${parcelId.slice(0, 8)}`);
    }
  }
}
