import { describe, expect, it } from 'vitest';
import { PlanError, parsePlanFile, parseStorePlan } from '../../../../../../main/products/sign-de/provisioning/store-plan';

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
  ])('refuses a bad plan with a plain reason (%#)', (plan, reason) => {
    expect(() => parseStorePlan(plan)).toThrow(PlanError);
    expect(() => parseStorePlan(plan)).toThrow(reason);
  });

  it('reads many stores from CSV, one row per client', () => {
    const plans = parsePlanFile('store,client_serial,environment,test_receipt\nNord,N1,test,yes\nNord,N2,test,yes\nSüd,S1,,no\n', 'csv');
    expect(plans.map((p) => [p.storeName, p.environment, p.testReceipt, p.clients.length])).toEqual([
      ['Nord', 'test', true, 2],
      ['Süd', 'sandbox', false, 1],
    ]);
  });

  it('reads JSON as one store, a list, or { stores }', () => {
    expect(parsePlanFile(JSON.stringify(base), 'json')).toHaveLength(1);
    expect(parsePlanFile(JSON.stringify([base, base]), 'json')).toHaveLength(2);
    expect(parsePlanFile(JSON.stringify({ stores: [base] }), 'json')).toHaveLength(1);
    expect(() => parsePlanFile('{', 'json')).toThrow(/not valid JSON/);
    expect(() => parsePlanFile('store\nNord\n', 'csv')).toThrow(/needs store and client_serial/);
  });
});
