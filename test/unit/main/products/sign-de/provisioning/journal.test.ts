import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Journal, journalDir } from '../../../../../../main/products/sign-de/provisioning/journal';
import { parseStorePlan } from '../../../../../../main/products/sign-de/provisioning/store-plan';
import { makeTempDir } from '../../../../../support/temp-dir';

const plan = parseStorePlan({ storeName: 'Filiale Kiel', environment: 'sandbox', clients: [{ serialNumber: 'KASSE-1' }, { serialNumber: 'KASSE-2' }] });

/** A journal as the versions before the run engine wrote it (a run that crashed after storing the PUK). */
const BEFORE_KINDS = join(__dirname, '../../../../../fixtures/runs/sign-de-provisioning-before-kinds.json');
const BEFORE_KINDS_ID = '171048b7-3139-4589-801d-d3d03b84965c';

describe('the provisioning journal', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => dir.remove());

  it('chooses every id before the first request, and keeps the plan without the technician’s PIN', async () => {
    const journal = await Journal.create(dir.path, { ...plan, adminPin: '24681357' });
    const onDisk = readFileSync(join(journalDir(dir.path), `${journal.data.runId}.json`), 'utf8');
    expect(JSON.parse(onDisk)).toMatchObject({
      v: 1,
      kind: 'sign-de/provisioning',
      status: 'running',
      done: [],
      tssId: journal.data.tssId,
      clients: [
        { serialNumber: 'KASSE-1', clientId: journal.data.clients[0]!.clientId, registered: false },
        { serialNumber: 'KASSE-2', clientId: journal.data.clients[1]!.clientId, registered: false },
      ],
      receipt: { txId: journal.data.receipt!.txId },
      plan: { storeName: 'Filiale Kiel' },
    });
    expect(new Set([journal.data.tssId, ...journal.data.clients.map((c) => c.clientId), journal.data.receipt!.txId]).size).toBe(4);
    expect(onDisk).not.toContain('24681357');
  });

  it('keeps the master data and every till’s details, as planned, through a reload', async () => {
    const masterData = {
      taxpayer: { legalName: 'Kieler Kaffee GmbH', taxNumber: '1529012345', bundesland: 'SH' as const, vatId: 'DE123456789' },
      establishment: { designation: 'Filiale Kiel', street: 'Holstenstraße', houseNumber: '1', houseNumberSuffix: 'a', postcode: '24103', town: 'Kiel' },
    };
    const till = { kind: '2' as const, software: 'Kasse', softwareVersion: '1.0', manufacturer: 'Apfel', model: 'Tablet', acquisitionDate: '2026-01-02', commissioningDate: '2026-01-05' };
    const live = parseStorePlan({ storeName: 'Filiale Kiel', environment: 'live', masterData, clients: [{ ...till, serialNumber: 'K-1' }, { serialNumber: 'K-2' }] });
    const journal = await Journal.create(dir.path, { ...live, adminPin: '24681357' });
    const reloaded = await Journal.load(dir.path, journal.data.runId);
    const { adminPin: _pin, ...planned } = { ...live, adminPin: '' };
    expect(reloaded.data.plan).toEqual(planned);
    expect(reloaded.data.plan.masterData).toEqual(masterData);
    expect(reloaded.data.plan.clients[0]).toEqual({ ...till, serialNumber: 'K-1' });
  });

  it('reads and lists a journal an older version wrote (no kind), as it is', async () => {
    mkdirSync(journalDir(dir.path), { recursive: true });
    copyFileSync(BEFORE_KINDS, join(journalDir(dir.path), `${BEFORE_KINDS_ID}.json`));
    const journal = await Journal.load(dir.path, BEFORE_KINDS_ID);
    expect(journal.data).toMatchObject({ status: 'failed', done: ['auth', 'create-tss', 'store-puk'], error: { step: 'store-puk', next: 'resume' } });
    expect((await Journal.list(dir.path)).map((r) => r.runId)).toEqual([BEFORE_KINDS_ID]);
  });

  it('reads an older journal’s "fix-plan" advice as resume, the action that exists', async () => {
    const journal = await Journal.create(dir.path, plan);
    await journal.update((d) => void (d.error = { code: 'E_WRONG_ENVIRONMENT', message: 'x', step: 'auth', next: 'fix-plan' as never }));
    expect((await Journal.load(dir.path, journal.data.runId)).data.error?.next).toBe('resume');
  });
});
