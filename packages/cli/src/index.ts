export { type CliCommand, parseCli, type ServeKind } from './cli-args.js';
export { formatVariant } from './format-variant.js';
export { godot3RoomDecoder } from './godot3-room-decoder.js';
export { type RoomDecoder, type RoomWire, roomDecoder } from './room-decoder.js';
