import { execFile } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { SIGN_DE_VAULT_REGISTRY } from '../../../main/products/sign-de';
import { FileKeyWrapper, Vault } from '../../../main/vault';
import { makeTempDir } from '../../support/temp-dir';

const run = promisify(execFile);
const CHILD = join(import.meta.dirname, 'vault-writer.child.ts');
const FAST = { unsafeTestOnlyScryptLog2N: 10, ...SIGN_DE_VAULT_REGISTRY };

/** Real processes, each with its own copy of the vault in memory, writing one vault file at once. */
describe('one vault, several processes', () => {
  const dir = makeTempDir('tss-vault-procs-');
  afterAll(() => dir.remove());

  it('six processes opening the vault and storing PUKs at once lose none, see no false rollback; .prev holds the generation before', { timeout: 120_000 }, async () => {
    await Vault.create(dir.path, 'correct horse battery staple', new FileKeyWrapper(dir.path), FAST);
    const perProcess = 5;
    const outputs = await Promise.all(
      Array.from({ length: 6 }, (_, p) =>
        run(process.execPath, ['--import', 'tsx', CHILD, dir.path, String(perProcess), `P${p}`], {
          env: { ...process.env, NODE_ENV: 'test' },
          timeout: 100_000,
        }),
      ),
    );
    const stored = outputs.flatMap((o) => JSON.parse(o.stdout) as Array<{ id: string; puk: string }>);
    expect(stored).toHaveLength(30);
    const vault = await Vault.open(dir.path, new FileKeyWrapper(dir.path), FAST);
    for (const { id, puk } of stored) expect(await vault.get(id, 'admin-puk')).toEqual({ puk });
    expect(vault.status().generation).toBe(31);
    const previous = JSON.parse(readFileSync(join(dir.path, 'vault.json.prev'), 'utf8')) as { generation: number; entries: unknown[] };
    expect(previous.generation).toBe(30);
    expect(previous.entries).toHaveLength(29);
    expect(readdirSync(dir.path).filter((n) => n.endsWith('.tmp') || n.endsWith('.lock'))).toEqual([]);
  });
});
