-- Adds a batch to the pending set unless it finished already, in one step.
-- KEYS[1] the pending set, KEYS[2] the done set; ARGV[1] the batch's member.
-- Returns 1 when it was added, 0 when it was pending or done already.
if redis.call('SISMEMBER', KEYS[2], ARGV[1]) == 1 then return 0 end
return redis.call('SADD', KEYS[1], ARGV[1])
