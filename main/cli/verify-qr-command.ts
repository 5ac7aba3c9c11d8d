import { checkReceipt, parseQrCodeData } from '../products/sign-de/tse';
import { printable } from './arguments';
import { EXIT, UsageError } from './exit-codes';
import { failureJson } from './failure-output';
import type { CommandIo } from './command-io';

/** `tss-companion verify-qr "<qr_code_data>"`: exit 0 valid, 1 invalid, 2 not parseable; every check printed. */
export function verifyQrCommand(text: string, values: { 'tss-serial'?: string; json?: boolean }, io: Pick<CommandIo, 'out' | 'err'>): number {
  const serial = values['tss-serial'];
  if (serial !== undefined && !/^[0-9a-fA-F]{64}$/.test(serial)) {
    throw new UsageError(`--tss-serial takes the TSS serial number (64 hex characters, as the overview shows it), not "${serial}"`);
  }
  const parsed = parseQrCodeData(text);
  if (!parsed.ok) {
    const message = `not a KassenSichV receipt QR code: ${parsed.error.message}`;
    io.err(printable(message));
    if (values.json) io.out(JSON.stringify(failureJson({ code: 'E_NOT_A_RECEIPT_QR', message, exit: EXIT.usage }), null, 2));
    return EXIT.usage;
  }
  const result = checkReceipt(text, serial ? { tssSerialNumber: serial.toLowerCase() } : {});
  if (values.json) io.out(JSON.stringify({ valid: result.valid, checks: result.checks }, null, 2));
  else {
    for (const check of result.checks) io.out(`${check.ok ? 'ok  ' : 'FAIL'} ${check.name}: ${check.detail}`);
    io.out(result.valid ? 'valid: the signature matches this receipt' : 'INVALID: do not accept this receipt');
  }
  return result.valid ? EXIT.ok : EXIT.failed;
}
