/**
 * What the desktop app's native menu asks of the renderer (electron/main/menu.ts sends it on the
 * menu channel; the renderer checks every message with parseMenuCommand). In core/ because both
 * sides use it and neither may import the other.
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

/** A menu command from IPC, checked like any message that crosses a process boundary. */
export function parseMenuCommand(value: unknown): MenuCommand | null {
  if (typeof value !== 'object' || value === null || !('kind' in value)) return null;
  switch (value.kind) {
    case 'save':
    case 'run-all':
    case 'interrupt':
    case 'restart-kernel':
      return { kind: value.kind };
    case 'open-notebook':
    case 'save-as':
      return 'path' in value && typeof value.path === 'string' && value.path !== ''
        ? { kind: value.kind, path: value.path }
        : null;
    case 'run':
      return 'advance' in value && typeof value.advance === 'boolean'
        ? { kind: 'run', advance: value.advance }
        : null;
    default:
      return null;
  }
}
