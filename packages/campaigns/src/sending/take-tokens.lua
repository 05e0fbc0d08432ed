-- Token bucket in one Redis hash, shared by every process that sends through the same transport.
-- Time comes from Redis (TIME), so clocks of different machines do not matter.
--
-- KEYS[1] the bucket. Fields: tk tokens, ts last refill (ms), f back-pressure factor at fs (ms).
-- ARGV: rate (tokens/s at full speed), burst, wanted, priority (1: may borrow below zero),
--       throttle (1: halve the factor), recoverMs (time for the factor to climb back from 0 to 1).
-- Returns { granted, waitMs, factor * 1000 }.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local wanted = tonumber(ARGV[3])
local priority = ARGV[4] == '1'
local throttle = ARGV[5] == '1'
local recover = tonumber(ARGV[6])
local s = redis.call('HMGET', KEYS[1], 'tk', 'ts', 'f', 'fs')
local tokens = tonumber(s[1]) or burst
local ts = tonumber(s[2]) or now
local f = tonumber(s[3]) or 1
local fs = tonumber(s[4]) or now
local factor = math.min(1, f + (now - fs) / recover)
if throttle then
  factor = math.max(0.05, factor / 2)
end
local effective = rate * factor
tokens = math.min(burst, tokens + math.max(0, now - ts) * effective / 1000)
local granted = 0
local wait = 0
if priority then
  granted = wanted
  tokens = math.max(tokens - wanted, -burst * 4)
elseif tokens >= 1 then
  granted = math.min(wanted, math.floor(tokens))
  tokens = tokens - granted
else
  wait = math.ceil((1 - tokens) * 1000 / effective)
end
redis.call('HSET', KEYS[1], 'tk', tokens, 'ts', now, 'f', factor, 'fs', now)
redis.call('PEXPIRE', KEYS[1], 3600000)
return { granted, wait, math.floor(factor * 1000) }
