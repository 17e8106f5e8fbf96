#pragma once

#include <cstdint>
#include <string_view>

#include "iskra/clean/fingerprint.hpp"

namespace iskra::clean {

/// Flags a sentence can earn from its own text alone (no collection context): page furniture
/// (cookie notices, share buttons, comment and Q&A site widgets, navigation and headline lines,
/// error messages), quiz widgets, questions, and spun-text artefacts. Returns `kFlag*` bits.
std::uint8_t text_noise_flags(std::string_view sentence);
/// The same, given the sentence's words (`normalize_words`) already.
std::uint8_t text_noise_flags(std::string_view sentence, const NormalizedWords& words);

/// True when the sentence is a question: it ends with '?' or opens with a question word and is
/// short.
bool looks_like_question(std::string_view sentence);
bool looks_like_question(std::string_view sentence, const NormalizedWords& words);

}  // namespace iskra::clean
