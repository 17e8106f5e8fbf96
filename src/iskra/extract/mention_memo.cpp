#include "iskra/extract/mention_memo.hpp"

namespace iskra::extract {

std::optional<std::vector<ClusterMention>> MentionMemo::find(std::string_view text) const {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(std::string(text));
    if (it == entries_.end()) {
        return std::nullopt;
    }
    return it->second;
}

void MentionMemo::insert(std::string_view text, const std::vector<ClusterMention>& mentions) {
    std::lock_guard lock(mutex_);
    if (entries_.size() >= max_entries_) {
        entries_.clear();
    }
    entries_.emplace(std::string(text), mentions);
}

}  // namespace iskra::extract
