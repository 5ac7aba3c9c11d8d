import type { Channel, ChannelRequest, ChannelResponse } from './channels';
import type { BridgeEventName, BridgeEvents } from './events';
import type { Result } from './core/result';

type AreaOf<C> = C extends `${infer A}:${string}` ? A : never;
type VerbOf<C, A extends string> = C extends `${A}:${infer V}` ? V : never;

type CallFor<C extends Channel> =
  undefined extends ChannelRequest<C>
    ? (request?: ChannelRequest<C>) => Promise<Result<ChannelResponse<C>>>
    : (request: ChannelRequest<C>) => Promise<Result<ChannelResponse<C>>>;

/** `window.companion`: one function per channel, grouped by area (`app:info` → `companion.app.info`). */
export type CompanionApi = {
  [A in AreaOf<Channel>]: { [V in VerbOf<Channel, A>]: CallFor<Extract<`${A}:${V}`, Channel>> };
} & {
  on<E extends BridgeEventName>(event: E, listener: (payload: BridgeEvents[E]) => void): () => void;
};

/** How the bridge reaches main: `ipcRenderer` in Electron, a Playwright binding in the browser shell. */
export interface BridgeTransport {
  invoke(channel: Channel, payload: unknown): Promise<Result<unknown>>;
  subscribe(listener: (event: BridgeEventName, payload: unknown) => void): () => void;
}
