import { randomInt } from 'node:crypto';
import type { Vault } from '../../../vault';
import type { JournalData } from './journal';

/** A 10-digit admin PIN from the system's cryptographic random source (fiskaly requires at least 6). */
export function generateAdminPin(): string {
  let pin = '';
  for (let i = 0; i < 10; i++) pin += String(randomInt(10));
  return pin;
}

/** Stores a run's admin PIN in the vault, under the TSS id, with what the vault lists it by. */
export function storePin(vault: Vault, data: JournalData, pin: string) {
  return vault.put({
    id: data.tssId,
    kind: 'admin-pin',
    labels: { environment: data.plan.environment, tssId: data.tssId, storeName: data.plan.storeName, organizationId: data.organizationId },
    secret: { pin },
  });
}
