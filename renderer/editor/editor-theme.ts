/** Monaco's theme follows the system's light or dark setting, live, like the app's CSS. */
import { monaco } from './monaco-setup';

export function followSystemTheme(): void {
  const dark = window.matchMedia('(prefers-color-scheme: dark)');
  const apply = () => monaco.editor.setTheme(dark.matches ? 'vs-dark' : 'vs');
  apply();
  dark.addEventListener('change', apply);
}
