// The app's services with umask 000 (every bit allowed): `node --import tsx wide-umask.child.ts DIR`.
import { createServices } from '../../../main/services';

const [dataDir] = process.argv.slice(2) as [string];
process.umask(0o000);
const services = createServices({ dataDir, version: '1', vaultOptions: { unsafeTestOnlyScryptLog2N: 10 } });
const passphrase = 'a passphrase under a wide umask';
for (const [channel, payload] of [
  ['vault:setup', { passphrase }],
  ['settings:set', { language: 'de' }],
  ['vault:export-recovery', { passphrase }],
  ['vault:unlock', { passphrase }],
] as const) {
  const result = await services.dispatch(channel, payload);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
}
await services.close();
