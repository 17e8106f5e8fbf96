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
// features have it set. Counting runs in eight byte lanes of a 64-bit word per bit offset (8
// additions per feature instead of 64); lanes are emptied before they can overflow.
class BitVotes {
  public:
    void add(std::uint64_t h) {
        for (std::size_t b = 0; b < 8; ++b) {
            lanes_[b] += (h >> b) & 0x0101010101010101ull;
        }
        ++features_;
        if (++pending_ == 255) {
            drain();
        }
    }

    std::uint64_t majority() {
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

    std::array<std::uint64_t, 8> lanes_{};
    std::array<std::uint32_t, 64> ones_{};
    std::uint32_t features_ = 0;
    std::uint32_t pending_ = 0;
};

void put_u64(std::string& out, std::uint64_t v) {
    for (int i = 0; i < 8; ++i) {
        out.push_back(static_cast<char>((v >> (8 * i)) & 0xFFu));
    }
}

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

// Writes through a pointer into a buffer sized for the worst case (every byte a word byte, one
// space after the last word), then trims: no per-byte size checks.
void normalize_words(std::string_view text, NormalizedWords& out) {
    out.joined.resize(text.size() + 1);
    out.starts.clear();
    char* const begin = out.joined.data();
    char* at = begin;
    bool in_word = false;
    for (char ch : text) {
        const unsigned char c = kWordBytes[static_cast<unsigned char>(ch)];
        if (c != 0) {
            if (!in_word) {
                out.starts.push_back(static_cast<std::uint32_t>(at - begin));
                in_word = true;
            }
            *at++ = static_cast<char>(c);
        } else if (in_word) {
            *at++ = ' ';
            in_word = false;
        }
    }
    if (in_word) {
        *at++ = ' ';
    }
    out.joined.resize(static_cast<std::size_t>(at - begin));
}

void normalize_words(std::string_view text,
                     NormalizedWords& out,
                     std::vector<std::uint32_t>& begins,
                     std::vector<std::uint32_t>& ends) {
    out.joined.resize(text.size() + 1);
    out.starts.clear();
    begins.clear();
    ends.clear();
    char* const begin = out.joined.data();
    char* at = begin;
    bool in_word = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = kWordBytes[static_cast<unsigned char>(text[i])];
        if (c != 0) {
            if (!in_word) {
                out.starts.push_back(static_cast<std::uint32_t>(at - begin));
                begins.push_back(static_cast<std::uint32_t>(i));
                in_word = true;
            }
            *at++ = static_cast<char>(c);
        } else if (in_word) {
            *at++ = ' ';
            ends.push_back(static_cast<std::uint32_t>(i));
            in_word = false;
        }
    }
    if (in_word) {
        *at++ = ' ';
        ends.push_back(static_cast<std::uint32_t>(text.size()));
    }
    out.joined.resize(static_cast<std::size_t>(at - begin));
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

std::string serialize_fingerprints(const DocumentFingerprints& fingerprints) {
    std::string out;
    out.reserve(kHeaderBytes + fingerprints.sentences.size() * kSentenceBytes);
    out = "FP1";
    const auto count = static_cast<std::uint32_t>(fingerprints.sentences.size());
    for (int i = 0; i < 4; ++i) {
        out.push_back(static_cast<char>((count >> (8 * i)) & 0xFFu));
    }
    put_u64(out, fingerprints.simhash);
    for (const SentenceFingerprint& fp : fingerprints.sentences) {
        put_u64(out, fp.exact);
        put_u64(out, fp.simhash);
        out.push_back(static_cast<char>(fp.word_count & 0xFFu));
        out.push_back(static_cast<char>(fp.word_count >> 8));
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
