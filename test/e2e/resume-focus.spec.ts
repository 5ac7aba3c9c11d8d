import { expect, test } from './fixtures';
import { PASSPHRASE } from './support/steps';

// After Resume the cancel button comes back where the Resume button was: focus must not land on it (a
// second Enter would cancel again); it goes to the run's status line. A cancelled step reads as stopped.
test('resume after a cancel: focus on the run’s status, a second Enter does not cancel; the stopped step reads "angehalten"', async ({ companion }) => {
  const { services } = companion;
  await services.dispatch('vault:setup', { passphrase: PASSPHRASE });
  const control = new URL(await services.signDe.connections.sandboxUrl()).origin;
  const deployDelay = (ms: number) =>
    fetch(`${control}/_sandbox/deploy-delay`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ deployDelayMs: ms }) });
  await deployDelay(3000);
  const stopped = new Promise<void>((resolve) => services.events.subscribe((event) => event === 'provisioning:finished' && resolve()));
  const { value } = (await services.dispatch('provisioning:start', { plan: { storeName: 'Filiale Bonn', environment: 'sandbox', clients: [{ serialNumber: 'KASSE-1' }] } })) as {
    value: { runId: string };
  };
  await services.dispatch('provisioning:cancel', { runId: value.runId });
  await stopped;

  const page = await companion.open();
  await page.getByRole('button', { name: 'Fortsetzen: Filiale Bonn' }).click();
  await page.getByRole('button', { name: 'Einrichtung abbrechen' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Die Einrichtung wurde bei „.*“ angehalten\./ })).toBeVisible();
  await expect(page.locator('.step-log__item--cancelled')).toContainText('angehalten');
  await expect(page.locator('.step-log__item--failed')).toHaveCount(0);

  await page.getByRole('button', { name: 'Fortsetzen', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.run__phase')).toBeFocused();
  await page.keyboard.press('Enter');
  await deployDelay(0);
  // Not cancelled by the second Enter: the run ends and the wizard goes on to its receipt.
  await expect(page.getByRole('heading', { level: 2, name: 'Schritt 3 von 3: Testbeleg & Unterlagen' })).toBeVisible();
  expect((await services.signDe.runs.list()).find((run) => run.runId === value.runId)?.status).toBe('done');
});
