import { ErrorCode } from './constants/error-code.js';

/** Why a server could not listen: a Godot code and a sentence that names the port and the cause. */
export interface ListenFailure {
  /** `ERR_ALREADY_IN_USE` (port taken), `ERR_UNAUTHORIZED` (privileged port), `ERR_CANT_RESOLVE` or `ERR_CANT_CREATE`. */
  code: ErrorCode;
  /** For a person: `"cannot listen on port 8080: the port is already in use (EADDRINUSE); ..."`. */
  message: string;
}

/** The advice for each system error a listener reports (Node's `error.code`). */
const CAUSES: Record<string, [ErrorCode, string]> = {
  EADDRINUSE: [
    ErrorCode.ERR_ALREADY_IN_USE,
    'the port is already in use (EADDRINUSE); stop the other server or choose another port (0 picks a free one)',
  ],
  EACCES: [
    ErrorCode.ERR_UNAUTHORIZED,
    'permission denied (EACCES); ports below 1024 need privileges: choose a port from 1024 up',
  ],
  EADDRNOTAVAIL: [
    ErrorCode.ERR_CANT_CREATE,
    'the address is not one of this machine (EADDRNOTAVAIL); bind "*" or one of its own addresses',
  ],
  ENOTFOUND: [ErrorCode.ERR_CANT_RESOLVE, 'the bind address could not be resolved (ENOTFOUND)'],
};

/** Describes a failed `listen` on `port` (and `bindAddress` unless all addresses) from the listener's report. */
export function listenFailure(port: number, bindAddress: string, message: string, systemCode: string): ListenFailure {
  const where = bindAddress === '*' || bindAddress === '' ? `port ${port}` : `${bindAddress} port ${port}`;
  const known = CAUSES[systemCode];
  if (known !== undefined) return { code: known[0], message: `cannot listen on ${where}: ${known[1]}` };
  return { code: ErrorCode.ERR_CANT_CREATE, message: `cannot listen on ${where}: ${message}` };
}
