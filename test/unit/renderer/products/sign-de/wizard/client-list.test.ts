import { describe, expect, it } from 'vitest';
import { CLIENT_SERIAL_PATTERN, MAX_CLIENTS } from '../../../../../../preload/contract/sign-de/store-rules';
import { StorePlan } from '../../../../../../preload/contract/sign-de/store-plan';
import { addClients, clientListProblems, serialProblem, splitClientList } from '../../../../../../renderer/src/products/sign-de/wizard/client-list';

describe('splitClientList', () => {
  it('takes one serial per line, and commas, semicolons and tabs as separators too', () => {
    expect(splitClientList('KASSE-01\nKASSE-02\r\nKASSE-03')).toEqual(['KASSE-01', 'KASSE-02', 'KASSE-03']);
    expect(splitClientList('A1, A2;A3\tA4')).toEqual(['A1', 'A2', 'A3', 'A4']);
    expect(splitClientList('  Kasse 1  \n\n ; ,\n  Kasse 2')).toEqual(['Kasse 1', 'Kasse 2']);
    expect(splitClientList('')).toEqual([]);
  });
});

describe('serialProblem', () => {
  it('accepts what the contract’s pattern accepts', () => {
    for (const serial of ['KASSE-01', 'Kasse 1 (Theke)', "O'Brien+1", 'A.B:C=D?', 'x'.repeat(70)]) {
      expect(CLIENT_SERIAL_PATTERN.test(serial), serial).toBe(true);
      expect(serialProblem(serial, []), serial).toBeNull();
    }
  });

  it('names the specific problem: / and _ first, then length, then other characters', () => {
    expect(serialProblem('', [])).toBe('empty');
    expect(serialProblem('   ', [])).toBe('empty');
    expect(serialProblem('KASSE/01', [])).toBe('slash');
    expect(serialProblem('KASSE_01', [])).toBe('underscore');
    expect(serialProblem('x'.repeat(71), [])).toBe('tooLong');
    expect(serialProblem('Kässe 1', [])).toBe('characters');
    expect(serialProblem('Kasse#1', [])).toBe('characters');
    expect(serialProblem('KASSE-01', ['KASSE-01'])).toBe('duplicate');
    expect(serialProblem('KASSE-200', Array.from({ length: MAX_CLIENTS }, (_, i) => `K${i}`))).toBe('tooMany');
  });
});

describe('addClients', () => {
  it('adds the valid ones, reports the others with their reason, and keeps the list valid', () => {
    const change = addClients(['KASSE-01'], 'KASSE-02\nKASSE/03\nKASSE-01\nKASSE-02\nKASSE_04;Kasse 5');
    expect(change.added).toEqual(['KASSE-02', 'Kasse 5']);
    expect(change.clients).toEqual(['KASSE-01', 'KASSE-02', 'Kasse 5']);
    expect(change.rejected).toEqual([
      { serial: 'KASSE/03', problem: 'slash' },
      { serial: 'KASSE-01', problem: 'duplicate' },
      { serial: 'KASSE-02', problem: 'duplicate' },
      { serial: 'KASSE_04', problem: 'underscore' },
    ]);
    expect(clientListProblems(change.clients)).toEqual([]);
  });

  it(`stops at ${MAX_CLIENTS} clients`, () => {
    const pasted = Array.from({ length: MAX_CLIENTS + 2 }, (_, i) => `KASSE-${i + 1}`).join('\n');
    const change = addClients([], pasted);
    expect(change.clients).toHaveLength(MAX_CLIENTS);
    expect(change.rejected).toEqual([
      { serial: `KASSE-${MAX_CLIENTS + 1}`, problem: 'tooMany' },
      { serial: `KASSE-${MAX_CLIENTS + 2}`, problem: 'tooMany' },
    ]);
  });

  it('does not change the list it was given', () => {
    const existing = ['A'];
    addClients(existing, 'B');
    expect(existing).toEqual(['A']);
  });
});

describe('serials differing only in case (issue 11)', () => {
  it('are refused as twins, naming the one already in the list, as the contract’s plan does', () => {
    expect(serialProblem('kasse-01', ['KASSE-01'])).toBe('duplicateCase');
    expect(clientListProblems(['KASSE-01', 'KASSE-02', 'kasse-01'])).toEqual([{ serial: 'kasse-01', problem: 'duplicateCase', twin: 'KASSE-01' }]);
    expect(addClients(['Kasse 1'], 'KASSE 1').rejected).toEqual([{ serial: 'KASSE 1', problem: 'duplicateCase', twin: 'Kasse 1' }]);
    const plan = StorePlan.safeParse({ storeName: 'X', environment: 'sandbox', clients: [{ serialNumber: 'KASSE-01' }, { serialNumber: 'kasse-01' }] });
    expect(plan.success).toBe(false);
  });
});

describe('clientListProblems', () => {
  it('finds invalid entries and duplicates in a whole list', () => {
    expect(clientListProblems(['A', 'B/1', 'A'])).toEqual([
      { serial: 'B/1', problem: 'slash' },
      { serial: 'A', problem: 'duplicate' },
    ]);
  });
});
