#pragma once

#include <cstddef>
#include <functional>
#include <unordered_map>
#include <utility>

namespace iskra::util {

/// A byte-bounded cache that ages entries out in two generations instead of tracking recency.
///
/// Entries go into the current generation; when it would pass its budget (half the total), the
/// previous generation is dropped whole and the current one becomes the previous. A hit in the
/// previous generation moves the entry forward. This is an approximate LRU that needs no list
/// update on a hit, so a lookup is one or two hash probes. Not thread-safe: the owner locks.
///
/// `Hash` and `Equal` may be transparent (declare `is_transparent`), so a cache keyed by
/// std::string can be probed with a std::string_view without a copy.
template <class Key, class Value, class Hash = std::hash<Key>, class Equal = std::equal_to<Key>>
class TwoGenerationCache {
  public:
    explicit TwoGenerationCache(std::size_t budget_bytes)
        : generation_budget_bytes_(budget_bytes / 2) {}

    /// The value stored under `key`, or a default-constructed Value (e.g. a null shared_ptr).
    template <class Probe>
    Value find(const Probe& key) {
        if (auto it = current_.entries.find(key); it != current_.entries.end()) {
            return it->second.value;
        }
        auto it = previous_.entries.find(key);
        if (it == previous_.entries.end()) {
            return Value{};
        }
        Entry found = it->second;
        Key stored_key = it->first;
        insert_entry(std::move(stored_key), found);  // may drop previous_ (and `it`)
        return found.value;
    }

    /// Stores `value`, charged `bytes` against the budget; values larger than a generation's
    /// budget are not kept. An existing entry under `key` is left as it is.
    template <class Probe>
    void insert(const Probe& key, Value value, std::size_t bytes) {
        insert_entry(Key(key), Entry{std::move(value), bytes});
    }

    std::size_t entries() const { return current_.entries.size() + previous_.entries.size(); }

  private:
    struct Entry {
        Value value;
        std::size_t bytes = 0;
    };
    struct Generation {
        std::unordered_map<Key, Entry, Hash, Equal> entries;
        std::size_t bytes = 0;
    };

    void insert_entry(Key key, Entry entry) {
        if (entry.bytes > generation_budget_bytes_) {
            return;
        }
        if (current_.bytes + entry.bytes > generation_budget_bytes_) {
            previous_ = std::move(current_);
            current_ = Generation{};
        }
        const std::size_t bytes = entry.bytes;
        if (current_.entries.try_emplace(std::move(key), std::move(entry)).second) {
            current_.bytes += bytes;
        }
    }

    const std::size_t generation_budget_bytes_;
    Generation current_;
    Generation previous_;
};

}  // namespace iskra::util
