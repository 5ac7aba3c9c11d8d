/** Failures the renderer itself detects; main's codes (E_INTERNAL, …) come through Results. */
export const rendererErrorCodes = {
  /** `window.companion` is missing: the page runs without the preload. */
  unavailable: 'E_BRIDGE_UNAVAILABLE',
  /** A bridge call threw or its promise rejected instead of resolving to a Result. */
  callFailed: 'E_BRIDGE_CALL_FAILED',
  /** A bridge call resolved to something that is not a Result. */
  badResponse: 'E_BAD_RESPONSE',
} as const;
