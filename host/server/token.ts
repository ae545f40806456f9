/**
 * The browser-mode token: the one secret that separates the user's own tab from every other
 * page and program on the machine (the server listens on 127.0.0.1, which they can all reach).
 * As in Jupyter, it comes in the URL printed on the terminal; the server then sets it as an
 * HttpOnly cookie so the page's own assets and the kernel worker's data requests carry it too.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** 32 random bytes, base64url: 256 bits, and safe in a URL, a header and a cookie as is. */
export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The cookie name carries the port: cookies are per host, not per port, so two Quarry servers
 * on 127.0.0.1 would otherwise overwrite each other's cookie and lock the first tab out.
 */
export function tokenCookieName(port: number): string {
  return `quarry_token_${port}`;
}

/** `Set-Cookie` for a valid token: not readable by scripts, never sent by other sites. */
export function tokenCookie(port: number, token: string): string {
  return `${tokenCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}

/** Constant-time comparison; hashing first makes the lengths equal without leaking them. */
export function tokenMatches(expected: string, candidate: string): boolean {
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(candidate).digest();
  return timingSafeEqual(a, b);
}

export type TokenCheck =
  /** A valid token came in the query: the response sets the cookie. */
  { kind: 'valid'; fromQuery: boolean } | { kind: 'missing' } | { kind: 'invalid' };

/**
 * Looks for the token in `?token=`, `Authorization: Bearer`, `X-Quarry-Token` and the cookie;
 * any one that matches is enough. Every candidate is compared, so timing says nothing about
 * which place held a wrong one.
 */
export function checkToken(
  request: IncomingMessage,
  query: URLSearchParams,
  expected: string,
  port: number,
): TokenCheck {
  const fromQuery = query.getAll('token');
  const candidates = [
    ...fromQuery.map((value) => ({ value, query: true })),
    ...headerCandidates(request, port).map((value) => ({ value, query: false })),
  ];
  if (candidates.length === 0) return { kind: 'missing' };
  let valid = false;
  let validFromQuery = false;
  for (const candidate of candidates) {
    if (tokenMatches(expected, candidate.value)) {
      valid = true;
      validFromQuery ||= candidate.query;
    }
  }
  return valid ? { kind: 'valid', fromQuery: validFromQuery } : { kind: 'invalid' };
}

function headerCandidates(request: IncomingMessage, port: number): string[] {
  const found: string[] = [];
  const authorization = request.headers.authorization;
  const bearer = authorization === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (bearer !== null) found.push(bearer[1]);
  const header = request.headers['x-quarry-token'];
  if (typeof header === 'string') found.push(header.trim());
  found.push(...cookieValues(request.headers.cookie, tokenCookieName(port)));
  return found;
}

function cookieValues(header: string | undefined, name: string): string[] {
  if (header === undefined) return [];
  const values: string[] = [];
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === name) values.push(part.slice(eq + 1).trim());
  }
  return values;
}
