import { describe, expect, it } from 'vitest';
import { createElectronPrintPort } from '../../../../main/app/electron-print-port';
import { isOsDefaultPrinter } from '../../../../main/app/printer-default';

describe('the default printer', () => {
  it('is the one CUPS marks as default (printer-type bit 0x20000), no other', () => {
    expect(isOsDefaultPrinter({ 'printer-type': String(0x20000 | 0x4 | 0x1000) })).toBe(true);
    expect(isOsDefaultPrinter({ 'printer-type': '4100' })).toBe(false);
    expect(isOsDefaultPrinter({ 'printer-is-default': 'true' })).toBe(true);
    expect(isOsDefaultPrinter({})).toBe(false);
    expect(isOsDefaultPrinter(undefined)).toBe(false);
  });

  it('is not the first printer when the OS does not say so', async () => {
    const contents = {
      getPrintersAsync: async () => [
        { name: 'Office', displayName: 'Office', description: '', options: { 'printer-type': '4100' } },
        { name: 'EPSON TM-T20III', displayName: 'EPSON', description: '', options: { 'printer-type': String(0x20000) } },
        { name: 'Windows printer', displayName: 'W', description: '', options: {} },
      ],
    };
    const port = createElectronPrintPort(() => contents as never);
    expect(await port.printers()).toEqual([
      { name: 'Office', isDefault: false },
      { name: 'EPSON TM-T20III', isDefault: true },
      { name: 'Windows printer', isDefault: false },
    ]);
  });
});
