// SQLite FTS5 peer: one contentless FTS5 column (title + text) with the `porter unicode61`
// tokenizer (Porter stemming, no stop words), full detail (positions). Contentless means no copy
// of the text is stored; the corpus ids live in a small side table `ids(rowid, id)`. Queries are
// an OR of the query's distinct words, ranked by FTS5's built-in bm25() (k1 = 1.2, b = 0.75).
// FTS5 has no top-k pruning: every matching row is scored before LIMIT applies.
#include <sqlite3.h>

#include "peer_common.hpp"

namespace {

class Db {
  public:
    explicit Db(const std::filesystem::path& path) {
        if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK) {
            throw std::runtime_error("cannot open " + path.string());
        }
    }
    ~Db() { sqlite3_close(db_); }
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;

    void exec(const char* sql) {
        char* message = nullptr;
        if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) != SQLITE_OK) {
            std::string text = message != nullptr ? message : "?";
            sqlite3_free(message);
            throw std::runtime_error(std::string(sql) + ": " + text);
        }
    }
    sqlite3_stmt* prepare(const char* sql) {
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(db_, sql, -1, &statement, nullptr) != SQLITE_OK) {
            throw std::runtime_error(std::string(sql) + ": " + sqlite3_errmsg(db_));
        }
        return statement;
    }
    void step_done(sqlite3_stmt* statement) {
        if (sqlite3_step(statement) != SQLITE_DONE) {
            throw std::runtime_error(sqlite3_errmsg(db_));
        }
        sqlite3_reset(statement);
    }

  private:
    sqlite3* db_ = nullptr;
};

void build_index(const std::filesystem::path& corpus, const std::filesystem::path& dir) {
    auto start = std::chrono::steady_clock::now();
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    std::uint64_t docs = 0;
    std::uint64_t text_bytes = 0;
    {
        Db db(dir / "fts5.db");
        db.exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;");
        db.exec(
            "CREATE VIRTUAL TABLE docs USING fts5(body, content='', "
            "tokenize='porter unicode61');"
            "CREATE TABLE ids(rowid INTEGER PRIMARY KEY, id TEXT);");
        db.exec("BEGIN");
        sqlite3_stmt* insert_doc = db.prepare("INSERT INTO docs(rowid, body) VALUES(?, ?)");
        sqlite3_stmt* insert_id = db.prepare("INSERT INTO ids(rowid, id) VALUES(?, ?)");
        text_bytes = peer::for_each_doc(corpus, [&](const peer::Doc& doc) {
            auto rowid = static_cast<sqlite3_int64>(++docs);
            sqlite3_bind_int64(insert_doc, 1, rowid);
            sqlite3_bind_text(
                insert_doc, 2, doc.body.data(), static_cast<int>(doc.body.size()), SQLITE_STATIC);
            db.step_done(insert_doc);
            sqlite3_bind_int64(insert_id, 1, rowid);
            sqlite3_bind_text(
                insert_id, 2, doc.id.data(), static_cast<int>(doc.id.size()), SQLITE_STATIC);
            db.step_done(insert_id);
        });
        sqlite3_finalize(insert_doc);
        sqlite3_finalize(insert_id);
        db.exec("COMMIT");
        // Merge all b-tree segments into one, the FTS5 counterpart of Lucene's forceMerge(1).
        db.exec("INSERT INTO docs(docs) VALUES('optimize')");
    }
    peer::print_index_line(docs, text_bytes, peer::seconds_since(start), dir);
}

std::string fts5_or_query(const std::string& text) {
    std::string query;
    for (const auto& word : peer::split_words(text)) {
        if (!query.empty()) {
            query += " OR ";
        }
        query += '"' + word + '"';  // split_words keeps no '"', so no escaping is needed
    }
    return query;
}

void run_search(const std::filesystem::path& dir,
                const std::filesystem::path& queries_path,
                int k,
                const std::filesystem::path& run_out) {
    auto queries = peer::read_queries(queries_path);
    Db db(dir / "fts5.db");
    db.exec("PRAGMA cache_size=-262144;");
    std::vector<std::string> ids{""};  // rowids start at 1
    sqlite3_stmt* select_ids = db.prepare("SELECT id FROM ids ORDER BY rowid");
    while (sqlite3_step(select_ids) == SQLITE_ROW) {
        ids.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(select_ids, 0)));
    }
    sqlite3_finalize(select_ids);
    sqlite3_stmt* select = db.prepare(
        "SELECT rowid, -bm25(docs) FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT ?");
    auto search_fn = [&](const std::string& text, int top_k) {
        std::vector<peer::Hit> hits;
        std::string query = fts5_or_query(text);
        if (query.empty()) {
            return hits;
        }
        sqlite3_bind_text(select, 1, query.data(), static_cast<int>(query.size()), SQLITE_STATIC);
        sqlite3_bind_int(select, 2, top_k);
        while (sqlite3_step(select) == SQLITE_ROW) {
            hits.push_back({static_cast<std::uint64_t>(sqlite3_column_int64(select, 0)),
                            sqlite3_column_double(select, 1)});
        }
        sqlite3_reset(select);
        return hits;
    };
    auto resolve = [&](std::uint64_t rowid) {
        return ids.at(rowid);
    };
    peer::run_queries(queries, k, run_out, "fts5", search_fn, resolve);
    sqlite3_finalize(select);
}

}  // namespace

int main(int argc, char** argv) {
    return peer::peer_main(argc, argv, peer::Peer{build_index, run_search});
}
