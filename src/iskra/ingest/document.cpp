#include "iskra/ingest/document.hpp"

#include <algorithm>

namespace iskra::ingest {

const char* format_name(Format format) {
    switch (format) {
        case Format::Text:
            return "text";
        case Format::Markdown:
            return "markdown";
        case Format::Html:
            return "html";
        case Format::Pdf:
            return "pdf";
        case Format::JsonLines:
            return "jsonl";
    }
    return "unknown";
}

namespace {

bool is_exact(const OffsetRun& run) {
    return run.source_end - run.source_begin == run.text_end - run.text_begin;
}

// The last run starting at or before `text_pos`, or the first run when none does.
std::vector<OffsetRun>::const_iterator run_at(const std::vector<OffsetRun>& runs,
                                              std::uint32_t text_pos) {
    auto it = std::upper_bound(
        runs.begin(), runs.end(), text_pos, [](std::uint32_t pos, const OffsetRun& run) {
            return pos < run.text_begin;
        });
    return it == runs.begin() ? it : std::prev(it);
}

}  // namespace

// Within a run whose text and source have the same length (text copied as it is), positions map
// byte for byte; within a run that was rewritten (entities decoded, whitespace collapsed,
// ill-formed bytes replaced) only the run's ends are known, so the range widens to them.
std::pair<std::uint64_t, std::uint64_t> source_range(const Document& doc,
                                                     std::uint32_t text_begin,
                                                     std::uint32_t text_end) {
    if (doc.offsets.empty()) {
        return {0, 0};
    }
    std::uint64_t begin;
    const auto first = run_at(doc.offsets, text_begin);
    if (text_begin < first->text_begin) {
        begin = first->source_begin;
    } else if (text_begin >= first->text_end) {
        begin = first->source_end;  // in a separator after the run
    } else {
        begin = is_exact(*first) ? first->source_begin + (text_begin - first->text_begin)
                                 : first->source_begin;
    }
    std::uint64_t end;
    const auto last = run_at(doc.offsets, text_end > 0 ? text_end - 1 : 0);
    if (text_end <= last->text_begin) {
        end = last->source_begin;
    } else if (text_end >= last->text_end) {
        end = last->source_end;
    } else {
        end =
            is_exact(*last) ? last->source_begin + (text_end - last->text_begin) : last->source_end;
    }
    return {begin, std::max(begin, end)};
}

}  // namespace iskra::ingest
