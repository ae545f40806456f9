/**
 * The desktop app's query utility process (DESIGN.md, "Processes and how they talk"): native
 * DuckDB runs here, not in the main process, so a query that takes the memory or crashes takes
 * this process down and nothing else (electron/main/query-process.ts restarts it). The main
 * process forks it with Electron's utilityProcess and talks over `process.parentPort`
 * (core/query/query-service-protocol.ts); its `start` message names the workspace.
 */
import { createHostQueryEngine } from '../../host/query/host-query-engine';
import { serveHostQueries } from '../../host/query/query-service';

const { parentPort } = process;
if (parentPort === undefined)
  throw new Error('query-process.cjs runs only as an Electron utility process');

serveHostQueries(
  {
    post: (message) => parentPort.postMessage(message),
    onMessage: (listener) => parentPort.on('message', (event) => listener(event.data)),
  },
  (start) =>
    createHostQueryEngine({
      notebookDir: start.notebookDir,
      allowedDirectories: start.allowedDirectories,
    }),
  (message) => process.stderr.write(`${message}\n`),
);
