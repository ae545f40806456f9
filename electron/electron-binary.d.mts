/** Types of electron-binary.mjs, which plain-JavaScript `npm start` (start.mjs) also uses. */
export function installedElectronBinary(): string | null;
export function fetchElectronBinary(onSlow: () => void): Promise<boolean>;
