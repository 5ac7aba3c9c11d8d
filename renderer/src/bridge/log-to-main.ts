import type { CompanionApi } from '../../../preload/contract/api';
import type { ChannelRequest } from '../../../preload/contract/channels';

/**
 * One line into main's log file (`log:write`), never failing the caller: the message is a plain fact
 * (what failed, where), never a value the technician typed; main scrubs and rate-limits it anyway.
 */
export function logToMain(bridge: CompanionApi, line: ChannelRequest<'log:write'>): void {
  try {
    void bridge.log.write({ ...line, message: line.message.slice(0, 500) }).catch(() => {});
  } catch {
    // A bridge without the channel: the line is lost, the page goes on.
  }
}
