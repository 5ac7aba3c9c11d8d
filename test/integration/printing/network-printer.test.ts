import { type Server, type Socket, createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { NetworkPrinterError, sendToNetworkPrinter } from '../../../main/printing';
import { buildReceiptModel, encodeReceiptEscPos } from '../../../main/products/sign-de/receipt';
import { printerErrorFor } from '../../../main/printing/network-printer';
import { qrStoreDataPayloads } from '../../unit/main/printing/escpos-commands';
import { signedTestReceipt } from '../../unit/main/products/sign-de/receipt/signed-receipt';
import { listenOnPrinterPort } from '../../support/loopback-printer-port';

const servers: Server[] = [];
const sockets: Socket[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A raw-TCP "printer" on loopback that keeps every byte of each connection. */
async function loopbackPrinter(options: { pauseOnConnect?: boolean } = {}): Promise<{ host: string; port: number; jobs: Promise<Buffer>[] }> {
  const jobs: Promise<Buffer>[] = [];
  const server = createServer({ pauseOnConnect: options.pauseOnConnect ?? false }, (socket) => {
    sockets.push(socket);
    if (options.pauseOnConnect) return; // never reads: a printer that has stopped taking data
    const chunks: Buffer[] = [];
    jobs.push(
      new Promise((resolve) => {
        socket.on('data', (chunk) => chunks.push(chunk));
        socket.on('end', () => {
          socket.end();
          resolve(Buffer.concat(chunks));
        });
      }),
    );
  });
  servers.push(server);
  const { host, port } = await listenOnPrinterPort(server);
  return { host, port, jobs };
}

async function failure(promise: Promise<unknown>): Promise<NetworkPrinterError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(NetworkPrinterError);
    return error as NetworkPrinterError;
  }
  throw new Error('expected the print to fail');
}

describe('network printer', () => {
  it('delivers the ESC/POS receipt whole: the native QR store-data command carries exactly the qr_code_data', async () => {
    const model = buildReceiptModel(signedTestReceipt());
    const bytes = encodeReceiptEscPos(model, { paper: '80mm' });
    const printer = await loopbackPrinter();
    await sendToNetworkPrinter({ host: printer.host, port: printer.port }, bytes);
    expect(printer.jobs).toHaveLength(1);
    const received = await printer.jobs[0];
    expect(received?.equals(Buffer.from(bytes))).toBe(true);
    expect(qrStoreDataPayloads(new Uint8Array(received ?? []))).toEqual([model.qrCodeData]);
  });

  it('says the printer refused the connection when nothing listens on the port', async () => {
    const printer = await loopbackPrinter();
    const closed = servers.pop();
    await new Promise((resolve) => closed?.close(resolve));
    const error = await failure(sendToNetworkPrinter({ host: printer.host, port: printer.port }, new Uint8Array([0x1b, 0x40])));
    expect(error.code).toBe('E_PRINTER_REFUSED');
    expect(error.message).toBe(
      `The device at ${printer.host} refused the connection on port ${printer.port}. Check that this is the receipt printer's IP address and that its port is ${printer.port} (raw printing), and close other programs that may be printing to it.`,
    );
  });

  it('gives up when the printer stops taking data, and says to check paper and cover', async () => {
    const printer = await loopbackPrinter({ pauseOnConnect: true });
    // More than the loopback socket buffers hold, so the write has to wait for a reader that never comes.
    const job = new Uint8Array(64 * 1024 * 1024);
    const started = Date.now();
    const error = await failure(sendToNetworkPrinter({ host: printer.host, port: printer.port }, job, { writeTimeoutMs: 300 }));
    expect(error.code).toBe('E_PRINTER_WRITE_TIMEOUT');
    expect(error.message).toBe(
      `The printer at ${printer.host}:${printer.port} stopped taking data for 0.3 s. Check that it has paper, its cover is closed and no error light is on, then print again.`,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('gives up when the printer does not answer the connection in time', async () => {
    const { Socket: NetSocket } = await import('node:net');
    const started = Date.now();
    // A socket that never connects stands in for a printer that is switched off (no traffic leaves the machine).
    const error = await failure(
      sendToNetworkPrinter({ host: '192.168.2.10' }, new Uint8Array([0x1b, 0x40]), { connectTimeoutMs: 200, openConnection: () => new NetSocket() }),
    );
    expect(error.code).toBe('E_PRINTER_CONNECT_TIMEOUT');
    expect(error.message).toBe(
      'The printer at 192.168.2.10:9100 did not answer within 0.2 s. Check that it is switched on, that its network cable is plugged in (or it is on the store\'s Wi-Fi), and that the IP address is right.',
    );
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('explains unreachable hosts, unknown names and dropped connections in plain words', () => {
    const address = { host: '192.168.1.50', port: 9100 };
    const timeouts = { connectTimeoutMs: 5000, writeTimeoutMs: 15000 };
    const unreachable = printerErrorFor({ code: 'EHOSTUNREACH' }, 'connect', address, timeouts);
    expect(unreachable.code).toBe('E_PRINTER_UNREACHABLE');
    expect(unreachable.message).toMatch(/cannot be reached from this laptop.*store's network/);
    expect(printerErrorFor({ code: 'ENETUNREACH' }, 'connect', address, timeouts).code).toBe('E_PRINTER_UNREACHABLE');
    expect(printerErrorFor({ code: 'ENOTFOUND' }, 'connect', { host: 'kassendrucker', port: 9100 }, timeouts).message).toMatch(
      /^The printer name "kassendrucker" could not be found.*IP address instead/,
    );
    expect(printerErrorFor({ code: 'ETIMEDOUT' }, 'connect', address, timeouts).code).toBe('E_PRINTER_CONNECT_TIMEOUT');
    expect(printerErrorFor({ code: 'ETIMEDOUT' }, 'write', address, timeouts).code).toBe('E_PRINTER_WRITE_TIMEOUT');
    expect(printerErrorFor({ code: 'ECONNRESET' }, 'write', address, timeouts).message).toMatch(/closed the connection.*paper, cover/);
    expect(printerErrorFor({ code: 'EWHATEVER' }, 'write', address, timeouts)).toMatchObject({ code: 'E_PRINTER_FAILED', message: expect.stringContaining('EWHATEVER') });
  });

  it('checks the address before connecting', async () => {
    const error = await failure(sendToNetworkPrinter({ host: '192.168.1.300' }, new Uint8Array(1)));
    expect(error.code).toBe('E_PRINTER_ADDRESS_INVALID');
    expect((await failure(sendToNetworkPrinter({ host: '127.0.0.1', port: 70000 }, new Uint8Array(1)))).code).toBe('E_PRINTER_ADDRESS_INVALID');
  });
});
