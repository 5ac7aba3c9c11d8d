import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { StoreRecords, storesFolder } from '../../../../../main/products/sign-de/store/store-records';
import type { StoreRecord } from '../../../../../preload/contract/sign-de/store-record';
import { makeTempDir } from '../../../../support/temp-dir';

const run = promisify(execFile);
const CHILD = join(import.meta.dirname, 'store-writer.child.ts');

describe('one store record, several processes', () => {
  it('three processes changing it at once: every change stays', { timeout: 120_000 }, async () => {
    const dir = makeTempDir('tss-store-procs-');
    try {
      const tssId = randomUUID();
      const record: StoreRecord = { tssId, storeName: 'Filiale', environment: 'sandbox', masterData: null, tss: {}, tills: [], testPostings: [], changes: [{ at: new Date().toISOString(), what: 'commissioned' }] };
      mkdirSync(storesFolder(dir.path), { recursive: true });
      writeFileSync(join(storesFolder(dir.path), `${tssId}.json`), JSON.stringify(record));
      const child = (name: string) => run(process.execPath, ['--import', 'tsx', CHILD, dir.path, tssId, name, '15'], { env: { ...process.env, NODE_ENV: 'test' }, timeout: 100_000 });
      await Promise.all([child('a'), child('b'), child('c')]);
      const details = (await new StoreRecords(dir.path).get(tssId)).changes.map((c) => c.detail).filter(Boolean);
      expect(details).toHaveLength(45);
      for (const name of ['a', 'b', 'c']) {
        expect(details.filter((d) => d!.startsWith(`${name}-`))).toEqual(Array.from({ length: 15 }, (_, i) => `${name}-${i}`));
      }
    } finally {
      dir.remove();
    }
  });
});
