/** Bytes as hex, at most `max` of them (`01 02 ff ...`). */
export function hexPreview(bytes: Uint8Array, max = 32): string {
  let out = '';
  const n = Math.min(bytes.byteLength, max);
  for (let i = 0; i < n; i++) out += `${i === 0 ? '' : ' '}${(bytes[i] as number).toString(16).padStart(2, '0')}`;
  return bytes.byteLength > max ? `${out} ...` : out;
}

/** A received message for a person: text as is, binary as `[binary N B] hex`. */
export function messagePreview(data: Uint8Array | string): string {
  if (typeof data === 'string') return data;
  return `[binary ${data.byteLength} B] ${hexPreview(data)}`;
}
