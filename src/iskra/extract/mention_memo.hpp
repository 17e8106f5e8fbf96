#pragma once

#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "iskra/extract/knowledge.hpp"

namespace iskra::extract {

/// The known names found in recently read sentences. Answering looks up the names of every
/// retrieved lower-case sentence, and popular sentences come back question after question; the
/// lookup tries every run of up to a few words against the name table, so remembering its result
/// saves most of that work. Bounded: forgets everything when full. Thread-safe.
class MentionMemo {
  public:
    explicit MentionMemo(std::size_t max_entries) : max_entries_(max_entries) {}

    std::optional<std::vector<ClusterMention>> find(std::string_view text) const;
    void insert(std::string_view text, const std::vector<ClusterMention>& mentions);

  private:
    std::size_t max_entries_;
    mutable std::mutex mutex_;
    std::unordered_map<std::string, std::vector<ClusterMention>> entries_;
};

}  // namespace iskra::extract
