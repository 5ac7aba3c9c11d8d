import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { countActions } from './support/actions';
import { decodeQrPdf } from './support/qr';
import { planStore, printReceipt, saveDocuments, setUpVault, startAndAwaitReceipt } from './support/steps';

/** Issue 11's target: the actions from the first start to a printed receipt, a saved handover and a recovery file. */
const FIRST_STORE_MAX = 12;
const NEXT_STORE_MAX = 8;

test('a technician’s day: the first store from a fresh start, then the next one, within the action budget', async ({ companion }) => {
  const printed = join(companion.dataDir, 'printed');
  const jobs = () => (existsSync(printed) ? readdirSync(printed).filter((name) => /^job-.*\.pdf$/.test(name)).sort() : []);
  const act = countActions();
  const page = await companion.open();

  /** Checks what one store left behind: its receipt printed (a job whose QR decodes), its handover and the recovery file. */
  const checkStore = async (storeName: string, jobsBefore: number, files: { handoverPdf: string; recoveryFile: string }) => {
    const run = (await companion.services.signDe.runs.list()).find((report) => report.storeName === storeName)!;
    expect(run.status).toBe('done');
    const newJobs = jobs().slice(jobsBefore);
    expect(newJobs).toHaveLength(1);
    expect(decodeQrPdf(join(printed, newJobs[0]!))).toBe(run.receipt!.qrCodeData);
    expect(readFileSync(files.handoverPdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(existsSync(files.recoveryFile)).toBe(true);
  };

  // First store: a fresh app (German, sandbox), the vault set up, three tills.
  await setUpVault(page, act);
  await act.click(page.getByRole('main').getByRole('button', { name: 'Neue Filiale einrichten', exact: true }));
  await planStore(page, 'Filiale Dresden', ['DD-KASSE-1', 'DD-KASSE-2', 'DD-KASSE-3'], act);
  await startAndAwaitReceipt(page, act);
  await printReceipt(page, act);
  const first = await saveDocuments(page, act);
  await checkStore('Filiale Dresden', 0, first);
  const firstCount = act.restart();
  console.log(`first store: ${firstCount} actions`);

  // The next store on the same laptop, in the same session (the vault stays unlocked).
  await act.click(page.getByRole('button', { name: 'Nächste Filiale einrichten', exact: true }));
  await planStore(page, 'Filiale Görlitz', ['GR-KASSE-1', 'GR-KASSE-2', 'GR-KASSE-3'], act);
  await startAndAwaitReceipt(page, act);
  await printReceipt(page, act);
  const next = await saveDocuments(page, act);
  await checkStore('Filiale Görlitz', 1, next);
  const nextCount = act.restart();
  console.log(`next store: ${nextCount} actions`);

  expect(firstCount).toBeLessThanOrEqual(FIRST_STORE_MAX);
  expect(nextCount).toBeLessThanOrEqual(NEXT_STORE_MAX);
});
