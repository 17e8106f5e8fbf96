#pragma once

#include <cmath>
#include <cstdint>

namespace iskra::search {

/// BM25 free parameters. k1 = 0.9, b = 0.4 are Anserini's defaults (Lin et al., "Anserini:
/// Enabling the Use of Lucene for Information Retrieval Research", SIGIR 2017), tuned on TREC
/// newswire and web collections; Lucene's own defaults (1.2, 0.75) favour long documents less.
struct Bm25Params {
    float k1 = 0.9f;
    float b = 0.4f;
};

/// Lucene's BM25 idf: log(1 + (N - df + 0.5) / (df + 0.5)).
///
/// Robertson's idf goes negative for terms in over half of the documents; adding 1 inside the
/// log keeps it positive so every query term can still move the ranking, and keeps scores
/// monotone in freq, which the upper bounds of MaxScore and WAND rely on.
inline float bm25_idf(std::uint64_t doc_count, std::uint64_t doc_freq) {
    const double n = static_cast<double>(doc_count < doc_freq ? doc_freq : doc_count);
    const double df = static_cast<double>(doc_freq);
    return static_cast<float>(std::log(1.0 + (n - df + 0.5) / (df + 0.5)));
}

/// BM25 (Robertson & Zaragoza, "The Probabilistic Relevance Framework: BM25 and Beyond", 2009)
/// with the per-query constants folded in. With iskra's weighted Field::All frequencies
/// (freq = body_tf + kTitleWeight * title_tf, length likewise) this is BM25F with one posting
/// list per term (Robertson, Zaragoza & Taylor, "Simple BM25 extension to multiple weighted
/// fields", CIKM 2004).
///
///     score(t, d) = weight_t * freq / (freq + norm(len_d))
///     weight_t    = idf_t * (k1 + 1) * query_weight_t     (precomputed once per query term)
///     norm(len)   = k1 * (1 - b + b * len / avg_len)       (one multiply-add per document)
class Bm25 {
  public:
    Bm25() = default;
    Bm25(Bm25Params params, double avg_length)
        : k1_(params.k1),
          norm_base_(params.k1 * (1.0f - params.b)),
          norm_per_token_(avg_length > 0 ? static_cast<float>(params.k1 * params.b / avg_length)
                                         : 0.0f) {}

    float length_norm(std::uint32_t length) const {
        return norm_base_ + norm_per_token_ * static_cast<float>(length);
    }
    float term_weight(float idf, float query_weight = 1.0f) const {
        return idf * (k1_ + 1.0f) * query_weight;
    }
    static float score(float weight, float freq, float norm) {
        return weight * freq / (freq + norm);
    }

  private:
    float k1_ = 0.9f;
    float norm_base_ = 0.9f * 0.6f;
    float norm_per_token_ = 0.0f;
};

/// Upper bounds are computed with the same float formula as scores, in another order of
/// summation; this factor absorbs the rounding so a bound is never below a true score.
inline constexpr float kUpperBoundSlack = 1.0001f;

}  // namespace iskra::search
