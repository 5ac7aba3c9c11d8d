// The built-in sandbox started and reset under umask 000: `node --import tsx sandbox-umask.child.ts DIR`.
import { createServices } from '../../../main/services';

const [dataDir] = process.argv.slice(2) as [string];
process.umask(0o000);
const services = createServices({ dataDir, version: '1', vaultOptions: { unsafeTestOnlyScryptLog2N: 10 } });
await services.productUrl('sign-de', 'sandbox');
const reset = await services.dispatch('sandbox:reset', { confirm: 'reset' });
if (!reset.ok) throw new Error(`sandbox:reset: ${JSON.stringify(reset.error)}`);
await services.close();
