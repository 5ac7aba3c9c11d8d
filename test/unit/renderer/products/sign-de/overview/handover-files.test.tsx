import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { HandoverFiles } from '../../../../../../preload/contract/sign-de/store-record';
import { HandoverFilesList } from '../../../../../../renderer/src/products/sign-de/overview/HandoverCard';
import { createI18n } from '../../../../../../renderer/src/shell/i18n/create-i18n';
import { createAppStore } from '../../../../../../renderer/src/shell/state/app-store';
import { StoreProvider } from '../../../../../../renderer/src/state/store-context';
import { createFakeCompanion } from '../../../fakes/fake-companion';
import { renderStatic } from '../../../fakes/render-static';

const FOLDER = '/home/tech/Documents/TSS Companion/Filiale Süd';
const files: HandoverFiles = {
  pdf: { path: `${FOLDER}/elster-146a-Filiale-Süd-2026-11-30.pdf`, bytes: 10 },
  json: { path: `${FOLDER}/elster-146a-Filiale-Süd-2026-11-30.json`, bytes: 10 },
  xml: { path: `${FOLDER}/elster-146a-Filiale-Süd-2026-11-30.xml`, bytes: 10 },
} as HandoverFiles;

const render = (shown: HandoverFiles | null, canShowInFolder: boolean) =>
  renderStatic(
    <I18nextProvider i18n={createI18n('de')}>
      <StoreProvider store={createAppStore(createFakeCompanion().api, { canShowInFolder })}>
        <HandoverFilesList files={shown} />
      </StoreProvider>
    </I18nextProvider>,
  );

describe('the saved handover (overview card and the wizard\'s store documents)', () => {
  it('lists the three files and offers "In Ordner zeigen" where the shell can show them', async () => {
    const html = await render(files, true);
    expect(html).toContain(files.pdf.path);
    expect(html).toContain(files.xml.path);
    expect(html).toContain('In Ordner zeigen');
  });

  it('offers no button before a save, nor where the shell cannot show a folder', async () => {
    expect(await render(null, true)).not.toContain('In Ordner zeigen');
    expect(await render(files, false)).not.toContain('In Ordner zeigen');
  });
});
