#include "iskra/clean/cleaner.hpp"

#include <algorithm>

#include "iskra/clean/topic_vocabulary.hpp"

namespace iskra::clean {
namespace {

constexpr int kNearDuplicateBits = 3;          // SimHash distance for near-duplicate sentences
constexpr int kDocumentNearDuplicateBits = 3;  // and documents
constexpr std::uint16_t kMinWordsForNearMatch = 6;
constexpr std::uint16_t kMinWordsForExactMatch = 4;
constexpr double kDuplicateDocumentShare = 0.8;
constexpr std::size_t kDominantWords = 60;

// Quality from the flags and the shape of the sentence.
float sentence_quality(std::uint8_t flags, std::size_t word_count) {
    double q = 1.0;
    if ((flags & kFlagFurniture) != 0) {
        q *= 0.1;
    }
    if ((flags & kFlagOffTopic) != 0) {
        q *= 0.3;
    }
    if ((flags & kFlagQuiz) != 0) {
        q *= 0.5;
    }
    if ((flags & kFlagQuestion) != 0) {
        q *= 0.6;
    }
    if ((flags & kFlagSpun) != 0) {
        q *= 0.75;
    }
    if (word_count < 4) {
        q *= 0.6;
    } else if (word_count > 120) {
        q *= 0.7;  // glued infobox or table text
    }
    return static_cast<float>(q);
}

// With a limit, a block of sentence hashes is at most a quarter of it (24 bytes a hash), so
// forgetting the oldest block keeps most of what the limit allows.
std::size_t sentence_block(std::size_t memory_limit_bytes) {
    return memory_limit_bytes == 0 ? std::size_t{1} << 22 : memory_limit_bytes / 4 / 24;
}

}  // namespace

std::vector<std::string> flag_names(std::uint8_t flags) {
    std::vector<std::string> names;
    constexpr std::pair<std::uint8_t, const char*> kNames[] = {
        {kFlagDuplicate, "duplicate"},
        {kFlagOffTopic, "off_topic"},
        {kFlagFurniture, "furniture"},
        {kFlagSpun, "spun"},
        {kFlagQuiz, "quiz"},
        {kFlagQuestion, "question"},
    };
    for (const auto& [bit, name] : kNames) {
        if ((flags & bit) != 0) {
            names.emplace_back(name);
        }
    }
    return names;
}

Cleaner::Cleaner(std::size_t memory_limit_bytes)
    : memory_limit_(memory_limit_bytes),
      exact_(1, sentence_block(memory_limit_bytes)),
      bands_(4, sentence_block(memory_limit_bytes)),
      document_bands_(4, sentence_block(memory_limit_bytes)) {}

std::size_t Cleaner::memory_bytes() const {
    return exact_.memory_bytes() + bands_.memory_bytes() + document_bands_.memory_bytes();
}

void Cleaner::enforce_limit() {
    if (memory_limit_ == 0) {
        return;
    }
    while (memory_bytes() > memory_limit_) {
        SimHashBands* largest = &bands_;
        for (SimHashBands* other : {&exact_, &document_bands_}) {
            if (other->memory_bytes() > largest->memory_bytes()) {
                largest = other;
            }
        }
        if (!largest->drop_oldest()) {
            return;
        }
    }
}

Status Cleaner::add_existing(std::string_view fingerprints_blob) {
    auto parsed = parse_fingerprints(fingerprints_blob);
    if (!parsed.ok()) {
        return parsed.status();
    }
    for (const SentenceFingerprint& fp : parsed->sentences) {
        remember(fp);
    }
    document_bands_.add(parsed->simhash);
    enforce_limit();
    return {};
}

void Cleaner::remember(const SentenceFingerprint& fp) {
    if (fp.word_count >= kMinWordsForNearMatch) {
        bands_.add(fp.simhash);
    } else if (fp.word_count >= kMinWordsForExactMatch) {
        exact_.add(fp.exact);
    }
}

bool Cleaner::seen_before(const SentenceFingerprint& fp) {
    bool seen = false;
    if (fp.word_count >= kMinWordsForNearMatch) {
        seen = bands_.near(fp.simhash, kNearDuplicateBits);
    } else if (fp.word_count >= kMinWordsForExactMatch) {
        seen = exact_.near(fp.exact, 0);
    }
    if (!seen) {
        remember(fp);
    }
    return seen;
}

bool Cleaner::document_seen_before(std::uint64_t simhash) {
    const bool seen = document_bands_.near(simhash, kDocumentNearDuplicateBits);
    document_bands_.add(simhash);
    return seen;
}

CleanResult Cleaner::clean(std::span<const CleanInput> docs) {
    std::vector<DocumentAnalysis> analyses;
    analyses.reserve(docs.size());
    for (const CleanInput& doc : docs) {
        analyses.push_back(analyze_document(doc));
    }
    return clean_analyzed(analyses);
}

CleanResult Cleaner::clean_analyzed(std::span<const DocumentAnalysis> docs) {
    // The batch vocabulary.
    TopicVocabulary vocabulary;
    for (const DocumentAnalysis& doc : docs) {
        vocabulary.add(doc.topic);
    }
    vocabulary.finalize(kDominantWords);

    // Off-topic lines, duplicates against everything seen before, quality.
    CleanResult result;
    result.documents.resize(docs.size());
    for (std::size_t doc_idx = 0; doc_idx < docs.size(); ++doc_idx) {
        const DocumentAnalysis& doc = docs[doc_idx];
        DocumentVerdict& verdict = result.documents[doc_idx];
        verdict.sentences.reserve(doc.sentences.size());
        DocumentFingerprints fps;
        fps.simhash = doc.simhash;
        fps.sentences.reserve(doc.sentences.size());
        std::size_t duplicates = 0;
        double quality_sum = 0;
        for (const SentenceAnalysis& s : doc.sentences) {
            const std::span<const TopicKey> topic(doc.topic.data() + s.topic_begin,
                                                  s.topic_end - s.topic_begin);
            std::uint8_t flags = s.flags;
            const TopicSupport support = topic_support(topic, vocabulary);
            const bool question = (flags & kFlagQuestion) != 0;
            // Words found nowhere else in the batch: an off-topic question brings several.
            if (!support.any_dominant
                && ((topic.size() >= 4 && support.support < 0.35)
                    || (question && topic.size() >= 3
                        && (support.support < 0.6 || support.unseen >= 2)))) {
                flags |= kFlagOffTopic;
            }
            if (seen_before(s.fp)) {
                flags |= kFlagDuplicate;
                ++duplicates;
            }
            SentenceVerdict sv;
            sv.flags = flags;
            sv.quality = sentence_quality(flags, s.fp.word_count) * s.shape;
            quality_sum += sv.quality;
            verdict.sentences.push_back(sv);
            fps.sentences.push_back(s.fp);
        }
        const std::size_t n = verdict.sentences.size();
        verdict.quality = n == 0 ? 0.0f : static_cast<float>(quality_sum / static_cast<double>(n));
        const bool copied =
            n >= 3
            && static_cast<double>(duplicates) >= kDuplicateDocumentShare * static_cast<double>(n);
        if (document_seen_before(fps.simhash) || copied) {
            verdict.flags |= kDocFlagDuplicate;
        }
        if (verdict.quality < 0.5f) {
            verdict.flags |= kDocFlagLowQuality;
        }
        verdict.fingerprints = serialize_fingerprints(fps);
    }
    enforce_limit();
    return result;
}

}  // namespace iskra::clean
