-- GET a secret's payload with the token from $BOAT_TOKEN; counts non-200 answers.
wrk.method = "GET"
wrk.headers["X-Auth-Token"] = os.getenv("BOAT_TOKEN")
wrk.headers["Accept"] = "application/octet-stream"
local bad = 0
response = function(status) if status ~= 200 then bad = bad + 1 end end
done = function() if bad > 0 then io.write("non-200 answers: " .. bad .. "\n") end end
