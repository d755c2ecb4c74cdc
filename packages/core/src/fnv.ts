/** FNV-1a, base 36: a cheap fingerprint (the cookie's checksum, the recipients fingerprint), not a security measure. */
export function fnv(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}
