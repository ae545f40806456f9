/**
 * Every shape that crosses a process boundary is declared in core/ (DESIGN.md, "Processes and
 * how they talk"): the host operations and their failures, the kernel worker's messages, the
 * MIME payloads. This scans the shipped source outside core/ with the TypeScript parser for
 * exported types whose names mark a boundary shape, so a second declaration of one (a twin that
 * drifts from core's) fails here. The allowlist names the types that only look like one, each
 * with why it is not.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const SCANNED = ['kernels', 'host', 'electron', 'renderer', 'cli'];

/** Names of requests, replies, events, messages and envelopes, and the worker's unions. */
export const BOUNDARY_NAME =
  /(Request|Response|Reply|Event|Message|Envelope|Failure|KernelWorker|Payload|Resource)$/;

/** `file: name` of each type that matches BOUNDARY_NAME but stays within one process. */
const ALLOWED = new Map<string, string>([
  // The KernelClient interface of the UI: a method's argument, and core's events plus the
  // client's own (loading, restarted), within the renderer.
  ['renderer/kernel/kernel-client.ts: ExecuteRequest', 'an in-process call'],
  ['renderer/kernel/kernel-client.ts: KernelClientEvent', 'an in-process subscription'],
  // A name for core's `done` event (KernelEvent), not a shape of its own.
  ['renderer/kernel/cell-tracker.ts: DoneEvent', "an alias of core's type"],
  // What `Kernel.execute` returns to its caller in the same worker or Node process.
  ['kernels/runtime/kernel.ts: ExecuteReply', 'an in-process return value'],
  // A parsed `Range` header and the file responder's input, both inside the host.
  ['host/serving/http-range.ts: RangeRequest', 'a parsed HTTP header'],
  ['host/serving/ranged-file.ts: FileRequest', 'an in-process call'],
  // Core's host query types, narrowed (a failed reply) or without the id the runner adds.
  ['host/query/query-failures.ts: FailedReply', "a member of core's HostQueryReply"],
  ['kernels/sql/host-runner.ts: HostRequest', "core's HostQueryRequest without its queryId"],
  // Monaco's keyboard events and Electron's IPC events as the unit tests fake them.
  ['renderer/editor/fake-monaco.ts: FakeKeyEvent', 'a test double'],
  ['electron/test/electron-mock.ts: FakeEvent', 'a test double'],
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .filter((entry) => !/\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)));
}

/** The exported type aliases, interfaces and classes of `source` whose names match. */
export function boundaryNames(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2022, false);
  const names: string[] = [];
  for (const statement of file.statements) {
    const declares =
      ts.isTypeAliasDeclaration(statement) ||
      ts.isInterfaceDeclaration(statement) ||
      ts.isClassDeclaration(statement);
    if (!declares || statement.name === undefined) continue;
    const exported = ts
      .getModifiers(statement)
      ?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
    if (exported && BOUNDARY_NAME.test(statement.name.text)) names.push(statement.name.text);
  }
  return names;
}

describe('boundary shapes live in core/', () => {
  it('no shipped file outside core/ declares one, but for the allowlist', () => {
    const found = SCANNED.flatMap(sourceFiles).flatMap((file) =>
      boundaryNames(file, readFileSync(path.join(ROOT, file), 'utf8')).map(
        (name) => `${file.split(path.sep).join('/')}: ${name}`,
      ),
    );
    const strays = found.filter((entry) => !ALLOWED.has(entry));
    expect(strays, 'declare these in core/ (or allowlist one, saying why)').toEqual([]);
    // An allowlist entry that no longer matches anything is removed, not left to rot.
    expect([...ALLOWED.keys()].filter((entry) => !found.includes(entry))).toEqual([]);
  });

  it('recognises a twin of a boundary type, however it is declared', () => {
    const twin = [
      "export type HostFailure = { error: { kind: 'internal'; message: string } };",
      'export interface WorkerMessage { type: string }',
      'export type FromKernelWorker = { type: "ready" };',
      'type LocalEvent = { type: "x" };',
      'export type Column = { name: string };',
    ].join('\n');
    expect(boundaryNames('twin.ts', twin)).toEqual([
      'HostFailure',
      'WorkerMessage',
      'FromKernelWorker',
    ]);
  });
});
