/**
 * Builds a small MaxMind DB (format 2.0, IPv4 tree, 24-bit records) by hand, so tests read a real
 * `.mmdb` file with the real reader without shipping a GeoIP database.
 * Spec: https://maxmind.github.io/MaxMind-DB/
 */
type Value = string | number | Value[] | { [key: string]: Value };

function control(type: number, size: number): Buffer {
  const head = type <= 7 ? [(type << 5) | Math.min(size, 29)] : [Math.min(size, 29), type - 7];
  if (size >= 29) throw new Error('test mmdb: values longer than 28 are not needed here');
  return Buffer.from(head);
}

function encode(value: Value): Buffer {
  if (typeof value === 'string') {
    const bytes = Buffer.from(value, 'utf8');
    return Buffer.concat([control(2, bytes.length), bytes]);
  }
  if (typeof value === 'number') {
    // uint32, big-endian, shortest form
    const bytes: number[] = [];
    for (let v = value; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256);
    const type = value < 65536 ? 5 : 6;
    return Buffer.concat([control(type, bytes.length), Buffer.from(bytes)]);
  }
  if (Array.isArray(value)) return Buffer.concat([control(11, value.length), ...value.map(encode)]);
  const entries = Object.entries(value);
  return Buffer.concat([control(7, entries.length), ...entries.flatMap(([k, v]) => [encode(k), encode(v)])]);
}

/** `networks`: `['81.2.69.0/24', { country: { iso_code: 'GB' } }]` … */
export function buildMmdb(networks: Array<[string, Value]>): Buffer {
  // Binary trie over IPv4 bits; a leaf holds the index of its value in the data section.
  type Node = { kids: [Node | number | null, Node | number | null] };
  const root: Node = { kids: [null, null] };
  const data: Buffer[] = [];
  const offsets: number[] = [];
  let dataSize = 0;
  for (const [cidr, value] of networks) {
    const [ip, len] = cidr.split('/') as [string, string];
    const bits = ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
    const encoded = encode(value);
    offsets.push(dataSize);
    data.push(encoded);
    dataSize += encoded.length;
    let node = root;
    for (let i = 0; i < Number(len); i++) {
      const bit = Math.floor(bits / 2 ** (31 - i)) % 2;
      if (i === Number(len) - 1) node.kids[bit] = offsets.length - 1;
      else {
        const next = node.kids[bit];
        if (next === null || typeof next === 'number') node.kids[bit] = { kids: [null, null] };
        node = node.kids[bit] as Node;
      }
    }
  }
  const nodes: Node[] = [];
  const number = new Map<Node, number>();
  const walk = (n: Node) => {
    number.set(n, nodes.length);
    nodes.push(n);
    for (const k of n.kids) if (k && typeof k === 'object') walk(k);
  };
  walk(root);
  const count = nodes.length;
  const record = (k: Node | number | null): number => (k === null ? count : typeof k === 'number' ? count + 16 + offsets[k]! : number.get(k)!);
  const tree = Buffer.alloc(count * 6);
  nodes.forEach((n, i) => {
    tree.writeUIntBE(record(n.kids[0]), i * 6, 3);
    tree.writeUIntBE(record(n.kids[1]), i * 6 + 3, 3);
  });
  const metadata = encode({
    node_count: count,
    record_size: 24,
    ip_version: 4,
    database_type: 'Test-Country',
    languages: ['en'],
    binary_format_major_version: 2,
    binary_format_minor_version: 0,
    build_epoch: 1_700_000_000,
    description: { en: 'consentry test' },
  });
  return Buffer.concat([tree, Buffer.alloc(16), ...data, Buffer.from('\xab\xcd\xefMaxMind.com', 'latin1'), metadata]);
}
