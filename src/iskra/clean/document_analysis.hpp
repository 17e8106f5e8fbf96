#pragma once

#include <cstdint>
#include <vector>

#include "iskra/clean/clean_types.hpp"
#include "iskra/clean/fingerprint.hpp"
#include "iskra/clean/topic_vocabulary.hpp"

namespace iskra::clean {

/// What the cleaner learns from one sentence alone.
struct SentenceAnalysis {
    SentenceFingerprint fp;
    std::uint8_t flags = 0;         ///< text_noise_flags, plus the quiz item after a quiz marker
    float shape = 1.0f;             ///< sentence_shape_quality: prose 1, fragments lower
    std::uint32_t topic_begin = 0;  ///< this sentence's range in `DocumentAnalysis::topic`
    std::uint32_t topic_end = 0;
};

/// The per-document half of cleaning: everything that needs no other document. Documents can be
/// analysed on any thread, in any order; `Cleaner::clean_analyzed` then compares them.
struct DocumentAnalysis {
    std::uint64_t simhash = 0;  ///< SimHash of the whole text
    std::vector<SentenceAnalysis> sentences;
    std::vector<TopicKey> topic;  ///< every sentence's content words, one after the other
};

/// Analyses one document. Thread-safe.
DocumentAnalysis analyze_document(const CleanInput& doc);

}  // namespace iskra::clean
