#include "iskra/extract/knowledge.hpp"

#include <algorithm>
#include <unordered_map>

#include "iskra/extract/knowledge_tables.hpp"
#include "iskra/extract/mention_memo.hpp"

namespace iskra::extract {

namespace {

constexpr std::size_t kMaxRelated = 10;
constexpr std::size_t kMaxSamples = 3;
constexpr std::size_t kMaxQuizSlotsPerCluster = 3;
constexpr std::size_t kMaxClustersPerSentence = 16;

// Co-occurrence counts, sample sentences and quiz blanks, in one pass over the mentions.
void link_mentions(Knowledge::Tables& tables,
                   std::span<const DocumentInput> documents,
                   const std::vector<RawMention>& mentions) {
    std::vector<std::unordered_map<std::uint32_t, std::uint32_t>> related(tables.clusters.size());
    std::vector<std::uint32_t> in_sentence;
    std::vector<std::uint32_t> slots(tables.clusters.size(), 0);
    std::size_t idx = 0;
    while (idx < mentions.size()) {
        std::size_t end = idx;
        in_sentence.clear();
        while (end < mentions.size() && mentions[end].doc == mentions[idx].doc
               && mentions[end].sentence == mentions[idx].sentence) {
            const RawMention& m = mentions[end];
            std::uint32_t cluster = tables.form_cluster[m.form];
            if (std::find(in_sentence.begin(), in_sentence.end(), cluster) == in_sentence.end()
                && in_sentence.size() < kMaxClustersPerSentence) {
                in_sentence.push_back(cluster);
            }
            const DocumentInput& input = documents[m.doc];
            Cluster& c = tables.clusters[cluster];
            std::uint64_t key = sentence_key(m.doc, m.sentence);
            if (c.samples.size() < kMaxSamples && !input.facts.lower_case
                && std::find(c.samples.begin(), c.samples.end(), key) == c.samples.end()) {
                c.samples.push_back(key);
                tables.keep_sentence(m.doc, m.sentence, input);
            }
            const auto& span = input.sentences[m.sentence];
            std::uint32_t length = span.end - span.begin;
            bool quizzable = (c.type == EntityType::Person || c.type == EntityType::Place)
                             && !input.facts.lower_case && length >= 40 && length <= 300
                             && slots[cluster] < kMaxQuizSlotsPerCluster;
            if (quizzable) {
                ++slots[cluster];
                tables.keep_sentence(m.doc, m.sentence, input);
                tables.quiz_slots.push_back(
                    QuizSlot{cluster, key, m.begin - span.begin, m.end - span.begin});
            }
            ++end;
        }
        for (std::uint32_t a : in_sentence) {
            for (std::uint32_t b : in_sentence) {
                if (a != b) {
                    ++related[a][b];
                }
            }
        }
        idx = end;
    }
    for (std::uint32_t cluster = 0; cluster < tables.clusters.size(); ++cluster) {
        auto& out = tables.clusters[cluster].related;
        out.assign(related[cluster].begin(), related[cluster].end());
        std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
            return std::tie(b.second, a.first) < std::tie(a.second, b.first);
        });
        if (out.size() > kMaxRelated) {
            out.resize(kMaxRelated);
        }
    }
}

bool year_in(const Event& event, const TimelineRequest& request) {
    std::int32_t last = event.end ? event.end->year : event.date.year;
    if (event.date.precision == DatePrecision::Decade) {
        last = event.date.year + 9;
    }
    if (request.from_year && last < *request.from_year) {
        return false;
    }
    return !(request.to_year && event.date.year > *request.to_year);
}

}  // namespace

namespace {
// Sentences whose names are remembered: the retrieved sentences of many questions.
constexpr std::size_t kRememberedTexts = 8192;
}  // namespace

Knowledge::Knowledge()
    : tables_(std::make_unique<Tables>()), memo_(std::make_unique<MentionMemo>(kRememberedTexts)) {}
Knowledge::~Knowledge() = default;
Knowledge::Knowledge(Knowledge&&) noexcept = default;
Knowledge& Knowledge::operator=(Knowledge&&) noexcept = default;

Knowledge Knowledge::build(std::span<const DocumentInput> documents) {
    Knowledge knowledge;
    Tables& tables = *knowledge.tables_;
    tables.docs.reserve(documents.size());
    for (const auto& input : documents) {
        tables.docs.push_back(DocInfo{input.doc_id,
                                      input.title,
                                      input.source_path,
                                      input.facts.lower_case,
                                      kNoId,
                                      document_date(input),
                                      title_date(input.title).has_value()});
    }
    auto mentions = build_clusters(tables, documents);
    link_mentions(tables, documents, mentions);
    build_events(tables, documents, mentions);
    build_lifespans(tables, documents, mentions);
    mark_story_events(tables);
    build_offices(tables, documents, mentions);
    return knowledge;
}

std::vector<TimelineEvent> Knowledge::timeline(const TimelineRequest& request) const {
    const Tables& tables = *tables_;
    std::optional<std::uint32_t> cluster;
    if (!request.entity.empty()) {
        cluster = resolve(request.entity);
        if (!cluster) {
            return {};
        }
    }
    std::vector<TimelineEvent> out;
    for (const Event& event : tables.events) {
        if (out.size() >= request.limit) {
            break;
        }
        if (!year_in(event, request) || (!request.all && !cluster && !event.story)) {
            continue;
        }
        if (cluster
            && std::find(event.clusters.begin(), event.clusters.end(), *cluster)
                   == event.clusters.end()) {
            continue;
        }
        // A person takes part in the events of their life: a sentence naming them among dates
        // outside it ("Marx wrote in 1850 what Tolstoy later called...") is not their event.
        if (cluster && tables.clusters[*cluster].lifespan) {
            auto [birth, death] = *tables.clusters[*cluster].lifespan;
            if (event.date.year < birth || event.date.year > death) {
                continue;
            }
        }
        TimelineEvent item;
        item.date = event.date.to_date(event.date_text);
        if (event.end) {
            item.date.precision = "range";
            item.date.iso = event.date.iso() + "/" + event.end->iso();
            item.end_date = event.end->to_date(event.date_text);
        }
        for (std::uint64_t source : event.sources) {
            item.sources.push_back(tables.sentence_ref(source));
        }
        // The summary: the shortest cased source sentence of a readable length.
        std::size_t best = 0;
        for (std::size_t k = 0; k < item.sources.size(); ++k) {
            auto score = [&](std::size_t i) {
                const auto& text = item.sources[i].text;
                bool lower =
                    tables.docs[static_cast<std::uint32_t>(event.sources[i] >> 32)].lower_case;
                bool readable = text.size() >= 30 && text.size() <= 400;
                return std::make_tuple(
                    !lower, readable, -static_cast<long>(text.size() > 400 ? text.size() : 0));
            };
            if (score(k) > score(best)) {
                best = k;
            }
        }
        item.summary = item.sources.empty() ? std::string() : item.sources[best].text;
        for (std::uint32_t c : event.clusters) {
            if (tables.clusters[c].type != EntityType::Unknown) {
                item.entities.push_back(tables.clusters[c].name);
            }
        }
        for (const DateValue& conflict : event.conflicts) {
            item.conflicting_dates.push_back(conflict.to_date(conflict.iso()));
        }
        out.push_back(std::move(item));
    }
    return out;
}

Entity Knowledge::cluster_entity(std::uint32_t cluster) const {
    const Cluster& c = tables_->clusters[cluster];
    Entity entity;
    entity.name = c.name;
    entity.type = std::string(entity_type_name(c.type));
    entity.aliases = c.aliases;
    entity.mentions = c.mentions;
    entity.documents = c.docs;
    return entity;
}

std::uint32_t Knowledge::cluster_count() const {
    return static_cast<std::uint32_t>(tables_->clusters.size());
}

std::vector<Entity> Knowledge::entities(std::string_view type) const {
    std::vector<std::uint32_t> ids;
    for (std::uint32_t id = 0; id < tables_->clusters.size(); ++id) {
        if (type.empty() || entity_type_name(tables_->clusters[id].type) == type) {
            ids.push_back(id);
        }
    }
    std::sort(ids.begin(), ids.end(), [this](std::uint32_t a, std::uint32_t b) {
        const Cluster& ca = tables_->clusters[a];
        const Cluster& cb = tables_->clusters[b];
        return std::tie(cb.mentions, ca.name) < std::tie(ca.mentions, cb.name);
    });
    std::vector<Entity> out;
    out.reserve(ids.size());
    for (std::uint32_t id : ids) {
        out.push_back(cluster_entity(id));
    }
    return out;
}

std::optional<EntityDetail> Knowledge::entity(std::string_view name) const {
    auto cluster = resolve(name);
    if (!cluster) {
        return std::nullopt;
    }
    const Cluster& c = tables_->clusters[*cluster];
    EntityDetail detail;
    detail.entity = cluster_entity(*cluster);
    detail.offices = c.offices;
    TimelineRequest request;
    request.entity = std::string(name);
    detail.events = timeline(request);
    for (const auto& [other, count] : c.related) {
        detail.related.emplace_back(tables_->clusters[other].name, count);
    }
    for (std::uint64_t key : c.samples) {
        detail.mentions.push_back(tables_->sentence_ref(key));
    }
    return detail;
}

std::optional<std::uint32_t> Knowledge::resolve(std::string_view name) const {
    std::uint32_t form = tables_->find_form(form_key(name));
    if (form == kNoId || tables_->form_cluster[form] == kNoId) {
        return std::nullopt;
    }
    return tables_->form_cluster[form];
}

std::string Knowledge::canonical_name(std::string_view name) const {
    auto cluster = resolve(name);
    return cluster ? tables_->clusters[*cluster].name : std::string();
}

std::vector<ClusterMention> Knowledge::mentions_in(std::string_view text) const {
    if (memo_) {
        if (auto remembered = memo_->find(text)) {
            return std::move(*remembered);
        }
    }
    std::vector<ClusterMention> out;
    for (const auto& m : match_forms(*tables_, text, false)) {
        std::uint32_t cluster = tables_->form_cluster[m.form];
        if (cluster == kNoId) {
            continue;
        }
        out.push_back(ClusterMention{cluster, tables_->clusters[cluster].type, m.begin, m.end});
    }
    if (memo_) {
        memo_->insert(text, out);
    }
    return out;
}

}  // namespace iskra::extract
