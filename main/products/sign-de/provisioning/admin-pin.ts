import { randomInt } from 'node:crypto';

/** A 10-digit admin PIN from the system's cryptographic random source (fiskaly requires at least 6). */
export function generateAdminPin(): string {
  let pin = '';
  for (let i = 0; i < 10; i++) pin += String(randomInt(10));
  return pin;
}
