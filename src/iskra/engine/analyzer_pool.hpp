#pragma once

#include <memory>
#include <mutex>
#include <vector>

#include "iskra/text/analyzer.hpp"

namespace iskra::engine {

/// Analyzers are not thread-safe and hold ICU state, so concurrent queries borrow one from this
/// pool instead of building one per query (or keeping hidden thread-local state).
class AnalyzerPool {
  public:
    explicit AnalyzerPool(text::AnalyzerOptions options = {}) : options_(options) {}

    /// An analyzer on loan; returns to the pool when destroyed.
    class Lease {
      public:
        Lease(AnalyzerPool& pool, std::unique_ptr<text::Analyzer> analyzer)
            : pool_(&pool), analyzer_(std::move(analyzer)) {}
        ~Lease() {
            if (analyzer_) {
                pool_->give_back(std::move(analyzer_));
            }
        }
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        Lease(Lease&&) = default;
        Lease& operator=(Lease&&) = delete;

        text::Analyzer& operator*() const { return *analyzer_; }
        text::Analyzer* operator->() const { return analyzer_.get(); }

      private:
        AnalyzerPool* pool_;
        std::unique_ptr<text::Analyzer> analyzer_;
    };

    Lease borrow() {
        {
            std::lock_guard lock(mutex_);
            if (!free_.empty()) {
                auto analyzer = std::move(free_.back());
                free_.pop_back();
                return {*this, std::move(analyzer)};
            }
        }
        return {*this, std::make_unique<text::Analyzer>(options_)};
    }

  private:
    void give_back(std::unique_ptr<text::Analyzer> analyzer) {
        std::lock_guard lock(mutex_);
        if (free_.size() < kMaxPooled) {
            free_.push_back(std::move(analyzer));
        }
    }

    static constexpr std::size_t kMaxPooled = 64;
    text::AnalyzerOptions options_;
    std::mutex mutex_;
    std::vector<std::unique_ptr<text::Analyzer>> free_;
};

}  // namespace iskra::engine
