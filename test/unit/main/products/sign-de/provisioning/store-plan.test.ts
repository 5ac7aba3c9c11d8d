import { describe, expect, it } from 'vitest';
import { PlanError, parseStorePlan } from '../../../../../../main/products/sign-de/provisioning/store-plan';

const base = { storeName: 'Filiale', environment: 'sandbox', clients: [{ serialNumber: 'KASSE-1' }] };

describe('store plans', () => {
  it('accepts a plan and defaults the test receipt to on', () => {
    expect(parseStorePlan(base)).toMatchObject({ storeName: 'Filiale', testReceipt: true });
  });

  it.each([
    [{ ...base, clients: [{ serialNumber: 'KASSE/1' }] }, /no \/ or _/],
    [{ ...base, clients: [{ serialNumber: 'KASSE_1' }] }, /no \/ or _/],
    [{ ...base, clients: [{ serialNumber: ' KASSE' }] }, /no space at either end/],
    [{ ...base, clients: [] }, /at least one client/],
    [{ ...base, clients: Array.from({ length: 200 }, (_, i) => ({ serialNumber: `K${i}` })) }, /at most 199/],
    [{ ...base, clients: [{ serialNumber: 'A' }, { serialNumber: 'A' }] }, /appears twice/],
    [{ ...base, adminPin: '12345' }, /at least 6/],
    [{ ...base, storeName: ' ' }, /needs a name/],
    [{ ...base, environment: 'test' }, /masterData: a TEST or LIVE store needs its taxpayer and Betriebsstätte/],
  ])('refuses a bad plan with a plain reason (%#)', (plan, reason) => {
    expect(() => parseStorePlan(plan)).toThrow(PlanError);
    expect(() => parseStorePlan(plan)).toThrow(reason);
  });
});
