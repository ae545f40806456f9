/**
 * The renderer's half of the worker's host relay: the kernel worker cannot reach the host itself
 * (the renderer holds the HostClient: Electron IPC or HTTP with the token), so it posts a
 * `host-request` and gets this answer. Only the operations in KERNEL_HOST_OPERATIONS get here
 * (core/kernel-worker-guards.ts refuses the rest); the host checks the request's fields as for
 * any caller.
 */
import type { HostClient, HostRequests, HostResponses } from '../../core/host-contract';
import type {
  HostRelayRequest,
  HostRelayResponse,
  KernelHostOperation,
} from '../../core/kernel-worker-protocol';

export async function answerHostRequest(
  host: HostClient,
  message: HostRelayRequest,
): Promise<HostRelayResponse> {
  const { id } = message;
  try {
    return await relayed(host, id, message.operation, message.request);
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    return { type: 'host-response', id, ok: false, message: text };
  }
}

async function relayed<K extends KernelHostOperation>(
  host: HostClient,
  id: number,
  operation: K,
  request: HostRequests[K],
): Promise<HostRelayResponse> {
  const response: HostResponses[K] = await host.call(operation, request);
  // The mapped union cannot see that `operation` and `response` belong together.
  return { type: 'host-response', id, ok: true, operation, response } as HostRelayResponse;
}
