#pragma once

#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

namespace iskra::server {

/// A least-recently-used cache of serialized read responses (Solr's queryResultCache, the
/// Elasticsearch request cache): popular questions are answered without running the engine.
///
/// Keys must contain the collection generation the response was computed on, so that a commit
/// makes every older entry unreachable: a response is never served for a newer collection than
/// the one it was computed from. Thread-safe.
class ResponseCache {
  public:
    explicit ResponseCache(std::size_t capacity) : capacity_(capacity) {}

    /// The cached body for `key`, if any; marks it recently used.
    std::shared_ptr<const std::string> get(const std::string& key);
    /// Stores `body` under `key`, evicting the least recently used entry when full.
    void put(const std::string& key, std::string body);

    std::size_t capacity() const { return capacity_; }
    std::uint64_t hits() const;
    std::uint64_t misses() const;

  private:
    using Entry = std::pair<std::string, std::shared_ptr<const std::string>>;

    std::size_t capacity_;
    mutable std::mutex mutex_;
    std::list<Entry> entries_;  // most recently used first
    std::unordered_map<std::string, std::list<Entry>::iterator> index_;
    std::uint64_t hits_ = 0;
    std::uint64_t misses_ = 0;
};

}  // namespace iskra::server
