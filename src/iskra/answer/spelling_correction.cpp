#include "iskra/answer/spelling_correction.hpp"

#include <string_view>

namespace iskra::answer {
namespace {

constexpr std::string_view kAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

// Keeps the candidate spelling that the most documents hold.
class BestSpelling {
  public:
    explicit BestSpelling(const index::Snapshot& snapshot) : snapshot_(snapshot) {}

    void consider(const std::string& candidate) {
        const std::uint64_t df = snapshot_.doc_freq(index::Field::All, candidate);
        if (df > best_df_) {
            best_df_ = df;
            best_ = candidate;
        }
    }

    std::string take() { return std::move(best_); }

  private:
    const index::Snapshot& snapshot_;
    std::uint64_t best_df_ = 0;
    std::string best_;
};

}  // namespace

std::string nearest_indexed_term(const index::Snapshot& snapshot,
                                 std::string_view term,
                                 std::size_t min_length) {
    if (term.size() < min_length) {
        return {};
    }
    BestSpelling best(snapshot);
    std::string edit(term);
    for (std::size_t i = 0; i < term.size(); ++i) {
        // Deleted.
        edit.erase(i, 1);
        best.consider(edit);
        edit.insert(i, 1, term[i]);
        // Replaced.
        for (char c : kAlphabet) {
            if (c != term[i]) {
                edit[i] = c;
                best.consider(edit);
            }
        }
        edit[i] = term[i];
        // Swapped with the next byte.
        if (i + 1 < term.size() && term[i] != term[i + 1]) {
            std::swap(edit[i], edit[i + 1]);
            best.consider(edit);
            std::swap(edit[i], edit[i + 1]);
        }
    }
    // Inserted.
    for (std::size_t i = 0; i <= term.size(); ++i) {
        for (char c : kAlphabet) {
            edit.insert(i, 1, c);
            best.consider(edit);
            edit.erase(i, 1);
        }
    }
    return best.take();
}

void add_collection_spellings(const index::Snapshot& snapshot, Question& question) {
    for (KeyTerm& key : question.terms) {
        if (key.terms.empty()) {
            continue;
        }
        bool indexed = false;
        for (const std::string& term : key.terms) {
            indexed = indexed || snapshot.doc_freq(index::Field::All, term) > 0;
        }
        if (indexed) {
            continue;
        }
        if (std::string spelling = nearest_indexed_term(snapshot, key.terms.front());
            !spelling.empty()) {
            key.terms.push_back(std::move(spelling));
        }
    }
}

}  // namespace iskra::answer
