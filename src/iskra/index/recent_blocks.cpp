#include "iskra/index/recent_blocks.hpp"

#include <utility>

namespace iskra::index {

namespace {
std::size_t footprint(const DocBlockCache& decoded) {
    return decoded.raw.size() + decoded.starts.size() * sizeof(std::uint32_t);
}
}  // namespace

std::shared_ptr<const DocBlockCache> RecentBlocks::find(std::uint64_t block) {
    std::lock_guard lock(mutex_);
    auto it = where_.find(block);
    if (it == where_.end()) {
        return nullptr;
    }
    order_.splice(order_.begin(), order_, it->second);
    return it->second->decoded;
}

void RecentBlocks::insert(std::uint64_t block, std::shared_ptr<const DocBlockCache> decoded) {
    std::size_t size = footprint(*decoded);
    if (size > max_bytes_) {
        return;  // one block larger than the whole budget: not worth evicting everything for
    }
    std::lock_guard lock(mutex_);
    if (where_.contains(block)) {
        return;  // another thread decoded it at the same time
    }
    order_.push_front(Entry{block, std::move(decoded)});
    where_.emplace(block, order_.begin());
    bytes_ += size;
    while (bytes_ > max_bytes_ && !order_.empty()) {
        bytes_ -= footprint(*order_.back().decoded);
        where_.erase(order_.back().block);
        order_.pop_back();
    }
}

}  // namespace iskra::index
