import type { Log } from '../log';
import type { Dispatch } from './dispatch';

/** Channels whose success is a fact worth a line: something went to a printer or became a file. */
const PRINT_JOB = /^print:(?!printers$)/;

/**
 * The dispatch with its outcomes in the log: every failed call (channel, code, message: the messages are
 * plain language and name no secret; the log scrubs them anyway) and every print job. The payload is never
 * logged: it is where PINs and passphrases travel.
 */
export function loggedDispatch(dispatch: Dispatch, log: Log): Dispatch {
  return async (channel, payload) => {
    const result = await dispatch(channel, payload);
    const name = typeof channel === 'string' ? channel.slice(0, 60) : typeof channel;
    if (!result.ok) log.warn('bridge call failed', { channel: name, code: result.error.code, message: result.error.message });
    else if (PRINT_JOB.test(name)) log.info('print job done', { channel: name });
    return result;
  };
}
