#pragma once

#include <array>
#include <cstddef>

namespace iskra::answer {

/// What the confidence of an answer is computed from.
struct AnswerFeatures {
    double coverage = 0;    ///< key-term coverage of the best supporting sentence, 0..1
    double score = 0;       ///< the best answer group's score
    double margin = 0;      ///< 1 - second group score / best (1: no rival)
    double sources = 0;     ///< independent sources of the best group
    double type_match = 0;  ///< type confidence of the best candidate, 0..1
    double factoid = 0;     ///< 1 for short-value answers, 0 for sentence answers
    double retrieval = 0;   ///< best passage's retrieval score share of the top one, 0..1
    double faq = 0;  ///< 1 when the answer follows a collection question matching the question
    /// 1 when a question form's own pattern gave the answer (an office the collection states,
    /// "pen name X", "X (meaning)", "married X", "the island of X", which-came-first dates)
    double pattern = 0;
};

// bias, the nine features, and score x type_match (a strong group of the asked type).
inline constexpr std::size_t kFeatureCount = 11;

std::array<double, kFeatureCount> feature_vector(const AnswerFeatures& f);

/// P(answer is right) = sigmoid(w · features). The weights are fitted offline by logistic
/// regression on questions other than the seed development set (see bench/README.md, eval_qa
/// --dump-features, bench/fit_confidence.py); `default_weights()` holds the fitted values.
class ConfidenceModel {
  public:
    ConfidenceModel() : weights_(default_weights()) {}
    explicit ConfidenceModel(const std::array<double, kFeatureCount>& weights)
        : weights_(weights) {}

    double probability(const AnswerFeatures& features) const;
    const std::array<double, kFeatureCount>& weights() const { return weights_; }

    static std::array<double, kFeatureCount> default_weights();

  private:
    std::array<double, kFeatureCount> weights_;
};

}  // namespace iskra::answer
