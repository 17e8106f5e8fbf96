#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "iskra/extract/date_mention.hpp"
#include "iskra/extract/entity_mention.hpp"
#include "iskra/extract/office_statement.hpp"
#include "iskra/extract/word_scanner.hpp"

namespace iskra::extract {

/// Finds offices held in one sentence, given its tokens, dates and names (spans relative to
/// `sentence`). Reads infobox runs ("<title> office <date> <date> ... preceded <name> succeeded
/// <name>") and prose ("as chairman of the X", "served as X from A to B", "was appointed X",
/// "became X"). The holder is the name before the statement, or empty for the document's
/// subject.
std::vector<OfficeStatement> find_offices(std::string_view sentence,
                                          const std::vector<ScanToken>& tokens,
                                          const FoldedWords& folded,
                                          std::span<const DateMention> dates,
                                          std::span<const EntityMention> names);

}  // namespace iskra::extract
