import { Resume } from 'wspeer/multiplayer';
import type { GameLinkEvents } from './game-link.ts';

/**
 * The reconnect policy of both game links: a `Resume` that tries again quickly (0.2 s, then up to
 * 2 s, 8 attempts), well within the host's 5 s grace, and tells the session about each attempt.
 */
export function gameResume(events: GameLinkEvents): Resume {
  const resume = new Resume({ minDelay: 0.2, maxDelay: 2, maxAttempts: 8 });
  resume.on('reconnecting', (attempt) => events.reconnecting(attempt));
  resume.on('reconnected', () => events.reconnected());
  return resume;
}
