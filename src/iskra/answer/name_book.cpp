#include "iskra/answer/name_book.hpp"

#include <algorithm>

namespace iskra::answer {

void NameBook::add(const std::string& folded,
                   const std::string& display,
                   extract::EntityType type,
                   const std::string& cluster) {
    if (folded.size() < 3) {
        return;
    }
    auto [it, inserted] = entries_.try_emplace(folded);
    Entry& e = it->second;
    if (inserted || display.size() > e.display.size()) {
        e.display = display;
    }
    if (e.type == extract::EntityType::Unknown) {
        e.type = type;
    }
    if (e.cluster.empty()) {
        e.cluster = cluster;
    }
    dirty_ = dirty_ || inserted;
}

const NameBook::Entry* NameBook::find(std::string_view folded) const {
    auto it = entries_.find(std::string(folded));
    return it == entries_.end() ? nullptr : &it->second;
}

const std::vector<std::string>& NameBook::names_longest_first() const {
    if (dirty_ || ordered_.size() != entries_.size()) {
        ordered_.clear();
        for (const auto& [name, entry] : entries_) {
            ordered_.push_back(name);
        }
        std::sort(ordered_.begin(), ordered_.end(), [](const std::string& a, const std::string& b) {
            return a.size() != b.size() ? a.size() > b.size() : a < b;
        });
        dirty_ = false;
    }
    return ordered_;
}

}  // namespace iskra::answer
