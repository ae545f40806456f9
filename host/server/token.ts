/**
 * The browser-mode secrets: the one thing that separates the user's own tab from every other
 * page and program on the machine (the server listens on 127.0.0.1, which they can all reach).
 *
 * - The **token**, as in Jupyter, comes in the URL printed on the terminal; the page sends it
 *   in a header with every API call. It is never set as a cookie: cookies are scoped by host,
 *   not port, and SameSite treats every loopback port as one site, so any other local server
 *   would receive it with its own page's requests.
 * - The **session key** is a second random secret, the first segment of every path the app's
 *   files and the workspace's data files are served under (`/s/KEY/…`), so that the requests
 *   a browser makes by itself (scripts, workers, wasm, DuckDB's range reads) carry no ambient
 *   credential and still cannot be made by a page that does not know the key.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** 32 random bytes, base64url: 256 bits, and safe in a URL path, a query and a header as is. */
export function createSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time comparison; hashing first makes the lengths equal without leaking them. */
export function secretMatches(expected: string, candidate: string): boolean {
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(candidate).digest();
  return timingSafeEqual(a, b);
}

export type TokenCheck = { kind: 'valid' } | { kind: 'missing' } | { kind: 'invalid' };

/** Where a request may carry the token: the API takes it from headers only. */
export type TokenSources = 'headers' | 'headers-or-query';

/**
 * Looks for the token in `Authorization: Bearer`, `X-Quarry-Token` and, for the entry page
 * only, `?token=`; any one that matches is enough. Every candidate is compared, so timing says
 * nothing about which place held a wrong one.
 */
export function checkToken(
  request: IncomingMessage,
  query: URLSearchParams,
  expected: string,
  sources: TokenSources,
): TokenCheck {
  const candidates = [
    ...headerCandidates(request),
    ...(sources === 'headers-or-query' ? query.getAll('token') : []),
  ];
  if (candidates.length === 0) return { kind: 'missing' };
  let valid = false;
  for (const candidate of candidates) valid = secretMatches(expected, candidate) || valid;
  return valid ? { kind: 'valid' } : { kind: 'invalid' };
}

function headerCandidates(request: IncomingMessage): string[] {
  const found: string[] = [];
  const authorization = request.headers.authorization;
  const bearer = authorization === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (bearer !== null) found.push(bearer[1]);
  const header = request.headers['x-quarry-token'];
  if (typeof header === 'string') found.push(header.trim());
  return found;
}

/**
 * The request line as it may be logged: the query dropped (it may hold the token) and the
 * session key replaced, so a log shows where a request went and never a secret.
 */
export function loggableTarget(rawUrl: string): string {
  const queryAt = rawUrl.indexOf('?');
  const urlPath = queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt);
  const redacted = urlPath.replace(/^\/s\/[^/]*/, '/s/<key>');
  return queryAt === -1 ? redacted : `${redacted}?…`;
}
