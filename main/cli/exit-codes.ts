/** The CLI's documented exit codes (README). */
export const EXIT = {
  ok: 0,
  /** The work failed (fiskaly refused, the network is gone, the receipt is invalid); a resume may fix it. */
  failed: 1,
  /** Bad arguments or input that cannot be read (including an unparseable QR code). */
  usage: 2,
  /** The admin PIN is blocked: run `tss-companion recover unblock`. */
  pinBlocked: 3,
  /** `connect`: fiskaly refused the API key and secret (401 to the login). */
  credentialsRefused: 3,
  /** The vault could not be opened (wrong passphrase, damaged file). */
  vault: 4,
  /** Stopped with Ctrl+C; the run can be resumed. */
  cancelled: 130,
} as const;

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Ctrl+C at a question on the terminal (raw mode: a key, not a signal): the command ends with exit 130. */
export class PromptCancelledError extends Error {
  constructor(question: string) {
    super(`Stopped with Ctrl+C at "${question}"; nothing was changed.`);
    this.name = 'PromptCancelledError';
  }
}
