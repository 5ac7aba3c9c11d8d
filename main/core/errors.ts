/**
 * An error the technician may see. The message is plain language and must never contain a secret;
 * the code is stable so the renderer can translate it.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
