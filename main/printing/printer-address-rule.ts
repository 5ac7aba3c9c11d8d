import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { NetworkPrinterError, NetworkPrinterErrorCode } from './network-printer-error';
import { type PrinterAddress, formatPrinterAddress } from './printer-address';

/**
 * Where the network printer action may send raw TCP. A receipt printer sits on the store's own network,
 * so the page (which may be compromised) must not turn the action into a way to reach the internet or
 * another service on this laptop:
 *
 * - addresses: loopback 127.0.0.0/8 and ::1 (a printer emulator on this laptop, the tests' printer),
 *   private networks 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 (RFC 1918), link-local 169.254.0.0/16,
 *   IPv6 unique local fc00::/7 and link-local fe80::/10;
 * - ports: 9100–9109, raw printing (JetDirect; print servers with several ports count up from 9100).
 *
 * A host name is resolved first and every address it resolves to must pass; the connection then goes to
 * the checked address, never to a second lookup.
 */
export const PRINTER_PORTS = { first: 9100, last: 9109 } as const;

const PRIVATE_NETWORKS: ReadonlyArray<readonly [string, number, 'ipv4' | 'ipv6']> = [
  ['127.0.0.0', 8, 'ipv4'],
  ['10.0.0.0', 8, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'],
  ['::1', 128, 'ipv6'],
  ['fc00::', 7, 'ipv6'],
  ['fe80::', 10, 'ipv6'],
];

const allowedNetworks = new BlockList();
for (const [network, prefix, family] of PRIVATE_NETWORKS) allowedNetworks.addSubnet(network, prefix, family);

/** Whether an IP address (v4, v6, or v4-mapped v6) is on loopback or a private or link-local network. */
export function isPrivateNetworkAddress(ip: string): boolean {
  const address = ip.replace(/%.*$/, ''); // an IPv6 zone (fe80::1%eth0) names the interface, not the address
  const family = isIP(address);
  if (family === 0) return false;
  return allowedNetworks.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** Whether a port is one of the raw printing ports. */
export function isPrinterPort(port: number): boolean {
  return Number.isInteger(port) && port >= PRINTER_PORTS.first && port <= PRINTER_PORTS.last;
}

export type ResolveHost = (host: string) => Promise<string[]>;

/** Every address the operating system resolves a host name to. */
export const resolveHostAddresses: ResolveHost = async (host) => (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);

/**
 * The IP address to connect to for a parsed printer address, after the rule: the port first, then the
 * address (a literal as it is, a name through `resolve`). Throws E_PRINTER_PORT_NOT_ALLOWED or
 * E_PRINTER_ADDRESS_NOT_ALLOWED; name lookup failures come through as they are (the caller explains them).
 */
export async function allowedPrinterTarget(address: PrinterAddress, resolve: ResolveHost = resolveHostAddresses): Promise<PrinterAddress> {
  if (!isPrinterPort(address.port)) {
    throw new NetworkPrinterError(
      NetworkPrinterErrorCode.portNotAllowed,
      `TSS Companion prints only to the raw printing ports ${PRINTER_PORTS.first}–${PRINTER_PORTS.last}, not to port ${address.port}. Receipt printers listen on ${PRINTER_PORTS.first}; check the port on the printer's network status sheet.`,
    );
  }
  const addresses = isIP(address.host) !== 0 ? [address.host] : await resolve(address.host);
  const refused = addresses.filter((ip) => !isPrivateNetworkAddress(ip));
  if (addresses.length === 0 || refused.length > 0) {
    const named = isIP(address.host) !== 0 ? '' : ` (the name resolves to ${refused.join(', ') || 'nothing'})`;
    throw new NetworkPrinterError(
      NetworkPrinterErrorCode.addressNotAllowed,
      `TSS Companion prints only to printers on the store's own network (addresses such as 192.168.x.x, 10.x.x.x or 172.16–31.x.x), not to ${formatPrinterAddress(address)}${named}. Enter the printer's IP address from its network status sheet.`,
    );
  }
  return { host: addresses[0]!, port: address.port };
}
