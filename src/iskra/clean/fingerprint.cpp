#include "iskra/clean/fingerprint.hpp"

#include <algorithm>
#include <array>
#include <cstring>

#include <xxhash.h>

namespace iskra::clean {
namespace {

constexpr bool is_word_byte(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

// Each byte as it appears in a normalised word (lower-cased), or 0 for a byte between words.
constexpr std::array<unsigned char, 256> word_byte_table() {
    std::array<unsigned char, 256> table{};
    for (unsigned c = 1; c < 256; ++c) {
        const auto byte = static_cast<unsigned char>(c);
        if (is_word_byte(byte)) {
            table[c] =
                byte >= 'A' && byte <= 'Z' ? static_cast<unsigned char>(byte - 'A' + 'a') : byte;
        }
    }
    return table;
}

constexpr auto kWordBytes = word_byte_table();

std::uint64_t hash_text(std::string_view text) {
    return XXH3_64bits(text.data(), text.size());
}

// Votes of SimHash features per bit: each bit of the result is set when more than half of the
// features have it set. Counting runs in two stages of SWAR lanes: 4-bit lanes (four words, bit
// 4j+b of a feature in nibble j of nibbles_[b]: 4 additions per feature) emptied every 15
// features into 8-bit lanes (bit 8k+b in byte k of lanes_[b]), which are emptied before they can
// overflow.
class BitVotes {
  public:
    void add(std::uint64_t h) {
        constexpr std::uint64_t kNibbleOnes = 0x1111111111111111ull;
        nibbles_[0] += h & kNibbleOnes;
        nibbles_[1] += (h >> 1) & kNibbleOnes;
        nibbles_[2] += (h >> 2) & kNibbleOnes;
        nibbles_[3] += (h >> 3) & kNibbleOnes;
        ++features_;
        if (++nibble_pending_ == 15) {
            flush_nibbles();
            if (pending_ >= 240) {
                drain();
            }
        }
    }

    std::uint64_t majority() {
        flush_nibbles();
        if (features_ < 128) {
            return small_majority();
        }
        drain();
        std::uint64_t out = 0;
        for (std::size_t bit = 0; bit < 64; ++bit) {
            if (2 * ones_[bit] > features_) {
                out |= std::uint64_t{1} << bit;
            }
        }
        return out;
    }

  private:
    // Nibble j of nibbles_[b] counts bit 4j+b: the even nibbles go to byte lanes of bit 8k+b, the
    // odd ones to those of bit 8k+4+b.
    void flush_nibbles() {
        constexpr std::uint64_t kLow = 0x0F0F0F0F0F0F0F0Full;
        for (std::size_t b = 0; b < 4; ++b) {
            lanes_[b] += nibbles_[b] & kLow;
            lanes_[b + 4] += (nibbles_[b] >> 4) & kLow;
            nibbles_[b] = 0;
        }
        pending_ += nibble_pending_;
        nibble_pending_ = 0;
    }

    // Under 128 features nothing was drained and every byte lane holds a count below 128: compare
    // the eight lanes of a word with the threshold at once (the high bit of (count | 0x80) - k is
    // set exactly when count >= k, and no lane borrows from the next).
    std::uint64_t small_majority() const {
        constexpr std::uint64_t kHigh = 0x8080808080808080ull;
        const std::uint64_t at_least = (features_ / 2 + 1) * 0x0101010101010101ull;
        std::uint64_t out = 0;
        for (std::size_t b = 0; b < 8; ++b) {
            const std::uint64_t set = ((lanes_[b] | kHigh) - at_least) & kHigh;
            out |= (set >> 7) << b;
        }
        return out;
    }

    void drain() {
        for (std::size_t b = 0; b < 8; ++b) {
            for (std::size_t lane = 0; lane < 8; ++lane) {
                ones_[lane * 8 + b] +=
                    static_cast<std::uint32_t>((lanes_[b] >> (8 * lane)) & 0xFFu);
            }
            lanes_[b] = 0;
        }
        pending_ = 0;
    }

    std::array<std::uint64_t, 4> nibbles_{};
    std::array<std::uint64_t, 8> lanes_{};
    std::array<std::uint32_t, 64> ones_{};
    std::uint32_t features_ = 0;
    std::uint32_t pending_ = 0;         ///< features counted in lanes_ since the last drain
    std::uint32_t nibble_pending_ = 0;  ///< features counted in nibbles_
};

std::uint64_t get_u64(std::string_view in, std::size_t at) {
    std::uint64_t v = 0;
    for (int i = 0; i < 8; ++i) {
        v |= std::uint64_t{static_cast<unsigned char>(in[at + static_cast<std::size_t>(i)])}
             << (8 * i);
    }
    return v;
}

constexpr std::size_t kHeaderBytes = 3 + 4 + 8;
constexpr std::size_t kSentenceBytes = 8 + 8 + 2;

}  // namespace

std::vector<std::string> fingerprint_words(std::string_view text) {
    std::vector<std::string> words;
    std::string current;
    for (char ch : text) {
        auto c = static_cast<unsigned char>(ch);
        if (is_word_byte(c)) {
            current.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : ch);
        } else if (!current.empty()) {
            words.push_back(std::move(current));
            current.clear();
        }
    }
    if (!current.empty()) {
        words.push_back(std::move(current));
    }
    return words;
}

namespace {

// Writes through a pointer into a buffer sized for the worst case (every byte a word byte, one
// space after the last word), then trims: no per-byte size checks. Each word is copied by a tight
// loop over its bytes, the gap after it skipped by another. `kOffsets`: also record each word's
// byte range in `text` (the plain form skips that work).
template <bool kOffsets>
void normalize_words_into(std::string_view text,
                          NormalizedWords& out,
                          std::vector<std::uint32_t>* begins,
                          std::vector<std::uint32_t>* ends) {
    out.joined.resize(text.size() + 1);
    out.starts.clear();
    char* const begin = out.joined.data();
    char* at = begin;
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (true) {
        while (i < n && kWordBytes[bytes[i]] == 0) {
            ++i;
        }
        if (i == n) {
            break;
        }
        out.starts.push_back(static_cast<std::uint32_t>(at - begin));
        if constexpr (kOffsets) {
            begins->push_back(static_cast<std::uint32_t>(i));
        }
        for (unsigned char c = kWordBytes[bytes[i]]; c != 0; c = i < n ? kWordBytes[bytes[i]] : 0) {
            *at++ = static_cast<char>(c);
            ++i;
        }
        *at++ = ' ';
        if constexpr (kOffsets) {
            ends->push_back(static_cast<std::uint32_t>(i));
        }
    }
    out.joined.resize(static_cast<std::size_t>(at - begin));
}

}  // namespace

void normalize_words(std::string_view text, NormalizedWords& out) {
    normalize_words_into<false>(text, out, nullptr, nullptr);
}

void normalize_words(std::string_view text,
                     NormalizedWords& out,
                     std::vector<std::uint32_t>& begins,
                     std::vector<std::uint32_t>& ends) {
    begins.clear();
    ends.clear();
    normalize_words_into<true>(text, out, &begins, &ends);
}

std::uint64_t feature_hash(std::string_view feature) {
    return hash_text(feature);
}

void shingle_hashes(const NormalizedWords& words, std::vector<std::uint64_t>& out) {
    const std::size_t n = words.size();
    out.resize(n);
    const std::string_view joined = words.joined;
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t begin = words.starts[i];
        const std::size_t end = i + 2 < n ? words.starts[i + 2] - 1 : joined.size() - 1;
        out[i] = hash_text(joined.substr(begin, end - begin));
    }
}

std::uint64_t simhash_of(std::span<const std::uint64_t> hashes, std::uint64_t last) {
    BitVotes votes;
    for (std::uint64_t h : hashes) {
        votes.add(h);
    }
    votes.add(last);
    return votes.majority();
}

// The shingle of word i and its successor ("wi wi+1") is a substring of `joined`, and so is the
// last word alone: hash them in place.
SentenceFingerprint fingerprint_words_of(const NormalizedWords& words) {
    SentenceFingerprint fp;
    const std::size_t n = words.size();
    fp.word_count = static_cast<std::uint16_t>(std::min<std::size_t>(n, 0xFFFF));
    fp.exact = hash_text(words.joined);
    const std::string_view joined = words.joined;
    BitVotes votes;
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t begin = words.starts[i];
        const std::size_t end = i + 2 < n ? words.starts[i + 2] - 1 : joined.size() - 1;
        votes.add(hash_text(joined.substr(begin, end - begin)));
    }
    fp.simhash = votes.majority();
    return fp;
}

SentenceFingerprint fingerprint_sentence(std::string_view sentence) {
    NormalizedWords words;
    normalize_words(sentence, words);
    return fingerprint_words_of(words);
}

int hamming_distance(std::uint64_t a, std::uint64_t b) {
    // SWAR population count: std::popcount is a library call when the target lacks the
    // instruction, and the duplicate checks call this for every candidate.
    std::uint64_t x = a ^ b;
    x -= (x >> 1) & 0x5555555555555555ull;
    x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
    x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0Full;
    return static_cast<int>((x * 0x0101010101010101ull) >> 56);
}

// Sized once, then written in place (little endian whatever the host).
std::string serialize_fingerprints(const DocumentFingerprints& fingerprints) {
    std::string out(kHeaderBytes + fingerprints.sentences.size() * kSentenceBytes, '\0');
    char* at = out.data();
    auto put = [&at](std::uint64_t v, int bytes) {
        for (int i = 0; i < bytes; ++i) {
            *at++ = static_cast<char>((v >> (8 * i)) & 0xFFu);
        }
    };
    *at++ = 'F';
    *at++ = 'P';
    *at++ = '1';
    put(fingerprints.sentences.size(), 4);
    put(fingerprints.simhash, 8);
    for (const SentenceFingerprint& fp : fingerprints.sentences) {
        put(fp.exact, 8);
        put(fp.simhash, 8);
        put(fp.word_count, 2);
    }
    return out;
}

Result<DocumentFingerprints> parse_fingerprints(std::string_view blob) {
    if (blob.size() < kHeaderBytes || blob.substr(0, 3) != "FP1") {
        return Status::corruption("fingerprints: bad header");
    }
    std::uint32_t count = 0;
    for (int i = 0; i < 4; ++i) {
        count |= std::uint32_t{static_cast<unsigned char>(blob[3 + static_cast<std::size_t>(i)])}
                 << (8 * i);
    }
    if (blob.size() != kHeaderBytes + std::size_t{count} * kSentenceBytes) {
        return Status::corruption("fingerprints: size does not match sentence count "
                                  + std::to_string(count));
    }
    DocumentFingerprints out;
    out.simhash = get_u64(blob, 7);
    out.sentences.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t at = kHeaderBytes + i * kSentenceBytes;
        SentenceFingerprint fp;
        fp.exact = get_u64(blob, at);
        fp.simhash = get_u64(blob, at + 8);
        fp.word_count = static_cast<std::uint16_t>(
            static_cast<unsigned char>(blob[at + 16])
            | (static_cast<unsigned>(static_cast<unsigned char>(blob[at + 17])) << 8));
        out.sentences.push_back(fp);
    }
    return out;
}

}  // namespace iskra::clean
