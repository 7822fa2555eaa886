-- wrk script: second a proposal as signed-in users, each user once (bench/bench_proposals.py).
-- BENCH_BODY: url-encoded body with {token} (a fresh UUID per request) and {n};
-- BENCH_COOKIES: file with one Cookie header value per user; BENCH_CSRF: the CSRF secret.
-- thread_id and statuses are globals: setup() sets thread_id, done() reads statuses.
local counter = 0
local threads = {}
local salt = tonumber(os.getenv("BENCH_SALT") or "0")
local cookies = {}
local body = os.getenv("BENCH_BODY")
local csrf = os.getenv("BENCH_CSRF")
local nthreads = tonumber(os.getenv("BENCH_THREADS") or "2")
statuses = {}

function setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(os.getenv("BENCH_COOKIES")) do
    if #line > 0 then table.insert(cookies, line) end
  end
  statuses = {}
end

function request()
  counter = counter + 1
  local token = string.format("%08x-%04x-4000-8000-%012x", thread_id, salt, counter)
  local n = thread_id * 10000000 + counter
  local text = body:gsub("{token}", token):gsub("{n}", tostring(n))
  -- Interleaved across threads: no two requests share a user until every user has had a turn.
  local cookie = cookies[((counter - 1) * nthreads + thread_id - 1) % #cookies + 1]
  local headers = {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = cookie,
    ["X-CSRFToken"] = csrf,
  }
  return wrk.format("POST", nil, headers, text)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    local counts = thread:get("statuses")
    for code, count in pairs(counts) do
      total[code] = (total[code] or 0) + count
    end
  end
  for code, count in pairs(total) do
    io.write(string.format("status %d: %d\n", code, count))
  end
end
