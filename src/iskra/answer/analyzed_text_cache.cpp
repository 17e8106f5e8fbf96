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
    : options_(options), cache_(budget_bytes) {}

AnalyzedTextCache::Tokens AnalyzedTextCache::tokens(std::string_view text) {
    {
        std::lock_guard lock(mutex_);
        if (Tokens found = cache_.find(text)) {
            return found;
        }
    }
    std::unique_ptr<text::Analyzer> analyzer = borrow_analyzer();
    auto analyzed = std::make_shared<const std::vector<text::Token>>(analyzer->analyze(text));
    return_analyzer(std::move(analyzer));
    std::lock_guard lock(mutex_);
    cache_.insert(text, analyzed, footprint_bytes(text, *analyzed));
    return analyzed;
}

std::size_t AnalyzedTextCache::entries() const {
    std::lock_guard lock(mutex_);
    return cache_.entries();
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
