import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { PASSPHRASE } from './support/steps';

/** The page's width against the window's, and the deepest elements that stick out (for the failure message). */
async function sideways(page: Page): Promise<{ scrollWidth: number; width: number; wide: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((element) => element.getBoundingClientRect().right > width + 1)
      .slice(-8)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}: ${Math.round(element.getBoundingClientRect().right)}`);
    return { scrollWidth: document.documentElement.scrollWidth, width, wide };
  });
}

async function expectNoSidewaysScroll(page: Page, where: string): Promise<void> {
  const found = await sideways(page);
  expect(found.scrollWidth, `${where}:\n${found.wide.join('\n')}`).toBeLessThanOrEqual(found.width);
}

test('a 640 px window: nothing scrolls sideways; focus lands on the new view, not on <body>', async ({ companion }) => {
  const page = await companion.open();
  await page.setViewportSize({ width: 640, height: 800 });
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible();
  await expectNoSidewaysScroll(page, 'Home, first use');

  await page.getByLabel('Wiederherstellungs-Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Passphrase wiederholen', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Tresor einrichten', exact: true }).click();
  // The setup form (and its focused button) is gone: its card's heading takes the focus.
  await expect(page.getByRole('heading', { name: 'Tresor', exact: true })).toBeFocused();

  const { services } = companion;
  const finished = new Promise<void>((resolve) => services.events.subscribe((event) => event === 'provisioning:finished' && resolve()));
  await services.dispatch('provisioning:start', {
    plan: { storeName: 'Filiale Gelsenkirchen-Buer Hauptbahnhof', environment: 'sandbox', clients: [{ serialNumber: 'KASSE-1' }, { serialNumber: 'KASSE-2' }] },
  });
  await finished;
  await page.reload();
  await expect(page.getByRole('button', { name: /^Testbeleg: / })).toBeVisible();
  await expectNoSidewaysScroll(page, 'Home with a store');

  await page.getByRole('button', { name: /^Testbeleg: / }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Beleg gültig' })).toBeVisible();
  await expectNoSidewaysScroll(page, 'the receipt at 80 mm');

  await page.getByRole('navigation').getByRole('button', { name: 'PUK-Wiederherstellung' }).click();
  await page.getByRole('radio').first().check();
  await expectNoSidewaysScroll(page, 'the PUK recovery');
  await page.getByRole('navigation').getByRole('button', { name: 'Neue Filiale' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Neue Filiale einrichten' })).toBeVisible();
  await expectNoSidewaysScroll(page, 'the wizard');
});

test('the vault set up inside the wizard: focus stays on the plan page, not on <body>', async ({ companion }) => {
  const page = await companion.open();
  await page.getByRole('main').getByRole('button', { name: 'Neue Filiale einrichten', exact: true }).click();
  await page.getByLabel('Wiederherstellungs-Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Passphrase wiederholen', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Tresor einrichten', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Tresor einrichten', exact: true })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 3, name: 'Verbindung' })).toBeFocused();
});
