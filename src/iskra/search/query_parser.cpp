#include "iskra/search/query_parser.hpp"

#include <algorithm>
#include <charconv>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "iskra/text/utf8.hpp"

namespace iskra::search {
namespace {

// Deep enough for any hand-written query, shallow enough that recursion cannot exhaust the stack.
constexpr int kMaxNestingDepth = 32;
// Slop is a position count; anything beyond this is a typo, not a useful query.
constexpr std::uint32_t kMaxSlop = 10000;
constexpr std::string_view kTitlePrefix = "title:";

enum class TokenKind : std::uint8_t {
    Word,
    Phrase,
    LParen,
    RParen,
    And,
    Or,
    Not,
    Plus,
    Minus,
    End
};

struct LexToken {
    TokenKind kind = TokenKind::End;
    std::uint32_t position = 0;
    std::string_view text;  // Word / Phrase: the unanalyzed text (without quotes or prefix)
    std::uint32_t slop = 0;
    bool title = false;
};

enum class Occur : std::uint8_t { Should, Must, MustNot };

struct Clause {
    std::uint32_t node = 0;
    Occur occur = Occur::Should;
};

/// Thrown-free error propagation: the first error wins and stops the parse.
class Parser {
  public:
    Parser(std::string_view text, text::Analyzer& analyzer) : text_(text), analyzer_(analyzer) {}

    QueryParseOutcome run();

  private:
    // Lexer.
    bool lex_all();
    bool lex_one(std::size_t& at);
    bool lex_phrase(std::size_t& at, bool title, std::uint32_t start);
    bool is_word_char(std::size_t at) const;

    // Grammar.
    std::optional<Clause> parse_or(int depth);
    std::optional<Clause> parse_and(int depth);
    std::optional<Clause> parse_unary(int depth);
    std::optional<Clause> parse_primary(int depth);
    std::optional<Clause> make_leaf(const LexToken& token);
    std::optional<Clause> make_group(std::vector<Clause>& clauses,
                                     bool conjunction,
                                     std::uint32_t position);

    const LexToken& peek() const { return tokens_[cursor_]; }
    const LexToken& take() { return tokens_[cursor_ < tokens_.size() - 1 ? cursor_++ : cursor_]; }
    bool failed() const { return error_.has_value(); }
    void fail(std::uint32_t position, std::string_view what);

    std::string_view text_;
    text::Analyzer& analyzer_;
    std::vector<LexToken> tokens_;
    std::size_t cursor_ = 0;
    std::size_t term_count_ = 0;
    Query query_;
    std::optional<QueryError> error_;
    std::vector<text::Token> analyzed_;
};

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view token_name(TokenKind kind) {
    switch (kind) {
        case TokenKind::And:
            return "AND";
        case TokenKind::Or:
            return "OR";
        case TokenKind::Not:
            return "NOT";
        case TokenKind::Plus:
            return "'+'";
        case TokenKind::Minus:
            return "'-'";
        default:
            return "operator";
    }
}

void Parser::fail(std::uint32_t position, std::string_view what) {
    if (!error_) {
        error_ = QueryError{position, fmt::format("{} at position {}", what, position)};
    }
}

bool Parser::is_word_char(std::size_t at) const {
    if (at >= text_.size()) {
        return false;
    }
    const char c = text_[at];
    return !is_space(c) && c != '(' && c != ')' && c != '"';
}

bool Parser::lex_phrase(std::size_t& at, bool title, std::uint32_t start) {
    const std::size_t open = at;
    const std::size_t close = text_.find('"', open + 1);
    if (close == std::string_view::npos) {
        fail(static_cast<std::uint32_t>(open), "unbalanced quote");
        return false;
    }
    LexToken token{TokenKind::Phrase, start, text_.substr(open + 1, close - open - 1), 0, title};
    at = close + 1;
    if (at < text_.size() && text_[at] == '~') {
        const std::size_t digits_begin = at + 1;
        std::size_t digits_end = digits_begin;
        while (digits_end < text_.size() && text_[digits_end] >= '0' && text_[digits_end] <= '9') {
            ++digits_end;
        }
        std::uint64_t slop = 0;
        const auto [ptr, ec] =
            std::from_chars(text_.data() + digits_begin, text_.data() + digits_end, slop);
        if (digits_end == digits_begin || ec != std::errc() || slop > kMaxSlop) {
            fail(static_cast<std::uint32_t>(at),
                 fmt::format("expected a slop between 0 and {} after '~'", kMaxSlop));
            return false;
        }
        token.slop = static_cast<std::uint32_t>(slop);
        at = digits_end;
    }
    if (is_word_char(at)) {
        fail(static_cast<std::uint32_t>(at), "expected a space after the closing quote");
        return false;
    }
    tokens_.push_back(token);
    return true;
}

bool Parser::lex_one(std::size_t& at) {
    const auto position = static_cast<std::uint32_t>(at);
    const char c = text_[at];
    if (c == '(' || c == ')') {
        tokens_.push_back(
            {c == '(' ? TokenKind::LParen : TokenKind::RParen, position, {}, 0, false});
        ++at;
        return true;
    }
    if (c == '"') {
        return lex_phrase(at, false, position);
    }
    if (c == '+' || c == '-') {
        if (!is_word_char(at + 1) && (at + 1 >= text_.size() || text_[at + 1] != '"')
            && (at + 1 >= text_.size() || text_[at + 1] != '(')) {
            fail(position, fmt::format("dangling operator '{}'", c));
            return false;
        }
        tokens_.push_back({c == '+' ? TokenKind::Plus : TokenKind::Minus, position, {}, 0, false});
        ++at;
        return true;
    }
    std::size_t end = at;
    while (is_word_char(end)) {
        ++end;
    }
    const std::string_view word = text_.substr(at, end - at);
    if (word.starts_with(kTitlePrefix)) {
        if (word.size() == kTitlePrefix.size()) {
            if (end < text_.size() && text_[end] == '"') {
                at = end;
                return lex_phrase(at, true, position);
            }
            fail(position, "expected a word or phrase after 'title:'");
            return false;
        }
        tokens_.push_back({TokenKind::Word, position, word.substr(kTitlePrefix.size()), 0, true});
    } else if (word == "AND" || word == "OR" || word == "NOT") {
        const TokenKind kind =
            word == "AND" ? TokenKind::And : (word == "OR" ? TokenKind::Or : TokenKind::Not);
        tokens_.push_back({kind, position, word, 0, false});
    } else {
        tokens_.push_back({TokenKind::Word, position, word, 0, false});
    }
    at = end;
    return true;
}

bool Parser::lex_all() {
    std::size_t at = 0;
    while (at < text_.size()) {
        if (is_space(text_[at])) {
            ++at;
            continue;
        }
        if (!lex_one(at)) {
            return false;
        }
    }
    tokens_.push_back({TokenKind::End, static_cast<std::uint32_t>(text_.size()), {}, 0, false});
    return true;
}

std::optional<Clause> Parser::make_leaf(const LexToken& token) {
    analyzed_.clear();
    analyzer_.analyze(token.text, analyzed_);
    if (analyzed_.empty()) {
        return std::nullopt;
    }
    term_count_ += analyzed_.size();
    if (term_count_ > kMaxQueryTerms) {
        fail(token.position, fmt::format("more than {} terms", kMaxQueryTerms));
        return std::nullopt;
    }
    QueryNode node;
    node.kind = analyzed_.size() == 1 ? QueryNode::Kind::Term : QueryNode::Kind::Phrase;
    node.field = token.title ? index::Field::Title : index::Field::All;
    node.slop = token.kind == TokenKind::Phrase ? token.slop : 0;
    node.position = token.position;
    node.terms.reserve(analyzed_.size());
    for (text::Token& analyzed : analyzed_) {
        node.terms.push_back(std::move(analyzed.term));
    }
    query_.nodes.push_back(std::move(node));
    return Clause{static_cast<std::uint32_t>(query_.nodes.size() - 1), Occur::Should};
}

std::optional<Clause> Parser::parse_primary(int depth) {
    const LexToken& token = take();
    switch (token.kind) {
        case TokenKind::Word:
        case TokenKind::Phrase:
            return make_leaf(token);
        case TokenKind::LParen: {
            if (depth >= kMaxNestingDepth) {
                fail(token.position, "parentheses nested too deeply");
                return std::nullopt;
            }
            if (peek().kind == TokenKind::RParen) {
                fail(token.position, "empty parentheses");
                return std::nullopt;
            }
            std::optional<Clause> inner = parse_or(depth + 1);
            if (failed()) {
                return std::nullopt;
            }
            if (peek().kind != TokenKind::RParen) {
                fail(token.position, "unbalanced parenthesis");
                return std::nullopt;
            }
            take();
            return inner;
        }
        case TokenKind::RParen:
            fail(token.position, "unbalanced parenthesis");
            return std::nullopt;
        case TokenKind::End:
            fail(token.position, "expected a term");
            return std::nullopt;
        default:
            fail(token.position, fmt::format("unexpected {}", token_name(token.kind)));
            return std::nullopt;
    }
}

std::optional<Clause> Parser::parse_unary(int depth) {
    const TokenKind kind = peek().kind;
    if (kind != TokenKind::Not && kind != TokenKind::Plus && kind != TokenKind::Minus) {
        return parse_primary(depth);
    }
    const LexToken& op = take();
    const TokenKind next = peek().kind;
    if (next == TokenKind::End || next == TokenKind::RParen || next == TokenKind::And
        || next == TokenKind::Or) {
        fail(op.position, fmt::format("dangling operator {}", token_name(op.kind)));
        return std::nullopt;
    }
    std::optional<Clause> inner =
        op.kind == TokenKind::Not ? parse_unary(depth) : parse_primary(depth);
    if (!inner) {
        return std::nullopt;
    }
    if (op.kind == TokenKind::Plus) {
        inner->occur = inner->occur == Occur::MustNot ? Occur::MustNot : Occur::Must;
    } else {
        inner->occur = inner->occur == Occur::MustNot ? Occur::Should : Occur::MustNot;
    }
    return inner;
}

std::optional<Clause> Parser::make_group(std::vector<Clause>& clauses,
                                         bool conjunction,
                                         std::uint32_t position) {
    if (clauses.empty()) {
        return std::nullopt;
    }
    if (clauses.size() == 1) {
        return clauses.front();
    }
    QueryNode group;
    group.kind = QueryNode::Kind::Boolean;
    group.position = position;
    for (const Clause& clause : clauses) {
        if (clause.occur == Occur::MustNot) {
            group.must_not.push_back(clause.node);
        } else if (clause.occur == Occur::Must || conjunction) {
            group.must.push_back(clause.node);
        } else {
            group.should.push_back(clause.node);
        }
    }
    if (group.must.empty() && group.should.empty()) {
        fail(position, "a query of only negations");
        return std::nullopt;
    }
    query_.nodes.push_back(std::move(group));
    return Clause{static_cast<std::uint32_t>(query_.nodes.size() - 1), Occur::Should};
}

std::optional<Clause> Parser::parse_and(int depth) {
    const std::uint32_t position = peek().position;
    std::vector<Clause> clauses;
    if (std::optional<Clause> first = parse_unary(depth)) {
        clauses.push_back(*first);
    }
    while (!failed() && peek().kind == TokenKind::And) {
        const LexToken& op = take();
        const TokenKind next = peek().kind;
        if (next == TokenKind::End || next == TokenKind::RParen || next == TokenKind::And
            || next == TokenKind::Or) {
            fail(op.position, "dangling operator AND");
            return std::nullopt;
        }
        if (std::optional<Clause> clause = parse_unary(depth)) {
            clauses.push_back(*clause);
        }
    }
    if (failed()) {
        return std::nullopt;
    }
    return make_group(clauses, true, position);
}

std::optional<Clause> Parser::parse_or(int depth) {
    const std::uint32_t position = peek().position;
    std::vector<Clause> clauses;
    while (!failed()) {
        const TokenKind kind = peek().kind;
        if (kind == TokenKind::End || kind == TokenKind::RParen) {
            break;
        }
        if (kind == TokenKind::Or || kind == TokenKind::And) {
            fail(peek().position, fmt::format("dangling operator {}", token_name(kind)));
            break;
        }
        if (std::optional<Clause> clause = parse_and(depth)) {
            clauses.push_back(*clause);
        }
        if (!failed() && peek().kind == TokenKind::Or) {
            const LexToken& op = take();
            const TokenKind next = peek().kind;
            if (next == TokenKind::End || next == TokenKind::RParen || next == TokenKind::Or
                || next == TokenKind::And) {
                fail(op.position, "dangling operator OR");
            }
        }
    }
    if (failed()) {
        return std::nullopt;
    }
    return make_group(clauses, false, position);
}

QueryParseOutcome Parser::run() {
    QueryParseOutcome outcome;
    if (text_.size() > kMaxQueryBytes) {
        fail(static_cast<std::uint32_t>(kMaxQueryBytes),
             fmt::format("query longer than {} bytes", kMaxQueryBytes));
    } else if (!text::is_valid_utf8(text_)) {
        fail(0, "query is not valid UTF-8");
    } else if (lex_all()) {
        if (tokens_.size() == 1) {
            fail(0, "empty query");
        } else {
            std::optional<Clause> root = parse_or(0);
            if (!failed() && peek().kind == TokenKind::RParen) {
                fail(peek().position, "unbalanced parenthesis");
            } else if (!failed() && !root) {
                fail(0, "query has no searchable terms");
            } else if (!failed() && root->occur == Occur::MustNot) {
                fail(0, "a query of only negations");
            } else if (!failed()) {
                query_.root = root->node;
            }
        }
    }
    if (error_) {
        outcome.error = std::move(error_);
    } else {
        outcome.query = std::move(query_);
    }
    return outcome;
}

void collect_positive(const Query& query, std::uint32_t node_idx, std::vector<QueryTerm>& out) {
    const QueryNode& node = query.nodes[node_idx];
    if (node.kind == QueryNode::Kind::Boolean) {
        for (const std::uint32_t child : node.must) {
            collect_positive(query, child, out);
        }
        for (const std::uint32_t child : node.should) {
            collect_positive(query, child, out);
        }
        return;
    }
    for (const std::string& term : node.terms) {
        QueryTerm query_term{node.field, term};
        if (std::find(out.begin(), out.end(), query_term) == out.end()) {
            out.push_back(std::move(query_term));
        }
    }
}

void append_string(const Query& query, std::uint32_t node_idx, std::string& out) {
    const QueryNode& node = query.nodes[node_idx];
    const std::string_view field = node.field == index::Field::Title ? "title:" : "";
    switch (node.kind) {
        case QueryNode::Kind::Term:
            out += fmt::format("{}{}", field, node.terms.front());
            return;
        case QueryNode::Kind::Phrase:
            out += fmt::format("{}\"{}\"", field, fmt::join(node.terms, " "));
            if (node.slop > 0) {
                out += fmt::format("~{}", node.slop);
            }
            return;
        case QueryNode::Kind::Boolean:
            break;
    }
    out += '(';
    bool first = true;
    const auto emit = [&](const std::vector<std::uint32_t>& children, std::string_view prefix) {
        for (const std::uint32_t child : children) {
            out += first ? "" : " ";
            first = false;
            out += prefix;
            append_string(query, child, out);
        }
    };
    emit(node.must, "+");
    emit(node.should, "");
    emit(node.must_not, "-");
    out += ')';
}

}  // namespace

QueryParseOutcome parse_query_detailed(std::string_view text, text::Analyzer& analyzer) {
    return Parser(text, analyzer).run();
}

Result<Query> parse_query(std::string_view text, text::Analyzer& analyzer) {
    QueryParseOutcome outcome = parse_query_detailed(text, analyzer);
    if (!outcome.ok()) {
        return outcome.error->to_status();
    }
    return std::move(outcome.query);
}

std::vector<QueryTerm> positive_terms(const Query& query) {
    std::vector<QueryTerm> out;
    if (!query.nodes.empty()) {
        collect_positive(query, query.root, out);
    }
    return out;
}

std::string to_string(const Query& query) {
    std::string out;
    if (!query.nodes.empty()) {
        append_string(query, query.root, out);
    }
    return out;
}

}  // namespace iskra::search
