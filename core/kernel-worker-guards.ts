/**
 * The checks of every message between the renderer and the kernel worker
 * (kernel-worker-protocol.ts, protocol.ts), derived from their types: one entry per message type
 * in a table the compiler holds to the union, so a message added to the protocol without its
 * check does not compile. A message arrives as a structured clone of whatever was posted, and
 * cells run inside the worker and can post anything, so each side parses what it receives with
 * these: the worker `parseToKernelWorker`, the renderer `parseFromKernelWorker`. Anything
 * malformed is null and ignored.
 */
import { isHostRequest, type DataFileLink, type HostResponses } from './host-contract';
import {
  arrayOf,
  either,
  fields,
  isBoolean,
  isCount,
  isInteger,
  isNumber,
  isRecord,
  isString,
  literal,
  nullable,
  oneOf,
  optional,
  refine,
  variantParser,
  type Guard,
  type VariantTable,
} from './guards';
import { isJsonObject } from './json';
import { parseJobEvent, type JobEvent } from './jobs';
import {
  KERNEL_HOST_OPERATIONS,
  type FromKernelWorker,
  type HostRelayRequest,
  type HostRelayResponse,
  type KernelHostOperation,
  type KernelWorkerConfig,
  type ToKernelWorker,
} from './kernel-worker-protocol';
import type { DisplayDataOutput, Output } from './outputs';
import { isHostQueryReply } from './query/host-query';
import { isSeedUse } from './notebook/run-record';
import { isTrainingRunRecord } from './notebook/training-runs';
import type {
  CellDependencies,
  CellEngine,
  CellLocation,
  CellRunStatus,
  KernelEvent,
  KernelInfo,
  TablePage,
  TableSort,
  VariableInfo,
} from './protocol';

const isKernelWorkerConfig = fields<KernelWorkerConfig>({
  baseUrl: isString,
  duckdb: fields<KernelWorkerConfig['duckdb']>({ mvpModule: isString, ehModule: isString }),
  tfWasm: fields<KernelWorkerConfig['tfWasm']>({
    plain: isString,
    simd: isString,
    threadedSimd: isString,
  }),
});

const isTableSort = fields<TableSort>({
  column: isCount,
  direction: oneOf<TableSort['direction']>({ asc: true, desc: true }),
});

const isDataFileLink = fields<DataFileLink>({ name: isString, url: isString });

/** The shape of each relayed operation's answer; the compiler holds it to KERNEL_HOST_OPERATIONS. */
const RELAYED_RESPONSES: { [K in KernelHostOperation]: Guard<HostResponses[K]> } = {
  'datafiles.resolve': fields<HostResponses['datafiles.resolve']>({
    files: arrayOf(isDataFileLink),
  }),
  'query.run': isHostQueryReply,
  'query.cancel': (value): value is Record<string, never> =>
    isJsonObject(value) && Object.keys(value).length === 0,
};

const isHostRelayResponse: Guard<HostRelayResponse> = either(
  (value): value is Extract<HostRelayResponse, { ok: true }> =>
    isRecord(value) &&
    value.type === 'host-response' &&
    isNumber(value.id) &&
    value.ok === true &&
    isKernelHostOperation(value.operation) &&
    RELAYED_RESPONSES[value.operation](value.response),
  fields<Extract<HostRelayResponse, { ok: false }>>({
    type: literal('host-response'),
    id: isNumber,
    ok: literal(false),
    message: isString,
  }),
);

export const parseToKernelWorker = variantParser<ToKernelWorker>('type', {
  init: { type: literal('init'), config: isKernelWorkerConfig },
  execute: {
    type: literal('execute'),
    requestId: isString,
    cellId: isString,
    code: isString,
    executionCount: isInteger,
  },
  interrupt: { type: literal('interrupt') },
  restart: { type: literal('restart') },
  'cancel-job': { type: literal('cancel-job'), jobId: isString },
  'inspect-variables': { type: literal('inspect-variables'), requestId: isString },
  'table-rows': {
    type: literal('table-rows'),
    requestId: isString,
    resultId: isString,
    offset: isCount,
    limit: isCount,
    sort: nullable(isTableSort),
  },
  'host-response': isHostRelayResponse,
});

const isCellRunStatus = oneOf<CellRunStatus>({
  queued: true,
  running: true,
  done: true,
  error: true,
  interrupted: true,
});

type EndStatus = Extract<KernelEvent, { type: 'done' }>['status'];
const isEndStatus = oneOf<EndStatus>({ done: true, error: true, interrupted: true });

export const isKernelInfo = fields<KernelInfo>({
  sqlEngine: nullable(isString),
  tfBackend: nullable(isString),
});

export const isCellLocation = fields<CellLocation>({ line: isNumber, column: isNumber });

const isCellEngine = fields<CellEngine>({
  where: oneOf<CellEngine['where']>({ kernel: true, host: true, both: true }),
  label: isString,
});

export const isCellDependencies = fields<CellDependencies>({
  defines: arrayOf(isString),
  reads: arrayOf(isString),
});

const isVariableInfo = fields<VariableInfo>({
  name: isString,
  type: isString,
  shape: nullable(arrayOf(isCount)),
  size: nullable(fields<NonNullable<VariableInfo['size']>>({ bytes: isCount, exact: isBoolean })),
  preview: nullable(isString),
});

const isTablePage = refine(
  fields<TablePage>({ offset: isCount, rows: arrayOf(isJsonObject), indices: arrayOf(isCount) }),
  (page) => page.rows.length === page.indices.length,
);

const extra = optional(isJsonObject);

/** Outputs as far as the UI relies on them; a bundle's entries are checked by their renderers. */
const parseOutput = variantParser<Output, 'output_type'>('output_type', {
  stream: {
    output_type: literal('stream'),
    name: oneOf<'stdout' | 'stderr'>({ stdout: true, stderr: true }),
    text: isString,
    extra,
  },
  display_data: {
    output_type: literal('display_data'),
    data: isRecord,
    metadata: isJsonObject,
    transient: optional(fields<{ display_id: string }>({ display_id: isString })),
    extra,
  },
  execute_result: {
    output_type: literal('execute_result'),
    data: isRecord,
    metadata: isJsonObject,
    execution_count: nullable(isInteger),
    extra,
  },
  error: {
    output_type: literal('error'),
    ename: isString,
    evalue: isString,
    traceback: arrayOf(isString),
    extra,
  },
});
/** Whether a value received across a boundary (a worker's or thread's message) is an output. */
export const isOutput = (value: unknown): value is Output => parseOutput(value) !== null;

export function isKernelHostOperation(value: unknown): value is KernelHostOperation {
  return (KERNEL_HOST_OPERATIONS as readonly unknown[]).includes(value);
}

/**
 * Only the operations a kernel may ask for (KERNEL_HOST_OPERATIONS), each request checked by the
 * host contract's own check of that operation.
 */
function isHostRelayRequest(value: unknown): value is HostRelayRequest {
  return (
    isRecord(value) &&
    value.type === 'host-request' &&
    isNumber(value.id) &&
    isKernelHostOperation(value.operation) &&
    isHostRequest(value.operation, value.request)
  );
}

const isJobEvent = (value: unknown): value is JobEvent => parseJobEvent(value) !== null;

type DisplayUpdate = Extract<KernelEvent, { type: 'display-update' }>;

const isDisplayOutput = (value: unknown): value is DisplayDataOutput =>
  isOutput(value) && value.output_type === 'display_data';

/** An update replaces a display with one of the same id (the handle's). */
const isDisplayUpdate = refine(
  fields<DisplayUpdate>({
    type: literal('display-update'),
    requestId: isString,
    cellId: isString,
    displayId: isString,
    output: isDisplayOutput,
  }),
  (update) => update.output.transient?.display_id === update.displayId,
);

/**
 * What a running cell streams, the same from the browser's worker and from `quarry run`'s
 * thread (kernel-thread-protocol.ts).
 */
export const STREAMED_CELL_EVENTS = {
  output: { type: literal('output'), requestId: isString, cellId: isString, output: isOutput },
  job: { type: literal('job'), requestId: isString, cellId: isString, job: isJobEvent },
  'display-update': isDisplayUpdate,
} satisfies VariantTable<Extract<KernelEvent, { type: 'output' | 'job' | 'display-update' }>>;

export const parseFromKernelWorker = variantParser<FromKernelWorker>('type', {
  ready: { type: literal('ready'), info: isKernelInfo },
  info: { type: literal('info'), info: isKernelInfo },
  loading: { type: literal('loading'), message: isString },
  failed: { type: literal('failed'), message: isString },
  status: {
    type: literal('status'),
    requestId: isString,
    cellId: isString,
    status: isCellRunStatus,
  },
  ...STREAMED_CELL_EVENTS,
  done: {
    type: literal('done'),
    requestId: isString,
    cellId: isString,
    status: isEndStatus,
    durationMs: isNumber,
    errorLocation: nullable(isCellLocation),
    engine: nullable(isCellEngine),
    dependencies: isCellDependencies,
    seeds: arrayOf(isSeedUse),
    trainingRuns: arrayOf(isTrainingRunRecord),
  },
  'host-request': isHostRelayRequest,
  variables: {
    type: literal('variables'),
    requestId: isString,
    variables: arrayOf(isVariableInfo),
  },
  'table-rows': { type: literal('table-rows'), requestId: isString, page: nullable(isTablePage) },
});
