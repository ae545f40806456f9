/**
 * Whether Electron's binary is installed. The electron package's main export is the binary's
 * path; it throws when the binary was never downloaded (its install script did not run, or
 * could not reach GitHub), which is the case on machines that reach only the npm registry.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export function electronBinaryPath(): string | null {
  try {
    const binary: unknown = createRequire(import.meta.url)('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}
