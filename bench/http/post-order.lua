-- POST an AES-256 key order; counts non-202 answers.
wrk.method = "POST"
wrk.headers["X-Auth-Token"] = os.getenv("BOAT_TOKEN")
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"type":"key","meta":{"algorithm":"aes","bit_length":256}}'
local bad = 0
response = function(status) if status ~= 202 then bad = bad + 1 end end
done = function() if bad > 0 then io.write("non-202 answers: " .. bad .. "\n") end end
