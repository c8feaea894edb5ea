/**
 * The values of `ErrorCode`: one export per code, so bundlers inline the numbers and an app
 * pays only for the codes it names. Import `ErrorCode` from `error-code.ts`, not this module.
 */

/** `0`: Success. */
export const OK = 0;
/** `1`: Generic failure, e.g. sending before the connection is open. */
export const FAILED = 1;
/** `2`: Nothing available (no packet to read), or not supported by this runtime. */
export const ERR_UNAVAILABLE = 2;
/** `3`: Not set up yet (no connection). */
export const ERR_UNCONFIGURED = 3;
/** `4`: Not allowed. */
export const ERR_UNAUTHORIZED = 4;
/** `5`: A parameter is out of range. */
export const ERR_PARAMETER_RANGE_ERROR = 5;
/** `6`: A buffer or queue limit is full; nothing queued was lost. */
export const ERR_OUT_OF_MEMORY = 6;
/** `13`: Cannot write any more (Godot 4's SceneMultiplayer: authentication data after the session completed). */
export const ERR_FILE_CANT_WRITE = 13;
/** `19`: Could not open (e.g. bind a port). */
export const ERR_CANT_OPEN = 19;
/** `20`: Could not create (e.g. a server). */
export const ERR_CANT_CREATE = 20;
/** `22`: Already connecting, connected or listening. */
export const ERR_ALREADY_IN_USE = 22;
/** `23`: Locked. */
export const ERR_LOCKED = 23;
/** `24`: Timed out. */
export const ERR_TIMEOUT = 24;
/** `25`: The connection could not be established. */
export const ERR_CANT_CONNECT = 25;
/** `26`: The host name could not be resolved. */
export const ERR_CANT_RESOLVE = 26;
/** `27`: An established connection failed. */
export const ERR_CONNECTION_ERROR = 27;
/** `30`: Malformed data was received. */
export const ERR_INVALID_DATA = 30;
/** `31`: A parameter is invalid (bad URL, close code, UTF-8, peer id...). */
export const ERR_INVALID_PARAMETER = 31;
/** `32`: Already exists. */
export const ERR_ALREADY_EXISTS = 32;
/** `33`: Does not exist (e.g. an unknown peer id). */
export const ERR_DOES_NOT_EXIST = 33;
/** `37`: No such method. */
export const ERR_METHOD_NOT_FOUND = 37;
/** `44`: Busy. */
export const ERR_BUSY = 44;
/** `47`: An internal error. */
export const ERR_BUG = 47;
