import { fileURLToPath } from 'node:url';

export { ATTACK_BOUNDS } from './attack/attack-bounds.js';
export { type AttackRecord, recordAttack, reportDir, writeAttackReport } from './attack/attack-report.js';
export { AttackSession, type Measured, type SessionOptions } from './attack/attack-session.js';
export { Child, type ChildOptions } from './attack/child.js';
export { godot3Data, godot3Id, remoteCall, simplifyPath, variantString } from './attack/godot3-packets.js';
export { HonestEcho, type HonestFigures } from './attack/honest-echo.js';
export { Op, type RawFrameOptions, rawFrame } from './attack/raw-frame.js';
export { RawWs, type RawWsOptions } from './attack/raw-ws.js';
export type { TargetStats } from './attack/target-stats.js';

/** Path of the `room-member.js` child entry (a wspeer client that joins a room; freeze it with SIGSTOP). */
export const ROOM_MEMBER_ENTRY: string = fileURLToPath(new URL('./attack/room-member.js', import.meta.url));
