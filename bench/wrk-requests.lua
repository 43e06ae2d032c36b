-- wrk script for the benchmarks (bench/wrk.ts): requests cycle, in order,
-- through the lines of $BENCH_REQUESTS (signed agent calls carry nonces that
-- may not repeat: their lists are longer than a round sends):
--   METHOD <tab> path <tab> header: value|header: value... <tab> body
-- done() prints the figures as one JSON line.
local lines = {}
for line in io.lines(os.getenv("BENCH_REQUESTS")) do
  lines[#lines + 1] = line
end

local requests = {}
-- formatted in init, once wrk has set the Host header
init = function()
  for _, line in ipairs(lines) do
    local method, path, headerText, body = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t(.*)$")
    local headers = {}
    for name, value in headerText:gmatch("([^:|]+): ([^|]*)") do
      headers[name] = value
    end
    requests[#requests + 1] = wrk.format(method, path, headers, body ~= "" and body or nil)
  end
end

local n = 0
request = function()
  n = n + 1
  return requests[(n - 1) % #requests + 1]
end

done = function(summary, latency)
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"seconds":%.3f,"p50":%.3f,"p99":%.3f,"non2xx":%d,"errors":%d}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.status, e.connect + e.read + e.write + e.timeout))
end
