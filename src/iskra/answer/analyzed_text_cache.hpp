#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "iskra/text/analyzer.hpp"
#include "iskra/util/two_generation_cache.hpp"

namespace iskra::answer {

/// The tokens of sentences already analyzed, shared by the questions that retrieve them again.
///
/// Answering analyzes every retrieved sentence and its neighbours; popular sentences come back
/// question after question. Analysis depends on the text and the analyzer options alone, so the
/// cache is keyed by the text and outlives snapshots. Bounded by util::TwoGenerationCache.
/// Thread-safe; analyzes with analyzers of its own.
class AnalyzedTextCache {
  public:
    using Tokens = std::shared_ptr<const std::vector<text::Token>>;

    explicit AnalyzedTextCache(text::AnalyzerOptions options = {},
                               std::size_t budget_bytes = std::size_t{32} << 20);
    AnalyzedTextCache(const AnalyzedTextCache&) = delete;
    AnalyzedTextCache& operator=(const AnalyzedTextCache&) = delete;

    /// The tokens text::Analyzer::analyze gives for `text` (with this cache's options).
    Tokens tokens(std::string_view text);

    const text::AnalyzerOptions& options() const { return options_; }
    std::size_t entries() const;

  private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const {
            return std::hash<std::string_view>{}(text);
        }
    };
    std::unique_ptr<text::Analyzer> borrow_analyzer();
    void return_analyzer(std::unique_ptr<text::Analyzer> analyzer);

    const text::AnalyzerOptions options_;
    mutable std::mutex mutex_;
    util::TwoGenerationCache<std::string, Tokens, Hash, std::equal_to<>> cache_;
    std::vector<std::unique_ptr<text::Analyzer>> idle_analyzers_;
};

}  // namespace iskra::answer
