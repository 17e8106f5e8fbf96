#include "iskra/answer/analyzed_text_cache.hpp"

#include <utility>

namespace iskra::answer {
namespace {

constexpr std::size_t kMaxIdleAnalyzers = 16;
constexpr std::size_t kEntryOverheadBytes = 64;  // map node, hash, shared_ptr control block

std::size_t footprint_bytes(std::string_view text, const std::vector<text::Token>& tokens) {
    std::size_t bytes = kEntryOverheadBytes + text.size() + tokens.size() * sizeof(text::Token);
    for (const text::Token& token : tokens) {
        bytes += token.term.size();  // counts short terms held inline too: an over-estimate
    }
    return bytes;
}

}  // namespace

AnalyzedTextCache::AnalyzedTextCache(text::AnalyzerOptions options, std::size_t budget_bytes)
    : options_(options), generation_budget_bytes_(budget_bytes / 2) {}

AnalyzedTextCache::Tokens AnalyzedTextCache::tokens(std::string_view text) {
    {
        std::lock_guard lock(mutex_);
        if (Tokens found = find_locked(text)) {
            return found;
        }
    }
    std::unique_ptr<text::Analyzer> analyzer = borrow_analyzer();
    auto analyzed = std::make_shared<const std::vector<text::Token>>(analyzer->analyze(text));
    return_analyzer(std::move(analyzer));
    std::lock_guard lock(mutex_);
    insert_locked(text, analyzed);
    return analyzed;
}

std::size_t AnalyzedTextCache::entries() const {
    std::lock_guard lock(mutex_);
    return current_.entries.size() + previous_.entries.size();
}

AnalyzedTextCache::Tokens AnalyzedTextCache::find_locked(std::string_view text) {
    if (auto it = current_.entries.find(text); it != current_.entries.end()) {
        return it->second;
    }
    auto it = previous_.entries.find(text);
    if (it == previous_.entries.end()) {
        return nullptr;
    }
    Tokens found = it->second;
    insert_locked(text, found);  // may drop previous_ (and `it`): `found` holds the tokens
    return found;
}

void AnalyzedTextCache::insert_locked(std::string_view text, Tokens tokens) {
    const std::size_t bytes = footprint_bytes(text, *tokens);
    if (bytes > generation_budget_bytes_) {
        return;
    }
    if (current_.bytes + bytes > generation_budget_bytes_) {
        previous_ = std::move(current_);
        current_ = Generation{};
    }
    if (current_.entries.try_emplace(std::string(text), std::move(tokens)).second) {
        current_.bytes += bytes;
    }
}

std::unique_ptr<text::Analyzer> AnalyzedTextCache::borrow_analyzer() {
    {
        std::lock_guard lock(mutex_);
        if (!idle_analyzers_.empty()) {
            auto analyzer = std::move(idle_analyzers_.back());
            idle_analyzers_.pop_back();
            return analyzer;
        }
    }
    return std::make_unique<text::Analyzer>(options_);
}

void AnalyzedTextCache::return_analyzer(std::unique_ptr<text::Analyzer> analyzer) {
    std::lock_guard lock(mutex_);
    if (idle_analyzers_.size() < kMaxIdleAnalyzers) {
        idle_analyzers_.push_back(std::move(analyzer));
    }
}

}  // namespace iskra::answer
