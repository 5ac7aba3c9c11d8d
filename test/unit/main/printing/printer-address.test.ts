import { describe, expect, it } from 'vitest';
import { formatPrinterAddress, parsePrinterAddress } from '../../../../main/printing';

const invalid = expect.objectContaining({ code: 'E_PRINTER_ADDRESS_INVALID' });

describe('printer addresses', () => {
  it('takes IPv4 and IPv6 literals and host names, port 9100 by default', () => {
    expect(parsePrinterAddress('192.168.1.50')).toEqual({ host: '192.168.1.50', port: 9100 });
    expect(parsePrinterAddress(' fe80::1 ', 9101)).toEqual({ host: 'fe80::1', port: 9101 });
    expect(parsePrinterAddress('[2001:db8::7]', '9100')).toEqual({ host: '2001:db8::7', port: 9100 });
    expect(parsePrinterAddress('tm-m30-kasse1.filiale.local')).toEqual({ host: 'tm-m30-kasse1.filiale.local', port: 9100 });
    expect(parsePrinterAddress('EPSON1A2B3C')).toEqual({ host: 'EPSON1A2B3C', port: 9100 });
  });

  it('refuses what is neither, and ports outside 1–65535, saying why', () => {
    expect(() => parsePrinterAddress('')).toThrow(invalid);
    expect(() => parsePrinterAddress('192.168.1.300')).toThrow(/not a valid IPv4 address/);
    expect(() => parsePrinterAddress('fe80::1::2')).toThrow(/not a valid IPv6 address/);
    expect(() => parsePrinterAddress('drucker kasse')).toThrow(/neither an IP address nor a valid host name/);
    expect(() => parsePrinterAddress('-printer')).toThrow(invalid);
    expect(() => parsePrinterAddress('http://192.168.1.50')).toThrow(invalid);
    expect(() => parsePrinterAddress(`${'a'.repeat(64)}.local`)).toThrow(invalid);
    for (const port of [0, 65536, 91.5, Number.NaN, '91OO', '', '-1']) expect(() => parsePrinterAddress('192.168.1.50', port)).toThrow(/not a port number/);
  });

  it('writes IPv6 addresses in brackets', () => {
    expect(formatPrinterAddress({ host: 'fe80::1', port: 9100 })).toBe('[fe80::1]:9100');
    expect(formatPrinterAddress({ host: '10.0.0.7', port: 9100 })).toBe('10.0.0.7:9100');
  });
});
