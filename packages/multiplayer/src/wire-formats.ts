import type { Wire } from './constants.js';
import { godot3ClientWire, godot3ServerWire } from './godot3-wire.js';
import { godot4ClientWire, godot4ServerWire } from './godot4-wire.js';
import type { ClientWire, ServerWire } from './wire.js';

/** The client half of wire format `wire`. */
export function clientWire(wire: Wire): ClientWire {
  return wire === 'godot4' ? godot4ClientWire : godot3ClientWire;
}

/** The server half of wire format `wire`. */
export function serverWire(wire: Wire): ServerWire {
  return wire === 'godot4' ? godot4ServerWire : godot3ServerWire;
}
