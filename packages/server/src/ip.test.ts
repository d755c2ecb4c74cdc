import { describe, expect, it } from 'vitest';
import { minimiseIp } from './ip.js';

describe('minimiseIp', () => {
  it('keeps the /24 of an IPv4 address, also when IPv4-mapped', () => {
    expect(minimiseIp('203.0.113.77', 'truncated')).toBe('203.0.113.0/24');
    expect(minimiseIp('::ffff:203.0.113.77', 'truncated')).toBe('203.0.113.0/24');
  });

  it('keeps the /48 of an IPv6 address', () => {
    expect(minimiseIp('2001:db8:abcd:12:1:2:3:4', 'truncated')).toBe('2001:db8:abcd::/48');
    expect(minimiseIp('2001:db8::1', 'truncated')).toBe('2001:db8:0::/48');
    expect(minimiseIp('::1', 'truncated')).toBe('0:0:0::/48');
    expect(minimiseIp('fe80::1%eth0', 'truncated')).toBe('fe80:0:0::/48');
  });

  it('keeps nothing when switched off or when the input is not an address', () => {
    expect(minimiseIp('203.0.113.77', 'none')).toBeNull();
    expect(minimiseIp('not-an-ip', 'truncated')).toBeNull();
    expect(minimiseIp(undefined, 'truncated')).toBeNull();
  });
});
