import { isIP } from 'node:net';

export type IpMode = 'truncated' | 'none';

/** IPv4 to its /24, IPv6 to its /48 (written as a CIDR), or null when not kept or not an address. */
export function minimiseIp(address: string | null | undefined, mode: IpMode): string | null {
  if (mode === 'none' || !address) return null;
  let ip = address.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) ip = mapped[1]!;
  const zone = ip.indexOf('%');
  if (zone !== -1) ip = ip.slice(0, zone);
  const family = isIP(ip);
  if (family === 4) return `${ip.split('.').slice(0, 3).join('.')}.0/24`;
  if (family === 6) return `${expandV6(ip).slice(0, 3).join(':')}::/48`;
  return null;
}

function expandV6(ip: string): string[] {
  const [head = '', tail] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  // An embedded IPv4 tail (::1.2.3.4) only matters past the /48, so it is dropped.
  const groups = [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return groups.map((g) => (g.includes('.') ? '0' : (parseInt(g, 16) || 0).toString(16)));
}
