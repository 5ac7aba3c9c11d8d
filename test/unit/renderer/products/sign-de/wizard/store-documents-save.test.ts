import { describe, expect, it } from 'vitest';
import type { SaveTarget } from '../../../../../../preload/contract/core/files';
import type { HandoverFiles } from '../../../../../../preload/contract/sign-de/store-record';
import { saveStoreDocuments } from '../../../../../../renderer/src/products/sign-de/wizard/save-store-documents';
import { KEEP_PASSPHRASE, sendPassphrase } from '../../../../../../renderer/src/ui/send-passphrase';

const TSS = '3d4e5f60-7182-4a3b-9c4d-5e6f7a8b9c0d';
const FOLDER: SaveTarget = { folder: '/home/tech/Documents/TSS Companion/Filiale Süd' };
const handover = { pdf: { path: '/x.pdf', bytes: 1 }, json: { path: '/x.json', bytes: 1 }, xml: { path: '/x.xml', bytes: 1 } } as HandoverFiles;

function actions(chosen: SaveTarget | null) {
  const calls: unknown[][] = [];
  return {
    calls,
    actions: {
      choose: async (...args: unknown[]) => (calls.push(['choose', ...args]), chosen),
      saveHandover: async (...args: unknown[]) => (calls.push(['saveHandover', ...args]), handover),
      exportRecovery: async (...args: unknown[]) => (calls.push(['exportRecovery', ...args]), { path: '/r.tsscr', bytes: 1 }),
      shown: () => {},
    },
  };
}

describe("the wizard's store documents", () => {
  it("save the handover and a recovery file of this store's TSS only into the folder chosen", async () => {
    const { calls, actions: a } = actions(FOLDER);
    expect(await saveStoreDocuments(a, { tssId: TSS, storeName: 'Filiale Süd' }, 'pass')).toBeUndefined();
    expect(calls).toEqual([
      ['choose', { mode: 'folder', store: 'Filiale Süd' }, 'saveHandover'],
      ['saveHandover', TSS, FOLDER],
      ['exportRecovery', 'pass', FOLDER, { tssId: TSS, store: 'Filiale Süd' }],
    ]);
  });

  it('save nothing when the dialog is cancelled, and keep the typed passphrase in its field', async () => {
    const { calls, actions: a } = actions(null);
    const field: string[] = [];
    await sendPassphrase('correct horse', (passphrase) => saveStoreDocuments(a, { tssId: TSS, storeName: 'Filiale Süd' }, passphrase), (value) => void field.push(value));
    expect(calls.map((call) => call[0])).toEqual(['choose']);
    // Cleared while the dialog was open, back once it was cancelled.
    expect(field).toEqual(['', 'correct horse']);
  });

  it('a passphrase that was used stays cleared', async () => {
    const field: string[] = [];
    await sendPassphrase('correct horse', async () => ({ saved: true }), (value) => void field.push(value));
    expect(field).toEqual(['']);
    await sendPassphrase('x', async () => KEEP_PASSPHRASE, (value) => void field.push(value));
    expect(field).toEqual(['', '', 'x']);
  });
});
