import { describe, expect, it } from 'vitest';
import { type HandlerSet, composeHandlers } from '../../../../../main/core/bridge/compose-handlers';
import { channels } from '../../../../../preload/contract';

/** A handler for each of `names`, answering its own channel's name. */
const answering = (names: readonly string[]): HandlerSet => Object.fromEntries(names.map((name) => [name, () => name])) as HandlerSet;

describe('composeHandlers', () => {
  const [first, ...rest] = channels;

  it('joins the parts into one handler per channel', () => {
    const handlers = composeHandlers([
      { owner: 'the composition', handlers: answering([first]) },
      { owner: 'SIGN DE', handlers: answering(rest) },
    ]);
    expect(Object.keys(handlers).sort()).toEqual([...channels].sort());
    expect((handlers[first] as unknown as () => string)()).toBe(first);
  });

  it('fails at start when a channel has no handler', () => {
    expect(() => composeHandlers([{ owner: 'SIGN DE', handlers: answering(rest) }])).toThrow(`nobody answers ${first}`);
  });

  it('fails at start when two parts answer one channel, naming both', () => {
    const parts = [
      { owner: 'the composition', handlers: answering(channels) },
      { owner: 'SIGN DE', handlers: answering([first]) },
    ];
    expect(() => composeHandlers(parts)).toThrow(`${first} is answered by both the composition and SIGN DE`);
  });

  it('fails at start when a part answers a channel the contract does not have', () => {
    const parts = [{ owner: 'SIGN DE', handlers: { ...answering(channels), 'tss:frobnicate': () => ({}) } as HandlerSet }];
    expect(() => composeHandlers(parts)).toThrow('SIGN DE answers tss:frobnicate, which the contract does not have');
  });
});
