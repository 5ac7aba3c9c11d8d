import { type Channel, channels, isChannel } from '../../../preload/contract';
import type { Handlers } from './dispatch';

/** Some of the bridge contract's channels, each with its handler: what one part of the app answers. */
export type HandlerSet = Partial<Handlers>;

/** One part of the app and the channels it answers (the composition's own, or a wing's). */
export interface HandlerPart {
  owner: string;
  handlers: HandlerSet;
}

/**
 * The one handler map the dispatch takes, from the parts that answer the contract's channels. Every
 * channel must be answered exactly once: a channel nobody answers, one two parts answer, or one the
 * contract does not know is a mistake in the composition, so it fails at start rather than on first use.
 */
export function composeHandlers(parts: readonly HandlerPart[]): Handlers {
  const owners = new Map<Channel, string>();
  const handlers: Partial<Record<Channel, unknown>> = {};
  const problems: string[] = [];
  for (const part of parts) {
    for (const [channel, handler] of Object.entries(part.handlers)) {
      if (!isChannel(channel)) {
        problems.push(`${part.owner} answers ${channel}, which the contract does not have`);
        continue;
      }
      const first = owners.get(channel);
      if (first) problems.push(`${channel} is answered by both ${first} and ${part.owner}`);
      owners.set(channel, part.owner);
      handlers[channel] = handler;
    }
  }
  const unanswered = channels.filter((channel) => !owners.has(channel));
  if (unanswered.length > 0) problems.push(`nobody answers ${unanswered.join(', ')}`);
  if (problems.length > 0) throw new Error(`The bridge is not composed right: ${problems.join('; ')}.`);
  return handlers as Handlers;
}
