#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "iskra/extract/entity_mention.hpp"
#include "iskra/extract/word_scanner.hpp"

namespace iskra::extract {

/// The names and alias statements of one sentence.
struct SentenceEntities {
    std::vector<EntityMention> mentions;
    std::vector<AliasStatement> aliases;
};

/// Finds capitalised names in `sentence` (sequences of capitalised words joined by "of", "de",
/// "von"...), strips titles and articles, and guesses a type from cues: titles and "said" for
/// people, "in"/"near" and place words for places, "Party"/"Army"/"Bank" and acronyms for
/// organisations. Alias statements ("born X", "known as X", "pen name X", "X (Y)") are read in
/// any case. With `lower_case` the text has no capitals to go by: only alias statements are
/// read, names come later from what the collection teaches (Knowledge::build).
SentenceEntities find_entities(std::string_view sentence, bool lower_case);

/// Same, over tokens and folded words already computed for `sentence` (see fold_words).
SentenceEntities find_entities(std::string_view sentence,
                               const std::vector<ScanToken>& tokens,
                               const FoldedWords& folded,
                               bool lower_case);

/// True when the acronym or contraction `short_form` can be built from the words of
/// `long_form`: initials ("RSDLP", "USSR" skipping "of") or word prefixes ("Cominform" from
/// "Communist Information Bureau").
bool abbreviates(std::string_view short_form, std::string_view long_form);

}  // namespace iskra::extract
