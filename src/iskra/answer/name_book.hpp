#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "iskra/extract/entity_mention.hpp"

namespace iskra::answer {

/// Names known at question time, by folded form: what capitalised sentences (and the extraction
/// module's alias clusters) taught, so that lower-cased text ("ramón princip spanish-born soviet
/// agent") can still yield names.
class NameBook {
  public:
    struct Entry {
        std::string display;  ///< the longest capitalised form seen
        extract::EntityType type = extract::EntityType::Unknown;
        std::string cluster;  ///< folded canonical name of the alias cluster ("" = itself)
    };

    /// Records `display` (as written) under its folded form `folded`.
    void add(const std::string& folded,
             const std::string& display,
             extract::EntityType type,
             const std::string& cluster = {});
    const Entry* find(std::string_view folded) const;
    /// Every known folded name, longest first (for greedy matching).
    const std::vector<std::string>& names_longest_first() const;

  private:
    std::unordered_map<std::string, Entry> entries_;
    mutable std::vector<std::string> ordered_;
    mutable bool dirty_ = false;
};

}  // namespace iskra::answer
