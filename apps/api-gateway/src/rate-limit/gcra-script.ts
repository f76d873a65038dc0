/**
 * GCRA (the generic cell rate algorithm, as in ATM networks and redis-cell) in one Lua script,
 * so the read-decide-write is atomic across every gateway sharing the key. It keeps one number
 * per key, the theoretical arrival time (TAT): each allowed request pushes it one emission
 * interval (window / limit) further; a request is refused while TAT would run more than one
 * window ahead of now. That allows a full burst of `limit`, then a steady `limit` per window.
 * Time comes from Redis (TIME), so gateways with skewed clocks agree.
 *
 * KEYS[1] the key's TAT; ARGV[1] limit; ARGV[2] window in ms.
 * Returns { allowed (0/1), remaining, ms until the quota is full again, ms until allowed }.
 */
export const GCRA_SCRIPT = `
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local interval = window / limit
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local tat = tonumber(redis.call('GET', KEYS[1]) or now)
if tat < now then tat = now end
local new_tat = tat + interval
local allow_at = new_tat - window
if now < allow_at then
  -- Refused requests store nothing: a client hammering a closed door does not push back its own reset.
  return { 0, 0, math.ceil(tat - now), math.ceil(allow_at - now) }
end
redis.call('SET', KEYS[1], tostring(new_tat), 'PX', math.ceil(new_tat - now))
local remaining = math.floor((window - (new_tat - now)) / interval + 1e-9)
return { 1, remaining, math.ceil(new_tat - now), 0 }
`;
