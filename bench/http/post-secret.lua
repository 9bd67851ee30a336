-- POST a 32-byte base64 secret; counts non-201 answers.
wrk.method = "POST"
wrk.headers["X-Auth-Token"] = os.getenv("BOAT_TOKEN")
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"name":"bench-post","payload":"RwuBgu6vnzM8VBb7JFJ1Kwrd871cTgw2QFIFW07ZuUk=","payload_content_type":"application/octet-stream","payload_content_encoding":"base64"}'
local bad = 0
response = function(status) if status ~= 201 then bad = bad + 1 end end
done = function() if bad > 0 then io.write("non-201 answers: " .. bad .. "\n") end end
