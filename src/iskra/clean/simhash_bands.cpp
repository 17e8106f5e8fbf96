#include "iskra/clean/simhash_bands.hpp"

#include "iskra/clean/fingerprint.hpp"

namespace iskra::clean {

bool SimHashBands::near(std::uint64_t simhash, int max_bits) const {
    if (buckets_.empty()) {
        return false;
    }
    for (int band = 0; band < 4; ++band) {
        for (std::uint64_t other : buckets_[slot(simhash, band)]) {
            if (hamming_distance(other, simhash) <= max_bits) {
                return true;
            }
        }
    }
    return false;
}

void SimHashBands::add(std::uint64_t simhash) {
    if (buckets_.empty()) {
        buckets_.resize(std::size_t{4} << 16);
    }
    for (int band = 0; band < 4; ++band) {
        buckets_[slot(simhash, band)].push_back(simhash);
    }
}

}  // namespace iskra::clean
