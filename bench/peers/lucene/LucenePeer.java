// Apache Lucene 8.8 peer (Debian's liblucene8-java). Same CLI and output lines as the C++ peers
// (see ../peer_common.hpp):
//     java LucenePeer index CORPUS.jsonl INDEX_DIR
//     java LucenePeer search INDEX_DIR QUERIES.tsv K RUN_OUT
// One field "body" (title + newline + text) with positions and norms, analyzed by EnglishAnalyzer
// with an empty stop set (standard tokenizer, possessive filter, lower case, Porter stemmer; stop
// words are kept as in the other peers and iskra). The corpus id is a stored field, the only
// stored value. One indexing thread, 256 MB RAM buffer, forceMerge(1) at the end. Queries: OR of
// the query's distinct analyzed terms, BM25Similarity (k1 = 1.2, b = 0.75), top-k via
// IndexSearcher.search(query, k) (block-max WAND once 1,000 hits are counted). The JIT is warmed
// by repeated untimed passes over the queries before the timed pass.
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.FSDirectory;

public final class LucenePeer {
    private static final int MIN_WARMUP_QUERIES = 20000;
    private static final long MAX_WARMUP_NANOS = 30_000_000_000L;

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("index")) {
            index(Paths.get(args[1]), Paths.get(args[2]));
        } else if (args.length == 5 && args[0].equals("search")) {
            search(Paths.get(args[1]), Paths.get(args[2]), Integer.parseInt(args[3]),
                    Paths.get(args[4]));
        } else {
            System.err.println("usage: LucenePeer index CORPUS.jsonl INDEX_DIR\n"
                    + "       LucenePeer search INDEX_DIR QUERIES.tsv K RUN_OUT");
            System.exit(2);
        }
    }

    static Analyzer analyzer() {
        return new EnglishAnalyzer(CharArraySet.EMPTY_SET);
    }

    static void index(Path corpus, Path dir) throws IOException {
        long start = System.nanoTime();
        deleteRecursively(dir);
        IndexWriterConfig config = new IndexWriterConfig(analyzer());
        config.setSimilarity(new BM25Similarity());
        config.setRAMBufferSizeMB(256);
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
        long docs = 0;
        long textBytes = 0;
        try (FSDirectory directory = FSDirectory.open(dir);
                IndexWriter writer = new IndexWriter(directory, config);
                BufferedReader in = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
            Document document = new Document();
            StoredField idField = new StoredField("id", "");
            Field bodyField = new TextField("body", "", Field.Store.NO);
            document.add(idField);
            document.add(bodyField);
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    continue;
                }
                String[] fields = JsonLine.parse(line);
                textBytes += utf8Length(fields[1]) + utf8Length(fields[2]);
                idField.setStringValue(fields[0]);
                bodyField.setStringValue(fields[1] + "\n" + fields[2]);
                writer.addDocument(document);
                ++docs;
            }
            writer.forceMerge(1);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("index docs=%d text_bytes=%d seconds=%.3f docs_per_s=%.1f "
                        + "mb_per_s=%.3f index_bytes=%d peak_rss_kb=%d%n",
                docs, textBytes, seconds, docs / seconds, textBytes / 1e6 / seconds,
                dirSize(dir), peakRssKb());
    }

    static Query parseQuery(Analyzer analyzer, String text) throws IOException {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = analyzer.tokenStream("body", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        }
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        for (String term : terms) {
            builder.add(new TermQuery(new Term("body", term)), BooleanClause.Occur.SHOULD);
        }
        return builder.build();
    }

    static void search(Path dir, Path queriesPath, int k, Path runOut) throws IOException {
        BooleanQuery.setMaxClauseCount(1 << 16);
        List<String[]> queries = readQueries(queriesPath);
        Analyzer analyzer = analyzer();
        try (FSDirectory directory = FSDirectory.open(dir);
                DirectoryReader reader = DirectoryReader.open(directory)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            searcher.setSimilarity(new BM25Similarity());
            long warmupStart = System.nanoTime();
            long warmupQueries = 0;
            int passes = 0;
            while (passes < 3 || (warmupQueries < MIN_WARMUP_QUERIES
                    && System.nanoTime() - warmupStart < MAX_WARMUP_NANOS)) {
                for (String[] query : queries) {
                    searcher.search(parseQuery(analyzer, query[1]), k);
                    ++warmupQueries;
                }
                ++passes;
                if (queries.isEmpty()) {
                    break;
                }
            }
            double[] latencies = new double[queries.size()];
            TopDocs[] results = new TopDocs[queries.size()];
            for (int i = 0; i < queries.size(); ++i) {
                long start = System.nanoTime();
                results[i] = searcher.search(parseQuery(analyzer, queries.get(i)[1]), k);
                latencies[i] = (System.nanoTime() - start) / 1e3;
            }
            try (PrintWriter run = new PrintWriter(
                         Files.newBufferedWriter(runOut, StandardCharsets.UTF_8))) {
                for (int i = 0; i < queries.size(); ++i) {
                    int rank = 1;
                    for (ScoreDoc hit : results[i].scoreDocs) {
                        String id = searcher.doc(hit.doc).get("id");
                        run.printf("%s Q0 %s %d %.6f lucene%n", queries.get(i)[0], id, rank++,
                                hit.score);
                    }
                }
            }
            double sum = 0;
            for (double latency : latencies) {
                sum += latency;
            }
            Arrays.sort(latencies);
            System.out.printf("latency_us mean=%.1f p50=%.1f p99=%.1f queries=%d warmup_queries=%d%n",
                    latencies.length == 0 ? 0 : sum / latencies.length,
                    percentile(latencies, 0.50), percentile(latencies, 0.99), latencies.length,
                    warmupQueries);
        }
    }

    static List<String[]> readQueries(Path path) throws IOException {
        List<String[]> queries = new ArrayList<>();
        for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
            if (line.isEmpty()) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab < 0) {
                queries.add(new String[] {Integer.toString(queries.size() + 1), line});
            } else {
                queries.add(new String[] {line.substring(0, tab), line.substring(tab + 1)});
            }
        }
        return queries;
    }

    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1];
    }

    static long utf8Length(String s) {
        long bytes = 0;
        for (int i = 0; i < s.length(); ++i) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                ++i;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    static long peakRssKb() throws IOException {
        for (String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    static long dirSize(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        }
    }

    /** Minimal JSON reader for one corpus line: returns {id, title, text}; skips other keys. */
    static final class JsonLine {
        private final String s;
        private int pos;

        private JsonLine(String s) {
            this.s = s;
        }

        static String[] parse(String line) {
            JsonLine json = new JsonLine(line);
            String[] out = {"", "", ""};
            json.expect('{');
            json.skipSpace();
            if (json.peek() == '}') {
                return out;
            }
            while (true) {
                String key = json.string();
                json.expect(':');
                json.skipSpace();
                int slot = key.equals("id") ? 0 : key.equals("title") ? 1 : key.equals("text") ? 2 : -1;
                if (slot >= 0 && json.peek() == '"') {
                    out[slot] = json.string();
                } else {
                    int begin = json.pos;
                    json.skipValue();
                    if (slot >= 0) {
                        out[slot] = line.substring(begin, json.pos).trim();
                    }
                }
                json.skipSpace();
                if (json.peek() == ',') {
                    ++json.pos;
                    continue;
                }
                json.expect('}');
                return out;
            }
        }

        private char peek() {
            if (pos >= s.length()) {
                throw new IllegalArgumentException("truncated JSON line");
            }
            return s.charAt(pos);
        }

        private void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                ++pos;
            }
        }

        private void expect(char c) {
            skipSpace();
            if (peek() != c) {
                throw new IllegalArgumentException("expected '" + c + "' at " + pos);
            }
            ++pos;
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = s.charAt(pos++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = s.charAt(pos++);
                switch (e) {
                    case 'n': out.append('\n'); break;
                    case 't': out.append('\t'); break;
                    case 'r': out.append('\r'); break;
                    case 'b': out.append('\b'); break;
                    case 'f': out.append('\f'); break;
                    case 'u':
                        out.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                        pos += 4;
                        break;
                    default: out.append(e);
                }
            }
        }

        private void skipValue() {
            skipSpace();
            char c = peek();
            if (c == '"') {
                string();
            } else if (c == '{' || c == '[') {
                char close = c == '{' ? '}' : ']';
                ++pos;
                skipSpace();
                if (peek() == close) {
                    ++pos;
                    return;
                }
                while (true) {
                    if (close == '}') {
                        string();
                        expect(':');
                    }
                    skipValue();
                    skipSpace();
                    if (peek() == ',') {
                        ++pos;
                        continue;
                    }
                    expect(close);
                    return;
                }
            } else {
                while (pos < s.length() && ",}] \t".indexOf(s.charAt(pos)) < 0) {
                    ++pos;
                }
            }
        }
    }
}
