-- The mixed load before BOAT's RSS is read (bench/http/compare.sh): GET /, GET payload, POST
-- secret and POST order in turn, with $BOAT_TOKEN, the payload at $BOAT_PAYLOAD_PATH; stops after
-- $BOAT_MIXED_REQUESTS answers (one wrk thread) and then creates the file $BOAT_MIXED_DONE: wrk
-- itself runs on until its duration ends, so the caller waits for that file and interrupts it.
-- Counts answers with an unexpected status.
local token = os.getenv("BOAT_TOKEN")
local payload = os.getenv("BOAT_PAYLOAD_PATH")
local limit = tonumber(os.getenv("BOAT_MIXED_REQUESTS") or "10000")
local marker = os.getenv("BOAT_MIXED_DONE")
local secret = '{"name":"bench-mixed","payload":"RwuBgu6vnzM8VBb7JFJ1Kwrd871cTgw2QFIFW07ZuUk=","payload_content_type":"application/octet-stream","payload_content_encoding":"base64"}'
local order = '{"type":"key","meta":{"algorithm":"aes","bit_length":256}}'
local reqs
-- Formatted in init, after wrk has set the Host header that wrk.format copies into each request.
function init(args)
  reqs = {
    wrk.format("GET", "/", {}),
    wrk.format("GET", payload, {["X-Auth-Token"] = token, ["Accept"] = "application/octet-stream"}),
    wrk.format("POST", "/v1/secrets", {["X-Auth-Token"] = token, ["Content-Type"] = "application/json"}, secret),
    wrk.format("POST", "/v1/orders", {["X-Auth-Token"] = token, ["Content-Type"] = "application/json"}, order),
  }
end
-- Connections answer in their own order, so any of the four expected statuses counts as right.
local ok = {[200] = true, [201] = true, [202] = true, [300] = true}
local sent, answered, bad = 0, 0, 0
request = function()
  sent = sent + 1
  return reqs[(sent - 1) % 4 + 1]
end
response = function(status)
  answered = answered + 1
  if not ok[status] then bad = bad + 1 end
  if answered == limit then
    io.write("answers: " .. answered .. ", unexpected: " .. bad .. "\n"); io.flush()
    io.open(marker, "w"):close()
    wrk.thread:stop()
  end
end
