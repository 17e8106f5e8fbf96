#include "iskra/clean/simhash_bands.hpp"

#include "iskra/clean/fingerprint.hpp"

namespace iskra::clean {

bool SimHashBands::near(std::uint64_t simhash, int max_bits) const {
    if (heads_.empty()) {
        return false;
    }
    for (int band = 0; band < 4; ++band) {
        for (std::uint32_t at = heads_[slot(simhash, band)]; at != kNone; at = nodes_[at].next) {
            if (hamming_distance(nodes_[at].simhash, simhash) <= max_bits) {
                return true;
            }
        }
    }
    return false;
}

void SimHashBands::add(std::uint64_t simhash) {
    if (heads_.empty()) {
        heads_.assign(std::size_t{4} << 16, kNone);
    }
    for (int band = 0; band < 4; ++band) {
        std::uint32_t& head = heads_[slot(simhash, band)];
        nodes_.push_back({simhash, head});
        head = static_cast<std::uint32_t>(nodes_.size() - 1);
    }
}

}  // namespace iskra::clean
