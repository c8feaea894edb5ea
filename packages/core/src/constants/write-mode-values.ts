/** The values of `WriteMode`, one export each so bundlers inline the numbers. Import `WriteMode` from `write-mode.ts`. */

/** `0`: text frames (the bytes must be valid UTF-8). */
export const TEXT = 0;
/** `1`: binary frames (the default). */
export const BINARY = 1;
