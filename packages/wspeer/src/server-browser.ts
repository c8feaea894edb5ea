/** The `browser` side of `wspeer/server`: servers need Node, so importing this fails loudly. */
throw new Error(
  'wspeer/server is Node-only (browsers cannot accept connections). Import it from server code; browser code uses "wspeer".',
);

export {};
