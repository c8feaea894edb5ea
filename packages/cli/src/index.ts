export { formatVariant } from './format-variant.js';
export { godot3RoomDecoder } from './godot3-room-decoder.js';
export { type RoomDecoder, type RoomWire, roomDecoder } from './room-decoder.js';
