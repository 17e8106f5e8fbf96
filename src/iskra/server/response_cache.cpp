#include "iskra/server/response_cache.hpp"

namespace iskra::server {

std::shared_ptr<const std::string> ResponseCache::get(const std::string& key) {
    std::lock_guard lock(mutex_);
    auto it = index_.find(key);
    if (it == index_.end()) {
        ++misses_;
        return nullptr;
    }
    ++hits_;
    entries_.splice(entries_.begin(), entries_, it->second);
    return it->second->second;
}

void ResponseCache::put(const std::string& key, std::string body) {
    if (capacity_ == 0) {
        return;
    }
    auto shared = std::make_shared<const std::string>(std::move(body));
    std::lock_guard lock(mutex_);
    auto it = index_.find(key);
    if (it != index_.end()) {
        it->second->second = std::move(shared);
        entries_.splice(entries_.begin(), entries_, it->second);
        return;
    }
    entries_.emplace_front(key, std::move(shared));
    index_.emplace(key, entries_.begin());
    if (entries_.size() > capacity_) {
        index_.erase(entries_.back().first);
        entries_.pop_back();
    }
}

std::uint64_t ResponseCache::hits() const {
    std::lock_guard lock(mutex_);
    return hits_;
}

std::uint64_t ResponseCache::misses() const {
    std::lock_guard lock(mutex_);
    return misses_;
}

}  // namespace iskra::server
