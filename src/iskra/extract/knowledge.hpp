#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "iskra/extract/document_facts.hpp"
#include "iskra/status.hpp"
#include "iskra/text/sentence_splitter.hpp"
#include "iskra/types.hpp"

namespace iskra::extract {

/// One document as the collection stage sees it.
///
/// `text`, `sentences` and `sentence_flags` are views: they must stay valid during
/// Knowledge::build only; Knowledge copies what it keeps.
struct DocumentInput {
    std::string doc_id;
    std::string title;
    std::string source_path;
    std::string_view text;
    std::span<const text::SentenceSpan> sentences;
    /// One per sentence (or empty): nonzero marks noise or duplicate sentences, which give no
    /// events.
    std::span<const std::uint8_t> sentence_flags;
    DocumentFacts facts;
};

/// A known name found in a text by Knowledge::mentions_in.
struct ClusterMention {
    std::uint32_t cluster = 0;
    EntityType type = EntityType::Unknown;
    std::uint32_t begin = 0;  ///< byte span in the searched text
    std::uint32_t end = 0;
};

/// What a whole collection tells: entities with their alias clusters, the timeline of dated
/// events (merged across sources, conflicts kept), offices, and quiz questions.
///
/// Built once from every document's facts and text (Knowledge::build, roughly linear in the
/// collection's size), then read by any number of threads (every query method is const).
class MentionMemo;

class Knowledge {
  public:
    Knowledge();
    ~Knowledge();
    Knowledge(Knowledge&&) noexcept;
    Knowledge& operator=(Knowledge&&) noexcept;
    Knowledge(const Knowledge&) = delete;
    Knowledge& operator=(const Knowledge&) = delete;

    /// Clusters names, learns names for lower-case documents, builds events and offices.
    static Knowledge build(std::span<const DocumentInput> documents);

    /// Events ordered by Gregorian date, filtered by `request` (years, entity via its cluster).
    std::vector<TimelineEvent> timeline(const TimelineRequest& request) const;

    /// Entities of a type ("person", "place", "organization", "other"; empty: all), most
    /// mentioned first.
    std::vector<Entity> entities(std::string_view type = {}) const;

    /// Everything known about the entity named `name` (any alias); nullopt when unknown.
    std::optional<EntityDetail> entity(std::string_view name) const;

    /// The cluster id of `name` (any alias, any case or diacritics); nullopt when unknown.
    std::optional<std::uint32_t> resolve(std::string_view name) const;

    /// The canonical name of `name`'s cluster; empty when unknown.
    std::string canonical_name(std::string_view name) const;

    /// Summary of one cluster. REQUIRES: cluster < cluster_count().
    Entity cluster_entity(std::uint32_t cluster) const;
    std::uint32_t cluster_count() const;

    /// Known names in `text` (any case), longest match first, left to right.
    std::vector<ClusterMention> mentions_in(std::string_view text) const;

    /// Up to `n` multiple-choice questions (dates, people, places) with wrong choices of the same
    /// type from the collection, never on a disputed fact. The same seed gives the same quiz.
    std::vector<QuizQuestion> quiz(std::uint32_t n, std::uint64_t seed) const;

    /// The tables in a checksummed binary form (layout in knowledge_codec.cpp), so that a later
    /// process opening the same snapshot need not rebuild them.
    std::string serialize() const;
    /// Reads what serialize() wrote: Corruption when damaged, truncated or of another version.
    static Result<Knowledge> deserialize(std::string_view bytes);

    struct Tables;  ///< internal; see knowledge_tables.hpp

  private:
    std::unique_ptr<Tables> tables_;
    std::unique_ptr<MentionMemo> memo_;  // mentions_in() of recent texts
};

}  // namespace iskra::extract
