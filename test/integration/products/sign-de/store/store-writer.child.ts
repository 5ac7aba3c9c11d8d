// A separate process that changes one store record over and over: `node --import tsx store-writer.child.ts DIR TSS_ID NAME TIMES`.
import { StoreRecords } from '../../../../../main/products/sign-de/store/store-records';

const [dir, tssId, name, times] = process.argv.slice(2) as [string, string, string, string];
const records = new StoreRecords(dir);
for (let i = 0; i < Number(times); i++) {
  await records.update(tssId, (record) => void record.changes.push({ at: new Date().toISOString(), what: 'address-changed', detail: `${name}-${i}` }));
}
