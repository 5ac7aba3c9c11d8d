import { Socket } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import { checkNetworkPrinter, isPrinterPort, isPrivateNetworkAddress, sendToNetworkPrinter } from '../../../../main/printing';
import { allowedPrinterTarget } from '../../../../main/printing/printer-address-rule';

const notAllowed = expect.objectContaining({ code: 'E_PRINTER_ADDRESS_NOT_ALLOWED' });
const portNotAllowed = expect.objectContaining({ code: 'E_PRINTER_PORT_NOT_ALLOWED' });
/** A resolver that answers from a table and never asks a DNS server. */
const table = (answers: Record<string, string[]>) => async (host: string) => {
  const found = answers[host];
  if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  return found;
};

describe('the printer address rule', () => {
  it('allows loopback, RFC 1918, link-local and IPv6 ULA / link-local addresses', () => {
    for (const ip of [
      '127.0.0.1', '127.255.255.254', '10.0.0.1', '10.255.255.255', '172.16.0.1', '172.31.255.254', '192.168.0.1', '192.168.178.20',
      '169.254.10.20', '::1', 'fc00::1', 'fd12:3456:789a::50', 'fe80::1', 'febf::1', 'fe80::1%eth0', '::ffff:192.168.1.50', '::ffff:127.0.0.1',
    ]) {
      expect(isPrivateNetworkAddress(ip), ip).toBe(true);
    }
  });

  it('refuses public, special and malformed addresses', () => {
    for (const ip of [
      '8.8.8.8', '1.1.1.1', '0.0.0.0', '9.255.255.255', '11.0.0.0', '172.15.255.255', '172.32.0.0', '192.167.1.1', '192.169.0.1',
      '169.253.0.1', '100.64.0.1', '192.0.2.10', '224.0.0.1', '255.255.255.255', '::', '2001:4860:4860::8888', 'fec0::1',
      'ff02::1', '::ffff:8.8.8.8', 'kassendrucker', '', '127.0.0.1.5',
    ]) {
      expect(isPrivateNetworkAddress(ip), ip).toBe(false);
    }
  });

  it('allows the raw printing ports 9100–9109 only', () => {
    expect([9100, 9101, 9105, 9109].every(isPrinterPort)).toBe(true);
    expect([22, 80, 443, 515, 631, 9099, 9110, 65535, 9100.5].some(isPrinterPort)).toBe(false);
  });

  it('refuses 8.8.8.8:9100 and 127.0.0.1:22, saying what is allowed', async () => {
    await expect(allowedPrinterTarget({ host: '8.8.8.8', port: 9100 })).rejects.toThrow(notAllowed);
    await expect(allowedPrinterTarget({ host: '8.8.8.8', port: 9100 })).rejects.toThrow(/only to printers on the store's own network.*not to 8\.8\.8\.8:9100/);
    await expect(allowedPrinterTarget({ host: '127.0.0.1', port: 22 })).rejects.toThrow(portNotAllowed);
    await expect(allowedPrinterTarget({ host: '127.0.0.1', port: 22 })).rejects.toThrow(/ports 9100–9109, not to port 22/);
    await expect(allowedPrinterTarget({ host: '192.168.1.50', port: 9100 })).resolves.toEqual({ host: '192.168.1.50', port: 9100 });
  });

  it('resolves a name first and needs every address it resolves to to pass', async () => {
    const resolve = table({
      kassendrucker: ['192.168.1.50', 'fe80::50'],
      'halb.example': ['192.168.1.50', '203.0.113.9'],
      'weit.example': ['93.184.216.34'],
      leer: [],
    });
    await expect(allowedPrinterTarget({ host: 'kassendrucker', port: 9100 }, resolve)).resolves.toEqual({ host: '192.168.1.50', port: 9100 });
    await expect(allowedPrinterTarget({ host: 'halb.example', port: 9100 }, resolve)).rejects.toThrow(/resolves to 203\.0\.113\.9/);
    await expect(allowedPrinterTarget({ host: 'weit.example', port: 9100 }, resolve)).rejects.toThrow(notAllowed);
    await expect(allowedPrinterTarget({ host: 'leer', port: 9100 }, resolve)).rejects.toThrow(notAllowed);
    // The port is checked before any name is looked up.
    const lookups = vi.fn(resolve);
    await expect(allowedPrinterTarget({ host: 'kassendrucker', port: 80 }, lookups)).rejects.toThrow(portNotAllowed);
    expect(lookups).not.toHaveBeenCalled();
  });

  it('explains a name that does not resolve as before', async () => {
    await expect(checkNetworkPrinter({ host: 'kassendrucker', port: 9100 }, table({}))).rejects.toThrow(
      expect.objectContaining({ code: 'E_PRINTER_NAME_NOT_FOUND' }),
    );
  });

  it('runs before any socket is opened, and the socket goes to the checked address', async () => {
    const open = vi.fn(() => new Socket());
    const resolve = table({ 'weit.example': ['8.8.8.8'], kassendrucker: ['192.168.1.50'] });
    for (const [host, port] of [['8.8.8.8', 9100], ['127.0.0.1', 22], ['2001:4860:4860::8888', 9100], ['weit.example', 9100]] as const) {
      await expect(sendToNetworkPrinter({ host, port }, new Uint8Array([0x1b, 0x40]), { openConnection: open, resolve })).rejects.toThrow(
        expect.objectContaining({ code: expect.stringMatching(/^E_PRINTER_(ADDRESS|PORT)_NOT_ALLOWED$/) }),
      );
    }
    expect(open).not.toHaveBeenCalled();

    // A socket that never connects: nothing leaves the machine, the connect timeout ends it.
    await expect(
      sendToNetworkPrinter({ host: 'kassendrucker', port: 9101 }, new Uint8Array([0x1b, 0x40]), { openConnection: open, resolve, connectTimeoutMs: 50 }),
    ).rejects.toThrow(expect.objectContaining({ code: 'E_PRINTER_CONNECT_TIMEOUT' }));
    expect(open).toHaveBeenCalledWith({ host: '192.168.1.50', port: 9101 });
  });
});
