/**
 * The little-endian int32 at `offset` of `bytes` (which must hold 4 bytes there), as
 * `DataView.getInt32(offset, true)` reads it, without allocating a view.
 */
export function readInt32(bytes: Uint8Array, offset: number): number {
  return (
    (bytes[offset] as number) |
    ((bytes[offset + 1] as number) << 8) |
    ((bytes[offset + 2] as number) << 16) |
    ((bytes[offset + 3] as number) << 24)
  );
}
