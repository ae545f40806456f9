// Where Electron's binary is, without fetching it: in current Electron `require('electron')`
// downloads a missing binary itself, printing to stdout and throwing when GitHub is out of
// reach, so `npm start` and the tests look at the package's own record instead.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));

/** The Electron executable when its binary is installed, else null. */
export function installedElectronBinary() {
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/**
 * Runs Electron's own installer (it fetches the binary from GitHub), quietly: resolves true
 * when the binary is there afterwards. `onSlow` is called once if it takes over 3 seconds, so
 * a real download says what it is doing while an unreachable network fails without a word.
 */
export function fetchElectronBinary(onSlow) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(packageDir, 'install.js')], {
      stdio: 'ignore',
    });
    const slow = setTimeout(onSlow, 3000);
    const done = () => {
      clearTimeout(slow);
      resolve(installedElectronBinary() !== null);
    };
    child.on('error', done);
    child.on('exit', done);
  });
}
