// Offices stated in the documents, attached to the clusters of their holders.

#include <algorithm>

#include "iskra/extract/knowledge_tables.hpp"

namespace iskra::extract {

namespace {

std::string person_name(const Knowledge::Tables& tables, const std::string& raw) {
    if (raw.empty()) {
        return {};
    }
    std::uint32_t form = tables.find_form(form_key(raw));
    if (form != kNoId && tables.form_cluster[form] != kNoId) {
        return tables.clusters[tables.form_cluster[form]].name;
    }
    std::string out = raw;
    bool start = true;
    for (char& c : out) {
        if (start && c >= 'a' && c <= 'z') {
            c = static_cast<char>(c - 32);
        }
        start = c == ' ';
    }
    return out;
}

}  // namespace

void build_offices(Knowledge::Tables& tables,
                   std::span<const DocumentInput> documents,
                   const std::vector<RawMention>& mentions) {
    // The subject of each document: its most mentioned person.
    std::vector<std::unordered_map<std::uint32_t, std::uint32_t>> counts(documents.size());
    for (const auto& mention : mentions) {
        std::uint32_t cluster = tables.form_cluster[mention.form];
        if (tables.clusters[cluster].type == EntityType::Person) {
            ++counts[mention.doc][cluster];
        }
    }
    for (std::uint32_t doc = 0; doc < documents.size(); ++doc) {
        std::uint32_t best_count = 0;
        for (const auto& [cluster, count] : counts[doc]) {
            if (count > best_count || (count == best_count && cluster < tables.docs[doc].subject)) {
                tables.docs[doc].subject = cluster;
                best_count = count;
            }
        }
    }
    for (std::uint32_t doc = 0; doc < documents.size(); ++doc) {
        for (const auto& statement : documents[doc].facts.offices) {
            std::uint32_t holder = tables.docs[doc].subject;
            if (!statement.holder.empty()) {
                std::uint32_t form = tables.find_form(form_key(statement.holder));
                holder = form == kNoId ? kNoId : tables.form_cluster[form];
            }
            if (holder == kNoId) {
                continue;
            }
            auto& offices = tables.clusters[holder].offices;
            bool known = std::any_of(offices.begin(), offices.end(), [&](const Office& o) {
                return o.title == statement.title;
            });
            if (known) {
                continue;
            }
            tables.keep_sentence(doc, statement.sentence, documents[doc]);
            Office office;
            office.title = statement.title;
            office.from = statement.from ? statement.from->iso() : std::string();
            office.to = statement.to ? statement.to->iso() : std::string();
            office.preceded_by = person_name(tables, statement.preceded_by);
            office.succeeded_by = person_name(tables, statement.succeeded_by);
            office.source = tables.sentence_ref(sentence_key(doc, statement.sentence));
            offices.push_back(std::move(office));
        }
    }
}

}  // namespace iskra::extract
