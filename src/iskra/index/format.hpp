#pragma once

#include <cstdint>
#include <string_view>

namespace iskra::index {

/// The on-disk format version every file's footer carries (docs/FORMAT.md). Bump it on any
/// change of a file layout; readers refuse other versions with Unsupported.
inline constexpr std::uint32_t kFormatVersion = 5;

/// Names of the files of a segment directory `seg_<n>/`.
inline constexpr std::string_view kPostingsDocFile = "postings.doc";
inline constexpr std::string_view kPostingsPosFile = "postings.pos";
inline constexpr std::string_view kTermsFile = "terms.dict";
inline constexpr std::string_view kNormsFile = "norms";
inline constexpr std::string_view kSentencesFile = "sentences";
inline constexpr std::string_view kDocStoreFile = "docs.store";
inline constexpr std::string_view kIdsFile = "ids";
inline constexpr std::string_view kSegmentInfoFile = "segment.info";

inline constexpr std::string_view kSegmentFiles[] = {kPostingsDocFile,
                                                     kPostingsPosFile,
                                                     kTermsFile,
                                                     kNormsFile,
                                                     kSentencesFile,
                                                     kDocStoreFile,
                                                     kIdsFile,
                                                     kSegmentInfoFile};

/// Collection-level names.
inline constexpr std::string_view kManifestFile = "MANIFEST";
inline constexpr std::string_view kLockFile = "LOCK";

}  // namespace iskra::index
