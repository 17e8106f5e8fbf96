#pragma once

#include <atomic>
#include <chrono>
#include <filesystem>
#include <memory>
#include <mutex>

#include "iskra/answer/analyzed_text_cache.hpp"
#include "iskra/answer/document_cache.hpp"
#include "iskra/engine.hpp"
#include "iskra/engine/analyzer_pool.hpp"
#include "iskra/engine/knowledge_cache.hpp"
#include "iskra/index/collection.hpp"
#include "iskra/index/snapshot.hpp"

namespace iskra {

struct Engine::Impl {
    explicit Impl(std::filesystem::path dir) : path(dir), knowledge(std::move(dir)) {}

    std::filesystem::path path;
    OpenOptions options;
    std::shared_ptr<index::Collection> collection;
    mutable engine::AnalyzerPool analyzers;
    mutable engine::KnowledgeCache knowledge;
    /// Shared by concurrent asks: retrieved documents read once, sentences analyzed once.
    mutable answer::DocumentCache answer_documents;
    mutable answer::AnalyzedTextCache answer_sentences;
    std::mutex writer_mutex;  ///< one add/remove/optimize at a time within this process

    /// The latest snapshot. Another process may have committed since we opened: re-read the
    /// manifest at most once a second so that a long-running server sees `iskra add` from a shell.
    std::shared_ptr<const index::Snapshot> snapshot() const;

  private:
    mutable std::atomic<std::int64_t> last_refresh_ms_{0};
};

}  // namespace iskra
