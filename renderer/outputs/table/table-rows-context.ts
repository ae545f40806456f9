/**
 * How a table view reaches the kernel that keeps its result (the app's KernelClient.tableRows).
 * Outputs rendered without a kernel (the renderer gallery, tests) get none: their views page
 * and sort only the rows they hold.
 */
import { createContext } from 'react';
import type { TablePage, TableRowsQuery } from '../../../core/protocol';

export type FetchTableRows = (query: TableRowsQuery) => Promise<TablePage | null>;

export const TableRowsContext = createContext<FetchTableRows | null>(null);
