/**
 * Messages between the desktop app's main process and its query utility process
 * (host/query/query-service.ts serves them; electron/main/query-process.ts sends them). `start`
 * comes first, once, and names the workspace; each `run` is answered by one `reply` of its id.
 */
import { arrayOf, isCount, isString, literal, variantParser } from '../guards';
import {
  isHostQueryReply,
  isHostQueryRequest,
  type HostQueryReply,
  type HostQueryRequest,
} from './host-query';

export type QueryServiceStart = {
  type: 'start';
  /** Absolute; where relative paths resolve (the notebook's folder). */
  notebookDir: string;
  /** Absolute folders that alone may be read or written (the workspace). */
  allowedDirectories: string[];
};

export type ToQueryService =
  | QueryServiceStart
  | { type: 'run'; id: number; request: HostQueryRequest }
  | { type: 'cancel'; queryId: string };

export type FromQueryService = { type: 'reply'; id: number; reply: HostQueryReply };

export const parseToQueryService = variantParser<ToQueryService>('type', {
  start: { type: literal('start'), notebookDir: isString, allowedDirectories: arrayOf(isString) },
  run: { type: literal('run'), id: isCount, request: isHostQueryRequest },
  cancel: { type: literal('cancel'), queryId: isString },
});

export const parseFromQueryService = variantParser<FromQueryService>('type', {
  reply: { type: literal('reply'), id: isCount, reply: isHostQueryReply },
});
