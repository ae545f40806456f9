/**
 * The worker's way to the host: it posts a `host-request` to the renderer, which calls its
 * HostClient and posts back a `host-response` with the same id (the worker itself never talks
 * to the host: the renderer holds the token, the IPC bridge and the list of allowed operations).
 */
import type { HostRequests, HostResponses } from '../../core/host-contract';
import type {
  FromKernelWorker,
  HostRelayRequest,
  HostRelayResponse,
  KernelHostOperation,
} from '../../core/kernel-worker-protocol';

type Pending = { operation: KernelHostOperation; resolve(response: HostRelayResponse): void };

export class HostRelay {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly post: (message: FromKernelWorker) => void) {}

  async call<K extends KernelHostOperation>(
    operation: K,
    request: HostRequests[K],
  ): Promise<HostResponses[K]> {
    const id = this.nextId++;
    const answer = new Promise<HostRelayResponse>((resolve) =>
      this.pending.set(id, { operation, resolve }),
    );
    // The mapped union cannot see that `operation` and `request` belong together.
    this.post({ type: 'host-request', id, operation, request } as HostRelayRequest);
    const response = await answer;
    // The host's messages name the file and the problem; the operation would only add noise.
    if (!response.ok) throw new Error(response.message);
    // receive() settled this call only with an answer of its own operation.
    return response.response as HostResponses[K];
  }

  /**
   * Settles the call a response answers; one for no pending call is ignored. An answer of
   * another operation than the call's fails the call (it lacks the shape the call expects).
   */
  receive(response: HostRelayResponse): void {
    const pending = this.pending.get(response.id);
    if (!pending) return;
    this.pending.delete(response.id);
    if (response.ok && response.operation !== pending.operation)
      pending.resolve({
        type: 'host-response',
        id: response.id,
        ok: false,
        message: `${pending.operation}: the page answered with a ${response.operation} response`,
      });
    else pending.resolve(response);
  }
}
