/**
 * Every IPC channel goes through ONE wrapper: the sender must be the main frame of our own page
 * (app://bundle/…), and the payload must match the channel's schema in shared/ipc.ts before the handler runs.
 * The handler's result is checked too, so that main never hands the renderer more than the contract says.
 */
import { IPC_CHANNELS, ipcContract, type IpcChannel, type IpcPayload, type IpcResult } from '@shared/ipc';
import { isTrustedSenderUrl } from './trusted-url';

/** The part of Electron's IpcMainInvokeEvent the wrapper reads; fake events in tests provide just this. */
export interface IpcSenderEvent {
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

export class IpcSenderRejectedError extends Error {
  constructor(channel: string, reason: string) {
    super(`IPC ${channel} rejected: ${reason}`);
    this.name = 'IpcSenderRejectedError';
  }
}

export type IpcHandler<C extends IpcChannel, E extends IpcSenderEvent> = (
  payload: IpcPayload<C>,
  event: E,
) => Promise<IpcResult<C>> | IpcResult<C>;

export type IpcHandlers<E extends IpcSenderEvent> = { [C in IpcChannel]: IpcHandler<C, E> };

export interface IpcRegistrar<E extends IpcSenderEvent> {
  handle(channel: string, listener: (event: E, ...args: unknown[]) => Promise<unknown>): void;
}

/** Throws unless the event comes from the main frame of a trusted page. */
export function assertTrustedSender(event: IpcSenderEvent, channel: string): void {
  const frame = event.senderFrame;
  if (frame === null || frame === undefined) {
    // The frame navigated away or was destroyed before the message was handled.
    throw new IpcSenderRejectedError(channel, 'sender frame is gone');
  }
  if (frame.parent !== null) {
    throw new IpcSenderRejectedError(channel, 'sender is not the main frame');
  }
  if (!isTrustedSenderUrl(frame.url)) {
    throw new IpcSenderRejectedError(channel, `untrusted sender ${frame.url}`);
  }
}

/** Wraps a handler: sender check, then payload validation (a ZodError on mismatch), then result validation. */
export function createValidatedHandler<C extends IpcChannel, E extends IpcSenderEvent>(
  channel: C,
  handler: IpcHandler<C, E>,
): (event: E, ...args: unknown[]) => Promise<IpcResult<C>> {
  const { payload: payloadSchema, result: resultSchema } = ipcContract[channel];
  return async function validatedHandler(event: E, ...args: unknown[]): Promise<IpcResult<C>> {
    assertTrustedSender(event, channel);
    if (args.length > 1) {
      throw new Error(`IPC ${channel} rejected: expected at most one payload argument, got ${args.length}`);
    }
    // TypeScript cannot follow a generic channel C through ipcContract[C]: the schemas parsed are C's own.
    const payload = payloadSchema.parse(args[0]) as IpcPayload<C>;
    const result = await handler(payload, event);
    return resultSchema.parse(result) as IpcResult<C>; // C's result schema, as above
  };
}

/** Registers every channel of the contract; a missing handler is a startup error, not a silent gap. */
export function registerIpcHandlers<E extends IpcSenderEvent>(
  ipcMain: IpcRegistrar<E>,
  handlers: IpcHandlers<E>,
  onError: (channel: IpcChannel, error: unknown) => void = logIpcError,
): void {
  for (const channel of IPC_CHANNELS) {
    // Widened to any channel for the loop; a missing one is checked just below.
    const handler = handlers[channel] as IpcHandler<IpcChannel, E> | undefined;
    if (typeof handler !== 'function') {
      throw new Error(`No IPC handler for channel ${channel}`);
    }
    const validated = createValidatedHandler(channel, handler);
    ipcMain.handle(channel, async (event, ...args) => {
      try {
        return await validated(event, ...args);
      } catch (error) {
        onError(channel, error);
        throw error;
      }
    });
  }
}

function logIpcError(channel: IpcChannel, error: unknown): void {
  console.warn(`[branch-ledger] IPC ${channel} failed:`, error instanceof Error ? error.message : error);
}
