import packageJson from '../../package.json' with { type: 'json' };
import { type Services, createServices } from '../services';
import { unavailableKeyWrapper } from '../vault';
import { lazyChromiumPrintPort } from './cli-print-port';

/** The services of one command, made when it first needs them and closed when it ends. */
export interface CommandServices {
  get(): Services;
  close(): Promise<void>;
}

/**
 * The CLI's services are the app's (createServices), with no OS keychain (that is Electron's), so the
 * recovery passphrase unlocks the vault. Made on first use: bad arguments are refused before anything opens.
 * PDFs (the handover) through Chromium, started only when one is made.
 */
export function commandServices(dataDir: string): CommandServices {
  let services: Services | null = null;
  const printPort = lazyChromiumPrintPort(dataDir);
  return {
    get: () => (services ??= createServices({ dataDir, version: packageJson.version, keyWrapper: unavailableKeyWrapper('the command line has no OS keychain'), printPort, logShell: 'cli' })),
    close: async () => {
      await services?.close();
      services = null;
      await printPort.close();
    },
  };
}
