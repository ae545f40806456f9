/**
 * The renderer's half of the worker's host relay: the kernel worker cannot reach the host itself
 * (the renderer holds the HostClient: Electron IPC or HTTP with the token), so it posts a
 * `host-request` and gets this answer. Only the operations in KERNEL_HOST_OPERATIONS get here
 * (core/kernel-worker-guards.ts refuses the rest); the host checks the request's fields as for
 * any caller.
 */
import type { HostClient } from '../../core/host-contract';
import type { HostRelayRequest, HostRelayResponse } from '../../core/kernel-worker-protocol';

export async function answerHostRequest(
  host: HostClient,
  message: HostRelayRequest,
): Promise<HostRelayResponse> {
  const { id } = message;
  try {
    const response = await host.call(message.operation, message.request);
    return { type: 'host-response', id, ok: true, response };
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    return { type: 'host-response', id, ok: false, message: text };
  }
}
