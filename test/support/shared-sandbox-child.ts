/**
 * A second process on a data folder: opens the folder's built-in sandbox through Connections (as the
 * app or the CLI does) and prints "sandbox at <url>", then waits to be killed.
 */
import { Connections } from '../../main/products/sign-de/connections/connections';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: shared-sandbox-child.ts DATA_DIR');
const connections = new Connections(dataDir, () => Promise.reject(new Error('no vault in this test process')), { sandbox: { deployDelayMs: 0 } });
console.log(`sandbox at ${await connections.sandboxUrl()}`);
setInterval(() => {}, 60_000);
