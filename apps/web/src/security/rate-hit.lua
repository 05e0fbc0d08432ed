-- One hit of a fixed-window rate limit: INCR and set the expiry in one step, so a crash between
-- them cannot leave a key without expiry.
-- KEYS[1] the counter of (rule, key, window); ARGV[1] the window in ms.
-- Returns { hits in this window, ms until the window ends }.
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return { n, ttl }
