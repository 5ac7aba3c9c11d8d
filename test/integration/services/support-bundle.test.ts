import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SavedFile } from '../../../preload/contract';
import type { Services } from '../../../main/services';
import { TEST_PASSPHRASE } from '../../support/provisioning';
import { MASTER_DATA as masterData } from '../../support/master-data';
import { type ServicesWithVault, servicesWithVault } from '../../support/services';
import { nextEvent } from '../../support/events';

const API_SECRET = 'Zk3q9XbR2mW7pL0sV5tY8uN1cE4hJ6gA';
const ORG_ID = '0b5e7c1a-2d3f-4a5b-8c6d-7e8f9a0b1c2d';

/** Every form a secret could take in a file: as it is, base64, base64url, hex (both cases). */
const forms = (secret: string) => {
  const bytes = Buffer.from(secret);
  return [secret, bytes.toString('base64'), bytes.toString('base64url'), bytes.toString('hex'), bytes.toString('hex').toUpperCase()];
};

describe('the support bundle', () => {
  let under: ServicesWithVault;
  let services: Services;
  let dir: { path: string };
  let call: ServicesWithVault['call'];

  beforeEach(async () => {
    under = await servicesWithVault('tss-bundle-', { version: '9.8.7', logShell: 'app' });
    ({ services, call } = under);
    dir = { path: under.dataDir };
  });
  afterEach(() => under.close());

  it('holds logs, settings, journals, store records, the audit log and versions, and no PIN, PUK, API secret or passphrase in any form', async () => {
    // A store provisioned in the sandbox: its PIN and PUK are in the vault, its journal and record on disk.
    const end = nextEvent(services.events, 'provisioning:finished');
    await call('provisioning:start', { plan: { storeName: 'Filiale Nord', environment: 'sandbox', masterData, clients: [{ serialNumber: 'KASSE-1' }] } });
    const { tssId, runId, status } = await end;
    expect(status).toBe('done');
    const vault = await services.vault.unlocked();
    const pin = (await vault.get(tssId, 'admin-pin'))!.pin;
    const puk = (await vault.get(tssId, 'admin-puk'))!.puk;
    await vault.put({ id: ORG_ID, kind: 'api-credentials', labels: { environment: 'test', organizationId: ORG_ID }, secret: { apiKey: 'test_key_1', apiSecret: API_SECRET } });
    // The PUK revealed once (an audit line), the renderer logging what it should not, calls failing with secrets in them.
    expect(await call<{ puk: string }>('recovery:reveal', { tssId, passphrase: TEST_PASSPHRASE })).toEqual({ puk });
    const activity = await call<{ entries: { action: string; storeName?: string; entryId: string }[] }>('activity:list', { limit: 5 });
    expect(activity.entries[0]).toMatchObject({ action: 'reveal', entryId: tssId, storeName: 'Filiale Nord' });
    await call('log:write', { level: 'error', message: `PIN ${pin} PUK ${puk} secret ${API_SECRET}`, context: { pin, value: puk, note: `api_secret=${API_SECRET}` } });
    await services.dispatch('vault:unlock', { passphrase: `${puk}-${pin}` });
    await services.dispatch('recovery:unblock', { tssId: 'not-a-uuid', newPin: pin, passphrase: TEST_PASSPHRASE });
    // What an older version might have left: a journal and a rotated log with secrets in clear (a passphrase
    // has no shape to find in free text, so only under its key).
    writeFileSync(join(dir.path, 'runs', 'legacy-run.json'), JSON.stringify({ runId: 'legacy', adminPin: pin, note: `puk ${puk}`, credentials: { api_secret: API_SECRET } }));
    mkdirSync(join(dir.path, 'logs'), { recursive: true });
    writeFileSync(join(dir.path, 'logs', 'app.log.1'), `{"msg":"old line","admin_puk":"${puk}","passphrase":"${TEST_PASSPHRASE}"}\nplain old line with ${API_SECRET} and PIN ${pin}\n`);

    const saved = await call<SavedFile>('support:bundle');
    expect(saved.path.startsWith(join(dir.path, 'support'))).toBe(true);
    const files = unzipSync(readFileSync(saved.path));
    const names = Object.keys(files);
    expect(names).toEqual(
      expect.arrayContaining(['versions.json', 'settings.json', 'logs/app.log', 'logs/app.log.1', `runs/${runId}.json`, 'runs/legacy-run.json', `stores/${tssId}.json`, 'audit.log', 'README.txt']),
    );
    expect(names.some((name) => /vault|sandbox|recovery|\.tsscr/.test(name))).toBe(false);

    const texts = Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, Buffer.from(bytes).toString('utf8')]));
    expect(JSON.parse(texts['versions.json']!)).toMatchObject({ app: '9.8.7', node: process.versions.node, os: { platform: process.platform } });
    expect(JSON.parse(texts['settings.json']!)).toMatchObject({ environment: 'sandbox' });
    expect(texts['audit.log']).toContain('"action":"reveal"');
    for (const fact of ['services started', 'run started', 'run done', 'bridge call failed', '"source":"renderer"']) expect(texts['logs/app.log']).toContain(fact);
    expect(texts[`stores/${tssId}.json`]).toContain('Filiale Nord');

    for (const secret of [pin, puk, API_SECRET, TEST_PASSPHRASE]) {
      for (const form of forms(secret)) {
        for (const [name, text] of Object.entries(texts)) expect(text.includes(form), `${name} holds ${form}`).toBe(false);
      }
    }
  });
});
