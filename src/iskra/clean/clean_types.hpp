#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "iskra/text/sentence_splitter.hpp"

namespace iskra::clean {

/// Sentence flag bits. They have the same values as `index::SentenceFlag` so that the engine can
/// copy them into `index::SentenceRecord::flags` as they are (clean does not include index).
inline constexpr std::uint8_t kFlagDuplicate = 1u << 0;
inline constexpr std::uint8_t kFlagOffTopic = 1u << 1;
inline constexpr std::uint8_t kFlagFurniture = 1u << 2;
inline constexpr std::uint8_t kFlagSpun = 1u << 3;
inline constexpr std::uint8_t kFlagQuiz = 1u << 4;
inline constexpr std::uint8_t kFlagQuestion = 1u << 5;

/// Document flag bits, the values of `index::DocumentFlag`.
inline constexpr std::uint8_t kDocFlagDuplicate = 1u << 0;
inline constexpr std::uint8_t kDocFlagLowQuality = 1u << 1;

/// One document to clean: its text and its sentences as byte spans into it.
/// Both views must stay valid for the duration of `Cleaner::clean`.
struct CleanInput {
    std::string_view text;
    std::span<const text::SentenceSpan> sentences;
};

struct SentenceVerdict {
    std::uint8_t flags = 0;
    float quality = 1.0f;  ///< 0 (noise) .. 1 (clean prose)
};

struct DocumentVerdict {
    std::uint8_t flags = 0;
    float quality = 1.0f;
    std::vector<SentenceVerdict> sentences;  ///< one per input sentence, same order
    /// This document's fingerprints (see `serialize_fingerprints`): the engine stores them as the
    /// document annotation "fp" and gives them back to the next `Cleaner` it builds.
    std::string fingerprints;
};

struct CleanResult {
    std::vector<DocumentVerdict> documents;  ///< one per input document, same order
};

/// The names the public API uses for sentence flags ("duplicate", "off_topic", ...).
std::vector<std::string> flag_names(std::uint8_t flags);

}  // namespace iskra::clean
