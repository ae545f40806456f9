import { describe, expect, it } from 'vitest';
import { kernelFramePolicy, pagePolicy } from './kernel-frame-policy';
import { CONTENT_SECURITY_POLICY } from './security-headers';

const directives = (policy: string) => policy.split('; ');

describe('the kernel frame’s policies', () => {
  it('the page may frame the kernel’s origin, and is itself framed by no one', () => {
    const policy = directives(pagePolicy(['http://localhost:4100']));
    expect(policy).toContain('frame-src http://localhost:4100');
    expect(policy).toContain("frame-ancestors 'none'");
  });

  it('the kernel frame may be framed by the page only; one directive each', () => {
    const policy = directives(kernelFramePolicy(['quarry-app://app']));
    expect(policy).toContain('frame-ancestors quarry-app://app');
    expect(policy.filter((d) => d.startsWith('frame-ancestors'))).toHaveLength(1);
  });

  it('everything else is the base policy', () => {
    const base = directives(CONTENT_SECURITY_POLICY);
    const page = directives(pagePolicy(['http://localhost:4100']));
    expect(page.filter((d) => !d.startsWith('frame-src'))).toEqual(base);
  });
});
