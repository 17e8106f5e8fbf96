// Builds name forms from the documents' facts and clusters them into entities.
//
// Order matters: forms first (capitalised names), then names learned in lower-case documents,
// then the unions: explicit alias statements, acronyms, spelling variants of places, plural and
// possessive forms, and last the surname rule (a lone "Churchill" joins "Joseph Churchill" when
// only one full name ends that way), which needs the earlier unions to judge ambiguity.

#include <algorithm>
#include <unordered_set>

#include "iskra/extract/knowledge_tables.hpp"
#include "iskra/extract/lexicon.hpp"
#include "iskra/extract/name_fold.hpp"
#include "iskra/extract/word_scanner.hpp"

namespace iskra::extract {

std::string form_key(std::string_view name) {
    std::string folded = fold_name(name);
    std::string key;
    key.reserve(folded.size());
    for (char c : folded) {
        if (c == '.' || c == '"') {
            continue;
        }
        key.push_back(c);
    }
    if (key.rfind("the ", 0) == 0) {
        key.erase(0, 4);
    }
    if (key.size() > 2 && (key.ends_with("'s"))) {
        key.resize(key.size() - 2);
    }
    while (!key.empty() && (key.back() == '\'' || key.back() == ' ' || key.back() == '-')) {
        key.pop_back();
    }
    return key;
}

void Knowledge::Tables::keep_sentence(std::uint32_t doc,
                                      std::uint32_t sentence,
                                      const DocumentInput& input) {
    std::uint64_t key = sentence_key(doc, sentence);
    if (sentences.count(key) != 0 || sentence >= input.sentences.size()) {
        return;
    }
    const auto& span = input.sentences[sentence];
    if (span.end > input.text.size() || span.begin > span.end) {
        return;
    }
    sentences.emplace(
        key,
        StoredSentence{std::string(input.text.substr(span.begin, span.end - span.begin)),
                       span.begin,
                       span.end});
}

SentenceRef Knowledge::Tables::sentence_ref(std::uint64_t key) const {
    SentenceRef ref;
    auto doc = static_cast<std::uint32_t>(key >> 32);
    if (doc < docs.size()) {
        ref.doc_id = docs[doc].doc_id;
        ref.title = docs[doc].title;
        ref.source_path = docs[doc].source_path;
    }
    ref.sentence_index = static_cast<std::uint32_t>(key & 0xFFFFFFFFu);
    auto it = sentences.find(key);
    if (it != sentences.end()) {
        ref.text = it->second.text;
        ref.text_begin = it->second.begin;
        ref.text_end = it->second.end;
    }
    return ref;
}

std::uint32_t Knowledge::Tables::find_form(std::string_view key) const {
    auto it = form_index.find(std::string(key));
    return it == form_index.end() ? kNoId : it->second;
}

namespace {

// How far (bytes) an alias statement may be from the name it renames.
constexpr std::uint32_t kAliasReachBytes = 60;

std::size_t count_words(std::string_view key) {
    return static_cast<std::size_t>(std::count(key.begin(), key.end(), ' ')) + 1;
}

EntityType dominant_type(const Form& form, float& strength) {
    std::size_t best = 0;
    for (std::size_t t = 1; t < form.votes.size(); ++t) {
        if (form.votes[t] > form.votes[best]) {
            best = t;
        }
    }
    strength = form.votes[best];
    return static_cast<EntityType>(best);
}

// Person cues outweigh place and organisation cues (cue-less "unknown" votes do not count):
// "Tolstoy" is person-like even when most of its mentions carry no cue at all.
bool person_like(const Form& form) {
    float person = form.votes[static_cast<std::size_t>(EntityType::Person)];
    return person >= 0.5f && 2 * person >= form.votes[static_cast<std::size_t>(EntityType::Place)]
           && 2 * person >= form.votes[static_cast<std::size_t>(EntityType::Organization)];
}

// Capitalises each word of a lower-case form for display ("anna maria kovic").
std::string title_case(std::string_view key) {
    std::string out(key);
    bool start = true;
    for (char& c : out) {
        if (start && c >= 'a' && c <= 'z') {
            c = static_cast<char>(c - 32);
        }
        start = c == ' ' || c == '-';
    }
    return out;
}

class ClusterBuilder {
  public:
    ClusterBuilder(Knowledge::Tables& tables, std::span<const DocumentInput> docs)
        : tables_(tables), docs_(docs) {}

    std::vector<RawMention> run() {
        collect_capitalised();
        collect_alias_forms();
        split_run_on_forms();
        add_surname_forms();
        drop_weak_forms();
        discover_place_variants();
        learn_lower_case();
        std::sort(mentions_.begin(), mentions_.end(), [](const RawMention& a, const RawMention& b) {
            return std::tie(a.doc, a.sentence, a.begin) < std::tie(b.doc, b.sentence, b.begin);
        });
        uf_.resize(tables_.forms.size());
        unite_alias_statements(true);
        unite_acronyms();
        unite_variants();
        unite_surnames();
        sum_root_votes();
        propagate_list_types();
        propagate_list_types();  // a second round reaches lists of lists
        unite_alias_statements(false);
        make_clusters();
        return std::move(mentions_);
    }

  private:
    std::uint32_t intern(std::string_view surface, std::string key) {
        auto [it, inserted] = tables_.form_index.emplace(
            std::move(key), static_cast<std::uint32_t>(tables_.forms.size()));
        if (inserted) {
            Form form;
            form.key = it->first;
            form.display = std::string(surface);
            form.words = static_cast<std::uint32_t>(count_words(form.key));
            tables_.forms.push_back(std::move(form));
        }
        return it->second;
    }

    void count_mention(std::uint32_t form_id,
                       std::uint32_t doc,
                       std::string_view surface,
                       bool capitalised) {
        Form& form = tables_.forms[form_id];
        ++form.count;
        if (form.last_doc != doc) {
            form.last_doc = doc;
            ++form.docs;
        }
        if (capitalised) {
            form.display_capitalised = true;
            auto spelling = std::find_if(form.spellings.begin(),
                                         form.spellings.end(),
                                         [&](const auto& s) { return s.first == surface; });
            if (spelling == form.spellings.end()) {
                form.spellings.emplace_back(std::string(surface), 1);
            } else {
                ++spelling->second;
            }
        }
    }

    void collect_capitalised();
    void collect_alias_forms();
    std::uint32_t attested_form(std::string_view key, std::uint32_t self) const;
    bool run_on_parts(const Form& form,
                      std::uint32_t self,
                      std::uint32_t& first,
                      std::uint32_t& second) const;
    void split_run_on_forms();
    void add_surname_forms();
    void drop_weak_forms();
    void learn_lower_case();
    void discover_place_variants();
    std::uint32_t alias_target(std::uint32_t doc,
                               const AliasStatement& alias,
                               std::uint32_t alias_form);
    std::uint32_t document_subject(std::uint32_t doc);
    void unite_alias_statements(bool explicit_targets);
    void sum_root_votes();
    void propagate_list_types();
    bool person_like_root(std::uint32_t form);
    void unite_acronyms();
    void unite_variants();
    void unite_surnames();
    void make_clusters();
    void name_cluster(Cluster& cluster) const;
    bool plural_of_other(const Cluster& cluster, const Form& form) const;

    Knowledge::Tables& tables_;
    std::span<const DocumentInput> docs_;
    std::vector<RawMention> mentions_;
    UnionFind uf_;
    std::vector<Form> root_votes_;  ///< per root form: votes summed over its set
};

void ClusterBuilder::collect_capitalised() {
    std::size_t total = 0;
    for (const auto& doc : docs_) {
        total += doc.facts.entities.size();
    }
    mentions_.reserve(total);
    tables_.form_index.reserve(total / 2);
    for (std::uint32_t doc = 0; doc < docs_.size(); ++doc) {
        for (const auto& mention : docs_[doc].facts.entities) {
            std::string key = form_key(mention.surface);
            // "US"/"U.S." fold to the pronoun "us": capitals or dots keep them names.
            bool marked =
                (mention.flags & kAcronym) != 0 || mention.surface.find('.') != std::string::npos;
            if (key.size() < 2 || (lexicon::is_function_word(key) && !marked)) {
                continue;
            }
            std::uint32_t id = intern(mention.surface, std::move(key));
            count_mention(id, doc, mention.surface, true);
            Form& form = tables_.forms[id];
            form.votes[static_cast<std::size_t>(mention.type)] += mention.confidence;
            form.non_initial += (mention.flags & kSentenceInitial) != 0 ? 0 : 1;
            form.acronym = form.acronym || (mention.flags & kAcronym) != 0;
            mentions_.push_back(RawMention{doc, mention.sentence, id, mention.begin, mention.end});
        }
    }
}

// Names given by alias statements ("born anna maria kovic", "pen name vela") become
// forms even when written in lower case; "born"/"pen name" say they are people.
void ClusterBuilder::collect_alias_forms() {
    for (std::uint32_t doc = 0; doc < docs_.size(); ++doc) {
        for (const auto& alias : docs_[doc].facts.aliases) {
            std::string key = form_key(alias.alias);
            if (key.size() < 2 || lexicon::is_function_word(key)) {
                continue;
            }
            std::uint32_t id = intern(alias.alias, std::move(key));
            Form& form = tables_.forms[id];
            form.non_initial += 1;
            if (alias.kind == AliasKind::BornAs || alias.kind == AliasKind::PenName) {
                form.votes[static_cast<std::size_t>(EntityType::Person)] += 0.6f;
            }
        }
    }
}

// A form seen at least twice on its own (not `self`), else kNoId.
std::uint32_t ClusterBuilder::attested_form(std::string_view key, std::uint32_t self) const {
    std::uint32_t id = tables_.find_form(key);
    return id != kNoId && id != self && tables_.forms[id].count >= 2 ? id : kNoId;
}

// Reads a rarely seen name as one or two better-attested names: a possessive that lost its
// apostrophe ("Paul Venns" -> "Paul Venn", "Marlows Party" -> "Marlow",
// "Encyclopedia Marlows" -> "Marlow"), or two names run together ("Paul Venn Marlow" -> "Paul
// Venn" + "Marlow"). `second` is kNoId when the form stands for one name.
bool ClusterBuilder::run_on_parts(const Form& form,
                                  std::uint32_t self,
                                  std::uint32_t& first,
                                  std::uint32_t& second) const {
    first = kNoId;
    second = kNoId;
    if (form.words < 2 || form.count > 2 || form.acronym) {
        return false;
    }
    std::string_view key = form.key;
    std::size_t end = 0;
    for (std::size_t start = 0; start < key.size(); start = end + 1) {
        end = std::min(key.find(' ', start), key.size());
        bool last = end == key.size();
        if (end - start >= 4 && key[end - 1] == 's') {
            first = attested_form(key.substr(0, end - 1), self);
            std::uint32_t word = attested_form(key.substr(start, end - start - 1), self);
            if (first == kNoId && last && word != kNoId && person_like(tables_.forms[word])) {
                first = word;
            }
            if (first != kNoId) {
                return true;
            }
        }
        if (last) {
            break;
        }
        // Split after this word when both sides are names of people, the latter well attested.
        std::uint32_t head = tables_.find_form(key.substr(0, end));
        std::uint32_t tail = attested_form(key.substr(end + 1), self);
        if (head != kNoId && head != self && tail != kNoId && person_like(tables_.forms[head])
            && person_like(tables_.forms[tail])) {
            first = head;
            second = tail;
            return true;
        }
    }
    return false;
}

// Moves the mentions of run-on and possessive forms to the names they stand for.
void ClusterBuilder::split_run_on_forms() {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> parts(tables_.forms.size(),
                                                               {kNoId, kNoId});
    bool any = false;
    for (std::uint32_t id = 0; id < tables_.forms.size(); ++id) {
        auto& [first, second] = parts[id];
        if (run_on_parts(tables_.forms[id], id, first, second)) {
            tables_.forms[id].valid = false;
            any = true;
        }
    }
    if (!any) {
        return;
    }
    std::size_t original = mentions_.size();
    for (std::size_t k = 0; k < original; ++k) {
        auto [first, second] = parts[mentions_[k].form];
        if (first == kNoId) {
            continue;
        }
        RawMention& mention = mentions_[k];
        std::uint32_t old_form = mention.form;
        mention.form = first;
        ++tables_.forms[first].count;
        std::string_view text = docs_[mention.doc].text;
        if (second != kNoId && mention.end <= text.size()) {
            // The second name starts after as many words as the first has.
            std::uint32_t pos = mention.begin;
            for (std::uint32_t w = 0; w < tables_.forms[first].words && pos < mention.end; ++w) {
                while (pos < mention.end && text[pos] != ' ') {
                    ++pos;
                }
                while (pos < mention.end && text[pos] == ' ') {
                    ++pos;
                }
            }
            RawMention tail = mention;
            tail.form = second;
            tail.begin = pos;
            mention.end = pos;
            while (mention.end > mention.begin && text[mention.end - 1] == ' ') {
                --mention.end;
            }
            ++tables_.forms[second].count;
            mentions_.push_back(tail);
        }
        std::uint32_t receiver = second != kNoId ? second : first;
        for (std::size_t t = 0; t < tables_.forms[old_form].votes.size(); ++t) {
            tables_.forms[receiver].votes[t] +=
                tables_.forms[old_form].votes[t] / std::max(tables_.forms[old_form].count, 1u);
        }
    }
}

// A full name of a person lends its surname as a form, so that "kovic" alone can be found
// in lower-case text and joined by the surname rule.
void ClusterBuilder::add_surname_forms() {
    std::size_t original = tables_.forms.size();
    for (std::size_t id = 0; id < original; ++id) {
        const Form form = tables_.forms[id];
        float strength = 0;
        if (form.words < 2 || form.words > 4 || dominant_type(form, strength) != EntityType::Person
            || form.key.find_first_of("0123456789") != std::string::npos) {
            continue;
        }
        std::string last = form.key.substr(form.key.rfind(' ') + 1);
        if (last.size() < 4 || lexicon::is_function_word(last) || lexicon::is_person_title(last)) {
            continue;
        }
        std::string display = form.display.substr(form.display.rfind(' ') + 1);
        std::uint32_t surname = intern(display, last);
        Form& target = tables_.forms[surname];
        target.votes[static_cast<std::size_t>(EntityType::Person)] += 0.3f;
        target.non_initial += 1;
    }
}

// A one-word name seen only at sentence starts without any cue ("Showers continued") is an
// ordinary word; a name seen once in the whole collection without a type cue is noise.
void ClusterBuilder::drop_weak_forms() {
    for (auto& form : tables_.forms) {
        float strength = 0;
        EntityType type = dominant_type(form, strength);
        if (form.non_initial == 0 && (type == EntityType::Unknown || strength < 0.5f)) {
            form.valid = false;
        }
        if (form.key.size() < 2) {
            form.valid = false;
        }
    }
}

// Lower-case documents may spell a known place differently ("dravensk" for "Dravenssk"):
// a word one deletion away from a place name, with the same first and last letter, becomes a
// form of its own, typed as a place, so that it is found below and joined by unite_variants.
void ClusterBuilder::discover_place_variants() {
    std::unordered_map<std::string, std::uint32_t> by_deletion;
    for (std::uint32_t id = 0; id < tables_.forms.size(); ++id) {
        const Form& form = tables_.forms[id];
        float strength = 0;
        if (!form.valid || form.words != 1 || form.key.size() < 7
            || dominant_type(form, strength) != EntityType::Place || strength < 0.5f) {
            continue;
        }
        by_deletion.emplace(form.key, id);
        for (std::size_t pos = 1; pos + 1 < form.key.size(); ++pos) {
            std::string deleted = form.key;
            deleted.erase(pos, 1);
            by_deletion.emplace(std::move(deleted), id);
        }
    }
    if (by_deletion.empty()) {
        return;
    }
    std::string word;
    for (const auto& input : docs_) {
        if (!input.facts.lower_case) {
            continue;
        }
        for (const auto& token : scan_words(input.text)) {
            if (token.kind != TokenKind::Word || token.end - token.begin < 7) {
                continue;
            }
            word = fold_name(input.text.substr(token.begin, token.end - token.begin));
            if (tables_.form_index.count(word) != 0 || lexicon::is_function_word(word)) {
                continue;
            }
            std::uint32_t hit = kNoId;
            auto direct = by_deletion.find(word);
            if (direct != by_deletion.end()) {
                hit = direct->second;
            }
            for (std::size_t pos = 1; hit == kNoId && pos + 1 < word.size(); ++pos) {
                std::string deleted = word;
                deleted.erase(pos, 1);
                auto it = by_deletion.find(deleted);
                if (it != by_deletion.end()) {
                    hit = it->second;
                }
            }
            if (hit == kNoId || tables_.forms[hit].key.front() != word.front()
                || tables_.forms[hit].key.back() != word.back()) {
                continue;
            }
            std::uint32_t id = intern(title_case(word), word);
            Form& variant = tables_.forms[id];
            variant.votes[static_cast<std::size_t>(EntityType::Place)] = 0.6f;
            variant.non_initial = 1;
        }
    }
}

void ClusterBuilder::learn_lower_case() {
    for (std::uint32_t doc = 0; doc < docs_.size(); ++doc) {
        const DocumentInput& input = docs_[doc];
        if (!input.facts.lower_case) {
            continue;
        }
        for (std::uint32_t sentence = 0; sentence < input.sentences.size(); ++sentence) {
            const auto& span = input.sentences[sentence];
            if (span.end > input.text.size() || span.begin > span.end) {
                continue;
            }
            auto found =
                match_forms(tables_, input.text.substr(span.begin, span.end - span.begin), true);
            for (auto& mention : found) {
                mention.doc = doc;
                mention.sentence = sentence;
                mention.begin += span.begin;
                mention.end += span.begin;
                count_mention(mention.form, doc, {}, false);
                mentions_.push_back(mention);
            }
        }
    }
}

void ClusterBuilder::sum_root_votes() {
    root_votes_.assign(tables_.forms.size(), Form{});
    for (std::uint32_t id = 0; id < tables_.forms.size(); ++id) {
        Form& root = root_votes_[uf_.find(id)];
        for (std::size_t t = 0; t < root.votes.size(); ++t) {
            root.votes[t] += tables_.forms[id].votes[t];
        }
    }
}

// Names of events, doctrines and their followers ("French Revolution", "Marxism", "Photograph
// of X") are of no kind a list could tell.
bool names_event_or_doctrine(std::string_view key) {
    std::size_t end = 0;
    for (std::size_t start = 0; start < key.size(); start = end + 1) {
        end = std::min(key.find(' ', start), key.size());
        std::string_view w = key.substr(start, end - start);
        if (lexicon::is_event_word(w) || w == "of" || w.ends_with("ism") || w.ends_with("ist")
            || w.ends_with("ists")) {
            return true;
        }
    }
    return false;
}

// Names listed together are usually of one kind ("Marlow, Venn and Drovny"): a name with
// no typing cue of its own takes a vote for the clear type of a listed neighbour.
void ClusterBuilder::propagate_list_types() {
    constexpr float kListVote = 0.7f;
    auto typed_strength = [](const Form& f) {
        return std::max({f.votes[1], f.votes[2], f.votes[3]});
    };
    auto clear_type = [](const Form& f) {
        std::size_t best = 1;
        for (std::size_t t = 2; t < 4; ++t) {
            best = f.votes[t] > f.votes[best] ? t : best;
        }
        float second = 0;
        for (std::size_t t = 1; t < 4; ++t) {
            second = t == best ? second : std::max(second, f.votes[t]);
        }
        return f.votes[best] >= 0.7f && f.votes[best] >= 2 * second ? best : std::size_t{0};
    };
    // 0: no list; 1: a comma (a list only next to another list gap); 2: "and", "or", "&".
    auto list_gap = [this](std::size_t k) {
        if (k == 0 || k >= mentions_.size()) {
            return 0;
        }
        const RawMention& a = mentions_[k - 1];
        const RawMention& b = mentions_[k];
        if (a.doc != b.doc || a.sentence != b.sentence || b.begin < a.end || b.begin - a.end > 6) {
            return 0;
        }
        std::string_view gap = docs_[a.doc].text.substr(a.end, b.begin - a.end);
        if (gap == ", ") {
            return 1;
        }
        return gap == " and " || gap == ", and " || gap == " or " || gap == " & " ? 2 : 0;
    };
    std::vector<std::pair<std::uint32_t, std::size_t>> votes;
    for (std::size_t k = 1; k < mentions_.size(); ++k) {
        int gap = list_gap(k);
        // "In Elin, a suburb of Dravensk, Venn wrote": a lone comma is no list.
        if (gap == 0 || (gap == 1 && list_gap(k - 1) == 0 && list_gap(k + 1) == 0)) {
            continue;
        }
        const RawMention& a = mentions_[k - 1];
        const RawMention& b = mentions_[k];
        for (auto [from, to] : {std::pair{a.form, b.form}, std::pair{b.form, a.form}}) {
            std::size_t type = clear_type(root_votes_[uf_.find(from)]);
            const Form& target = tables_.forms[to];
            if (type != 0 && !names_event_or_doctrine(target.key)
                && typed_strength(target) < 0.3f) {
                votes.emplace_back(to, type);
            }
        }
    }
    for (const auto& [form, type] : votes) {
        tables_.forms[form].votes[type] += kListVote;
        root_votes_[uf_.find(form)].votes[type] += kListVote;
    }
}

bool ClusterBuilder::person_like_root(std::uint32_t form) {
    const Form& r = root_votes_[uf_.find(form)];
    return person_like(r);
}

// The document's most mentioned person-like name (counted over alias sets).
std::uint32_t ClusterBuilder::document_subject(std::uint32_t doc) {
    std::unordered_map<std::uint32_t, std::uint32_t> counts;
    auto range =
        std::equal_range(mentions_.begin(),
                         mentions_.end(),
                         RawMention{doc, 0, 0, 0, 0},
                         [](const RawMention& a, const RawMention& b) { return a.doc < b.doc; });
    std::uint32_t best = kNoId;
    std::uint32_t best_count = 0;
    for (auto it = range.first; it != range.second; ++it) {
        if (!person_like_root(it->form)) {
            continue;
        }
        std::uint32_t root = uf_.find(it->form);
        std::uint32_t c = ++counts[root];
        if (c > best_count || (c == best_count && root < best)) {
            best = root;
            best_count = c;
        }
    }
    return best;
}

// The name an alias statement renames: a person-like name close before it in the sentence
// ("Vela, born Anna Kovic"), else close after it, else the document's subject (infobox
// lines name their subject once, far away).
std::uint32_t ClusterBuilder::alias_target(std::uint32_t doc,
                                           const AliasStatement& alias,
                                           std::uint32_t alias_form) {
    if (!alias.target.empty()) {
        return tables_.find_form(form_key(alias.target));
    }
    auto range =
        std::equal_range(mentions_.begin(),
                         mentions_.end(),
                         RawMention{doc, alias.sentence, 0, 0, 0},
                         [](const RawMention& a, const RawMention& b) {
                             return std::tie(a.doc, a.sentence) < std::tie(b.doc, b.sentence);
                         });
    std::uint32_t before = kNoId;
    std::uint32_t before_gap = kAliasReachBytes + 1;
    std::uint32_t after = kNoId;
    std::uint32_t after_gap = kAliasReachBytes + 1;
    bool person_alias = alias.kind == AliasKind::BornAs || alias.kind == AliasKind::PenName;
    for (auto it = range.first; it != range.second; ++it) {
        if (it->form == alias_form || it->begin == alias.position
            || (person_alias && !person_like_root(it->form))) {
            continue;
        }
        if (it->end <= alias.position && alias.position - it->end <= kAliasReachBytes) {
            before = it->form;
            before_gap = alias.position - it->end;
        } else if (it->begin > alias.position && it->begin - alias.position < after_gap
                   && alias.kind == AliasKind::PenName) {
            after = it->form;
            after_gap = it->begin - alias.position;
        }
    }
    // A pen name goes with the nearer name on either side; other statements look back.
    if (after != kNoId && after_gap < before_gap) {
        return after;
    }
    if (before != kNoId) {
        return before;
    }
    return alias.kind == AliasKind::KnownAs ? kNoId : document_subject(doc);
}

// Statements naming their target ("X (Y)") first; those resolved through nearby names or the
// document's subject after the other unions, when alias sets tell who is a person.
void ClusterBuilder::unite_alias_statements(bool explicit_targets) {
    for (std::uint32_t doc = 0; doc < docs_.size(); ++doc) {
        for (const auto& alias : docs_[doc].facts.aliases) {
            if (alias.target.empty() == explicit_targets) {
                continue;
            }
            std::uint32_t alias_form = tables_.find_form(form_key(alias.alias));
            if (alias_form == kNoId || !tables_.forms[alias_form].valid) {
                continue;
            }
            std::uint32_t target = alias_target(doc, alias, alias_form);
            if (target != kNoId && tables_.forms[target].valid) {
                uf_.unite(alias_form, target);
            }
        }
    }
}

// "USSR" joins "Union of Soviet Socialist Republics" when exactly one long name fits.
void ClusterBuilder::unite_acronyms() {
    std::unordered_map<std::string, std::vector<std::uint32_t>> by_initials;
    for (std::uint32_t id = 0; id < tables_.forms.size(); ++id) {
        const Form& form = tables_.forms[id];
        if (!form.valid || form.words < 2) {
            continue;
        }
        std::string initials;
        std::size_t start = 0;
        while (start < form.key.size()) {
            std::size_t stop = form.key.find(' ', start);
            std::string_view w = std::string_view(form.key).substr(
                start, stop == std::string::npos ? std::string::npos : stop - start);
            if (!w.empty() && !lexicon::is_name_connector(w)) {
                initials.push_back(w.front());
            }
            start = stop == std::string::npos ? form.key.size() : stop + 1;
        }
        if (initials.size() >= 2) {
            by_initials[initials].push_back(id);
        }
    }
    for (std::uint32_t id = 0; id < tables_.forms.size(); ++id) {
        const Form& form = tables_.forms[id];
        if (!form.valid || !form.acronym || form.words != 1) {
            continue;
        }
        auto it = by_initials.find(form.key);
        if (it == by_initials.end()) {
            continue;
        }
        std::unordered_set<std::uint32_t> roots;
        for (std::uint32_t candidate : it->second) {
            roots.insert(uf_.find(candidate));
        }
        if (roots.size() == 1) {
            uf_.unite(id, it->second.front());
        }
    }
}

// Spelling variants: "Tolstoys" joins "Tolstoy" (plural/possessive without apostrophe), and
// place names one edit apart ("Dravenssk", "Dravensk") join, found through single-deletion
// keys so that no pair of forms is compared blindly.
void ClusterBuilder::unite_variants() {
    for (std::uint32_t id = 0; id < tables_.forms.size(); ++id) {
        const Form& form = tables_.forms[id];
        if (!form.valid || form.words != 1 || form.key.size() < 5 || form.key.back() != 's') {
            continue;
        }
        std::uint32_t base =
            tables_.find_form(std::string_view(form.key).substr(0, form.key.size() - 1));
        if (base != kNoId && tables_.forms[base].valid) {
            uf_.unite(id, base);
        }
    }
    std::unordered_map<std::string, std::vector<std::uint32_t>> by_deletion;
    for (std::uint32_t id = 0; id < tables_.forms.size(); ++id) {
        const Form& form = tables_.forms[id];
        float strength = 0;
        if (!form.valid || form.key.size() < 7
            || dominant_type(form, strength) != EntityType::Place) {
            continue;
        }
        by_deletion[form.key].push_back(id);
        for (std::size_t pos = 1; pos + 1 < form.key.size(); ++pos) {
            std::string deleted = form.key;
            deleted.erase(pos, 1);
            by_deletion[deleted].push_back(id);
        }
    }
    for (auto& [key, ids] : by_deletion) {
        if (ids.size() < 2 || ids.size() > 4) {
            continue;
        }
        for (std::size_t k = 1; k < ids.size(); ++k) {
            if (ids[k] != ids[0]) {
                uf_.unite(ids[0], ids[k]);
            }
        }
    }
}

// A one-word name joins the person whose full name ends with it, when that full name is the
// only well-attested one ("Joseph Churchill" over a stray "Ousting Churchill").
void ClusterBuilder::unite_surnames() {
    struct Candidates {
        std::unordered_map<std::uint32_t, std::uint32_t> count_of_root;
    };
    std::unordered_map<std::string, Candidates> by_surname;
    for (std::uint32_t id = 0; id < tables_.forms.size(); ++id) {
        const Form& form = tables_.forms[id];
        float strength = 0;
        if (!form.valid || form.words < 2 || dominant_type(form, strength) != EntityType::Person) {
            continue;
        }
        by_surname[form.key.substr(form.key.rfind(' ') + 1)].count_of_root[uf_.find(id)] +=
            std::max<std::uint32_t>(form.count, 1);
    }
    for (std::uint32_t id = 0; id < tables_.forms.size(); ++id) {
        const Form& form = tables_.forms[id];
        if (!form.valid || form.words != 1 || form.acronym) {
            continue;
        }
        auto it = by_surname.find(form.key);
        if (it == by_surname.end()) {
            continue;
        }
        std::uint32_t best_root = kNoId;
        std::uint32_t best = 0;
        std::uint32_t second = 0;
        for (const auto& [root, count] : it->second.count_of_root) {
            if (count > best || (count == best && root < best_root)) {
                second = best;
                best = count;
                best_root = root;
            } else {
                second = std::max(second, count);
            }
        }
        if (best >= 2 && best >= 3 * second) {
            uf_.unite(id, best_root);
        } else if (it->second.count_of_root.size() == 1) {
            uf_.unite(id, best_root);
        }
    }
}

// True when `key` is `word` or ends with it as a whole word ("leon tolstoy", "tolstoy").
bool ends_with_word(std::string_view key, std::string_view word) {
    return key == word
           || (key.size() > word.size() && key.ends_with(word)
               && key[key.size() - word.size() - 1] == ' ');
}

// True when `form` is a form of `cluster` (or its surname) with an "s" or "'s" added
// ("Tolstoys").
bool ClusterBuilder::plural_of_other(const Cluster& cluster, const Form& form) const {
    if (form.key.size() < 4 || form.key.back() != 's') {
        return false;
    }
    std::string_view stem = std::string_view(form.key).substr(0, form.key.size() - 1);
    return std::any_of(cluster.forms.begin(), cluster.forms.end(), [&](std::uint32_t id) {
        return ends_with_word(tables_.forms[id].key, stem);
    });
}

void ClusterBuilder::name_cluster(Cluster& cluster) const {
    std::uint32_t max_count = 0;
    std::array<float, 4> votes{};
    for (std::uint32_t id : cluster.forms) {
        const Form& form = tables_.forms[id];
        max_count = std::max(max_count, form.count);
        for (std::size_t t = 0; t < votes.size(); ++t) {
            votes[t] += form.votes[t];
        }
    }
    // The canonical name is the longest well-attested form.
    std::uint32_t attested =
        std::max<std::uint32_t>(std::min<std::uint32_t>(2, max_count), max_count / 20);
    // A full name seen once still names the cluster when it ends with the most frequent form
    // ("Mikhail Tukhachevsky" over "Tukhachevsky").
    const Form* top = nullptr;
    for (std::uint32_t id : cluster.forms) {
        if (top == nullptr || tables_.forms[id].count > top->count) {
            top = &tables_.forms[id];
        }
    }
    const Form* best = nullptr;
    for (std::uint32_t id : cluster.forms) {
        const Form& form = tables_.forms[id];
        bool full_name = form.display_capitalised && form.words >= 2 && top->words == 1
                         && ends_with_word(form.key, top->key);
        if (form.count < attested && !full_name) {
            continue;
        }
        if (best == nullptr
            || std::tie(form.display_capitalised, form.words, form.count)
                   > std::tie(best->display_capitalised, best->words, best->count)) {
            best = &form;
        }
    }
    if (best == nullptr) {
        best = &tables_.forms[cluster.forms.front()];
    }
    cluster.name = best->display_capitalised ? best->display : title_case(best->key);
    std::vector<const Form*> others;
    for (std::uint32_t id : cluster.forms) {
        if (&tables_.forms[id] != best) {
            others.push_back(&tables_.forms[id]);
        }
    }
    std::sort(others.begin(), others.end(), [](const Form* a, const Form* b) {
        return std::tie(b->count, a->key) < std::tie(a->count, b->key);
    });
    for (const Form* form : others) {
        if (plural_of_other(cluster, *form)) {
            continue;  // "Tolstoys" still resolves, but is no alias to show
        }
        cluster.aliases.push_back(form->display_capitalised ? form->display
                                                            : title_case(form->key));
    }
    // The type with the most cue votes, when the cues are enough and clearly agree; mentions
    // without cues ("unknown" votes) do not count against it.
    std::size_t best_type = 1;
    for (std::size_t t = 2; t < votes.size(); ++t) {
        if (votes[t] > votes[best_type]) {
            best_type = t;
        }
    }
    float second = 0;
    for (std::size_t t = 1; t < votes.size(); ++t) {
        if (t != best_type) {
            second = std::max(second, votes[t]);
        }
    }
    cluster.type = votes[best_type] >= 0.7f && votes[best_type] >= 1.5f * second
                       ? static_cast<EntityType>(best_type)
                       : EntityType::Unknown;
}

void ClusterBuilder::make_clusters() {
    tables_.form_cluster.assign(tables_.forms.size(), kNoId);
    std::unordered_map<std::uint32_t, std::uint32_t> root_cluster;
    for (std::uint32_t id = 0; id < tables_.forms.size(); ++id) {
        if (!tables_.forms[id].valid || tables_.forms[id].count == 0) {
            continue;
        }
        std::uint32_t root = uf_.find(id);
        auto [it, inserted] =
            root_cluster.emplace(root, static_cast<std::uint32_t>(tables_.clusters.size()));
        if (inserted) {
            tables_.clusters.emplace_back();
        }
        tables_.form_cluster[id] = it->second;
        tables_.clusters[it->second].forms.push_back(id);
    }
    // A form never seen on its own but joined to a cluster (the surname "Volkov" of "Esteban
    // Volkov") resolves to it, without being shown as an alias.
    for (std::uint32_t id = 0; id < tables_.forms.size(); ++id) {
        if (!tables_.forms[id].valid || tables_.forms[id].count != 0) {
            continue;
        }
        auto it = root_cluster.find(uf_.find(id));
        if (it != root_cluster.end()) {
            tables_.form_cluster[id] = it->second;
        }
    }
    for (auto& form : tables_.forms) {
        const std::pair<std::string, std::uint32_t>* best = nullptr;
        for (const auto& spelling : form.spellings) {
            if (best == nullptr || spelling.second > best->second) {
                best = &spelling;
            }
        }
        if (best != nullptr) {
            form.display = best->first;
        }
        form.spellings.clear();
        form.spellings.shrink_to_fit();
    }
    for (auto& cluster : tables_.clusters) {
        name_cluster(cluster);
    }
    // Mentions of dropped forms go; counts per cluster.
    std::erase_if(mentions_,
                  [this](const RawMention& m) { return tables_.form_cluster[m.form] == kNoId; });
    std::vector<std::uint32_t> last_doc(tables_.clusters.size(), kNoId);
    for (const auto& mention : mentions_) {
        std::uint32_t cluster = tables_.form_cluster[mention.form];
        ++tables_.clusters[cluster].mentions;
        if (last_doc[cluster] != mention.doc) {
            last_doc[cluster] = mention.doc;
            ++tables_.clusters[cluster].docs;
        }
    }
}

}  // namespace

std::vector<RawMention> match_forms(const Knowledge::Tables& tables,
                                    std::string_view text,
                                    bool lower_case_rules) {
    std::vector<RawMention> out;
    auto tokens = scan_words(text);
    std::vector<std::string> words;
    std::vector<std::size_t> word_token;
    for (std::size_t idx = 0; idx < tokens.size(); ++idx) {
        if (tokens[idx].kind == TokenKind::Word) {
            words.push_back(
                fold_name(text.substr(tokens[idx].begin, tokens[idx].end - tokens[idx].begin)));
            word_token.push_back(idx);
        }
    }
    std::string key;
    std::size_t idx = 0;
    while (idx < words.size()) {
        std::size_t matched = 0;
        std::uint32_t form_id = kNoId;
        for (std::size_t n = std::min(kMaxNameWords, words.size() - idx); n >= 1; --n) {
            // Words of a name are adjacent: no punctuation token between them.
            if (word_token[idx + n - 1] - word_token[idx] != n - 1) {
                continue;
            }
            key.clear();
            for (std::size_t k = 0; k < n; ++k) {
                if (k > 0) {
                    key.push_back(' ');
                }
                key += words[idx + k];
            }
            std::uint32_t id = tables.find_form(key);
            if (id == kNoId || !tables.forms[id].valid) {
                continue;
            }
            const Form& form = tables.forms[id];
            if (lower_case_rules && n == 1) {
                // One word in lower-case text is a name only when the collection typed it with
                // some confidence (cue-less mentions do not count) and saw it mid-sentence.
                float typed = std::max({form.votes[1], form.votes[2], form.votes[3]});
                bool safe = form.key.size() >= 4 && !lexicon::is_function_word(form.key)
                            && typed >= 0.3f && (form.non_initial >= 2 || typed >= 0.6f);
                if (!safe) {
                    continue;
                }
            }
            matched = n;
            form_id = id;
            break;
        }
        if (matched == 0) {
            ++idx;
            continue;
        }
        RawMention mention;
        mention.form = form_id;
        mention.begin = tokens[word_token[idx]].begin;
        mention.end = tokens[word_token[idx + matched - 1]].end;
        out.push_back(mention);
        idx += matched;
    }
    return out;
}

std::vector<RawMention> build_clusters(Knowledge::Tables& tables,
                                       std::span<const DocumentInput> documents) {
    return ClusterBuilder(tables, documents).run();
}

}  // namespace iskra::extract
