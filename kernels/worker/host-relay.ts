/**
 * The worker's way to the host: it posts a `host-request` to the renderer, which calls its
 * HostClient and posts back a `host-response` with the same id (the worker itself never talks
 * to the host: the renderer holds the token, the IPC bridge and the list of allowed operations).
 */
import type { HostRequests, HostResponses } from '../../core/host-contract';
import type {
  FromKernelWorker,
  HostRelayResponse,
  KernelHostOperation,
} from '../../core/kernel-worker-protocol';

type Pending = { resolve(response: HostRelayResponse): void };

export class HostRelay {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly post: (message: FromKernelWorker) => void) {}

  async call<K extends KernelHostOperation>(
    operation: K,
    request: HostRequests[K],
  ): Promise<HostResponses[K]> {
    const id = this.nextId++;
    const answer = new Promise<HostRelayResponse>((resolve) => this.pending.set(id, { resolve }));
    this.post({ type: 'host-request', id, operation, request });
    const response = await answer;
    // The host's messages name the file and the problem; the operation would only add noise.
    if (!response.ok) throw new Error(response.message);
    return response.response;
  }

  /** Settles the call a response answers; one for no pending call is ignored. */
  receive(response: HostRelayResponse): void {
    const pending = this.pending.get(response.id);
    if (!pending) return;
    this.pending.delete(response.id);
    pending.resolve(response);
  }
}
