export { type CliCommand, parseCli, type ServeKind } from './cli-args.js';
export { createRoomDecoder } from './create-room-decoder.js';
export { explainMessage, parseMessageRegister, readMessageRegister } from './explain.js';
export { formatVariant } from './format-variant.js';
export { godot3RoomDecoder } from './godot3-room-decoder.js';
export { godot4RoomDecoder } from './godot4-room-decoder.js';
export type { RoomDecoder, RoomWire } from './room-decoder.js';
export { loadRpcNames, rpcNamesOfScript } from './rpc-names.js';
export { tapPackets } from './tap-packets.js';
