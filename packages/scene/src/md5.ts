/** Per-round left-rotation amounts of MD5 (RFC 1321). */
const SHIFTS = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];

/** MD5's 64 additive constants, floor(2^32 * |sin(i + 1)|) (RFC 1321 §3.4). */
const K = Array.from({ length: 64 }, (_, i) => Math.floor(2 ** 32 * Math.abs(Math.sin(i + 1))));

/**
 * The MD5 digest of `bytes` as 32 lowercase hex digits (RFC 1321). Godot 4 uses it for the RPC
 * checksum of a node path in SIMPLIFY_PATH (`String::md5_text` of the node's RPC names), so it must
 * run in browsers too, where `crypto.subtle` has no MD5. Not for security.
 */
export function md5Hex(bytes: Uint8Array): string {
  const length = bytes.length;
  // The message as little-endian words, padded: 0x80, zeros, then the bit length as a uint64.
  const m = new Uint32Array(((length + 8) >>> 6) * 16 + 16);
  for (let i = 0; i < length; i++) m[i >> 2] |= (bytes[i] as number) << ((i & 3) * 8);
  m[length >> 2] |= 0x80 << ((length & 3) * 8);
  m[m.length - 2] = length * 8; // a Uint32Array keeps the low 32 bits...
  m[m.length - 1] = length / 0x20000000; // ...and truncates the high ones
  let h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476];
  for (let block = 0; block < m.length; block += 16) {
    let [a, b, c, d] = h as [number, number, number, number];
    for (let i = 0; i < 64; i++) {
      const round = i >>> 4;
      const f =
        round === 0 ? (b & c) | (~b & d) : round === 1 ? (d & b) | (~d & c) : round === 2 ? b ^ c ^ d : c ^ (b | ~d);
      const g = round === 0 ? i : round === 1 ? 5 * i + 1 : round === 2 ? 3 * i + 5 : 7 * i;
      const sum = a + f + (K[i] as number) + (m[block + (g & 15)] as number);
      const s = SHIFTS[round * 4 + (i & 3)] as number;
      a = d;
      d = c;
      c = b;
      b = (b + ((sum << s) | (sum >>> (32 - s)))) | 0;
    }
    const abcd = [a, b, c, d];
    h = h.map((x, j) => (x + (abcd[j] as number)) | 0);
  }
  let hex = '';
  for (let i = 0; i < 16; i++) hex += (((h[i >> 2] as number) >>> ((i & 3) * 8)) & 0xff).toString(16).padStart(2, '0');
  return hex;
}
