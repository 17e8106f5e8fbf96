// Multiple-choice questions from the collection's own facts: a dated event with its date
// blanked, or a sentence with a person or place blanked. Wrong choices are of the same type
// and come from the same collection (dates of the same precision near the answer, the most
// mentioned other people or places). Events whose date the sources dispute are never asked.
// Randomness is a SplitMix64 stream from the seed, so a seed always gives the same quiz.

#include <algorithm>
#include <array>
#include <set>

#include "iskra/extract/knowledge.hpp"
#include "iskra/extract/knowledge_tables.hpp"

namespace iskra::extract {

namespace {

constexpr std::size_t kWrongChoices = 3;
constexpr std::size_t kMaxQuestionSentence = 300;
constexpr std::size_t kMinQuestionSentence = 40;
constexpr std::size_t kDistractorPool = 12;
constexpr std::string_view kBlank = "_____";

class SplitMix64 {
  public:
    explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    std::size_t below(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(next() % n); }
    template <typename T>
    void shuffle(std::vector<T>& items) {
        for (std::size_t i = items.size(); i > 1; --i) {
            std::swap(items[i - 1], items[below(i)]);
        }
    }

  private:
    std::uint64_t state_;
};

std::string format_date(const DateValue& date) {
    static constexpr std::array<std::string_view, 12> kMonths = {"January",
                                                                 "February",
                                                                 "March",
                                                                 "April",
                                                                 "May",
                                                                 "June",
                                                                 "July",
                                                                 "August",
                                                                 "September",
                                                                 "October",
                                                                 "November",
                                                                 "December"};
    std::string year = std::to_string(date.year);
    switch (date.precision) {
        case DatePrecision::Day:
            return std::to_string(date.day) + " " + std::string(kMonths[date.month - 1]) + " "
                   + year;
        case DatePrecision::Month:
            return std::string(kMonths[date.month - 1]) + " " + year;
        case DatePrecision::Year:
            return year;
        case DatePrecision::Decade:
            return year + "s";
    }
    return year;
}

std::string blank_out(const std::string& sentence, std::uint32_t begin, std::uint32_t end) {
    return sentence.substr(0, begin) + std::string(kBlank) + sentence.substr(end);
}

// Places the answer among the wrong choices at a random position.
void fill_choices(QuizQuestion& question,
                  const std::string& answer,
                  std::vector<std::string> wrong,
                  SplitMix64& random) {
    random.shuffle(wrong);
    wrong.resize(kWrongChoices);
    question.answer_index = static_cast<std::uint32_t>(random.below(kWrongChoices + 1));
    question.choices = std::move(wrong);
    question.choices.insert(question.choices.begin() + question.answer_index, answer);
}

class QuizMaker {
  public:
    QuizMaker(const Knowledge& knowledge, const Knowledge::Tables& tables, std::uint64_t seed)
        : knowledge_(knowledge), tables_(tables), random_(seed) {}

    std::vector<QuizQuestion> run(std::uint32_t n) {
        std::vector<std::uint32_t> date_ids;
        for (std::uint32_t id = 0; id < tables_.events.size(); ++id) {
            const Event& event = tables_.events[id];
            auto it = tables_.sentences.find(event.sources.front());
            bool readable =
                !tables_.docs[static_cast<std::uint32_t>(event.sources.front() >> 32)].lower_case;
            bool usable = readable && event.conflicts.empty() && !event.end
                          && event.date.precision != DatePrecision::Decade
                          && it != tables_.sentences.end()
                          && it->second.text.size() <= kMaxQuestionSentence
                          && it->second.text.size() >= kMinQuestionSentence
                          && event.date_end <= it->second.text.size();
            if (usable) {
                date_ids.push_back(id);
            }
        }
        std::vector<std::uint32_t> slot_ids(tables_.quiz_slots.size());
        for (std::uint32_t id = 0; id < slot_ids.size(); ++id) {
            slot_ids[id] = id;
        }
        random_.shuffle(date_ids);
        random_.shuffle(slot_ids);
        std::vector<QuizQuestion> out;
        std::size_t date_pos = 0;
        std::size_t slot_pos = 0;
        while (out.size() < n && (date_pos < date_ids.size() || slot_pos < slot_ids.size())) {
            bool want_date =
                out.size() % 2 == 0 ? date_pos < date_ids.size() : slot_pos >= slot_ids.size();
            std::optional<QuizQuestion> question;
            if (want_date) {
                question = date_question(date_ids[date_pos++]);
            } else {
                question = name_question(slot_ids[slot_pos++]);
            }
            if (question
                && used_
                       .insert(question->source.doc_id + "#"
                               + std::to_string(question->source.sentence_index))
                       .second) {
                out.push_back(std::move(*question));
            }
        }
        return out;
    }

  private:
    std::optional<QuizQuestion> date_question(std::uint32_t id);
    std::optional<QuizQuestion> name_question(std::uint32_t id);

    const Knowledge& knowledge_;
    const Knowledge::Tables& tables_;
    SplitMix64 random_;
    std::set<std::string> used_;
};

std::optional<QuizQuestion> QuizMaker::date_question(std::uint32_t id) {
    const Event& event = tables_.events[id];
    std::string answer = format_date(event.date);
    // Wrong choices: other dates of the same precision, nearest in time first.
    std::vector<std::pair<std::int64_t, std::string>> near;
    std::set<std::string> seen{answer};
    for (const Event& other : tables_.events) {
        if (other.date.precision != event.date.precision || other.end) {
            continue;
        }
        std::string text = format_date(other.date);
        if (seen.insert(text).second) {
            std::int64_t distance = other.date.sort_key() - event.date.sort_key();
            near.emplace_back(distance < 0 ? -distance : distance, std::move(text));
        }
    }
    if (near.size() < kWrongChoices) {
        return std::nullopt;
    }
    std::sort(near.begin(), near.end());
    std::vector<std::string> wrong;
    for (std::size_t k = 0; k < near.size() && k < kDistractorPool; ++k) {
        wrong.push_back(near[k].second);
    }
    const StoredSentence& sentence = tables_.sentences.at(event.sources.front());
    QuizQuestion question;
    question.kind = "date";
    question.question = "When? " + blank_out(sentence.text, event.date_begin, event.date_end);
    question.source = tables_.sentence_ref(event.sources.front());
    fill_choices(question, answer, std::move(wrong), random_);
    return question;
}

std::optional<QuizQuestion> QuizMaker::name_question(std::uint32_t id) {
    const QuizSlot& slot = tables_.quiz_slots[id];
    const Cluster& cluster = tables_.clusters[slot.cluster];
    std::vector<std::string> wrong;
    for (const Entity& other : knowledge_.entities(entity_type_name(cluster.type))) {
        if (wrong.size() >= kDistractorPool) {
            break;
        }
        if (other.name != cluster.name && other.mentions >= 2) {
            wrong.push_back(other.name);
        }
    }
    auto it = tables_.sentences.find(slot.sentence);
    if (wrong.size() < kWrongChoices || it == tables_.sentences.end()) {
        return std::nullopt;
    }
    QuizQuestion question;
    question.kind = std::string(entity_type_name(cluster.type));
    std::string_view ask = cluster.type == EntityType::Person ? "Who? " : "Where? ";
    question.question = std::string(ask) + blank_out(it->second.text, slot.begin, slot.end);
    question.source = tables_.sentence_ref(slot.sentence);
    fill_choices(question, cluster.name, std::move(wrong), random_);
    return question;
}

}  // namespace

std::vector<QuizQuestion> Knowledge::quiz(std::uint32_t n, std::uint64_t seed) const {
    return QuizMaker(*this, *tables_, seed).run(n);
}

}  // namespace iskra::extract
