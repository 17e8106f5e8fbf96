// Xapian 1.4 peer: glass backend, one unprefixed field (title + text) with positions, English
// Snowball stemming of every term (STEM_ALL: no unstemmed copies), no stop words, BM25 with
// Lucene's parameters (k1 = 1.2, b = 0.75). The corpus id is the document data (the only stored
// value). After indexing, the database is compacted into one tidy copy (like Lucene's forceMerge).
#include <cstdlib>

#include <xapian.h>

#include "peer_common.hpp"

namespace {

Xapian::TermGenerator make_term_generator() {
    Xapian::TermGenerator generator;
    generator.set_stemmer(Xapian::Stem("english"));
    generator.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL);
    return generator;
}

void build_index(const std::filesystem::path& corpus, const std::filesystem::path& dir) {
    auto start = std::chrono::steady_clock::now();
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    auto build_dir = dir / "build";
    // Flush every 50,000 documents instead of Xapian's default 10,000: fewer, larger batches;
    // no fsync (DB_NO_SYNC), as the other peers do not sync before their final commit either.
    setenv("XAPIAN_FLUSH_THRESHOLD", "50000", 0);
    std::uint64_t docs = 0;
    std::uint64_t text_bytes = 0;
    {
        Xapian::WritableDatabase db(
            build_dir.string(),
            Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS | Xapian::DB_NO_SYNC);
        auto generator = make_term_generator();
        text_bytes = peer::for_each_doc(corpus, [&](const peer::Doc& doc) {
            Xapian::Document document;
            generator.set_document(document);
            generator.index_text(doc.body);
            document.set_data(doc.id);
            db.add_document(document);
            ++docs;
        });
        db.commit();
    }
    Xapian::Database(build_dir.string()).compact((dir / "db").string());
    std::filesystem::remove_all(build_dir);
    peer::print_index_line(docs, text_bytes, peer::seconds_since(start), dir);
}

void run_search(const std::filesystem::path& dir,
                const std::filesystem::path& queries_path,
                int k,
                const std::filesystem::path& run_out) {
    auto queries = peer::read_queries(queries_path);
    Xapian::Database db((dir / "db").string());
    Xapian::Enquire enquire(db);
    enquire.set_weighting_scheme(Xapian::BM25Weight(1.2, 0.0, 1.0, 0.75, 0.0));
    auto generator = make_term_generator();
    auto search_fn = [&](const std::string& text, int top_k) {
        // Analyze the query exactly as documents were analyzed, then OR the distinct terms.
        Xapian::Document scratch;
        generator.set_document(scratch);
        generator.index_text_without_positions(text);
        Xapian::Query query(Xapian::Query::OP_OR, scratch.termlist_begin(), scratch.termlist_end());
        enquire.set_query(query);
        Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(top_k));
        std::vector<peer::Hit> hits;
        hits.reserve(mset.size());
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            hits.push_back({*it, it.get_weight()});
        }
        return hits;
    };
    auto resolve = [&](std::uint64_t docid) {
        return db.get_document(static_cast<Xapian::docid>(docid)).get_data();
    };
    peer::run_queries(queries, k, run_out, "xapian", search_fn, resolve);
}

template <class Fn>
void rethrowing_xapian_errors(Fn&& fn) {
    try {
        fn();
    } catch (const Xapian::Error& error) {
        throw std::runtime_error(error.get_description());
    }
}

}  // namespace

int main(int argc, char** argv) {
    peer::Peer xapian_peer{
        [](const auto& corpus, const auto& dir) {
            rethrowing_xapian_errors([&] { build_index(corpus, dir); });
        },
        [](const auto& dir, const auto& queries, int k, const auto& run_out) {
            rethrowing_xapian_errors([&] { run_search(dir, queries, k, run_out); });
        }};
    return peer::peer_main(argc, argv, xapian_peer);
}
