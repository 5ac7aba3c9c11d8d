import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { Settings } from '../../../../../../preload/contract/core/settings';
import { createChromiumPrintPort } from '../../../../../../main/browser-shell/chromium-print-port';
import { buildReceiptModel } from '../../../../../../main/products/sign-de/receipt/receipt-model';
import { App } from '../../../../../../renderer/src/shell/frame/App';
import { searchStatus } from '../../../../../../renderer/src/products/sign-de/receipt/PrintPanel';
import { createI18n } from '../../../../../../renderer/src/shell/i18n/create-i18n';
import { type AppState, createAppStore } from '../../../../../../renderer/src/shell/state/app-store';
import { StoreProvider } from '../../../../../../renderer/src/state/store-context';
import { signedTestReceipt } from '../../../../main/products/sign-de/receipt/signed-receipt';
import { createFakeCompanion, fakeAppInfo } from '../../../fakes/fake-companion';
import { renderStatic } from '../../../fakes/render-static';

const model = buildReceiptModel(signedTestReceipt({ environment: 'sandbox' }));

async function receiptScreen(settings: Settings, extra: Partial<AppState> = {}): Promise<string> {
  const store = createAppStore(createFakeCompanion().api, {
    appInfo: fakeAppInfo,
    settings,
    screen: 'receipt',
    receiptRunId: 'r',
    receipt: model,
    printers: [
      { name: 'EPSON TM-T20III', isDefault: false },
      { name: 'Star TSP143', isDefault: false },
    ],
    ...extra,
  });
  return renderStatic(
    <I18nextProvider i18n={createI18n('de')}>
      <StoreProvider store={store}>
        <App />
      </StoreProvider>
    </I18nextProvider>,
  );
}

describe('the print panel', () => {
  it('opens with the paper width, printer and network printer this laptop used last', async () => {
    const html = await receiptScreen({ language: 'de', environment: 'sandbox', printer: { paperWidth: 58, name: 'Star TSP143', host: '10.0.0.7', port: 9101, nativeQr: false } });
    expect(html).toContain('class="receipt receipt--58');
    expect(html).toMatch(/<input[^>]*type="radio"[^>]*value="58"[^>]*checked=""|<input[^>]*checked=""[^>]*value="58"/);
    expect(html).toMatch(/<option value="Star TSP143" selected="">/);
    expect(html).toContain('value="10.0.0.7"');
    expect(html).toContain('value="9101"');
    expect(html).not.toMatch(/type="checkbox" checked=""/);
  });

  it('opens at 80 mm with an empty address when nothing was remembered', async () => {
    const html = await receiptScreen({ language: 'de', environment: 'sandbox' });
    expect(html).toContain('class="receipt receipt--80');
  });

  it('calls no printer the default unless the OS said so', async () => {
    const html = await receiptScreen({ language: 'de', environment: 'sandbox' });
    expect(html).not.toContain('(Standard)');
    const withDefault = await receiptScreen({ language: 'de', environment: 'sandbox' }, { printers: [{ name: 'Star TSP143', isDefault: true }] });
    expect(withDefault).toContain('>Star TSP143 (Standard)</option>');
  });

  it('says it is searching for printers, then how many it found', () => {
    const t = createI18n('de').getFixedT('de', 'sign-de') as unknown as Parameters<typeof searchStatus>[0];
    expect(searchStatus(t, true, true, null)).toBe('Drucker werden gesucht …');
    expect(searchStatus(t, false, true, [{}, {}, {}])).toBe('3 Drucker gefunden.');
    expect(searchStatus(t, false, true, [{}])).toBe('1 Drucker gefunden.');
    expect(searchStatus(t, false, true, [])).toBe('0 Drucker gefunden.');
    // Before a search was asked for, the status stays free for "sent to …".
    expect(searchStatus(t, false, false, [{}])).toBeNull();
  });
});

describe('the browser shell\'s printer', () => {
  it('is not called the default: there is no OS to say which one is', async () => {
    const port = createChromiumPrintPort(() => {
      throw new Error('no browser needed to list printers');
    }, '/tmp/none');
    expect((await port.printers()).every((printer) => !printer.isDefault)).toBe(true);
  });
});
