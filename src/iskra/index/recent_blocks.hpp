#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "iskra/index/doc_store_reader.hpp"

namespace iskra::index {

/// The most recently decompressed document-store blocks of one segment, shared by every reader
/// thread. A search or an answer reads the stored text of its top hits to build snippets and
/// citations; popular documents come back request after request, and decompressing their block
/// each time was most of a served search's CPU. Bounded by the decompressed bytes it holds;
/// evicts the least recently used block. Thread-safe.
class RecentBlocks {
  public:
    explicit RecentBlocks(std::size_t max_bytes) : max_bytes_(max_bytes) {}

    /// The cached block, or null.
    std::shared_ptr<const DocBlockCache> find(std::uint64_t block);
    /// Keeps `decoded` (the decompressed `block`), evicting old blocks beyond the budget.
    void insert(std::uint64_t block, std::shared_ptr<const DocBlockCache> decoded);

  private:
    struct Entry {
        std::uint64_t block;
        std::shared_ptr<const DocBlockCache> decoded;
    };
    using Order = std::list<Entry>;

    std::size_t max_bytes_;
    std::mutex mutex_;
    Order order_;  // most recent first
    std::unordered_map<std::uint64_t, Order::iterator> where_;
    std::size_t bytes_ = 0;
};

}  // namespace iskra::index
