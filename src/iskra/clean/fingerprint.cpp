#include "iskra/clean/fingerprint.hpp"

#include <array>
#include <bit>
#include <cstring>

#include <xxhash.h>

namespace iskra::clean {
namespace {

bool is_word_byte(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

std::uint64_t hash_text(std::string_view text) {
    return XXH3_64bits(text.data(), text.size());
}

std::uint64_t simhash_of(const std::vector<std::uint64_t>& feature_hashes) {
    std::array<int, 64> votes{};
    for (std::uint64_t h : feature_hashes) {
        for (int bit = 0; bit < 64; ++bit) {
            votes[static_cast<std::size_t>(bit)] += ((h >> bit) & 1u) != 0 ? 1 : -1;
        }
    }
    std::uint64_t out = 0;
    for (int bit = 0; bit < 64; ++bit) {
        if (votes[static_cast<std::size_t>(bit)] > 0) {
            out |= std::uint64_t{1} << bit;
        }
    }
    return out;
}

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

SentenceFingerprint fingerprint_sentence(std::string_view sentence) {
    const std::vector<std::string> words = fingerprint_words(sentence);
    SentenceFingerprint fp;
    fp.word_count = static_cast<std::uint16_t>(std::min<std::size_t>(words.size(), 0xFFFF));
    std::string joined;
    for (const std::string& w : words) {
        joined += w;
        joined.push_back(' ');
    }
    fp.exact = hash_text(joined);
    std::vector<std::uint64_t> features;
    for (std::size_t i = 0; i < words.size(); ++i) {
        std::string shingle = words[i];
        if (i + 1 < words.size()) {
            shingle += ' ' + words[i + 1];
        }
        features.push_back(hash_text(shingle));
    }
    fp.simhash = simhash_of(features);
    return fp;
}

int hamming_distance(std::uint64_t a, std::uint64_t b) {
    return std::popcount(a ^ b);
}

std::string serialize_fingerprints(const DocumentFingerprints& fingerprints) {
    std::string out = "FP1";
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
