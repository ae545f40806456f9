/**
 * A real PostgreSQL server for tests and benches (DESIGN.md: "tests start their own server on a
 * temporary directory and port"): Debian's binaries, `initdb` into a fresh folder, a password
 * checked with SCRAM on 127.0.0.1 (so a wrong password is really refused), every statement
 * logged to a file the test can read. The server is stopped and its folder removed by `stop()`,
 * and also when the process exits without calling it (a failed test, Ctrl+C).
 *
 * As root (here and in CI) PostgreSQL refuses to start, so the server runs as `nobody`: Node
 * spawns `initdb` and `postgres` with that uid and gid, which needs no `su` or `runuser`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync } from 'node:fs';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export type PostgresServer = {
  host: '127.0.0.1';
  port: number;
  user: string;
  password: string;
  database: string;
  /** `postgres://user:password@127.0.0.1:port/database`, the password percent-encoded. */
  url: string;
  /** The server's log (every statement, `log_statement=all`), inside the server's folder. */
  logFile: string;
  /** The postmaster's process id. */
  pid: number;
  readLog(): string;
  /** The PostgreSQL version, e.g. `15.18`. */
  version: string;
  stop(): Promise<void>;
};

const SUPERUSER = 'quarry';
/** Special characters on purpose: redaction and URL encoding are tested against it. */
const passwordFor = (): string => `p@ss:w/rd#${randomBytes(6).toString('hex')} é`;

/** The folder holding `initdb` and `postgres`: Debian's newest version first, then PATH. */
export function postgresBinDir(): string {
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((name) => existsSync(path.join(debian, name, 'bin', 'postgres')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions.length > 0) return path.join(debian, versions[0], 'bin');
  }
  const found = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim();
  if (found !== '') return path.dirname(found);
  throw new Error(
    "PostgreSQL's binaries were not found in /usr/lib/postgresql/*/bin or on PATH: install Debian's postgresql package",
  );
}

/** Who the server runs as: `nobody` when we are root (PostgreSQL refuses root), else ourselves. */
function serverUser(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('nobody:'));
  const [, , uid, gid] = (line ?? 'nobody:x:65534:65534').split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address !== null
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

const running = new Set<() => void>();
let exitHookInstalled = false;

/** Stops whatever is still running when the process ends without `stop()`. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  const stopAll = (): void => {
    for (const stop of running) stop();
  };
  process.once('exit', stopAll);
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      stopAll();
      process.exit(130);
    });
}

export async function startPostgresServer(): Promise<PostgresServer> {
  const bin = postgresBinDir();
  const owner = serverUser();
  const root = mkdtempSync(path.join(tmpdir(), 'quarry-pg-'));
  const data = path.join(root, 'data');
  const sockets = path.join(root, 'sockets');
  const logFile = path.join(root, 'server.log');
  const pwfile = path.join(root, 'pwfile');
  const password = passwordFor();
  mkdirSync(sockets);
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (owner !== null)
    for (const item of [root, sockets, pwfile]) chownSync(item, owner.uid, owner.gid);
  const spawnAs = owner === null ? {} : { uid: owner.uid, gid: owner.gid };
  const env = { PATH: process.env.PATH, LANG: 'C', LC_ALL: 'C' };

  const removeFolder = (): void => rmSync(root, { recursive: true, force: true });
  const initdb = spawnSync(
    path.join(bin, 'initdb'),
    [
      ...['-D', data, '-U', SUPERUSER, `--pwfile=${pwfile}`],
      ...['--auth-host=scram-sha-256', '--auth-local=trust', '--locale=C', '--encoding=UTF8'],
      '--no-sync',
    ],
    { ...spawnAs, cwd: root, env, encoding: 'utf8' },
  );
  rmSync(pwfile, { force: true });
  if (initdb.status !== 0) {
    removeFolder();
    throw new Error(`initdb failed: ${initdb.stderr.trim() || initdb.error?.message}`);
  }

  const port = await freePort();
  const logFd = openSync(logFile, 'a');
  const child = spawn(
    path.join(bin, 'postgres'),
    [
      ...['-D', data, '-p', String(port), '-k', sockets],
      ...['-c', 'listen_addresses=127.0.0.1', '-c', 'log_statement=all'],
      ...['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
      ...['-c', 'shared_buffers=128MB', '-c', 'max_connections=20'],
    ],
    { ...spawnAs, cwd: root, env, stdio: ['ignore', logFd, logFd] },
  );
  closeSync(logFd);

  let exited = false;
  const exitedPromise = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  // Synchronous, for the exit hook: an immediate shutdown, then the folder goes.
  const stopNow = (): void => {
    if (!exited && child.pid !== undefined) child.kill('SIGQUIT');
    removeFolder();
  };
  running.add(stopNow);
  installExitHook();

  const readLog = (): string => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');
  const deadline = Date.now() + 30_000;
  while (!readLog().includes('database system is ready to accept connections')) {
    if (exited || Date.now() > deadline) {
      const log = readLog();
      stopNow();
      running.delete(stopNow);
      throw new Error(`PostgreSQL did not start on port ${port}:\n${log.slice(-2000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const version = /PostgreSQL (\d+(?:\.\d+)*)/.exec(readLog())?.[1] ?? 'unknown';

  return {
    host: '127.0.0.1',
    port,
    user: SUPERUSER,
    password,
    database: 'postgres',
    url: `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    logFile,
    pid: child.pid ?? 0,
    readLog,
    version,
    async stop() {
      running.delete(stopNow);
      // A fast shutdown: open sessions are ended, the server exits cleanly.
      if (!exited) child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exitedPromise;
      clearTimeout(timer);
      removeFolder();
    },
  };
}
