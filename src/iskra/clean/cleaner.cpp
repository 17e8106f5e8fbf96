#include "iskra/clean/cleaner.hpp"

#include <algorithm>

#include "iskra/clean/noise_patterns.hpp"
#include "iskra/clean/topic_vocabulary.hpp"

namespace iskra::clean {
namespace {

constexpr int kNearDuplicateBits = 3;          // SimHash distance for near-duplicate sentences
constexpr int kDocumentNearDuplicateBits = 3;  // and documents
constexpr std::uint16_t kMinWordsForNearMatch = 6;
constexpr std::uint16_t kMinWordsForExactMatch = 4;
constexpr double kDuplicateDocumentShare = 0.8;
constexpr std::size_t kDominantWords = 60;

std::uint64_t band_key(std::uint64_t simhash, int band) {
    return (static_cast<std::uint64_t>(band) << 16) | ((simhash >> (16 * band)) & 0xFFFFu);
}

std::string_view sentence_text(const CleanInput& doc, const text::SentenceSpan& span) {
    return doc.text.substr(span.begin, span.end - span.begin);
}

std::uint64_t document_simhash(std::string_view text) {
    return fingerprint_sentence(text).simhash;
}

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

struct SentenceWork {
    SentenceFingerprint fp;
    std::vector<std::string> topic;
    std::uint8_t flags = 0;
};

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

Status Cleaner::add_existing(std::string_view fingerprints_blob) {
    auto parsed = parse_fingerprints(fingerprints_blob);
    if (!parsed.ok()) {
        return parsed.status();
    }
    for (const SentenceFingerprint& fp : parsed->sentences) {
        remember(fp);
    }
    document_simhashes_.push_back(parsed->simhash);
    return {};
}

void Cleaner::remember(const SentenceFingerprint& fp) {
    if (fp.word_count >= kMinWordsForExactMatch) {
        exact_.insert(fp.exact);
    }
    if (fp.word_count >= kMinWordsForNearMatch) {
        for (int band = 0; band < 4; ++band) {
            bands_[band_key(fp.simhash, band)].push_back(fp.simhash);
        }
    }
}

bool Cleaner::seen_before(const SentenceFingerprint& fp) {
    bool seen = fp.word_count >= kMinWordsForExactMatch && exact_.contains(fp.exact);
    if (!seen && fp.word_count >= kMinWordsForNearMatch) {
        for (int band = 0; band < 4 && !seen; ++band) {
            auto it = bands_.find(band_key(fp.simhash, band));
            if (it == bands_.end()) {
                continue;
            }
            seen = std::any_of(it->second.begin(), it->second.end(), [&](std::uint64_t other) {
                return hamming_distance(other, fp.simhash) <= kNearDuplicateBits;
            });
        }
    }
    if (!seen) {
        remember(fp);
    }
    return seen;
}

bool Cleaner::document_seen_before(std::uint64_t simhash) {
    const bool seen =
        std::any_of(document_simhashes_.begin(), document_simhashes_.end(), [&](std::uint64_t d) {
            return hamming_distance(d, simhash) <= kDocumentNearDuplicateBits;
        });
    document_simhashes_.push_back(simhash);
    return seen;
}

CleanResult Cleaner::clean(std::span<const CleanInput> docs) {
    // Pass 1: per-sentence text signals, fingerprints and the batch vocabulary.
    std::vector<std::vector<SentenceWork>> work(docs.size());
    TopicVocabulary vocabulary;
    for (std::size_t doc_idx = 0; doc_idx < docs.size(); ++doc_idx) {
        const CleanInput& doc = docs[doc_idx];
        bool after_quiz_marker = false;
        for (const text::SentenceSpan& span : doc.sentences) {
            const std::string_view sentence = sentence_text(doc, span);
            SentenceWork w;
            w.fp = fingerprint_sentence(sentence);
            w.flags = text_noise_flags(sentence);
            // "Did you know?" introduces a quiz item: the sentence after it belongs to the quiz.
            if (after_quiz_marker) {
                w.flags |= kFlagQuiz;
            }
            after_quiz_marker = (w.flags & kFlagQuiz) != 0 && (w.flags & kFlagQuestion) != 0
                                && w.fp.word_count <= 4;
            w.topic = topic_words(sentence);
            vocabulary.add(w.topic);
            work[doc_idx].push_back(std::move(w));
        }
    }
    vocabulary.finalize(kDominantWords);

    // Pass 2: off-topic lines, duplicates against everything seen before, quality.
    CleanResult result;
    result.documents.resize(docs.size());
    for (std::size_t doc_idx = 0; doc_idx < docs.size(); ++doc_idx) {
        DocumentVerdict& verdict = result.documents[doc_idx];
        DocumentFingerprints fps;
        fps.simhash = document_simhash(docs[doc_idx].text);
        std::size_t duplicates = 0;
        double quality_sum = 0;
        for (SentenceWork& w : work[doc_idx]) {
            const bool any_dominant =
                std::any_of(w.topic.begin(), w.topic.end(), [&](const auto& t) {
                    return vocabulary.dominant(t);
                });
            const double support = topic_support(w.topic, vocabulary);
            const bool question = (w.flags & kFlagQuestion) != 0;
            // Words found nowhere else in the batch: an off-topic question brings several.
            const auto unseen = static_cast<std::size_t>(
                std::count_if(w.topic.begin(), w.topic.end(), [&](const std::string& t) {
                    return vocabulary.count(t) <= static_cast<std::uint32_t>(
                               std::count(w.topic.begin(), w.topic.end(), t));
                }));
            if (!any_dominant
                && ((w.topic.size() >= 4 && support < 0.35)
                    || (question && w.topic.size() >= 3 && (support < 0.6 || unseen >= 2)))) {
                w.flags |= kFlagOffTopic;
            }
            if (seen_before(w.fp)) {
                w.flags |= kFlagDuplicate;
                ++duplicates;
            }
            SentenceVerdict sv;
            sv.flags = w.flags;
            sv.quality = sentence_quality(w.flags, w.fp.word_count);
            quality_sum += sv.quality;
            verdict.sentences.push_back(sv);
            fps.sentences.push_back(w.fp);
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
    return result;
}

}  // namespace iskra::clean
