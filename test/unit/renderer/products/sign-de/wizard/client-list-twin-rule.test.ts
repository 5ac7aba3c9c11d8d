import { describe, expect, it, vi } from 'vitest';
import type * as StoreRules from '../../../../../../preload/contract/sign-de/store-rules';

// The contract's twin rule swapped for another: the wizard must follow it, not a copy of its own (review #16).
vi.mock('../../../../../../preload/contract/sign-de/store-rules', async (importOriginal) => ({
  ...(await importOriginal<typeof StoreRules>()),
  serialKey: (serial: string) => serial.replaceAll(' ', '').toLowerCase(),
}));

const { caseTwin, serialProblem } = await import('../../../../../../renderer/src/products/sign-de/wizard/client-list');
const { StorePlan } = await import('../../../../../../preload/contract/sign-de/store-plan');

describe('the wizard’s twin check is the contract’s rule (serialKey), not a copy', () => {
  it('finds the twin the contract’s serialKey finds, and the plan refuses the same pair', () => {
    expect(caseTwin('KASSE 1', ['kasse1'])).toBe('kasse1');
    expect(serialProblem('KASSE 1', ['kasse1'])).toBe('duplicateCase');
    const plan = StorePlan.safeParse({ environment: 'sandbox', storeName: 'Filiale', clients: [{ serialNumber: 'kasse1' }, { serialNumber: 'KASSE 1' }] });
    expect(plan.success).toBe(false);
  });
});
