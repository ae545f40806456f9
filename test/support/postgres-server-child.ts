/**
 * Starts a test server, prints where it lives, and exits without stopping it: the exit hook of
 * postgres-server.ts must stop it and remove its folder (test/sampler-postgres.test.ts).
 */
import path from 'node:path';
import { startPostgresServer } from './postgres-server';

const server = await startPostgresServer();
process.stdout.write(
  `${JSON.stringify({ folder: path.dirname(server.logFile), pid: server.pid })}\n`,
);
process.exit(3);
