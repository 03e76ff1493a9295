// Applies a batch of projected events and the partition's new offset atomically.
// Entries at or below the stored offset were applied before (a redelivery after a
// crash or a rebalance) and are skipped, which is what makes at-least-once
// delivery land exactly once in the model.
//
// Offsets are compared as Lua numbers (doubles): exact up to 2^53, far beyond any
// partition's lifetime. Redis does not roll a script back if a command fails
// half-way, which is why projections may only use the write commands in
// ALLOWED_COMMANDS on keys of their own namespace (checked before the script runs).
//
// KEYS[1] offsets hash; ARGV[1] "<topic>:<partition>"; ARGV[2] last offset of the
// batch; ARGV[3] JSON [[offset, [[cmd, key, ...args], ...]], ...].
export const APPLY_BATCH_LUA = `
local stored = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '-1')
local last = tonumber(ARGV[2])
if last <= stored then return 0 end
local applied = 0
for _, entry in ipairs(cjson.decode(ARGV[3])) do
  if tonumber(entry[1]) > stored then
    for _, cmd in ipairs(entry[2]) do
      redis.call(unpack(cmd))
    end
    applied = applied + 1
  end
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return applied
`;
