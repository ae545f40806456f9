/** The renderer's entry: host client (Electron IPC or HTTP), kernel worker, Monaco, then the app. */
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './app/app.css';
import './app/dark.css';
import { followSystemTheme } from './editor/editor-theme';
import { setUpMonaco } from './editor/monaco-setup';
import { createHostClient } from './host-client/host-bridge';
import { createAppKernelClient } from './kernel/app-kernel';

const host = createHostClient();
const kernel = createAppKernelClient(host);
await setUpMonaco();
followSystemTheme();
createRoot(document.getElementById('root') as HTMLElement).render(
  <App host={host} kernel={kernel} />,
);
