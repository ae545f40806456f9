/**
 * What the native menu asks of the renderer, sent on MENU_CHANNEL. The renderer declares the same
 * union in renderer/host-client/host-bridge.ts (it may not import electron/) and checks every message
 * against it; test/electron/bridge-parity.test.ts keeps the two lists equal.
 */
export type MenuCommand =
  /** Open a notebook of the current workspace (the main process chose it in a dialog). */
  | { kind: 'open-notebook'; path: string }
  | { kind: 'save' }
  /** Save under a new workspace-relative path; the native dialog already confirmed replacing. */
  | { kind: 'save-as'; path: string }
  /** Run the selected cell; `advance`: then select the next one (Shift+Enter). */
  | { kind: 'run'; advance: boolean }
  | { kind: 'run-all' }
  | { kind: 'interrupt' }
  | { kind: 'restart-kernel' };

export type MenuCommandKind = MenuCommand['kind'];

/** Every kind, in menu order; typed so that a kind added to the union must be listed here. */
export const MENU_COMMAND_KINDS = [
  'open-notebook',
  'save',
  'save-as',
  'run',
  'run-all',
  'interrupt',
  'restart-kernel',
] as const satisfies readonly MenuCommandKind[];

type Missing = Exclude<MenuCommandKind, (typeof MENU_COMMAND_KINDS)[number]>;
/** Compile-time check: fails to type-check when a kind is missing from MENU_COMMAND_KINDS. */
export const MENU_COMMAND_KINDS_COMPLETE: Missing extends never ? true : never = true;
