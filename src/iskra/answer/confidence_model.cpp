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
    // Hand-set starting point; replaced by the fitted weights (see bench/README.md).
    return {-3.0, 2.5, 1.0, 1.0, 0.5, 0.5, 0.0, 0.5};
}

}  // namespace iskra::answer
