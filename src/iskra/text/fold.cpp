#include "iskra/text/fold.hpp"

#include <cstdint>
#include <cstring>

namespace iskra::text {

std::string fold_ascii_lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c + ('a' - 'A'));
        }
    }
    return out;
}

bool is_ascii(std::string_view text) {
    std::size_t pos = 0;
    while (pos + 8 <= text.size()) {
        std::uint64_t word;
        std::memcpy(&word, text.data() + pos, 8);
        if ((word & 0x8080808080808080ull) != 0) {
            return false;
        }
        pos += 8;
    }
    for (; pos < text.size(); ++pos) {
        if (static_cast<unsigned char>(text[pos]) >= 0x80) {
            return false;
        }
    }
    return true;
}

}  // namespace iskra::text
