import type { SandboxContext } from '../context';
import type { OrganizationRecord } from '../state';
import { type SandboxSeed, V1Options } from './options';
import { settleV1Export, triggerV1Export } from './routes/exports';
import { createV1Tss } from './routes/tss';
import { v1State } from './lookups';
import { type V1TransactionBody, upsertV1Transaction } from './transaction-upsert';

const DAY = 86_400;

/**
 * The "store on V1" (sign-de-v1-and-migration.md §8): fixed ids, so tests, the CLI and the migration can
 * name them. The store's TSS is INITIALIZED with three tills (KASSE_03 is invalid for V2: "_"), 50
 * FINISHED and 2 ACTIVE transactions (one at revision 3) and one completed export; a second TSS is
 * already DISABLED.
 */
export const V1_STORE_SEED = {
  tssId: '812487af-04f7-489d-9fdd-cfdfbd4e0019',
  description: 'Filiale 12',
  clients: [
    { id: 'a0e1c2d3-0001-4a5b-8c6d-7e8f90a1b201', serialNumber: 'KASSE-01' },
    { id: 'a0e1c2d3-0002-4a5b-8c6d-7e8f90a1b202', serialNumber: 'KASSE-02' },
    { id: 'a0e1c2d3-0003-4a5b-8c6d-7e8f90a1b203', serialNumber: 'KASSE_03' },
  ],
  finishedTransactions: 50,
  /** ACTIVE: the first at revision 1 (till 1), the second at revision 3 (till 3). */
  activeTransactions: [
    { id: 'b1f2e3d4-0001-4c5d-9e6f-708192a3b401', clientIndex: 0, revision: 1 },
    { id: 'b1f2e3d4-0002-4c5d-9e6f-708192a3b402', clientIndex: 2, revision: 3 },
  ],
  exportId: 'c2a3b4c5-0001-4d6e-8f70-8192a3b4c501',
  disabledTss: {
    tssId: '3f2d8c1a-6b7e-4d1f-9a2c-5e8b0d4f7a61',
    description: 'Filiale 7 (geschlossen)',
    client: { id: 'a0e1c2d3-0004-4a5b-8c6d-7e8f90a1b204', serialNumber: 'KASSE-07-01' },
    finishedTransactions: 3,
  },
} as const;

/** Adds the seed unless its store is there already; the first organization owns it. */
export async function applySeed(ctx: SandboxContext, seed: SandboxSeed): Promise<void> {
  if (seed !== 'v1-store') return;
  const v1 = v1State(ctx);
  if (v1.tss[V1_STORE_SEED.tssId] || v1.tss[V1_STORE_SEED.disabledTss.tssId]) return;
  const organization = ctx.state.organizations[0]!;
  const now = ctx.now();
  await seedStore(ctx, organization, now - 400 * DAY);
  await seedDisabledTss(ctx, organization, now - 700 * DAY);
  ctx.persist();
}

/** A context whose clock is moved by hand, so the seed's history lies in the past. */
function clockAt(ctx: SandboxContext, start: number): { ctx: SandboxContext; at(time: number): void } {
  let time = start;
  // Fault switches set at start must not hit the seed's own writes.
  const options = { ...ctx.options, v1: V1Options.parse({}) };
  return { ctx: { ...ctx, options, now: () => time }, at: (next) => (time = next) };
}

async function seedStore(base: SandboxContext, organization: OrganizationRecord, start: number): Promise<void> {
  const { ctx, at } = clockAt(base, start);
  const seed = V1_STORE_SEED;
  const tss = await createV1Tss(ctx, { organization, tokenId: 'seed' }, seed.tssId, { state: 'INITIALIZED', description: seed.description });
  const clients = seed.clients.map((c, i) => addClient(ctx, tss.id, organization, c, start + 60 + i));
  for (let i = 0; i < seed.finishedTransactions; i++) {
    const client = clients[i % clients.length]!;
    const time = start + DAY + i * 7 * DAY;
    at(time);
    const id = `d3c4b5a6-${String(i + 1).padStart(4, '0')}-4e7f-8091-a2b3c4d5e6f7`;
    upsertV1Transaction(ctx, tss, id, { state: 'ACTIVE', client_id: client }, 0);
    at(time + 12);
    upsertV1Transaction(ctx, tss, id, receipt('FINISHED', client, 'RECEIPT', (((i * 37) % 9000) + 150) / 100), 1);
  }
  at(start + 360 * DAY);
  triggerV1Export(ctx, { organization, tokenId: 'seed' }, { tss_id: tss.id, export_id: seed.exportId }, {});
  at(start + 360 * DAY + 5);
  settleV1Export(ctx, v1State(ctx).exports[seed.exportId]!);
  for (const [n, active] of seed.activeTransactions.entries()) {
    const client = clients[active.clientIndex]!;
    at(base.now() - 3600 + n * 60);
    upsertV1Transaction(ctx, tss, active.id, { state: 'ACTIVE', client_id: client }, 0);
    for (let revision = 1; revision < active.revision; revision++) {
      at(base.now() - 3600 + n * 60 + revision * 10);
      upsertV1Transaction(ctx, tss, active.id, { state: 'ACTIVE', client_id: client }, revision);
    }
  }
}

async function seedDisabledTss(base: SandboxContext, organization: OrganizationRecord, start: number): Promise<void> {
  const { ctx, at } = clockAt(base, start);
  const seed = V1_STORE_SEED.disabledTss;
  const tss = await createV1Tss(ctx, { organization, tokenId: 'seed' }, seed.tssId, { state: 'INITIALIZED', description: seed.description });
  const client = addClient(ctx, tss.id, organization, seed.client, start + 60);
  for (let i = 0; i < seed.finishedTransactions; i++) {
    const id = `e4d5c6b7-${String(i + 1).padStart(4, '0')}-4f80-9102-b3c4d5e6f708`;
    at(start + DAY + i * DAY);
    upsertV1Transaction(ctx, tss, id, { state: 'ACTIVE', client_id: client }, 0);
    at(start + DAY + i * DAY + 9);
    upsertV1Transaction(ctx, tss, id, receipt('FINISHED', client, 'RECEIPT', 9.9 + i), 1);
  }
  at(start + 200 * DAY);
  tss.state = 'DISABLED';
  tss.timeDisable = start + 200 * DAY;
}

function addClient(ctx: SandboxContext, tssId: string, organization: OrganizationRecord, client: { id: string; serialNumber: string }, time: number): string {
  v1State(ctx).clients[client.id] = {
    id: client.id,
    tssId,
    organizationId: organization.id,
    env: organization.env,
    serialNumber: client.serialNumber,
    timeCreation: time,
    timeUpdate: time,
  };
  return client.id;
}

function receipt(state: V1TransactionBody['state'], clientId: string, receiptType: string, euros: number): V1TransactionBody {
  const amount = euros.toFixed(2);
  return {
    state,
    client_id: clientId,
    schema: {
      standard_v1: {
        receipt: {
          receipt_type: receiptType,
          amounts_per_vat_rate: [{ vat_rate: 'NORMAL', amount }],
          amounts_per_payment_type: [{ payment_type: 'CASH', amount, currency_code: 'EUR' }],
        },
      },
    },
  };
}
