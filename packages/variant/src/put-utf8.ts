/**
 * Writes `text` as UTF-8 into `buf` from `p` (the caller made room for `text.length * 3` bytes) and
 * returns where it ended. Lone surrogates become U+FFFD, as with `TextEncoder`.
 */
export function putUtf8(buf: Uint8Array, p: number, text: string): number {
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      buf[p++] = c;
      continue;
    }
    if (c < 0x800) {
      buf[p++] = 0xc0 | (c >> 6);
    } else {
      // A surrogate: a pair's code point (above U+FFFF), else it is lone and becomes U+FFFD.
      if (c >= 0xd800 && c < 0xe000) {
        c = text.codePointAt(i) as number;
        if (c < 0x10000) c = 0xfffd;
      }
      if (c > 0xffff) {
        buf[p++] = 0xf0 | (c >> 18);
        buf[p++] = 0x80 | ((c >> 12) & 0x3f);
        i++;
      } else {
        buf[p++] = 0xe0 | (c >> 12);
      }
      buf[p++] = 0x80 | ((c >> 6) & 0x3f);
    }
    buf[p++] = 0x80 | (c & 0x3f);
  }
  return p;
}
