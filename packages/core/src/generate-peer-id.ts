const scratch = new Uint32Array(1);

/**
 * A random peer id as Godot makes them: a positive 31-bit integer that is never 0 or 1 (1 is the
 * server). `taken` lets the caller keep ids unique among its connected peers.
 */
export function generatePeerId(taken?: (id: number) => boolean): number {
  for (;;) {
    crypto.getRandomValues(scratch);
    const id = (scratch[0] as number) & 0x7fffffff;
    if (id > 1 && !taken?.(id)) return id;
  }
}
