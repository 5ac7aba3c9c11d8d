import { randomUUID } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FiskalyClient } from '../../../../../main/products/sign-de/api/client';
import type { SandboxOptionsInput } from '../../../../../main/products/sign-de/sandbox/options';
import { DEFAULT_ORGANIZATION } from '../../../../../main/products/sign-de/sandbox/organizations';
import { readExportTar } from '../../../../../main/products/sign-de/tse';
import { ExportJournal } from '../../../../../main/products/sign-de/store/export-journal';
import type { ExportProgress } from '../../../../../preload/contract/sign-de/tss';
import { type ExportEngineOptions, TssExports } from '../../../../../main/products/sign-de/store/tss-exports';
import { startSandbox } from '../../../../support/sandbox-api';
import { makeTempDir } from '../../../../support/temp-dir';

const START = Date.UTC(2026, 0, 5, 9);

interface Sent {
  method: string;
  path: string;
  outcome: number | 'network';
  /** The engine's clock when the answer came. */
  at: number;
}

/**
 * The real export engine and client against the real sandbox over HTTP. One clock for the engine that its
 * sleep advances (so an hour of polling takes no hour), and the sandbox's clock derived from it: frozen, or
 * running `pace` times slower, which makes a 1 s sandbox export a slow one.
 */
async function setUp(options: { pace?: number; sandbox?: SandboxOptionsInput; sandboxAheadMs?: number } = {}) {
  const dir = makeTempDir();
  let clock = START;
  let frozenAt: number | null = null;
  const pace = options.pace ?? 1;
  const sandboxNow = () => (frozenAt ?? START + (options.sandboxAheadMs ?? 0) + (clock - START) / pace);
  const { sandbox, api } = await startSandbox(options.sandbox ?? {}, { now: () => sandboxNow() });
  await api.login();
  const { tssId } = await api.initializedTss('123456');
  const sent: Sent[] = [];
  const onSend: Array<(s: Sent) => void> = [];
  const client = new FiskalyClient({
    baseUrl: sandbox.url,
    credentials: { apiKey: DEFAULT_ORGANIZATION.apiKey, apiSecret: DEFAULT_ORGANIZATION.apiSecret },
    now: () => Math.floor(sandboxNow() / 1000),
    retry: { attempts: 8, baseDelayMs: 5, maxDelayMs: 40 },
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, 20))),
    onAttempt: (call, _attempt, outcome) => {
      const entry = { method: call.method, path: call.path.split('?')[0]!, outcome, at: clock };
      sent.push(entry);
      for (const listener of onSend) listener(entry);
    },
  });
  const progress: ExportProgress[] = [];
  const sleepHooks: Array<() => Promise<void>> = [];
  const engine = (extra: ExportEngineOptions = {}) =>
    new TssExports(dir.path, async () => ({ client, storeName: 'Filiale Köln' }), {
      now: () => clock,
      sleep: async (ms) => {
        clock += ms;
        for (const hook of sleepHooks) await hook();
        await new Promise((resolve) => setImmediate(resolve));
      },
      onProgress: (p) => progress.push(p),
      ...extra,
    });
  const exportsAtSandbox = async () => {
    const list = await api.request<{ data: Array<{ _id: string; state: string }> }>('GET', `/tss/${tssId}/export`);
    return list.body.data;
  };
  return {
    dir,
    sandbox,
    api,
    tssId,
    client,
    sent,
    onSend,
    progress,
    sleepHooks,
    engine,
    exportsAtSandbox,
    journal: new ExportJournal(dir.path),
    clock: () => clock,
    freeze: () => (frozenAt = sandboxNow()),
    thaw: (advanceMs = 60_000) => {
      // The sandbox's clock jumps on by `advanceMs` from where it stood, and runs with the engine's again.
      const at = (frozenAt ?? sandboxNow()) + advanceMs;
      frozenAt = null;
      clock = START + (at - START) * pace;
    },
    async close() {
      await client.close();
      await sandbox.close();
      dir.remove();
    },
  };
}

type Setup = Awaited<ReturnType<typeof setUp>>;

const polls = (sent: Sent[], exportId: string) => sent.filter((s) => s.method === 'GET' && s.path.endsWith(`/export/${exportId}`));
const triggers = (sent: Sent[]) => sent.filter((s) => s.method === 'PUT' && s.path.includes('/export/'));

/** No two requests about one export closer than 5 s, and never more than 12 in any minute (status and file together). */
function expectPolite(sent: Sent[], exportId: string) {
  const about = sent.filter((s) => s.method === 'GET' && s.path.includes(`/export/${exportId}`)).map((s) => s.at);
  const polled = polls(sent, exportId).map((s) => s.at);
  for (let i = 1; i < polled.length; i++) expect(polled[i]! - polled[i - 1]!).toBeGreaterThanOrEqual(5_000);
  for (const at of about) expect(about.filter((t) => t >= at && t < at + 60_000).length).toBeLessThanOrEqual(12);
}

describe('TAR exports, journaled and resumable, against the sandbox', () => {
  let t: Setup;
  afterEach(() => t?.close());

  it('writes the export id to the journal before the trigger, polls no faster than every 5 s and saves the TAR owner-only', async () => {
    t = await setUp({ pace: 20 });
    const journalAtTrigger: Array<{ exportId: string; triggered: boolean } | null> = [];
    t.onSend.push((s) => {
      if (s.method !== 'PUT') return;
      try {
        journalAtTrigger.push(JSON.parse(readFileSync(t.journal.fileOf(t.tssId), 'utf8')));
      } catch {
        journalAtTrigger.push(null);
      }
    });
    const saved = await t.engine().exportTar(t.tssId);

    const [trigger] = triggers(t.sent);
    const exportId = trigger!.path.split('/').at(-1)!;
    expect(journalAtTrigger).toEqual([expect.objectContaining({ exportId, triggered: false, state: 'pending' })]);
    // 1 s at the sandbox is 20 s here: several polls, each at least 5 s after the one before.
    expect(polls(t.sent, exportId).length).toBeGreaterThanOrEqual(3);
    expectPolite(t.sent, exportId);

    expect(saved.path).toMatch(/exports\/Filiale-Köln-[0-9a-f]{8}-2026-01-05\.tar$/);
    expect(statSync(saved.path).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(saved.path)).mode & 0o777).toBe(0o700);
    expect(statSync(dirname(t.journal.fileOf(t.tssId))).mode & 0o777).toBe(0o700);
    const entries = await readExportTar(readFileSync(saved.path));
    expect(entries.some((e) => e.name.endsWith('.log'))).toBe(true);
    expect(await t.journal.read(t.tssId)).toMatchObject({ exportId, state: 'saved', triggered: true, file: { path: saved.path, bytes: saved.bytes } });
    expect(t.progress.map((p) => p.phase)).toEqual(['triggering', ...t.progress.slice(1, -2).map(() => 'waiting'), 'downloading', 'saved']);
    expect(t.progress.at(-1)).toMatchObject({ exportId, phase: 'saved', fiskalyState: 'COMPLETED', file: saved });
    expect(t.progress.at(-1)!.elapsedMs).toBeGreaterThanOrEqual(20_000);
    expect(await t.exportsAtSandbox()).toHaveLength(1);
  });

  it('after a crash between writing the id and sending the trigger, the next export sends it with that id, once', async () => {
    t = await setUp();
    const exportId = randomUUID();
    await t.journal.update(t.tssId, () => ({ version: 1, tssId: t.tssId, exportId, state: 'pending', triggered: false, requestedAt: START, estimatedCompletionAt: null }));
    await t.engine().exportTar(t.tssId);
    expect(triggers(t.sent).map((s) => s.path)).toEqual([`/tss/${t.tssId}/export/${exportId}`]);
    expect((await t.exportsAtSandbox()).map((e) => e._id)).toEqual([exportId]);
  });

  it('after a crash between the trigger and its answer, sending the trigger again finds the same export', async () => {
    t = await setUp();
    const exportId = randomUUID();
    await t.journal.update(t.tssId, () => ({ version: 1, tssId: t.tssId, exportId, state: 'pending', triggered: false, requestedAt: START, estimatedCompletionAt: null }));
    expect((await t.api.request('PUT', `/tss/${t.tssId}/export/${exportId}`, {})).status).toBe(200);
    const saved = await t.engine().exportTar(t.tssId);
    expect(saved.bytes).toBeGreaterThan(0);
    // The sandbox answers the repeated trigger with the export it has (fiskaly may say E_DUPLICATE_EXPORT: handled too).
    expect(triggers(t.sent).map((s) => [s.path, s.outcome])).toEqual([[`/tss/${t.tssId}/export/${exportId}`, 200]]);
    expect((await t.exportsAtSandbox()).map((e) => e._id)).toEqual([exportId]);
    expect(await t.journal.read(t.tssId)).toMatchObject({ exportId, state: 'saved' });
  });

  it('waits with progress for up to an hour, then keeps the export pending; after a restart it is resumed, not triggered again', async () => {
    t = await setUp();
    t.freeze();
    const error = await t.engine().exportTar(t.tssId).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'E_EXPORT_SLOW' });
    const [trigger] = triggers(t.sent);
    const exportId = trigger!.path.split('/').at(-1)!;
    expectPolite(t.sent, exportId);
    const waiting = t.progress.filter((p) => p.phase === 'waiting');
    expect(waiting.at(-1)!.elapsedMs).toBeGreaterThanOrEqual(3_600_000);
    for (let i = 1; i < waiting.length; i++) expect(waiting[i]!.elapsedMs - waiting[i - 1]!.elapsedMs).toBeLessThanOrEqual(6_000);
    expect(waiting.every((p) => p.exportId === exportId && p.fiskalyState === 'PENDING')).toBe(true);

    // The app restarts: a new engine on the same data folder shows the export as pending and resumes it.
    const restarted = t.engine();
    expect(await restarted.status(t.tssId)).toMatchObject({ exportId, phase: 'pending', requestedAt: START });
    t.thaw();
    const saved = await restarted.exportTar(t.tssId);
    expect(triggers(t.sent)).toHaveLength(1);
    expect((await t.exportsAtSandbox()).map((e) => e._id)).toEqual([exportId]);
    expect(await restarted.status(t.tssId)).toMatchObject({ exportId, phase: 'saved', file: saved });
  });

  it('never triggers twice when the same TSS is exported twice at once, in one process or in two', async () => {
    t = await setUp({ pace: 10 });
    const one = t.engine();
    const other = t.engine();
    const results = await Promise.all([one.exportTar(t.tssId), one.exportTar(t.tssId), other.exportTar(t.tssId)]);
    expect(new Set(results.map((r) => r.path)).size).toBe(1);
    expect(await t.exportsAtSandbox()).toHaveLength(1);
    // The second process found the journaled export and waited for it instead of triggering its own.
    expect(new Set(triggers(t.sent).map((s) => s.path)).size).toBe(1);
  });

  it('waits for an identical export fiskaly is already making when the journal has lost it', async () => {
    t = await setUp({ pace: 10 });
    const lost = randomUUID();
    expect((await t.api.request('PUT', `/tss/${t.tssId}/export/${lost}`, {})).status).toBe(200);
    await t.engine().exportTar(t.tssId);
    const refused = triggers(t.sent).find((s) => s.outcome === 409);
    expect(refused).toBeDefined();
    expect((await t.exportsAtSandbox()).map((e) => e._id)).toEqual([lost]);
    expect(await t.journal.read(t.tssId)).toMatchObject({ exportId: lost, state: 'saved' });
  });

  it('marks an export fiskaly gave up as failed, and the next export starts a new one', async () => {
    t = await setUp();
    t.freeze();
    let cancelled = false;
    t.sleepHooks.push(async () => {
      const [trigger] = triggers(t.sent);
      if (cancelled || !trigger || t.clock() < START + 30_000) return;
      cancelled = true;
      expect((await t.api.request('DELETE', trigger.path)).status).toBe(200);
    });
    const error = await t.engine().exportTar(t.tssId).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'E_EXPORT_FAILED' });
    expect((error as Error).message).toMatch(/CANCELLED/);
    const failedId = triggers(t.sent)[0]!.path.split('/').at(-1)!;
    expect(await t.journal.read(t.tssId)).toMatchObject({ exportId: failedId, state: 'failed', failure: 'CANCELLED' });
    expect(t.progress.at(-1)).toMatchObject({ phase: 'failed', failure: 'CANCELLED' });

    t.thaw();
    await t.engine().exportTar(t.tssId);
    const second = await t.journal.read(t.tssId);
    expect(second).toMatchObject({ state: 'saved' });
    expect(second!.exportId).not.toBe(failedId);
  });

  it('keeps a damaged journal aside, removes what a crashed writer left, and starts afresh', async () => {
    t = await setUp();
    const { writeFileSync, mkdirSync, readdirSync } = await import('node:fs');
    const file = t.journal.fileOf(t.tssId);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, '{"version":1,"exportId":');
    // A writer (pid 2^22 + 1, beyond any real pid) died between its temp file and the rename.
    const orphan = `${file}.4194305.0a1b2c.tmp`;
    writeFileSync(orphan, '{}');
    expect(await t.engine().status(t.tssId)).toBeNull();
    await t.engine().exportTar(t.tssId);
    expect(await t.journal.read(t.tssId)).toMatchObject({ state: 'saved' });
    expect(readdirSync(dirname(file)).some((name) => name.includes('.damaged-'))).toBe(true);
    expect(readdirSync(dirname(file)).some((name) => name.endsWith('.tmp'))).toBe(false);
  });

  it('waits for fiskaly’s estimated completion before it asks again, then polls at most every 5 s', async () => {
    t = await setUp({ sandbox: { exportDuration: { baseMs: 120_000, perLogMs: 0 } } });
    const saved = await t.engine().exportTar(t.tssId);
    const exportId = triggers(t.sent)[0]!.path.split('/').at(-1)!;
    const estimate = START + 120_000;
    expect(t.progress.find((p) => p.phase === 'waiting')).toMatchObject({ estimatedCompletionAt: estimate, fiskalyState: 'PENDING' });
    // Nothing is asked before the estimate: one look when it is due, then the file.
    expect(polls(t.sent, exportId).map((s) => s.at)).toEqual([estimate]);
    expectPolite(t.sent, exportId);
    expect(saved.bytes).toBeGreaterThan(0);
  });

  it('a slow export (two hours) is waited for with progress, resumed after a restart at its estimate, and saved once', async () => {
    t = await setUp({ sandbox: { exportDuration: { baseMs: 2 * 3_600_000, perLogMs: 0 } } });
    expect(await t.engine().exportTar(t.tssId).catch((e: unknown) => e)).toMatchObject({ code: 'E_EXPORT_SLOW' });
    const waiting = t.progress.filter((p) => p.phase === 'waiting');
    expect(waiting.length).toBeGreaterThanOrEqual(600);
    expect(waiting.at(-1)!.elapsedMs).toBeGreaterThanOrEqual(3_600_000);
    const restarted = t.engine();
    expect(await restarted.status(t.tssId)).toMatchObject({ phase: 'pending', estimatedCompletionAt: START + 7_200_000 });
    await restarted.exportTar(t.tssId);
    const exportId = triggers(t.sent)[0]!.path.split('/').at(-1)!;
    expect(triggers(t.sent)).toHaveLength(1);
    expectPolite(t.sent, exportId);
    expect(t.clock()).toBeGreaterThanOrEqual(START + 7_200_000);
    expect(await restarted.status(t.tssId)).toMatchObject({ exportId, phase: 'saved' });
  });

  it('honours a 429 and its Retry-After from the per-export request limit', async () => {
    t = await setUp({ sandbox: { exportDuration: { baseMs: 30_000, perLogMs: 0 }, limits: { exportPollsPerMinute: 1 } } });
    const saved = await t.engine().exportTar(t.tssId);
    const exportId = triggers(t.sent)[0]!.path.split('/').at(-1)!;
    const about = t.sent.filter((s) => s.path.includes(`/export/${exportId}`) && s.method === 'GET');
    const refused = about.findIndex((s) => s.outcome === 429);
    expect(refused).toBeGreaterThan(-1);
    // The next request waits out Retry-After (the minute since the counted one), not just the poll interval,
    // and asks for the file again rather than spend the budget on the status it knows.
    expect(about[refused + 1]!.at - about[refused]!.at).toBeGreaterThanOrEqual(55_000);
    expect(about[refused + 1]).toMatchObject({ path: `/tss/${t.tssId}/export/${exportId}/file`, outcome: 200 });
    expect(about.filter((s) => s.outcome === 429)).toHaveLength(1);
    expect(saved.bytes).toBeGreaterThan(0);
  });

  it('sends the trigger again after 444 (a request on the export still pending), and still makes one export', async () => {
    t = await setUp();
    await t.api.control('PUT', '/faults', { seed: 4, pendingRate: 0.6, pathPrefix: `/api/v2/tss/${t.tssId}/export` });
    await t.engine().exportTar(t.tssId);
    expect(t.sent.filter((s) => s.outcome === 444).length).toBeGreaterThan(0);
    await t.api.control('PUT', '/faults', {});
    expect(await t.exportsAtSandbox()).toHaveLength(1);
  });

  it('takes fiskaly’s E_DUPLICATE_EXPORT for a repeated trigger as "it is there already" and waits for that export', async () => {
    t = await setUp();
    const exportId = randomUUID();
    // Triggered before the crash with other parameters, so the sandbox refuses the repeat as the real API may.
    expect((await t.api.request('PUT', `/tss/${t.tssId}/export/${exportId}?maximum_number_records=1000`, {})).status).toBe(200);
    await t.journal.update(t.tssId, () => ({ version: 1, tssId: t.tssId, exportId, state: 'pending', triggered: false, requestedAt: START, estimatedCompletionAt: null }));
    const saved = await t.engine().exportTar(t.tssId);
    expect(triggers(t.sent).map((s) => s.outcome)).toEqual([400]);
    expect(saved.bytes).toBeGreaterThan(0);
    expect((await t.exportsAtSandbox()).map((e) => e._id)).toEqual([exportId]);
  });

  it('ends its wait when the app closes, and leaves the export pending for the next one', async () => {
    t = await setUp();
    t.freeze();
    const engine = t.engine();
    t.sleepHooks.push(async () => {
      if (t.clock() > START + 20_000) engine.stop();
    });
    expect(await engine.exportTar(t.tssId).catch((e: unknown) => e)).toMatchObject({ code: 'E_EXPORT_INTERRUPTED' });
    expect(t.clock()).toBeLessThan(START + 40_000);
    expect(await t.journal.read(t.tssId)).toMatchObject({ state: 'pending', triggered: true });
    expect(await engine.exportTar(t.tssId).catch((e: unknown) => e)).toMatchObject({ code: 'E_EXPORT_INTERRUPTED' });
  });

  it('reads fiskaly’s estimate as time after the request, so a laptop clock two hours behind does not stall the export', async () => {
    t = await setUp({ sandboxAheadMs: 2 * 3_600_000, sandbox: { exportDuration: { baseMs: 120_000, perLogMs: 0 } } });
    await t.engine().exportTar(t.tssId);
    const exportId = triggers(t.sent)[0]!.path.split('/').at(-1)!;
    expect(polls(t.sent, exportId).map((s) => s.at)).toEqual([START + 120_000]);
    expect(t.progress.find((p) => p.phase === 'waiting')?.estimatedCompletionAt).toBe(START + 120_000);
  });

  it('marks a journaled export fiskaly no longer knows as failed, and the next export starts afresh', async () => {
    t = await setUp();
    const gone = randomUUID();
    await t.journal.update(t.tssId, () => ({ version: 1, tssId: t.tssId, exportId: gone, state: 'pending', triggered: true, requestedAt: START, estimatedCompletionAt: null }));
    expect(await t.engine().exportTar(t.tssId).catch((e: unknown) => e)).toMatchObject({ code: 'E_EXPORT_FAILED' });
    expect(await t.journal.read(t.tssId)).toMatchObject({ exportId: gone, state: 'failed', failure: 'E_EXPORT_NOT_FOUND' });
    expect(triggers(t.sent)).toHaveLength(0);
    await t.engine().exportTar(t.tssId);
    expect((await t.journal.read(t.tssId))!.exportId).not.toBe(gone);
    expect(await t.exportsAtSandbox()).toHaveLength(1);
  });
});
