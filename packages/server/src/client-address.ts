import { BlockList, isIP } from 'node:net';

/** Parses `CONSENTRY_TRUSTED_PROXIES` entries: an IPv4/IPv6 address or a CIDR block; throws naming a bad one. */
export function parseTrustedProxies(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const raw of entries) {
    const [ip = '', bits, extra] = raw.split('/');
    const family = isIP(ip);
    const prefix = bits === undefined ? null : Number(bits);
    if (
      family === 0 ||
      extra !== undefined ||
      (prefix !== null && (!/^\d+$/.test(bits!) || prefix > (family === 4 ? 32 : 128)))
    ) {
      throw new Error(`"${raw}" is not an IP address or CIDR block`);
    }
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (prefix === null) list.addAddress(ip, type);
    else list.addSubnet(ip, prefix, type);
  }
  return list;
}

const unmap = (address: string) => {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return m ? m[1]! : address;
};

function trusted(list: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * The client address a request came from. Without trusted proxies (the default) it is the socket's
 * peer and `X-Forwarded-For` is ignored, so nobody can pick their own rate-limit bucket. When the
 * peer is a trusted proxy, the header is read right to left, skipping trusted hops: the first
 * address that is not a trusted proxy is the client (what the nearest untrusted hop told us).
 */
export function createClientAddress(trustedProxies: readonly string[]): (socketAddress: string | null | undefined, forwardedFor: string | undefined) => string | null {
  const list = trustedProxies.length > 0 ? parseTrustedProxies(trustedProxies) : null;
  return (socketAddress, forwardedFor) => {
    const peer = socketAddress ? unmap(socketAddress) : null;
    if (!list || !peer || !trusted(list, peer) || !forwardedFor) return peer;
    const hops = forwardedFor.split(',').map((h) => unmap(h.trim())).filter(Boolean);
    for (let i = hops.length - 1; i >= 0; i--) {
      const hop = hops[i]!;
      if (isIP(hop) === 0) return peer; // a garbled header: fall back to the proxy itself
      if (!trusted(list, hop)) return hop;
    }
    return hops[0] ?? peer;
  };
}
