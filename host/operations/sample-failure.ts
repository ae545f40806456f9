/**
 * What the app says when a sample cannot be previewed or pulled: the sampler's SampleError
 * (host/sampler/sample-error.ts) as a HostError of the matching kind, its message cut to one
 * line, with the workspace's absolute path shown relative to it and any password of the
 * request's connection string masked (the sampler never names one; this is the second net,
 * because the message travels to a browser page and into logs).
 */
import path from 'node:path';
import type { SampleRequest } from '../../core/sample/request';
import { SampleError } from '../sampler/sample-error';
import { HostError, toHostError } from './host-error';

export function sampleHostError(error: unknown, root: string, request: SampleRequest): HostError {
  if (error instanceof HostError) return error;
  if (!(error instanceof SampleError)) return toHostError(error);
  const message = shownMessage(error.message, root, secretsOf(request));
  switch (error.kind) {
    case 'bad-request':
    case 'source':
      return new HostError('bad-request', message, { cause: error });
    case 'exists':
      return new HostError('conflict', message, { cause: error });
    case 'cancelled':
      // Only a preview that ran out of time gets here: a cancelled job ends `cancelled`.
      return new HostError('bad-request', message, { cause: error });
  }
}

/** One line, workspace paths relative, secrets masked. */
export function shownMessage(message: string, root: string, secrets: readonly string[]): string {
  let shown = message.split(/\r?\n/, 1)[0].trim();
  shown = shown
    .split(root + path.sep)
    .join('')
    .split(root)
    .join('.');
  for (const secret of secrets) if (secret !== '') shown = shown.split(secret).join('***');
  return shown;
}

/** The password in a PostgreSQL source's connection string, as written and as decoded. */
export function secretsOf(request: SampleRequest): string[] {
  const { source } = request;
  if (source.kind !== 'postgres' || source.connection === null) return [];
  const connection = source.connection;
  const secrets: string[] = [];
  const inUrl = /^postgres(?:ql)?:\/\/[^:@/]*:([^@]*)@/i.exec(connection)?.[1];
  if (inUrl !== undefined) secrets.push(inUrl, safeDecode(inUrl));
  const keyword = /(?:^|\s)password\s*=\s*('(?:[^'\\]|\\.)*'|\S+)/i.exec(connection)?.[1];
  if (keyword !== undefined)
    secrets.push(keyword, keyword.replace(/^'|'$/g, '').replace(/\\(.)/g, '$1'));
  return secrets.filter((secret) => secret.length > 0);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
