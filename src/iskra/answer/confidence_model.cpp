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
            f.retrieval};
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
    // Logistic regression (L2 0.01) fitted by bench/fit_confidence.py on the answered questions
    // of XQuAD-as-a-collection (eval_qa --format squad --dump-features); never on seeds-qa.
    return {-4.0626, 0.4084, 0.7376, 0.7310, -0.5302, 0.5440, 2.1317, 0.2638};
}

}  // namespace iskra::answer
