#include "iskra/extract/entity_finder.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>

#include "iskra/extract/lexicon.hpp"
#include "iskra/extract/name_fold.hpp"

namespace iskra::extract {

std::string_view entity_type_name(EntityType type) {
    switch (type) {
        case EntityType::Person:
            return "person";
        case EntityType::Place:
            return "place";
        case EntityType::Organization:
            return "organization";
        case EntityType::Unknown:
            return "other";
    }
    return "other";
}

namespace {

// Kinship and apposition words: "his son, Paul Venn".
constexpr std::string_view kKin[] = {
    "son",       "daughter",  "wife",     "husband",       "brother",    "sister",
    "father",    "mother",    "grandson", "granddaughter", "nephew",     "niece",
    "uncle",     "aunt",      "widow",    "friend",        "secretary",  "assistant",
    "bodyguard", "colleague", "rival",    "successor",     "predecessor"};

// For each first letter a-z, a bit per length (up to 63) of the kin words: most words are ruled
// out by one lookup instead of 23 comparisons.
constexpr std::array<std::uint64_t, 26> kin_word_shapes() {
    std::array<std::uint64_t, 26> shapes{};
    for (std::string_view w : kKin) {
        shapes[static_cast<std::size_t>(w[0] - 'a')] |= std::uint64_t{1} << w.size();
    }
    return shapes;
}

constexpr auto kKinWordShapes = kin_word_shapes();

bool is_kin_word(std::string_view w) {
    if (w.empty() || w.size() > 63 || w[0] < 'a' || w[0] > 'z') {
        return false;
    }
    const std::uint64_t lengths = kKinWordShapes[static_cast<std::size_t>(w[0] - 'a')];
    return ((lengths >> w.size()) & 1) != 0
           && std::find(std::begin(kKin), std::end(kKin), w) != std::end(kKin);
}

bool is_quote(std::string_view piece) {
    return piece == "'" || piece == "\"" || piece == "\u2018" || piece == "\u2019"
           || piece == "\u201c" || piece == "\u201d" || piece == "\u00ab" || piece == "\u00bb";
}

// Reads one sentence; one instance per call.
class NameScanner {
  public:
    NameScanner(std::string_view text,
                const std::vector<ScanToken>& tokens,
                const FoldedWords& folded,
                bool lower_case)
        : text_(text), tokens_(tokens), folded_(folded), lower_case_(lower_case) {
        std::size_t words = 0;
        std::size_t caps = 0;
        for (const auto& token : tokens_) {
            if (token.kind == TokenKind::Word) {
                ++words;
                caps += token.all_caps ? 1 : 0;
            }
        }
        shouting_ = words >= 4 && caps * 2 > words;
    }

    SentenceEntities run() {
        if (!lower_case_ && !shouting_) {
            find_names();
        }
        find_alias_statements();
        return std::move(out_);
    }

  private:
    std::string_view piece(const ScanToken& token) const {
        return text_.substr(token.begin, token.end - token.begin);
    }
    std::string_view piece(std::size_t idx) const { return piece(tokens_[idx]); }
    bool valid(std::size_t idx) const { return idx < tokens_.size(); }
    bool is_word(std::size_t idx) const {
        return valid(idx) && tokens_[idx].kind == TokenKind::Word;
    }
    bool is_punct(std::size_t idx, std::string_view what) const {
        return valid(idx) && tokens_[idx].kind == TokenKind::Punct && piece(idx) == what;
    }
    std::string_view word(std::size_t idx) const {
        return is_word(idx) ? folded_[idx] : std::string_view();
    }
    // A capitalised word that can be part of a name ("Spanish-born" cannot).
    bool is_name_word(std::size_t idx) const {
        if (!is_word(idx) || !tokens_[idx].capitalized) {
            return false;
        }
        std::string_view w = piece(idx);
        std::size_t hyphen = w.find('-');
        return hyphen == std::string_view::npos || hyphen + 1 >= w.size()
               || !(w[hyphen + 1] >= 'a' && w[hyphen + 1] <= 'z');
    }

    void find_names();
    std::size_t read_name(std::size_t idx, std::size_t first_word);
    void add_mention(std::size_t begin_idx, std::size_t end_idx, bool titled, bool office);
    void type_mention(EntityMention& mention,
                      std::size_t begin_idx,
                      std::size_t end_idx,
                      bool titled) const;
    bool role_apposition(std::size_t end_idx) const;
    void find_alias_statements();
    std::size_t alias_after(std::size_t idx, std::size_t min_words, AliasKind kind);
    void read_apposition(std::size_t name_end, const EntityMention& name);

    std::string_view text_;
    const std::vector<ScanToken>& tokens_;
    const FoldedWords& folded_;
    bool lower_case_;
    bool shouting_ = false;
    SentenceEntities out_;
};

void NameScanner::find_names() {
    std::size_t first_word = 0;
    while (valid(first_word) && !is_word(first_word)) {
        ++first_word;
    }
    std::size_t idx = 0;
    while (idx < tokens_.size()) {
        std::size_t next = read_name(idx, first_word);
        idx = next > idx ? next : idx + 1;
    }
}

// Reads a name starting at `idx` if there is one; returns the index after it.
std::size_t NameScanner::read_name(std::size_t idx, std::size_t first_word) {
    if (!is_name_word(idx)) {
        return idx;
    }
    if (lexicon::is_function_word(word(idx)) && !tokens_[idx].all_caps) {
        return idx + 1;
    }
    // "Born Anna Kovic in 1902, ...", "Said Smith: ...": a verb capitalised only because it
    // opens the sentence is not part of the name after it.
    if (idx == first_word && lexicon::is_person_verb(word(idx)) && is_name_word(idx + 1)) {
        return idx + 1;
    }
    // "Economist Thomas Brandt challenges ...": so is a role noun (not a title such as "King").
    if (idx == first_word && lexicon::is_person_role(word(idx))
        && !lexicon::is_person_title(word(idx)) && is_name_word(idx + 1)
        && !lexicon::is_function_word(word(idx + 1))) {
        return idx + 1;
    }
    std::size_t start = idx;
    bool titled = false;
    while (is_name_word(start) && lexicon::is_person_title(word(start))) {
        ++start;
        if (is_punct(start, ".") && tokens_[start].glued) {
            ++start;
        }
        titled = true;
    }
    bool office = false;
    if (titled && (word(start) == "of" || word(start) == "for")) {
        office = true;  // "Chairman of the Harbour Council": the name is what follows "of"
        titled = false;
        ++start;
        if (word(start) == "the") {
            ++start;
        }
    }
    if (titled && !is_name_word(start)) {
        start = idx;  // the title word is the name itself ("General" in "General Motors"?)
        titled = false;
    }
    std::size_t pos = start;
    std::size_t end = start;
    while (valid(pos)) {
        if (is_name_word(pos)
            && !(lexicon::is_function_word(word(pos)) && !tokens_[pos].all_caps)) {
            ++pos;
            end = pos;
            bool initial = piece(pos - 1).size() == 1 && is_punct(pos, ".") && tokens_[pos].glued;
            if (initial && is_name_word(pos + 1)) {
                ++pos;
            }
            continue;
        }
        if (is_word(pos) && !tokens_[pos].capitalized && lexicon::is_name_connector(word(pos))
            && word(pos) != "and" && word(pos) != "on" && end > start) {
            std::size_t after = pos + 1;
            if ((word(pos) == "of" || word(pos) == "for") && word(after) == "the") {
                ++after;
            }
            if (is_name_word(after) && !lexicon::is_function_word(word(after))) {
                pos = after;
                continue;
            }
        }
        break;
    }
    if (end == start) {
        return std::max(start, idx + 1);
    }
    (void)first_word;
    add_mention(start, end, titled, office);
    if (start == first_word && end == start + 1) {
        out_.mentions.back().flags |= kSentenceInitial;
    }
    read_apposition(end, out_.mentions.back());
    return end;
}

void NameScanner::add_mention(std::size_t begin_idx,
                              std::size_t end_idx,
                              bool titled,
                              bool office) {
    EntityMention mention;
    mention.begin = tokens_[begin_idx].begin;
    mention.end = tokens_[end_idx - 1].end;
    mention.surface = std::string(text_.substr(mention.begin, mention.end - mention.begin));
    if (titled) {
        mention.flags |= kTitled;
    }
    if (end_idx == begin_idx + 1 && tokens_[begin_idx].all_caps) {
        mention.flags |= kAcronym;
    }
    type_mention(mention, begin_idx, end_idx, titled);
    if (office && mention.type == EntityType::Unknown) {
        mention.type = EntityType::Organization;
        mention.confidence = 0.4f;
    }
    out_.mentions.push_back(std::move(mention));
}

// "Primakov, the deputy commander of ...", "Radek, a leading member": a name followed by an
// office or a role held by people.
bool NameScanner::role_apposition(std::size_t end_idx) const {
    if (!is_punct(end_idx, ",")) {
        return false;
    }
    std::size_t pos = end_idx + 1;
    std::string_view article = word(pos);
    if (article != "the" && article != "a" && article != "an") {
        return false;
    }
    for (std::size_t k = pos + 1; k <= pos + 3 && is_word(k); ++k) {
        std::string_view w = word(k);
        if (lexicon::is_office_head(w) || lexicon::is_person_role(w)) {
            return true;
        }
    }
    return false;
}

void NameScanner::type_mention(EntityMention& mention,
                               std::size_t begin_idx,
                               std::size_t end_idx,
                               bool titled) const {
    bool org = false;
    bool place = false;
    bool connector = false;
    bool shouted = false;    // "HISTORY Tolstoy": a heading word, not a first name
    bool adjective = false;  // "Jewish", "Japanese": a modifier, not a first name
    std::size_t words = 0;
    for (std::size_t k = begin_idx; k < end_idx; ++k) {
        if (!is_word(k)) {
            continue;
        }
        if (!tokens_[k].capitalized) {
            connector = true;
            continue;
        }
        ++words;
        shouted = shouted || tokens_[k].all_caps;
        adjective = adjective || word(k).ends_with("ish") || word(k).ends_with("ese");
        org = org || lexicon::is_organization_word(word(k));
        place = place || lexicon::is_place_word(word(k));
    }
    std::string_view last = word(end_idx - 1);
    bool event = false;
    for (std::size_t k = begin_idx; k < end_idx; ++k) {
        event = event || lexicon::is_event_word(word(k));
    }
    // Ideologies, movements and their followers ("Gaullism", "Gaullists") are not people.
    bool doctrine = last.ends_with("ism") || last.ends_with("ist") || last.ends_with("ists")
                    || last.ends_with("isms") || last.ends_with("ites");
    std::size_t before = begin_idx;
    while (before > 0 && (word(before - 1) == "the" || is_punct(before - 1, "\u201c"))) {
        --before;
    }
    std::string_view prev = before > 0 ? word(before - 1) : std::string_view();
    std::string_view next = word(end_idx);
    bool possessive = is_punct(end_idx, "'") || is_punct(end_idx, "\u2019");
    auto set = [&mention](EntityType type, float confidence) {
        mention.type = type;
        mention.confidence = confidence;
    };
    if (titled) {
        org ? set(EntityType::Organization, 0.6f) : set(EntityType::Person, 0.9f);
        return;
    }
    if (org) {
        set(EntityType::Organization, 0.8f);
        return;
    }
    if (place) {
        set(EntityType::Place, 0.8f);
        return;
    }
    if (event || doctrine) {
        set(EntityType::Unknown, 0.5f);
        return;
    }
    if ((mention.flags & kAcronym) != 0) {
        set(EntityType::Organization, 0.4f);
    }
    float person = 0;
    float where = 0;
    if ((words == 2 || words == 3) && !connector && !shouted && !adjective) {
        person += 0.45f;
    }
    // A name acting in the past tense ("Marlow crushed", "Venn was gunned down").
    bool past_verb = next.size() >= 5 && next.ends_with("ed") && !tokens_[end_idx].capitalized
                     && !next.ends_with("based") && !next.ends_with("led");
    if (past_verb) {
        person += 0.2f;
    }
    if (lexicon::is_person_verb(next)) {
        person += 0.35f;
    }
    if (is_punct(end_idx, ",") && (word(end_idx + 1) == "who" || word(end_idx + 1) == "whose")) {
        person += 0.35f;
    }
    if (possessive) {
        person += 0.15f;
    }
    // "Drovny pilloried Marvanek": an act one person does to another, between two names.
    bool act_after = lexicon::is_person_act_verb(next) && is_name_word(end_idx + 1);
    bool act_before = before >= 2 && lexicon::is_person_act_verb(prev) && is_name_word(before - 2);
    if (act_after || act_before) {
        person += 0.7f;
    }
    if (prev == "by") {
        person += 0.1f;
    }
    // "he and Maria", "his son, Paul Venn": coordination with a pronoun, apposition to a
    // kinship word.
    std::size_t back = before;
    if (back > 0 && is_punct(back - 1, ",")) {
        --back;
    }
    std::string_view head = back > 0 ? word(back - 1) : std::string_view();
    std::string_view head2 = back > 1 ? word(back - 2) : std::string_view();
    bool pronoun_pair =
        head == "and"
        && (head2 == "he" || head2 == "him" || head2 == "she" || head2 == "her" || head2 == "his");
    const bool kin = is_kin_word(head);
    if (pronoun_pair || kin || role_apposition(end_idx)) {
        person += 0.5f;
    }
    if (lexicon::is_place_preposition(prev)) {
        where +=
            (prev == "from" || prev == "to" || prev == "born" || prev == "left") ? 0.15f : 0.55f;
    }
    if (is_punct(end_idx, ",") && is_word(end_idx + 1) && tokens_[end_idx + 1].capitalized
        && words == 1 && prev == "in") {
        where += 0.2f;
    }
    if (person > where && person > mention.confidence) {
        set(EntityType::Person, std::min(person, 0.95f));
    } else if (where > mention.confidence && where >= person) {
        set(EntityType::Place, std::min(where, 0.95f));
    } else if (mention.confidence == 0) {
        set(EntityType::Unknown, 0.2f);
    }
}

// "Port Elin (now Elinsk)", "International Labour Office (ILO)".
void NameScanner::read_apposition(std::size_t name_end, const EntityMention& name) {
    if (!is_punct(name_end, "(")) {
        return;
    }
    std::size_t pos = name_end + 1;
    bool now = word(pos) == "now" || word(pos) == "formerly" || word(pos) == "today";
    if (now) {
        ++pos;
    }
    std::size_t start = pos;
    while (is_name_word(pos)) {
        ++pos;
    }
    if (pos == start || !is_punct(pos, ")")) {
        return;
    }
    std::string alias(
        text_.substr(tokens_[start].begin, tokens_[pos - 1].end - tokens_[start].begin));
    if (now || (pos == start + 1 && abbreviates(alias, name.surface))) {
        out_.aliases.push_back(
            AliasStatement{alias, name.surface, 0, tokens_[start].begin, AliasKind::Apposition});
    }
}

// Reads the alias named at `idx` (a quoted span, a capitalised name, or in lower-case text a few
// plain words) and records it; returns the index after it.
std::size_t NameScanner::alias_after(std::size_t idx, std::size_t min_words, AliasKind kind) {
    std::size_t pos = idx;
    bool quoted = valid(pos) && tokens_[pos].kind == TokenKind::Punct && is_quote(piece(pos));
    if (quoted) {
        ++pos;
    }
    std::size_t start = pos;
    std::size_t max_words = kind == AliasKind::BornAs ? 4 : (quoted ? 4 : 3);
    while (is_word(pos) && pos - start < max_words) {
        std::string_view w = word(pos);
        bool plain_ok = (lower_case_ || quoted) && !lexicon::is_function_word(w)
                        && lexicon::month_number(w) == 0 && !lexicon::is_place_preposition(w);
        if (!(is_name_word(pos) || plain_ok) || (lexicon::is_function_word(w) && !quoted)) {
            break;
        }
        ++pos;
        if (lower_case_ && !quoted && kind != AliasKind::BornAs) {
            break;  // without capitals or quotes, only the next word is surely the alias
        }
    }
    if (pos - start < min_words || pos == start) {
        return idx;
    }
    // Without capitals a name's end is unknown unless something other than a word follows
    // ("born anna maria kovic1902-03-04"), so a run that stops at a word is not taken.
    if (lower_case_ && !quoted && kind == AliasKind::BornAs && (is_word(pos) || !valid(pos))) {
        return idx;
    }
    std::uint32_t begin = tokens_[start].begin;
    std::string alias(text_.substr(begin, tokens_[pos - 1].end - begin));
    out_.aliases.push_back(AliasStatement{std::move(alias), std::string(), 0, begin, kind});
    return pos;
}

void NameScanner::find_alias_statements() {
    for (std::size_t idx = 0; idx < tokens_.size(); ++idx) {
        std::string_view w = word(idx);
        char first = w.empty() ? '\0' : w.front();
        bool may_trigger = first == 'b' || first == 'n' || first == 'k' || first == 'a'
                           || first == 'p' || first == 'c' || first == 'u';
        if (w.size() < 3 || !may_trigger) {
            continue;  // no trigger word starts otherwise
        }
        if (w == "born" || w == "nee") {
            std::size_t pos = word(idx + 1) == "as" ? idx + 2 : idx + 1;
            alias_after(pos, 2, AliasKind::BornAs);
        } else if (w == "known" && word(idx + 1) == "as") {
            alias_after(idx + 2, 1, AliasKind::KnownAs);
        } else if (w == "alias" || w == "nicknamed" || w == "pseudonym" || w == "codenamed") {
            alias_after(idx + 1, 1, AliasKind::KnownAs);
        } else if (w == "pen" && word(idx + 1) == "name") {
            alias_after(idx + 2, 1, AliasKind::PenName);
        } else if (w == "under" && (word(idx + 1) == "name" || word(idx + 1) == "pseudonym")) {
            alias_after(idx + 2, 1, AliasKind::PenName);
        } else if (w == "under" && word(idx + 1) == "the"
                   && (word(idx + 2) == "name" || word(idx + 2) == "pseudonym")) {
            alias_after(idx + 3, 1, AliasKind::PenName);
        }
    }
}

std::vector<std::string> name_words(std::string_view name) {
    std::string folded = fold_name(name);
    std::vector<std::string> words;
    std::string current;
    for (char c : folded) {
        if (c == ' ' || c == '-') {
            if (!current.empty()) {
                words.push_back(std::move(current));
                current.clear();
            }
        } else if (c != '.' && c != '\'') {
            current.push_back(c);
        }
    }
    if (!current.empty()) {
        words.push_back(std::move(current));
    }
    return words;
}

// Can short_form[pos..] be spelled by prefixes of words[word_idx..] (connectors skippable)?
bool spells(std::string_view short_form,
            std::size_t pos,
            const std::vector<std::string>& words,
            std::size_t word_idx,
            std::size_t used) {
    if (pos == short_form.size()) {
        return word_idx == words.size() && used >= 2;
    }
    if (word_idx == words.size()) {
        return false;
    }
    const std::string& w = words[word_idx];
    if (lexicon::is_name_connector(w) && spells(short_form, pos, words, word_idx + 1, used)) {
        return true;
    }
    for (std::size_t len = 1; len <= w.size() && pos + len <= short_form.size(); ++len) {
        if (short_form[pos + len - 1] != w[len - 1]) {
            break;
        }
        if (spells(short_form, pos + len, words, word_idx + 1, used + 1)) {
            return true;
        }
    }
    return false;
}

}  // namespace

bool abbreviates(std::string_view short_form, std::string_view long_form) {
    std::string shorter;
    for (char c : fold_name(short_form)) {
        if (c != '.' && c != ' ') {
            shorter.push_back(c);
        }
    }
    auto words = name_words(long_form);
    if (shorter.size() < 2 || words.size() < 2 || words.size() > 8 || shorter.size() > 16) {
        return false;
    }
    return spells(shorter, 0, words, 0, 0);
}

SentenceEntities find_entities(std::string_view sentence,
                               const std::vector<ScanToken>& tokens,
                               const FoldedWords& folded,
                               bool lower_case) {
    return NameScanner(sentence, tokens, folded, lower_case).run();
}

SentenceEntities find_entities(std::string_view sentence, bool lower_case) {
    auto tokens = scan_words(sentence);
    auto folded = fold_words(sentence, tokens);
    return find_entities(sentence, tokens, folded, lower_case);
}

}  // namespace iskra::extract
