-- GET with no token; counts answers whose status is not $BENCH_STATUS (bench/http/compare.sh).
local want = tonumber(os.getenv("BENCH_STATUS") or "200")
local bad = 0
response = function(status) if status ~= want then bad = bad + 1 end end
done = function() if bad > 0 then io.write("unexpected answers: " .. bad .. "\n") end end
