// A separate process that writes PUKs into a shared vault: `node --import tsx vault-writer.child.ts DIR COUNT TAG`.
// Prints the ids it stored (JSON) once every put has returned. Opens the vault afresh for each put, as
// short CLI runs do, so opens meet other processes' writes too.
import { randomUUID } from 'node:crypto';
import { SIGN_DE_VAULT_REGISTRY } from '../../../main/products/sign-de';
import { FileKeyWrapper, Vault } from '../../../main/vault';

const [dir, count, tag] = process.argv.slice(2) as [string, string, string];
const stored: Array<{ id: string; puk: string }> = [];
for (let i = 0; i < Number(count); i++) {
  const vault = await Vault.open(dir, new FileKeyWrapper(dir), { unsafeTestOnlyScryptLog2N: 10, ...SIGN_DE_VAULT_REGISTRY });
  const id = randomUUID();
  const puk = `PUK-${tag}-${i}`;
  await vault.put({ id, kind: 'admin-puk', labels: { environment: 'sandbox', storeName: `${tag} ${i}` }, secret: { puk } });
  stored.push({ id, puk });
}
process.stdout.write(JSON.stringify(stored));
