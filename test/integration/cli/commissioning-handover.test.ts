import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Elster146aHandover } from '../../../preload/contract/sign-de/handover';
import { Elster146aHandoverSchema } from '../../../preload/contract/sign-de/handover-schema';
import { runCliProcess } from '../../support/cli-process';
import { makeTempDir } from '../../support/temp-dir';


const cli = (args: string[]) => runCliProcess(args, { env: { TSS_COMPANION_PASSPHRASE: 'a long test passphrase for the cli' } });

/** A store commissioned from the command line, its handover, a fourth till later, and the new handover: the whole chain. */
describe('commissioning to handover through the real command line', () => {
  const dir = makeTempDir();
  const dataDir = ['--data-dir', dir.path];
  afterAll(() => dir.remove());

  it('hands over what was typed, and a till added later makes a handover listing four', { timeout: 240_000 }, async () => {
    const provision = await cli([
      'provision', '--sandbox', '--store', 'Filiale Nord', '--json', ...dataDir,
      '--client', 'KASSE-NORD-1', '--client', 'KASSE-NORD-2', '--client', 'KASSE-NORD-3',
      '--legal-name', 'Bäckerei Sonnenschein GmbH', '--tax-number', '93815/08152', '--bundesland', 'BW',
      '--street', 'Hauptstraße', '--house-number', '12', '--house-number-suffix', 'a', '--postcode', '70173', '--town', 'Stuttgart',
      '--kind', '2', '--software', 'KassePro', '--software-version', '4.2.0', '--manufacturer', 'Kasse GmbH', '--model', 'T1',
      '--acquisition-date', '20.02.2026',
    ]);
    expect(provision.code, provision.stderr).toBe(0);
    const [report] = JSON.parse(provision.stdout) as Array<{ runId: string; tssId: string; receipt: { number: number } }>;

    const first = await cli(['handover', '--run', report!.runId, '--out', join(dir.path, 'first'), '--json', ...dataDir]);
    expect(first.code, first.stderr).toBe(0);
    const handover = Elster146aHandoverSchema.parse(JSON.parse(first.stdout)) as Elster146aHandover;
    expect(handover.taxpayer).toMatchObject({ name: 'Bäckerei Sonnenschein GmbH', tax_number_elster: '2893081508152', bundesland: 'BW' });
    expect(handover.establishment).toMatchObject({ street: 'Hauptstraße', house_number: '12', house_number_suffix: 'a', zip_code: '70173', town: 'Stuttgart', eas_count: 3 });
    expect(handover.eas.map((eas) => eas.serial_number)).toEqual(['KASSE-NORD-1', 'KASSE-NORD-2', 'KASSE-NORD-3']);
    expect(handover.eas[0]).toMatchObject({ art: '2', software: 'KassePro', software_version: '4.2.0', manufacturer: 'Kasse GmbH', model: 'T1', acquisition_date: '20.02.2026' });
    expect(handover.eas[0]!.fiskaly.tss_id).toBe(report!.tssId);
    expect(handover.due_date).toBe('20.03.2026');
    expect(handover.test_postings).toEqual([expect.objectContaining({ transaction_number: report!.receipt.number, env: 'SANDBOX' })]);
    // The three files were written as well: the JSON on disk is the one printed.
    const written = (first.stderr.match(/\S+\.json/) ?? [])[0]!;
    expect(JSON.parse(await readFile(written, 'utf8'))).toEqual(JSON.parse(first.stdout));

    const added = await cli(['store', 'add-till', '--tss', report!.tssId, '--client', 'KASSE-NORD-4', '--sandbox', ...dataDir]);
    expect(added.code, added.stderr).toBe(0);
    const second = await cli(['handover', '--tss', report!.tssId, '--out', join(dir.path, 'second'), '--json', ...dataDir]);
    expect(second.code, second.stderr).toBe(0);
    const after = JSON.parse(second.stdout) as Elster146aHandover;
    expect(after.establishment.eas_count).toBe(4);
    expect(after.eas.map((eas) => eas.serial_number)).toEqual(['KASSE-NORD-1', 'KASSE-NORD-2', 'KASSE-NORD-3', 'KASSE-NORD-4']);
  });
});
