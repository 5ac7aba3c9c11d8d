import type { Server } from 'node:net';
import { PRINTER_PORTS } from '../../main/printing';

const pick = (from: number, to: number) => from + Math.floor(Math.random() * (to - from + 1));

/**
 * Listens on a raw printing port (9100–9109, the only ones the network printer action reaches) on a
 * loopback address of its own (127.x.y.z), so tests running at once, or a real printer emulator on
 * 127.0.0.1:9100, never clash. Where only 127.0.0.1 is configured (macOS), it takes a free port there.
 */
export async function listenOnPrinterPort(server: Server): Promise<{ host: string; port: number }> {
  let onlyFirstLoopback = false;
  for (let attempt = 0; attempt < 100; attempt++) {
    const host = onlyFirstLoopback ? '127.0.0.1' : `127.${pick(1, 254)}.${pick(0, 255)}.${pick(1, 254)}`;
    const port = pick(PRINTER_PORTS.first, PRINTER_PORTS.last);
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      return { host, port };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRNOTAVAIL') onlyFirstLoopback = true;
      else if (code !== 'EADDRINUSE') throw error;
    }
  }
  throw new Error('no free printer port on loopback');
}
