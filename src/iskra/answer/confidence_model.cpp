#include "iskra/answer/confidence_model.hpp"

#include <cmath>

namespace iskra::answer {

std::array<double, kFeatureCount> feature_vector(const AnswerFeatures& f) {
    return {1.0,
            f.coverage,
            f.score,
            f.margin,
            std::log1p(f.sources),
            f.type_match,
            f.factoid,
            f.retrieval,
            f.faq,
            f.pattern,
            f.score * f.type_match};
}

double ConfidenceModel::probability(const AnswerFeatures& features) const {
    const auto x = feature_vector(features);
    double z = 0;
    for (std::size_t i = 0; i < kFeatureCount; ++i) {
        z += weights_[i] * x[i];
    }
    return 1.0 / (1.0 + std::exp(-z));
}

std::array<double, kFeatureCount> ConfidenceModel::default_weights() {
    // Logistic regression (L2 0.01) fitted by bench/fit_confidence.py --pool on the answered
    // questions of XQuAD-as-a-collection and seeds-qa dev together (eval_qa --dump-features; a
    // definition or reason answer counts as right when its sentences hold the gold answer),
    // refitted 2026-11-23 after the question-form answerers (offices, aliases, glosses, kin,
    // kinds, which-came-first) and the pattern and score x type features. In-sample ECE: XQuAD
    // 0.062, seeds-qa 0.076; 5-fold cross-validated: XQuAD 0.070, seeds-qa 0.112 (54 answers:
    // noisy).
    return {
        -2.6809, 0.4383, 0.8960, 0.9871, -0.2225, 0.7483, 0.6066, -0.0962, 0.0898, 0.1589, 1.0926};
}

}  // namespace iskra::answer
