-- wrk script for bench/load_test.sh: GET /api/v1/<mode>?q=... (ISKRA_LOAD_MODE = search | ask).
-- ISKRA_LOAD_UNIQUE=0: rotate through a short list of popular queries (the server's response
-- cache answers them). ISKRA_LOAD_UNIQUE=1: cycle through thousands of distinct requests, more
-- than the cache holds (1024), so that every request runs the engine.
local mode = os.getenv("ISKRA_LOAD_MODE") or "search"
local unique = os.getenv("ISKRA_LOAD_UNIQUE") == "1"

local searches = {
  "trotsky", "red army", "lenin", "stalin", "exile", "mexico", "fourth international",
  "october revolution", "permanent revolution", "kamenev zinoviev", "assassination",
  "petrograd soviet", "\"red army\"", "trotsky AND stalin", "mercader", "civil war",
}
local questions = {
  "When was Trotsky born?", "Who killed Trotsky?", "Where did Trotsky die?",
  "When did Lenin die?", "Who founded the Red Army?", "What is permanent revolution?",
  "When was Trotsky exiled?", "Who was Trotsky's wife?", "Where was Trotsky born?",
  "When did Trotsky die?", "Who succeeded Lenin?", "What was the Fourth International?",
}
local words = {
  "trotsky", "lenin", "stalin", "army", "exile", "mexico", "revolution", "soviet", "party",
  "bolshevik", "kamenev", "zinoviev", "moscow", "petrograd", "war", "international", "killed",
  "born", "siberia", "opposition", "commissar", "trial", "purge", "writer", "family", "son",
  "wife", "police", "history", "power", "workers", "peace", "germany", "britain", "france",
  "china", "1917", "1940", "1905", "1929",
}
local templates = {
  "When was %s mentioned?", "Who was %s?", "What happened to %s?", "Where was %s?",
  "Why did %s matter?", "When did %s end?", "Who led %s?", "What is %s?",
}

local function urlencode(text)
  return (text:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("offset", counter * 997)
end

local function next_query()
  offset = (offset or 0) + 1
  if not unique then
    local list = mode == "ask" and questions or searches
    return list[(offset % #list) + 1], nil
  end
  if mode == "ask" then
    local n = offset % (#templates * #words * 5)
    local template = templates[(n % #templates) + 1]
    local word = words[(math.floor(n / #templates) % #words) + 1]
    return string.format(template, word), 1 + math.floor(n / (#templates * #words))
  end
  local n = offset % (#words * #words)
  return words[(n % #words) + 1] .. " " .. words[math.floor(n / #words) + 1], nil
end

function request()
  local q, k = next_query()
  local path = "/api/v1/" .. mode .. "?q=" .. urlencode(q)
  if k then path = path .. "&k=" .. k end
  return wrk.format("GET", path)
end
