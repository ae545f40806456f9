/** The renderer's entry: host client (Electron IPC or HTTP), kernel worker, Monaco, then the app. */
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './app/app.css';
import './app/dark.css';
import { followSystemTheme } from './editor/editor-theme';
import { setUpMonaco } from './editor/monaco-setup';
import { createHostClient } from './host-client/host-bridge';
import { createAppKernelClient } from './kernel/app-kernel';
import { TableRowsContext } from './outputs/table/table-rows-context';

const host = createHostClient();
const kernel = createAppKernelClient(host);
await setUpMonaco();
followSystemTheme();
// Table outputs page through and sort whole results in the kernel that keeps them.
const tableRows = kernel.tableRows.bind(kernel);
createRoot(document.getElementById('root') as HTMLElement).render(
  <TableRowsContext.Provider value={tableRows}>
    <App host={host} kernel={kernel} />
  </TableRowsContext.Provider>,
);
