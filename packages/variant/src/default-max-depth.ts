/**
 * How many ARRAY/DICTIONARY levels may nest (`[[1]]` is two levels): the encoder refuses deeper
 * values, and the decoder rejects them unless given another `maxDepth`. Keeps recursion bounded.
 */
export const DEFAULT_MAX_DEPTH = 256;
