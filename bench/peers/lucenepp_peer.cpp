// Lucene++ 3.0 peer (Debian's liblucene++-dev): a C++ port of Lucene 3.0, so TF-IDF ranking
// (DefaultSimilarity), not BM25. One field "body" (title + newline + text) with positions and
// norms, SnowballAnalyzer("english") without stop words (standard tokenizer, lower case, Snowball
// English stemmer). The corpus id is a stored, unindexed field. One indexing thread, 256 MB RAM
// buffer, optimize() (merge to one segment) at the end. Queries: OR of the query's distinct terms.
#include <set>

#include <lucene++/LuceneHeaders.h>
#include <lucene++/SnowballAnalyzer.h>
#include <lucene++/TermAttribute.h>

#include "peer_common.hpp"

namespace {

using namespace Lucene;  // NOLINT(google-build-using-namespace): Lucene++ names are designed for it

AnalyzerPtr make_analyzer() {
    return newLucene<SnowballAnalyzer>(
        LuceneVersion::LUCENE_CURRENT, L"english", HashSet<String>::newInstance());
}

void build_index(const std::filesystem::path& corpus, const std::filesystem::path& dir) {
    auto start = std::chrono::steady_clock::now();
    std::filesystem::remove_all(dir);
    std::uint64_t docs = 0;
    std::uint64_t text_bytes = 0;
    {
        IndexWriterPtr writer =
            newLucene<IndexWriter>(FSDirectory::open(StringUtils::toUnicode(dir.string())),
                                   make_analyzer(),
                                   true,
                                   IndexWriter::MaxFieldLengthUNLIMITED);
        writer->setRAMBufferSizeMB(256);
        writer->setUseCompoundFile(false);
        text_bytes = peer::for_each_doc(corpus, [&](const peer::Doc& doc) {
            DocumentPtr document = newLucene<Document>();
            document->add(newLucene<Field>(
                L"id", StringUtils::toUnicode(doc.id), Field::STORE_YES, Field::INDEX_NO));
            document->add(newLucene<Field>(
                L"body", StringUtils::toUnicode(doc.body), Field::STORE_NO, Field::INDEX_ANALYZED));
            writer->addDocument(document);
            ++docs;
        });
        writer->optimize();
        writer->close();
    }
    peer::print_index_line(docs, text_bytes, peer::seconds_since(start), dir);
}

QueryPtr parse_query(const AnalyzerPtr& analyzer, const std::string& text) {
    TokenStreamPtr stream =
        analyzer->tokenStream(L"body", newLucene<StringReader>(StringUtils::toUnicode(text)));
    TermAttributePtr term = stream->addAttribute<TermAttribute>();
    std::vector<String> terms;
    while (stream->incrementToken()) {
        String value = term->term();
        if (std::find(terms.begin(), terms.end(), value) == terms.end()) {
            terms.push_back(value);
        }
    }
    BooleanQueryPtr query = newLucene<BooleanQuery>();
    for (const auto& value : terms) {
        query->add(newLucene<TermQuery>(newLucene<Term>(L"body", value)), BooleanClause::SHOULD);
    }
    return query;
}

void run_search(const std::filesystem::path& dir,
                const std::filesystem::path& queries_path,
                int k,
                const std::filesystem::path& run_out) {
    BooleanQuery::setMaxClauseCount(1 << 16);
    auto queries = peer::read_queries(queries_path);
    IndexReaderPtr reader =
        IndexReader::open(FSDirectory::open(StringUtils::toUnicode(dir.string())), true);
    SearcherPtr searcher = newLucene<IndexSearcher>(reader);
    AnalyzerPtr analyzer = make_analyzer();
    auto search_fn = [&](const std::string& text, int top_k) {
        TopDocsPtr top = searcher->search(parse_query(analyzer, text), top_k);
        std::vector<peer::Hit> hits;
        for (const auto& score_doc : top->scoreDocs) {
            hits.push_back({static_cast<std::uint64_t>(score_doc->doc), score_doc->score});
        }
        return hits;
    };
    auto resolve = [&](std::uint64_t doc) {
        return StringUtils::toUTF8(searcher->doc(static_cast<int32_t>(doc))->get(L"id"));
    };
    peer::run_queries(queries, k, run_out, "lucenepp", search_fn, resolve);
}

template <class Fn>
void rethrowing_lucene_errors(Fn&& fn) {
    try {
        fn();
    } catch (const LuceneException& error) {
        throw std::runtime_error(StringUtils::toUTF8(error.getError()));
    }
}

}  // namespace

int main(int argc, char** argv) {
    peer::Peer lucenepp_peer{
        [](const auto& corpus, const auto& dir) {
            rethrowing_lucene_errors([&] { build_index(corpus, dir); });
        },
        [](const auto& dir, const auto& queries, int k, const auto& run_out) {
            rethrowing_lucene_errors([&] { run_search(dir, queries, k, run_out); });
        }};
    return peer::peer_main(argc, argv, lucenepp_peer);
}
