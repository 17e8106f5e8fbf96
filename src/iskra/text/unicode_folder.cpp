#include "iskra/text/unicode_folder.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include "iskra/util/assert.hpp"

namespace iskra::text {

namespace {

// Latin letters that have no canonical decomposition, so NFD cannot strip them to a base letter.
// Values are what a reader would type on an ASCII keyboard (as Lucene's ASCIIFoldingFilter does).
const char16_t* latin_replacement(char16_t c) {
    switch (c) {
        case u'ø':
            return u"o";
        case u'ł':
            return u"l";
        case u'đ':
            return u"d";
        case u'ħ':
            return u"h";
        case u'ı':
            return u"i";
        case u'æ':
            return u"ae";
        case u'œ':
            return u"oe";
        case u'þ':
            return u"th";
        case u'ð':
            return u"d";
        case u'ŀ':
            return u"l";
        case u'ŧ':
            return u"t";
        case u'ƒ':
            return u"f";
        default:
            return nullptr;
    }
}

bool is_apostrophe(UChar32 c) {
    return c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0xFF07;
}

// Removes combining marks after NFD, except those that make a distinct letter in a non-Latin
// alphabet (Cyrillic "й" = "и" + breve); stress accents and Latin diacritics go.
icu::UnicodeString strip_marks(const icu::UnicodeString& decomposed) {
    icu::UnicodeString stripped;
    UScriptCode base_script = USCRIPT_COMMON;
    for (int32_t i = 0; i < decomposed.length();) {
        const UChar32 c = decomposed.char32At(i);
        i += U16_LENGTH(c);
        if (u_charType(c) == U_NON_SPACING_MARK) {
            const bool keep = base_script == USCRIPT_CYRILLIC && c == 0x0306;
            if (keep) {
                stripped.append(c);
            }
            continue;
        }
        UErrorCode status = U_ZERO_ERROR;
        base_script = uscript_getScript(c, &status);
        if (c < 0x10000) {
            if (const char16_t* repl = latin_replacement(static_cast<char16_t>(c))) {
                stripped.append(repl, -1);
                continue;
            }
        }
        stripped.append(c);
    }
    return stripped;
}

}  // namespace

UnicodeFolder::UnicodeFolder(bool fold_diacritics) : fold_diacritics_(fold_diacritics) {
    UErrorCode status = U_ZERO_ERROR;
    nfkc_casefold_ = icu::Normalizer2::getNFKCCasefoldInstance(status);
    nfd_ = icu::Normalizer2::getNFDInstance(status);
    nfc_ = icu::Normalizer2::getNFCInstance(status);
    ISKRA_ASSERT(U_SUCCESS(status), "ICU normalizer data missing");
}

void UnicodeFolder::fold(std::string_view text, std::string& out) const {
    icu::UnicodeString source = icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    for (int32_t i = 0; i < source.length(); ++i) {
        if (is_apostrophe(source.charAt(i))) {
            source.setCharAt(i, u'\'');
        }
    }
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString folded = nfkc_casefold_->normalize(source, status);
    if (fold_diacritics_ && U_SUCCESS(status)) {
        const icu::UnicodeString decomposed = nfd_->normalize(folded, status);
        if (U_SUCCESS(status)) {
            folded = nfc_->normalize(strip_marks(decomposed), status);
        }
    }
    if (U_FAILURE(status)) {
        out.append(text);  // cannot happen for valid input; keep the word rather than lose it
        return;
    }
    folded.toUTF8String(out);
}

}  // namespace iskra::text
