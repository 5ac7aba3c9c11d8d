/** What every bridge call resolves to: thrown errors do not survive IPC, Results do. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: BridgeError };

/** A failure the renderer can show: a stable code and a plain-language message with no secret in it. */
export interface BridgeError {
  code: string;
  message: string;
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = (code: string, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});
