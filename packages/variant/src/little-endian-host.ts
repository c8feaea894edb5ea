/**
 * Whether typed arrays use little-endian byte order here (every mainstream CPU). When true, int32 and
 * float32 pool arrays are copied as whole blocks instead of one number at a time.
 */
export const LITTLE_ENDIAN_HOST: boolean = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
