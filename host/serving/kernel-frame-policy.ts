/**
 * The Content-Security-Policy of the app page and of its kernel frame, in both modes. The kernel
 * runs in a frame of another site so that a cell running out of memory takes only the kernel's
 * process (core/kernel-frame-protocol.ts). The page may frame that origin and no other; the
 * frame may be framed by the page and nothing else. Every other response keeps the base policy
 * (security-headers.ts): no frames, framed by no one.
 */
import { CONTENT_SECURITY_POLICY } from './security-headers';

/** The app page's policy: it frames the kernel at `kernelOrigins`. */
export function pagePolicy(kernelOrigins: readonly string[]): string {
  return withDirective(CONTENT_SECURITY_POLICY, 'frame-src', kernelOrigins.join(' '));
}

/** The kernel frame's policy: only the app page at `pageOrigins` may frame it. */
export function kernelFramePolicy(pageOrigins: readonly string[]): string {
  return withDirective(CONTENT_SECURITY_POLICY, 'frame-ancestors', pageOrigins.join(' '));
}

/** `policy` with directive `name` set to `value`, replacing the one it had. */
function withDirective(policy: string, name: string, value: string): string {
  const directives = policy.split('; ').filter((directive) => directive.split(' ')[0] !== name);
  return [...directives, `${name} ${value}`].join('; ');
}
