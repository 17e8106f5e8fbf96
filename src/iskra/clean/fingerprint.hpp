#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "iskra/status.hpp"

namespace iskra::clean {

/// The lower-cased words of `text`: ASCII letters and digits, with every byte >= 0x80 treated as
/// part of a word (so UTF-8 letters stay inside words). Cheap and deterministic, which is what
/// fingerprints need; linguistic analysis is the text module's job.
std::vector<std::string> fingerprint_words(std::string_view text);

/// The words of `fingerprint_words` without one string per word: `joined` holds every word
/// followed by one space ("w0 w1 w2 "), `starts[i]` is where word i begins. Reusing one object
/// across sentences keeps fingerprinting free of allocations.
struct NormalizedWords {
    std::string joined;
    std::vector<std::uint32_t> starts;

    std::size_t size() const { return starts.size(); }
    /// Word `i` without its trailing space.
    std::string_view word(std::size_t i) const {
        const std::uint32_t end =
            i + 1 < starts.size() ? starts[i + 1] : static_cast<std::uint32_t>(joined.size());
        return std::string_view(joined).substr(starts[i], end - 1 - starts[i]);
    }
};

/// Fills `out` (cleared first) with the words of `text`.
void normalize_words(std::string_view text, NormalizedWords& out);
/// The same, also giving where each word is in `text`: word i is text[begins[i], ends[i]).
void normalize_words(std::string_view text,
                     NormalizedWords& out,
                     std::vector<std::uint32_t>& begins,
                     std::vector<std::uint32_t>& ends);

/// Fingerprints of one sentence.
struct SentenceFingerprint {
    std::uint64_t exact = 0;    ///< hash of the normalised word sequence
    std::uint64_t simhash = 0;  ///< SimHash (Charikar 2002) of word 2-shingles
    std::uint16_t word_count = 0;
};

SentenceFingerprint fingerprint_sentence(std::string_view sentence);
/// The same fingerprint from words already normalised.
SentenceFingerprint fingerprint_words_of(const NormalizedWords& words);

/// The SimHash features of `words` (cleared first): entry i hashes word i with its successor
/// ("wi wi+1"), the last entry the last word alone.
void shingle_hashes(const NormalizedWords& words, std::vector<std::uint64_t>& out);
/// The hash of one feature (a shingle or a word, as it is in `NormalizedWords::joined`).
std::uint64_t feature_hash(std::string_view feature);
/// SimHash of the features `hashes` followed by `last`.
std::uint64_t simhash_of(std::span<const std::uint64_t> hashes, std::uint64_t last);

/// Number of differing bits.
int hamming_distance(std::uint64_t a, std::uint64_t b);

/// Fingerprints of one document: one per sentence, plus a document SimHash.
struct DocumentFingerprints {
    std::uint64_t simhash = 0;
    std::vector<SentenceFingerprint> sentences;
};

/// Serialized form (little endian): "FP1", u32 count, u64 doc simhash, then per sentence
/// u64 exact, u64 simhash, u16 word_count.
std::string serialize_fingerprints(const DocumentFingerprints& fingerprints);
/// Fails with Corruption when `blob` is not what `serialize_fingerprints` wrote.
Result<DocumentFingerprints> parse_fingerprints(std::string_view blob);

}  // namespace iskra::clean
