#pragma once

#include <cstdint>
#include <string_view>

namespace iskra::clean {

/// Flags a sentence can earn from its own text alone (no collection context): page furniture
/// (cookie notices, share buttons, comment and Q&A site widgets, navigation and headline lines,
/// error messages), quiz widgets, questions, and spun-text artefacts. Returns `kFlag*` bits.
std::uint8_t text_noise_flags(std::string_view sentence);

/// True when the sentence is a question: it ends with '?' or opens with a question word and is
/// short.
bool looks_like_question(std::string_view sentence);

}  // namespace iskra::clean
