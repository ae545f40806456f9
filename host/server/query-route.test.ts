/** `query.run` over HTTP: binary envelopes both ways, on the server's own native engine. */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { tableFromArrays, tableFromIPC, tableToIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isHostQueryReply, type HostQueryRequest } from '../../core/query/host-query';
import { decodeQueryReply, encodeQueryRun } from '../../core/query/query-envelope';
import { startBrowserServer, type BrowserServer } from './browser-server';
import { bodyJson, notebookText, send, tempFolder } from '../../test/support/host-fixtures';

let root: string;
let server: BrowserServer;
const token = 'test-token-0123456789abcdefghijklmnopqrstuvw';

beforeAll(async () => {
  root = await tempFolder('quarry-query-route-');
  await mkdir(path.join(root, 'nb'));
  await writeFile(path.join(root, 'nb', 'n.ipynb'), notebookText());
  await writeFile(path.join(root, 'nb', 'x.csv'), 'a,b\n1,one\n2,two\n3,three\n');
  server = await startBrowserServer({
    root,
    notebook: 'nb/n.ipynb',
    staticDir: root,
    stateDir: await tempFolder('quarry-query-route-state-'),
    token,
    log: () => undefined,
  });
});

afterAll(async () => {
  await server.close();
});

async function runQuery(
  request: HostQueryRequest,
  headers: Record<string, string> = { 'x-quarry-token': token },
) {
  return send({
    port: server.port,
    method: 'POST',
    path: '/api/query.run',
    headers: { 'content-type': 'application/octet-stream', ...headers },
    body: Buffer.from(encodeQueryRun({ request })),
  });
}

async function reply(request: HostQueryRequest) {
  const response = await runQuery(request);
  expect(response.status).toBe(200);
  expect(response.headers['content-type']).toBe('application/octet-stream');
  const decoded = decodeQueryReply(new Uint8Array(response.body));
  if (!isHostQueryReply(decoded)) throw new Error('not a reply');
  return decoded;
}

describe('query.run over HTTP', () => {
  it('needs the token', async () => {
    const request: HostQueryRequest = { kind: 'query', queryId: 'q0', sql: 'SELECT 1', params: [] };
    expect((await runQuery(request, { 'x-quarry-token': 'wrong' })).status).toBe(403);
    expect((await runQuery(request, {})).status).toBe(403);
  });

  it("answers a result's rows as the envelope's bytes (paths relative to the notebook)", async () => {
    const answer = await reply({
      kind: 'query',
      queryId: 'q1',
      sql: "SELECT a, b FROM 'x.csv' WHERE a >= $1 ORDER BY a",
      params: [2],
    });
    if (!answer.ok) throw new Error(answer.failure.message);
    expect(answer.result.rows).toBe(2);
    const table = tableFromIPC(answer.result.ipc);
    expect(table.getChild('b')?.toArray()).toEqual(['two', 'three']);
  });

  it("writes a copy request's rows, sent as the envelope's bytes", async () => {
    const rows = tableToIPC(tableFromArrays({ n: Int32Array.from([7, 8, 9]) }), 'stream');
    const sql = "COPY (SELECT * FROM kernel_rows) TO 'out.csv' (HEADER)";
    const start = sql.indexOf('(') + 1;
    const answer = await reply({
      kind: 'copy',
      queryId: 'q2',
      sql,
      source: { start, end: sql.indexOf(') TO') },
      ipc: rows,
    });
    expect(answer.ok).toBe(true);
    expect(await readFile(path.join(root, 'nb', 'out.csv'), 'utf8')).toBe('n\n7\n8\n9\n');
  });

  it('answers a refused failure for a path outside the workspace', async () => {
    const answer = await reply({
      kind: 'query',
      queryId: 'q3',
      sql: "SELECT * FROM '/etc/passwd'",
      params: [],
    });
    expect(answer).toMatchObject({ ok: false, failure: { kind: 'refused' } });
  });

  it('refuses a body that is not an envelope (400, as JSON)', async () => {
    const response = await send({
      port: server.port,
      method: 'POST',
      path: '/api/query.run',
      headers: { 'x-quarry-token': token, 'content-type': 'application/octet-stream' },
      body: Buffer.from([0, 0, 0, 9, 1]),
    });
    expect(response.status).toBe(400);
    expect(bodyJson(response)).toMatchObject({ error: { kind: 'bad-request' } });
  });
});
