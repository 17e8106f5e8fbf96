#include "iskra/ingest/html_reader.hpp"

#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include <gumbo.h>

#include "iskra/ingest/text_builder.hpp"
#include "iskra/text/utf8.hpp"

namespace iskra::ingest {

namespace {

bool is_dropped(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_SCRIPT:
        case GUMBO_TAG_STYLE:
        case GUMBO_TAG_NOSCRIPT:
        case GUMBO_TAG_TEMPLATE:
        case GUMBO_TAG_HEAD:
        case GUMBO_TAG_SVG:
        case GUMBO_TAG_MATH:
        case GUMBO_TAG_IFRAME:
        case GUMBO_TAG_OBJECT:
        case GUMBO_TAG_EMBED:
        case GUMBO_TAG_CANVAS:
        case GUMBO_TAG_SELECT:
        case GUMBO_TAG_BUTTON:
        case GUMBO_TAG_TEXTAREA:
            return true;
        default:
            return false;
    }
}

bool is_block(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_P:
        case GUMBO_TAG_DIV:
        case GUMBO_TAG_H1:
        case GUMBO_TAG_H2:
        case GUMBO_TAG_H3:
        case GUMBO_TAG_H4:
        case GUMBO_TAG_H5:
        case GUMBO_TAG_H6:
        case GUMBO_TAG_LI:
        case GUMBO_TAG_UL:
        case GUMBO_TAG_OL:
        case GUMBO_TAG_DL:
        case GUMBO_TAG_DT:
        case GUMBO_TAG_DD:
        case GUMBO_TAG_TABLE:
        case GUMBO_TAG_TR:
        case GUMBO_TAG_TD:
        case GUMBO_TAG_TH:
        case GUMBO_TAG_CAPTION:
        case GUMBO_TAG_SECTION:
        case GUMBO_TAG_ARTICLE:
        case GUMBO_TAG_ASIDE:
        case GUMBO_TAG_HEADER:
        case GUMBO_TAG_FOOTER:
        case GUMBO_TAG_NAV:
        case GUMBO_TAG_MAIN:
        case GUMBO_TAG_BLOCKQUOTE:
        case GUMBO_TAG_PRE:
        case GUMBO_TAG_FIGURE:
        case GUMBO_TAG_FIGCAPTION:
        case GUMBO_TAG_ADDRESS:
        case GUMBO_TAG_HR:
        case GUMBO_TAG_FORM:
        case GUMBO_TAG_FIELDSET:
        case GUMBO_TAG_LEGEND:
        case GUMBO_TAG_DETAILS:
        case GUMBO_TAG_SUMMARY:
        case GUMBO_TAG_BODY:
        case GUMBO_TAG_CENTER:
            return true;
        default:
            return false;
    }
}

struct GumboOutputDeleter {
    void operator()(GumboOutput* output) const {
        gumbo_destroy_output(&kGumboDefaultOptions, output);
    }
};

// Concatenated text of the text nodes under `node` (for <title> and <h1>).
std::string text_content(const GumboNode* root) {
    std::string out;
    std::vector<const GumboNode*> stack{root};
    while (!stack.empty()) {
        const GumboNode* node = stack.back();
        stack.pop_back();
        if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE
            || node->type == GUMBO_NODE_CDATA) {
            out += node->v.text.text;
        } else if (node->type == GUMBO_NODE_ELEMENT) {
            const GumboVector& children = node->v.element.children;
            for (unsigned i = children.length; i > 0; --i) {
                stack.push_back(static_cast<const GumboNode*>(children.data[i - 1]));
            }
        }
    }
    return out;
}

// Walks the tree without recursion (pages nest thousands deep), appending visible text.
class HtmlTextExtractor {
  public:
    HtmlTextExtractor(std::string_view source, TextBuilder& builder)
        : source_(source), builder_(builder) {}

    void run(const GumboNode* root) {
        // Each entry is a node to enter, or (leave == true) an element whose end to mark.
        struct Step {
            const GumboNode* node;
            bool leave;
        };
        std::vector<Step> stack{{root, false}};
        while (!stack.empty()) {
            const Step step = stack.back();
            stack.pop_back();
            if (step.leave) {
                leave(step.node);
                continue;
            }
            if (!enter(step.node)) {
                continue;
            }
            stack.push_back({step.node, true});
            const GumboVector& children = step.node->v.element.children;
            for (unsigned i = children.length; i > 0; --i) {
                stack.push_back({static_cast<const GumboNode*>(children.data[i - 1]), false});
            }
        }
    }

    const GumboNode* first_h1() const { return first_h1_; }

  private:
    // Returns true for an element whose children are to be visited.
    bool enter(const GumboNode* node) {
        switch (node->type) {
            case GUMBO_NODE_TEXT:
            case GUMBO_NODE_WHITESPACE:
            case GUMBO_NODE_CDATA:
                add_text(node->v.text);
                return false;
            case GUMBO_NODE_ELEMENT:
                break;
            case GUMBO_NODE_DOCUMENT:
            case GUMBO_NODE_TEMPLATE:
            case GUMBO_NODE_COMMENT:
                return false;
        }
        const GumboTag tag = node->v.element.tag;
        if (is_dropped(tag)) {
            return false;
        }
        if (tag == GUMBO_TAG_BR) {
            builder_.line_break();
        } else if (is_block(tag)) {
            builder_.paragraph_break();
        }
        if (tag == GUMBO_TAG_H1 && first_h1_ == nullptr) {
            first_h1_ = node;
        }
        if (tag == GUMBO_TAG_PRE) {
            ++pre_depth_;
        }
        return true;
    }

    void leave(const GumboNode* node) {
        if (node->type != GUMBO_NODE_ELEMENT) {
            return;
        }
        const GumboTag tag = node->v.element.tag;
        if (is_block(tag)) {
            builder_.paragraph_break();
        }
        if (tag == GUMBO_TAG_PRE) {
            --pre_depth_;
        }
    }

    void add_text(const GumboText& text) {
        const std::string_view decoded(text.text);
        const GumboStringPiece& original = text.original_text;
        const std::uint64_t begin = text.start_pos.offset;
        const bool in_source = original.data != nullptr && begin <= source_.size()
                               && original.length <= source_.size() - begin;
        if (!in_source) {
            return;
        }
        const std::uint64_t end = begin + original.length;
        builder_.set_collapse_whitespace(pre_depth_ == 0);
        if (decoded.size() == original.length
            && std::memcmp(decoded.data(), original.data, original.length) == 0) {
            builder_.append_exact(source_.substr(begin, original.length), begin);
        } else {
            builder_.append_mapped(decoded, begin, end);  // entities decoded or bytes replaced
        }
    }

    std::string_view source_;
    TextBuilder& builder_;
    const GumboNode* first_h1_ = nullptr;
    int pre_depth_ = 0;
};

}  // namespace

Result<Document> read_html(std::string_view bytes, const SourceInfo& source) {
    Document doc = new_document(source, Format::Html, bytes);
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;  // we never read the parse errors; don't collect them
    std::unique_ptr<GumboOutput, GumboOutputDeleter> output(
        gumbo_parse_with_options(&options, bytes.data(), bytes.size()));
    if (output == nullptr) {
        return Status::internal("gumbo could not parse " + source.source_path);
    }
    TextBuilder builder(/*collapse_whitespace=*/true);
    HtmlTextExtractor extractor(bytes, builder);
    extractor.run(output->root);
    builder.finish(doc);
    // gumbo replaces ill-formed UTF-8 itself; count what it replaced for the report.
    if (!text::is_valid_utf8(bytes)) {
        doc.invalid_utf8_replaced = text::repair_utf8(bytes).replaced_count;
    }
    std::string title;
    const GumboVector& head_children = output->root->v.element.children;
    for (unsigned i = 0; i < head_children.length && title.empty(); ++i) {
        const auto* child = static_cast<const GumboNode*>(head_children.data[i]);
        if (child->type == GUMBO_NODE_ELEMENT && child->v.element.tag == GUMBO_TAG_HEAD) {
            const GumboVector& in_head = child->v.element.children;
            for (unsigned j = 0; j < in_head.length && title.empty(); ++j) {
                const auto* node = static_cast<const GumboNode*>(in_head.data[j]);
                if (node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == GUMBO_TAG_TITLE) {
                    title = collapse_spaces(text_content(node));
                }
            }
        }
    }
    if (title.empty() && extractor.first_h1() != nullptr) {
        title = collapse_spaces(text_content(extractor.first_h1()));
    }
    doc.title = title.empty() ? source.file_name : limit_title(std::move(title));
    return doc;
}

}  // namespace iskra::ingest
