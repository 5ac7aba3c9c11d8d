import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { StaleCloseResult, StalePreview } from '../../../../../../preload/contract/sign-de/stale-transactions';
import type { Language } from '../../../../../../preload/contract/core/settings';
import { createI18n } from '../../../../../../renderer/src/shell/i18n/create-i18n';
import { StalePreviewList, StaleResult, chosenOf } from '../../../../../../renderer/src/products/sign-de/overview/StaleTransactions';
import { renderStatic } from '../../../fakes/render-static';

const render = (node: ReactNode, language: Language = 'de') => renderStatic(<I18nextProvider i18n={createI18n(language)}>{node}</I18nextProvider>);

const preview: StalePreview = {
  tssId: '3d4e5f60-7182-4a3b-9c4d-5e6f7a8b9c0d',
  olderThanHours: 24,
  checkedAt: 1_772_500_000,
  recent: 2,
  tills: [
    {
      clientId: 'c1',
      serialNumber: 'KASSE-01',
      transactions: [
        { id: 't1', number: 7, startedAt: 1_772_400_000, ageHours: 27 },
        { id: 't2', number: 9, startedAt: 1_772_403_600, ageHours: 26 },
      ],
    },
    { clientId: 'c2', serialNumber: 'KASSE-02', transactions: [{ id: 't3', number: 8, startedAt: 1_772_401_000, ageHours: 27 }] },
  ],
};

describe('stale transactions in the overview', () => {
  it('lists each stale transaction with its till, number, start and age, and says what stays open', async () => {
    const html = await render(<StalePreviewList preview={preview} skipped={new Set()} onToggle={() => {}} busy={false} onClose={() => {}} />);
    expect(html).toContain('Seit mindestens 24 Stunden offen: 3');
    expect(html).toContain('Seit weniger als 24 Stunden offen, bleiben unberührt: 2');
    const rows = [...html.matchAll(/<tr><th scope="row"><code>([^<]+)<\/code><\/th><td>(\d+)<\/td><td>[^<]+<\/td><td>([^<]+)<\/td><\/tr>/g)].map((m) => [m[1], m[2], m[3]]);
    expect(rows).toEqual([
      ['KASSE-01', '7', '27 Std.'],
      ['KASSE-01', '9', '26 Std.'],
      ['KASSE-02', '8', '27 Std.'],
    ]);
    expect(html).toMatch(/<input id="[^"]+" type="checkbox" checked=""\/><label for="[^"]+">KASSE-01: 2 offen<\/label>/);
    expect(html).toContain('>Gewählte Transaktionen schließen (3)</button>');
  });

  it('lets the technician take a till out: its transactions are not sent', async () => {
    const skipped = new Set(['c1']);
    const html = await render(<StalePreviewList preview={preview} skipped={skipped} onToggle={() => {}} busy={false} onClose={() => {}} />, 'en');
    expect(html).toMatch(/<input id="[^"]+" type="checkbox"\/><label for="[^"]+">KASSE-01: 2 open<\/label>/);
    expect(html).toContain('>Close the chosen transactions (1)</button>');
    expect(chosenOf(preview, skipped).tills.flatMap((till) => till.transactions.map((tx) => tx.id))).toEqual(['t3']);
  });

  it('offers nothing to close when nothing is that old', async () => {
    const html = await render(<StalePreviewList preview={{ ...preview, tills: [], recent: 1 }} skipped={new Set()} onToggle={() => {}} busy={false} onClose={() => {}} />, 'en');
    expect(html).toContain('No transaction has been open for 24 hours or more.');
    expect(html).not.toContain('<button');
  });

  it('reports per till what was closed, what a till finished itself, and what failed and why', async () => {
    const result: StaleCloseResult = {
      tssId: preview.tssId,
      olderThanHours: 24,
      closed: 2,
      alreadyClosed: 1,
      failed: 1,
      tills: [
        { clientId: 'c1', serialNumber: 'KASSE-01', closed: preview.tills[0]!.transactions, alreadyClosed: [], failed: [] },
        {
          clientId: 'c2',
          serialNumber: 'KASSE-02',
          closed: [],
          alreadyClosed: [{ id: 't4', number: 10, startedAt: 1_772_401_000, ageHours: 27 }],
          failed: [{ id: 't3', number: 8, code: 'E_CLIENT_DEREGISTERED', message: 'The client is deregistered.' }],
        },
      ],
    };
    const html = await render(<StaleResult result={result} />, 'en');
    expect(html).toContain('Closed: 2. Already finished at the till: 1. Not closed: 1.');
    expect(html).toContain('KASSE-01: closed 2, already finished 0, not closed 0');
    expect(html).toContain('KASSE-02: closed 0, already finished 1, not closed 1');
    expect(html).toMatch(/No\. 8: [^<]*deregistered/);
  });
});
