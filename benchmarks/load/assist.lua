-- wrk script: cached assists for every demo ticket, with the sidebar's session token.
local tickets = {}
for id = 101, 157 do tickets[#tickets + 1] = id end
local n = 0

request = function()
  n = n + 1
  local path = "/api/tickets/" .. tickets[(n % #tickets) + 1] .. "/assist"
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. os.getenv("COPILOT_SESSION") })
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors=%d seconds=%.2f p50=%.2f p95=%.2f p99=%.2f\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
