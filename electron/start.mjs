// What `npm start` runs once the app is built: the desktop app when Electron's binary is here,
// browser mode otherwise. npm never downloads the binary (Electron's install script is not
// allowed to run, and its download comes from GitHub, not the npm registry), so the first start
// fetches it where GitHub is reachable; on a machine that reaches only the registry that fails
// and Quarry opens in the browser. Builds nothing itself: `npm start` builds first.
import { spawn } from 'node:child_process';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';
import { fetchElectronBinary, installedElectronBinary } from './electron-binary.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const sample = 'samples/churn.ipynb';

/** Runs a command in the repository with our stdio, and exits with its status. */
function run(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
  // Ctrl+C reaches the child too (same process group): wait for it to close and report its
  // status, rather than leave first. SIGTERM is sent to us alone: pass it on.
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('error', (error) => {
    process.stderr.write(`npm start: ${error.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code) => process.exit(code ?? 1));
}

const binary =
  installedElectronBinary() ??
  ((await fetchElectronBinary(() =>
    process.stderr.write("npm start: fetching Electron's binary (first start only)...\n"),
  ))
    ? installedElectronBinary()
    : null);
if (binary !== null) {
  run(binary, ['dist/electron/main.cjs', sample]);
} else {
  process.stdout.write(
    "Electron's binary is not installed here (it cannot be downloaded from the npm registry alone): opening Quarry in your browser instead\n",
  );
  run(process.execPath, ['bin/quarry.js', 'serve', sample]);
}
