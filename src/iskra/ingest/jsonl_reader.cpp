#include "iskra/ingest/jsonl_reader.hpp"

#include <string>

#include <simdjson.h>

#include "iskra/ingest/line_reader.hpp"
#include "iskra/ingest/text_builder.hpp"
#include "iskra/text/utf8.hpp"
#include "iskra/util/checksum.hpp"

namespace iskra::ingest {

namespace {

bool is_blank(std::string_view line) {
    return line.find_first_not_of(" \t\r\f\v") == std::string_view::npos;
}

std::string line_error(std::uint64_t line_number, std::string_view what) {
    return "line " + std::to_string(line_number) + ": " + std::string(what);
}

struct Fields {
    std::string id;
    std::string title;
    std::string text;
    std::string_view raw_text;  // the JSON string token of "text", quotes included
    bool has_text = false;
};

}  // namespace

struct JsonlRecordParser::Impl {
    simdjson::ondemand::parser parser;
    std::string padded;

    // Reads the fields we know from the object in `padded`; the error names what was wrong.
    simdjson::error_code read_fields(std::size_t size, Fields& fields) {
        simdjson::ondemand::document json;
        auto error =
            parser.iterate(simdjson::padded_string_view(padded.data(), size, padded.size()))
                .get(json);
        simdjson::ondemand::object object;
        if (error || (error = json.get_object().get(object))) {
            return error;
        }
        for (auto field : object) {
            std::string_view key;
            simdjson::ondemand::value value;
            if ((error = field.unescaped_key().get(key)) || (error = field.value().get(value))) {
                return error;
            }
            if (key == "id" || key == "title" || key == "text") {
                if ((error = read_known(key, value, fields))) {
                    return error;
                }
            }
        }
        return simdjson::SUCCESS;
    }

    static simdjson::error_code read_known(std::string_view key,
                                           simdjson::ondemand::value& value,
                                           Fields& fields) {
        simdjson::ondemand::json_type type;
        if (auto error = value.type().get(type)) {
            return error;
        }
        if (key == "id" && (type == simdjson::ondemand::json_type::number)) {
            fields.id = std::string(value.raw_json_token());
            while (!fields.id.empty() && fields.id.back() == ' ') {
                fields.id.pop_back();
            }
            return simdjson::SUCCESS;
        }
        if (type != simdjson::ondemand::json_type::string) {
            return type == simdjson::ondemand::json_type::null ? simdjson::SUCCESS
                                                               : simdjson::INCORRECT_TYPE;
        }
        const std::string_view raw = value.raw_json_token();
        std::string_view decoded;
        if (auto error = value.get_string().get(decoded)) {
            return error;
        }
        if (key == "id") {
            fields.id = decoded;
        } else if (key == "title") {
            fields.title = decoded;
        } else {
            fields.text = decoded;
            fields.raw_text = raw;
            fields.has_text = true;
        }
        return simdjson::SUCCESS;
    }
};

JsonlRecordParser::JsonlRecordParser() : impl_(std::make_unique<Impl>()) {}
JsonlRecordParser::~JsonlRecordParser() = default;

Result<Document> JsonlRecordParser::parse(std::string_view line,
                                          std::uint64_t line_number,
                                          std::uint64_t line_offset,
                                          const SourceInfo& source) {
    // simdjson rejects ill-formed UTF-8: parse a repaired copy, and map the text to the whole
    // line since the repair shifted the bytes.
    const bool valid = text::is_valid_utf8(line);
    std::size_t replaced = 0;
    if (valid) {
        impl_->padded.assign(line);
    } else {
        text::Utf8Repair repaired = text::repair_utf8(line);
        impl_->padded = std::move(repaired.text);
        replaced = repaired.replaced_count;
    }
    const std::size_t json_size = impl_->padded.size();
    impl_->padded.resize(json_size + simdjson::SIMDJSON_PADDING, '\0');
    Fields fields;
    if (const auto error = impl_->read_fields(json_size, fields)) {
        return Status::invalid_argument(line_error(line_number, simdjson::error_message(error)));
    }
    if (!fields.has_text) {
        return Status::invalid_argument(line_error(line_number, "no \"text\" string"));
    }
    SourceInfo record_source = source;
    record_source.id =
        fields.id.empty() ? source.id + "#" + std::to_string(line_number) : fields.id;
    Document doc = new_document(record_source, Format::JsonLines, line);
    TextBuilder builder(/*collapse_whitespace=*/false);
    // raw_text points into `padded`, a copy of the line: the same offset within the line.
    const std::uint64_t raw_begin =
        line_offset + static_cast<std::uint64_t>(fields.raw_text.data() - impl_->padded.data());
    // Trailing spaces after the closing quote belong to the token in simdjson's view.
    std::string_view raw = fields.raw_text;
    while (!raw.empty() && raw.back() != '"') {
        raw.remove_suffix(1);
    }
    if (!valid) {
        builder.append_mapped(fields.text, line_offset, line_offset + line.size());
    } else if (raw.size() >= 2 && raw.size() - 2 == fields.text.size()
               && raw.substr(1, fields.text.size()) == fields.text) {
        builder.append_exact(fields.text, raw_begin + 1);
    } else {
        builder.append_mapped(fields.text, raw_begin, raw_begin + raw.size());
    }
    builder.finish(doc);
    doc.invalid_utf8_replaced += replaced;
    doc.title =
        limit_title(fields.title.empty() ? record_source.id : collapse_spaces(fields.title));
    return doc;
}

namespace {

// Parses one line and routes the result; only the sink's error stops the caller.
Status handle_line(JsonlRecordParser& parser,
                   std::string_view line,
                   std::uint64_t line_number,
                   std::uint64_t line_offset,
                   const SourceInfo& source,
                   const DocumentSink& on_document,
                   const SkipSink& on_skip) {
    if (is_blank(line)) {
        return Status::ok_status();
    }
    auto doc = parser.parse(line, line_number, line_offset, source);
    if (!doc.ok()) {
        on_skip(Skipped{source.source_path, doc.status().with_context(source.source_path)});
        return Status::ok_status();
    }
    return on_document(doc.take());
}

}  // namespace

Status read_jsonl(std::string_view bytes,
                  const SourceInfo& source,
                  const DocumentSink& on_document,
                  const SkipSink& on_skip) {
    JsonlRecordParser parser;
    std::uint64_t line_number = 0;
    std::size_t pos = 0;
    while (pos < bytes.size()) {
        std::size_t end = bytes.find('\n', pos);
        if (end == std::string_view::npos) {
            end = bytes.size();
        }
        std::string_view line = bytes.substr(pos, end - pos);
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        ISKRA_TRY(handle_line(parser, line, ++line_number, pos, source, on_document, on_skip));
        pos = end + 1;
    }
    return Status::ok_status();
}

Status read_jsonl_file(util::File& file,
                       const SourceInfo& source,
                       const ReadOptions& options,
                       const DocumentSink& on_document,
                       const SkipSink& on_skip) {
    JsonlRecordParser parser;
    LineReader reader(file, static_cast<std::size_t>(options.max_structured_file_bytes));
    LineReader::Line line;
    while (true) {
        auto more = reader.next(line);
        if (!more.ok()) {
            return more.status().with_context(source.source_path);
        }
        if (!*more) {
            return Status::ok_status();
        }
        if (line.too_long) {
            on_skip(Skipped{
                source.source_path,
                Status::resource_exhausted(
                    source.source_path + ": "
                    + line_error(line.number,
                                 std::to_string(line.length) + "-byte line is over the limit"))});
            continue;
        }
        ISKRA_TRY(handle_line(
            parser, line.bytes, line.number, line.offset, source, on_document, on_skip));
    }
}

}  // namespace iskra::ingest
