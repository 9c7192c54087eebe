-- wrk script for deploy/local/bench/booking-load.sh.
--   POST mode (args: post <tokens file> <slots file> <threads> [pause ms]): each request books a distinct
--   (client, slot) pair. Neighbouring requests differ in both client and slot, so concurrent requests do not queue
--   on one row lock: pair k is slot k mod S for client (k div S + k mod S) mod C, which walks all S*C pairs.
--   GET mode (args: get <tokens file> <threads>): each request lists the bookings of the next client.
local tokens, slots = {}, {}
local mode, threads, pause, k
local started = 0

function setup(thread)
  thread:set("thread_index", started)
  started = started + 1
end

local function read_lines(file, into)
  for line in io.lines(file) do
    if #line > 0 then into[#into + 1] = line end
  end
end

function init(args)
  mode = args[1]
  read_lines(args[2], tokens)
  if mode == "post" then
    read_lines(args[3], slots)
    threads = tonumber(args[4])
    pause = tonumber(args[5] or "0")
  else
    threads = tonumber(args[3])
  end
  k = thread_index
end

function delay()
  return pause or 0
end

function request()
  local index = k
  k = k + threads
  if mode == "post" then
    local slot = index % #slots
    local client = (math.floor(index / #slots) + slot) % #tokens
    return wrk.format("POST", "/api/bookings",
      { ["Authorization"] = "Bearer " .. tokens[client + 1], ["Content-Type"] = "application/json" },
      '{"schedule_id":' .. slots[slot + 1] .. '}')
  end
  return wrk.format("GET", "/api/bookings", { ["Authorization"] = "Bearer " .. tokens[index % #tokens + 1] })
end
