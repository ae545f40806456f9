// What `npm start` runs once the app is built: the desktop app when Electron's binary is here,
// browser mode otherwise. npm never downloads the binary (Electron's install script is not
// allowed to run, and its download comes from GitHub, not the npm registry), so on a machine
// that reaches only the registry `require('electron')` throws, and Quarry opens in the browser.
// Builds nothing itself: `npm start` builds first.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const sample = 'samples/churn.ipynb';

/** The Electron executable, or null when its binary was never downloaded. */
function electronBinary() {
  try {
    // The electron package's main export is the path of the binary; it throws without one.
    const binary = createRequire(import.meta.url)('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

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

const binary = electronBinary();
if (binary !== null) {
  run(binary, ['dist/electron/main.cjs', sample]);
} else {
  process.stdout.write(
    "Electron's binary is not installed here (it cannot be downloaded from the npm registry alone): opening Quarry in your browser instead\n",
  );
  run(process.execPath, ['bin/quarry.js', 'serve', sample]);
}
