/**
 * The query process's entry as a real child process. Electron is not installed here, so Node's
 * `fork` stands in for utilityProcess: a preloaded shim gives it the `process.parentPort` that
 * Electron would (its `message` events carry `{ data }`), over the same messages.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  parseFromQueryService,
  type FromQueryService,
} from '../../core/query/query-service-protocol';
import { tempFolder } from '../../test/support/host-fixtures';

/** Holds messages until the entry listens, as Electron's parentPort does. */
const PARENT_PORT_SHIM = `
const { EventEmitter } = require('node:events');
const port = new EventEmitter();
const held = [];
port.postMessage = (message) => process.send(message);
process.on('message', (message) => {
  if (port.listenerCount('message') === 0) held.push(message);
  else port.emit('message', { data: message });
});
port.on('newListener', (event) => {
  if (event === 'message') setImmediate(() => held.splice(0).forEach((m) => port.emit('message', { data: m })));
});
process.parentPort = port;
`;

let child: ChildProcess | undefined;
afterEach(() => child?.kill());

describe('the query process', () => {
  it('serves runs on native DuckDB over the workspace of its start message', async () => {
    const dir = await tempFolder('quarry-query-process-');
    await writeFile(path.join(dir, 'x.csv'), 'a\n1\n2\n3\n');
    const shim = path.join(dir, 'parent-port.cjs');
    await writeFile(shim, PARENT_PORT_SHIM);
    const entry = path.join(import.meta.dirname, 'main.ts');
    child = fork(entry, [], {
      execArgv: ['--import', 'tsx', '--require', shim],
      serialization: 'advanced',
    });
    const replies: FromQueryService[] = [];
    const done = new Promise<void>((resolve) =>
      child?.on('message', (raw) => {
        const message = parseFromQueryService(raw);
        if (message !== null) replies.push(message);
        if (replies.length === 2) resolve();
      }),
    );
    child.send({ type: 'start', notebookDir: dir, allowedDirectories: [dir] });
    const sum = "SELECT sum(a) AS s FROM 'x.csv'";
    child.send({
      type: 'run',
      id: 1,
      request: { kind: 'query', queryId: 'a', sql: sum, params: [] },
    });
    const outside = "SELECT * FROM '/etc/passwd'";
    child.send({
      type: 'run',
      id: 2,
      request: { kind: 'query', queryId: 'b', sql: outside, params: [] },
    });
    await done;
    const byId = new Map(replies.map((message) => [message.id, message.reply]));
    expect(byId.get(1)).toMatchObject({ ok: true, result: { rows: 1 } });
    expect(byId.get(2)).toMatchObject({ ok: false, failure: { kind: 'refused', position: 14 } });
  }, 30_000);
});
