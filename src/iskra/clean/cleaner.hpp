#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "iskra/clean/clean_types.hpp"
#include "iskra/clean/document_analysis.hpp"
#include "iskra/clean/fingerprint.hpp"
#include "iskra/clean/simhash_bands.hpp"
#include "iskra/status.hpp"

namespace iskra::clean {

/// Flags noise in documents at index time; nothing is removed.
///
/// Duplicates are found across the whole collection: give the Cleaner the fingerprints of the
/// documents already stored (`add_existing`, the "fp" annotations), then `clean` each new batch.
/// The first occurrence of a sentence stays primary; later near-copies are flagged duplicate.
/// Off-topic detection compares a sentence's content words with its document and the batch (the
/// collection's vocabulary is not persisted, so a batch of one document sees only itself).
///
/// Memory: about 24 bytes per distinct sentence of six words or more and 6 per sentence of four
/// or five words (see SimHashBands). A Cleaner made with a memory limit forgets its oldest
/// fingerprints to stay within it: copies of what it forgot are no longer flagged.
///
/// Usage at index time:
///     Cleaner cleaner(budget / 8);
///     for (each stored document) cleaner.add_existing(annotation "fp");
///     CleanResult r = cleaner.clean(inputs);  // copy flags/quality into the records
class Cleaner {
  public:
    /// `memory_limit_bytes`: the most its fingerprint tables may hold; 0 for no limit.
    explicit Cleaner(std::size_t memory_limit_bytes = 0);

    /// Registers a stored document's fingerprints (the blob `DocumentVerdict::fingerprints`).
    /// Fails with Corruption on a damaged blob (the document is then simply not known).
    Status add_existing(std::string_view fingerprints_blob);

    /// Cleans a batch, in order; later documents see earlier ones as existing.
    CleanResult clean(std::span<const CleanInput> docs);
    /// The same from documents already analysed (`analyze_document`, which callers may run on
    /// several threads); `clean(docs)` equals `clean_analyzed` of their analyses.
    CleanResult clean_analyzed(std::span<const DocumentAnalysis> docs);

    /// Bytes its fingerprint tables hold (the per-batch structures of `clean` not included).
    std::size_t memory_bytes() const;

  private:
    /// Returns true when `fp` nearly equals a sentence seen before; registers it otherwise.
    bool seen_before(const SentenceFingerprint& fp);
    bool document_seen_before(std::uint64_t simhash);
    void remember(const SentenceFingerprint& fp);
    /// Drops the oldest fingerprints while over the memory limit.
    void enforce_limit();

    std::size_t memory_limit_ = 0;
    /// Exact hashes of sentences too short for a near match (longer exact copies have equal
    /// SimHashes, which `bands_` finds).
    SimHashBands exact_;
    SimHashBands bands_;
    SimHashBands document_bands_;
};

}  // namespace iskra::clean
