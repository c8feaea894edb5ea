/**
 * The Lua scripts the cluster runs in Redis (each one command, atomic). Keys: `<prefix>id:<peer>`
 * holds the node that reserved a peer id (with the lease as expiry); `<prefix>node:<node>` is the set
 * of the ids a node holds (its clients and its pool of ids reserved in advance).
 */

/**
 * Reserves ids for a node. ARGV: prefix, node, lease ms, ids... Returns the ids now held by the node
 * (free ones, or ones it held already); an id another node holds is left out.
 */
export const RESERVE_SCRIPT = `
local prefix, node, lease = ARGV[1], ARGV[2], ARGV[3]
local set = prefix .. 'node:' .. node
local got = {}
for i = 4, #ARGV do
  local key = prefix .. 'id:' .. ARGV[i]
  local owner = redis.call('GET', key)
  if owner == false or owner == node then
    redis.call('SET', key, node, 'PX', lease)
    redis.call('SADD', set, ARGV[i])
    got[#got + 1] = ARGV[i]
  end
end
redis.call('PEXPIRE', set, lease)
return got
`;

/**
 * A turn's publish with the lease refresh of a beat. ARGV: prefix, node, lease ms, channel, frame,
 * released ids... Frees the released ids, renews the lease of every id the node still holds, and
 * publishes the frame. Returns PUBLISH's count.
 */
export const BEAT_SCRIPT = `
local prefix, node, lease = ARGV[1], ARGV[2], ARGV[3]
local set = prefix .. 'node:' .. node
for i = 6, #ARGV do
  local key = prefix .. 'id:' .. ARGV[i]
  if redis.call('GET', key) == node then redis.call('DEL', key) end
  redis.call('SREM', set, ARGV[i])
end
for _, id in ipairs(redis.call('SMEMBERS', set)) do
  local key = prefix .. 'id:' .. id
  if redis.call('GET', key) == node then redis.call('PEXPIRE', key, lease) end
end
redis.call('PEXPIRE', set, lease)
return redis.call('PUBLISH', ARGV[4], ARGV[5])
`;
