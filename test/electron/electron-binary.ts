/**
 * Whether Electron's binary is installed (electron/electron-binary.mjs, which never fetches it):
 * on machines that reach only the npm registry it is not.
 */
export { installedElectronBinary as electronBinaryPath } from '../../electron/electron-binary.mjs';
