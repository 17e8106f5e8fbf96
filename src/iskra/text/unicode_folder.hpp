#pragma once

#include <string>
#include <string_view>

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class Normalizer2;
U_NAMESPACE_END

namespace iskra::text {

/// Folds words outside ASCII: NFKC with case folding (ICU's NFKC_Casefold), then optionally
/// diacritics removed ("córdoba" -> "cordoba", "Łódź" -> "lodz") while letters of other
/// scripts stay ("тро́цкий" -> "троцкий": the stress mark goes, the letters and "й" stay).
/// Curly apostrophes become "'" so that "people’s" and "people's" are one word.
/// Stateless apart from pointers to ICU's immutable singletons: cheap to copy.
class UnicodeFolder {
  public:
    explicit UnicodeFolder(bool fold_diacritics);

    /// Appends the folded form of `text` (valid UTF-8) to `out`.
    void fold(std::string_view text, std::string& out) const;

  private:
    bool fold_diacritics_;
    const icu::Normalizer2* nfkc_casefold_ = nullptr;
    const icu::Normalizer2* nfd_ = nullptr;
    const icu::Normalizer2* nfc_ = nullptr;
};

}  // namespace iskra::text
