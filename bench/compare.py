#!/usr/bin/env python3
"""iskra against peer engines, one run, one corpus, one query file, one table (python3 stdlib).

    python3 bench/compare.py --corpus debian-prose|cranfield|cacm|cisi|FILE.jsonl
                             [--engines iskra,lucene,xapian,fts5,lucenepp] [--queries FILE|NAME]
                             [--qrels FILE] [-k 10] [--max-queries N] [--skip-index]

For each engine, one after the other (never two at once): builds the index (timed wall clock
around the whole command, peak RSS of the process from wait4), then runs the query file (each
program warms up, then times every query itself and prints `latency_us mean= p50= p99=`), writes a
TREC run file. Prints one Markdown table: documents/s, MB/s (title + text bytes), index size as %
of the text, peak RSS while indexing, query mean/p50/p99, overlap@10 and RBO@10 against the
reference engine (iskra when it runs), then iskra/peer ratios. With qrels (classic collections) it
also runs each engine at --quality-k (default 1000) and prints nDCG@10, MAP and P@10.

Engines: iskra (the `iskra` CLI: `iskra index DIR FILE.jsonl`, `iskra search DIR --queries FILE
-k N --run OUT`), lucene (bench/peers/lucene_peer.sh), xapian, fts5, lucenepp (C++ programs built
from bench/CMakeLists.txt into --build-dir, built on demand). Work files: bench/work/<corpus>/.
"""
import argparse
import datetime
import json
import os
import platform
import re
import shlex
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(HERE, "corpora"))
import query_logs  # noqa: E402  (bench/corpora/query_logs.py)
import ir_quality  # noqa: E402  (bench/ir_quality.py)

EVAL = os.environ.get("ISKRA_EVAL_DIR", "/work/shared/eval")
CLASSIC = ("cranfield", "cacm", "cisi")
CPP_PEERS = {"xapian": "xapian_peer", "fts5": "fts5_peer", "lucenepp": "lucenepp_peer"}
STORED = {
    "iskra": "iskra's own store (text, sentences, extraction tables)",
    "lucene": "id (stored field); body indexed with positions + norms",
    "xapian": "id (document data); positions; compacted glass DB",
    "fts5": "ids table; contentless FTS5 (no text), detail=full",
    "lucenepp": "id (stored field); body with positions + norms",
}
PRIORITY_PREFIX = {"fifo": ["chrt", "-f", "10"], "nice": ["nice", "-n", "-20"], "none": []}
LATENCY_RE = re.compile(r"latency_us\s+mean=([\d.]+)\s+p50=([\d.]+)\s+p99=([\d.]+)")


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--engines", default="iskra,lucene,xapian,fts5")
    parser.add_argument("--queries", help="TSV/JSONL/text file, or trec-tb05|trec-mq|msmarco")
    parser.add_argument("--qrels")
    parser.add_argument("-k", type=int, default=10)
    parser.add_argument("--quality-k", type=int, default=1000)
    parser.add_argument("--max-queries", type=int, default=0, help="use the first N queries")
    parser.add_argument("--build-dir", default=os.path.join(ROOT, "build-bench"))
    parser.add_argument("--iskra-bin", help="default: BUILD_DIR/iskra")
    parser.add_argument("--work", help="default: bench/work/<corpus name>")
    parser.add_argument("--skip-index", action="store_true", help="reuse the indexes of a run")
    parser.add_argument("--sample", type=int, default=1,
                        help="index every N-th document only (a smaller, same-mix corpus)")
    parser.add_argument("--raw-queries", action="store_true",
                        help="pass query text unchanged (default: bag of words, see plain_query)")
    parser.add_argument("--priority", choices=["fifo", "nice", "none"],
                        default="fifo" if os.geteuid() == 0 else "none",
                        help="scheduling of every engine's query passes: fifo = chrt -f 10 "
                             "(default as root; on a machine shared with other jobs no timed query "
                             "waits for a core), nice = nice -n -20, none")
    parser.add_argument("--rebuild", action="store_true",
                        help="run cmake --build for iskra and the C++ peers even if they exist")
    return parser.parse_args(argv)


def resolve_inputs(args):
    """Returns (name, corpus path, queries source, qrels path or None)."""
    if args.corpus == "debian-prose":
        base = os.path.join(HERE, "data", "debian-prose")
        corpus, queries, qrels = os.path.join(base, "corpus.jsonl"), os.path.join(
            base, "queries.tsv"), None
        if not os.path.exists(corpus):
            sys.exit(f"{corpus} missing: run bench/corpora/debian_prose.sh first")
    elif args.corpus in CLASSIC:
        base = os.path.join(EVAL, args.corpus)
        corpus, queries = os.path.join(base, "corpus.jsonl"), os.path.join(base, "queries.jsonl")
        qrels = os.path.join(base, "qrels.tsv")
    else:
        corpus, queries, qrels = args.corpus, None, None
    name = args.corpus if args.corpus in CLASSIC + ("debian-prose",) else os.path.splitext(
        os.path.basename(args.corpus))[0]
    if args.queries:
        queries = args.queries
        log = {"trec-tb05": "trec-tb05-efficiency-queries", "trec-mq": "trec-mq-queries",
               "msmarco": "msmarco-passage-dev-small"}.get(args.queries)
        if log:
            queries = os.path.join(EVAL, log, "queries.jsonl")
        qrels = None
    if args.qrels:
        qrels = args.qrels
    if not queries:
        sys.exit("--queries is required for a corpus given as a file")
    return name, corpus, queries, qrels


def plain_query(text):
    """The query as a bag of words every engine reads the same way: punctuation (iskra's query
    syntax: quotes, +, -, parentheses, colons) becomes a space except apostrophes inside words,
    and the text is lower-cased so AND/OR/NOT are words, not operators. The peers' analyzers
    drop punctuation and lower-case anyway, so this changes only what iskra's parser sees."""
    text = re.sub(r"[^\w\s']", " ", text)
    text = re.sub(r"(?<!\w)'|'(?!\w)", " ", text)
    return " ".join(text.lower().split())


def write_queries(src, dst, raw, max_queries):
    """Writes the benchmark's query file (id<TAB>text); returns the number of queries."""
    query_logs.to_tsv(src, dst)
    with open(dst, encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t", 1) for line in f]
    if max_queries:
        rows = rows[:max_queries]
    if not raw:
        rows = [(qid, plain_query(text)) for qid, text in rows]
    rows = [(qid, text) for qid, text in rows if text]
    with open(dst, "w", encoding="utf-8") as f:
        f.writelines(f"{qid}\t{text}\n" for qid, text in rows)
    return len(rows)


def sample_corpus(corpus, every, work):
    """Writes every `every`-th line of the corpus (lines 1, 1 + every, ...) to the work dir."""
    sampled = os.path.join(work, "corpus.jsonl")
    if not os.path.exists(sampled) or os.path.getmtime(sampled) < os.path.getmtime(corpus):
        with open(corpus, "rb") as src, open(sampled + ".tmp", "wb") as dst:
            for line_no, line in enumerate(src):
                if line_no % every == 0:
                    dst.write(line)
        os.replace(sampled + ".tmp", sampled)
    return sampled


def corpus_stats(corpus, work):
    """Documents and title + text UTF-8 bytes, cached beside the work files."""
    stat = os.stat(corpus)
    cache = os.path.join(work, "corpus_stats.json")
    key = f"{os.path.abspath(corpus)}:{stat.st_size}:{stat.st_mtime_ns}"
    if os.path.exists(cache):
        with open(cache) as f:
            cached = json.load(f)
        if cached.get("key") == key:
            return cached["docs"], cached["text_bytes"]
    docs = text_bytes = 0
    with open(corpus, encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                record = json.loads(line)
                docs += 1
                text_bytes += len(str(record.get("title", "")).encode()) + len(
                    str(record.get("text", "")).encode())
    with open(cache, "w") as f:
        json.dump({"key": key, "docs": docs, "text_bytes": text_bytes}, f)
    return docs, text_bytes


def engine_command(engine, args):
    if engine == "iskra":
        return [args.iskra_bin or os.path.join(args.build_dir, "iskra")]
    if engine == "lucene":
        return [os.path.join(HERE, "peers", "lucene_peer.sh")]
    return [os.path.join(args.build_dir, "bench", CPP_PEERS[engine])]


def prepare_engine(engine, args):
    """Builds what the engine needs; returns an error string or None."""
    if engine == "lucene":
        done = subprocess.run(engine_command(engine, args) + ["build"], capture_output=True,
                              text=True)
        return None if done.returncode == 0 else "javac failed: " + done.stderr[-500:]
    if engine in CPP_PEERS:
        target = CPP_PEERS[engine]
    elif engine == "iskra":
        if args.iskra_bin:
            return None if os.path.exists(args.iskra_bin) else f"{args.iskra_bin} missing"
        target = "iskra"
    else:
        return f"unknown engine {engine}"
    if os.path.exists(engine_command(engine, args)[0]) and not args.rebuild:
        return None
    done = subprocess.run(["cmake", "--build", args.build_dir, "-j2", "--target", target],
                          capture_output=True, text=True)
    if done.returncode != 0:
        return f"building {target} failed: " + (done.stdout + done.stderr)[-800:]
    return None


def run_measured(command, log_path):
    """Runs a command; returns (exit code, wall seconds, peak RSS KiB, output text)."""
    start = time.monotonic()
    with open(log_path, "w") as log:
        log.write("$ " + shlex.join(command) + "\n")
        log.flush()
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
    wall = time.monotonic() - start
    with open(log_path, errors="replace") as log:
        output = log.read()
    return process.returncode, wall, usage.ru_maxrss, output


def dir_size(path):
    total = 0
    for dirpath, _, files in os.walk(path):
        for name in files:
            full = os.path.join(dirpath, name)
            if not os.path.islink(full):
                total += os.path.getsize(full)
    return total


def index_engine(engine, args, corpus, work):
    index_dir = os.path.join(work, engine, "index")
    stats_path = os.path.join(work, engine, "index_stats.json")
    if args.skip_index and os.path.exists(stats_path):
        with open(stats_path) as f:
            return json.load(f)
    os.makedirs(os.path.join(work, engine), exist_ok=True)
    subprocess.run(["rm", "-rf", index_dir], check=True)
    command = engine_command(engine, args) + ["index", index_dir, corpus] if engine == "iskra" \
        else engine_command(engine, args) + ["index", corpus, index_dir]
    code, wall, rss_kb, output = run_measured(command, os.path.join(work, engine, "index.log"))
    stats = {"ok": code == 0, "seconds": wall, "rss_kb": rss_kb,
             "index_bytes": dir_size(index_dir) if code == 0 else 0,
             "command": shlex.join(command), "tail": output[-600:]}
    with open(stats_path, "w") as f:
        json.dump(stats, f)
    return stats


def search_engine(engine, args, queries_tsv, k, work, label):
    index_dir = os.path.join(work, engine, "index")
    run_path = os.path.join(work, engine, f"{label}.run")
    if engine == "iskra":
        command = engine_command(engine, args) + ["search", index_dir, "--queries", queries_tsv,
                                                  "-k", str(k), "--run", run_path]
    else:
        command = engine_command(engine, args) + ["search", index_dir, queries_tsv, str(k),
                                                  run_path]
    command = PRIORITY_PREFIX[args.priority] + command
    code, wall, rss_kb, output = run_measured(command, os.path.join(work, engine, label + ".log"))
    match = LATENCY_RE.search(output)
    result = {"ok": code == 0 and match is not None, "run": run_path, "wall": wall,
              "rss_kb": rss_kb, "command": shlex.join(command), "tail": output[-600:]}
    if match:
        result.update(mean=float(match[1]), p50=float(match[2]), p99=float(match[3]))
    return result


def overlap_and_rbo(run_a, run_b, depth=10, p=0.9):
    """Mean overlap@depth (|A ∩ B| / max(|A|, |B|)) and normalized truncated RBO over queries
    either run answered."""
    overlaps, rbos = [], []
    for qid in set(run_a) | set(run_b):
        a, b = run_a.get(qid, [])[:depth], run_b.get(qid, [])[:depth]
        if not a and not b:
            continue
        overlaps.append(len(set(a) & set(b)) / max(len(a), len(b)))
        score = sum((1 - p) * p ** (d - 1) * len(set(a[:d]) & set(b[:d])) / d
                    for d in range(1, depth + 1))
        rbos.append(score / (1 - p ** depth))
    if not overlaps:
        return None, None
    return sum(overlaps) / len(overlaps), sum(rbos) / len(rbos)


def fmt(value, digits=0):
    if value is None:
        return "–"
    return f"{value:,.{digits}f}"


def ratio(a, b):
    return None if a is None or b in (None, 0) else a / b


def machine_line():
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    mem_gib = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{cpu}, {os.cpu_count()} cores, {mem_gib:.0f} GiB, {platform.platform()}"


def print_report(args, name, corpus, queries_tsv, qrels, docs, text_bytes, engines, results):
    sys.stderr.flush()
    text_mb = text_bytes / 1e6
    reference = "iskra" if "iskra" in engines else engines[0]
    ref_run = results[reference].get("run_docs") if reference in results else None
    print(f"\n## {name}: {docs:,} documents, {text_mb:,.1f} MB of title + text, "
          f"{results['_queries']:,} queries, top-{args.k}")
    print(f"\n{datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC; {machine_line()}; load average "
          f"{os.getloadavg()[0]:.1f} at the end; query passes scheduled: {args.priority}")
    print(f"corpus {corpus}; queries {queries_tsv}")
    print(f"command: python3 bench/compare.py {shlex.join(sys.argv[1:])}\n")
    head = ["engine", "docs/s", "MB/s", "index MB", "% of text", "peak RSS MB",
            "q mean µs", "q p50 µs", "q p99 µs", "queries with hits", f"overlap@10 vs {reference}",
            f"RBO@10 vs {reference}"]
    second = "lucene" if reference != "lucene" and "lucene" in engines else None
    if second:
        head.append("overlap@10 vs lucene")
    if qrels:
        head += ["nDCG@10", f"MAP@{args.quality_k}", "P@10"]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for engine in engines:
        r = results[engine]
        ix, q = r["index"], r.get("search", {})
        row = [engine]
        if ix.get("ok"):
            row += [fmt(docs / ix["seconds"]), fmt(text_mb / ix["seconds"], 2),
                    fmt(ix["index_bytes"] / 1e6, 1), fmt(100 * ix["index_bytes"] / text_bytes, 1),
                    fmt(ix["rss_kb"] / 1024)]
        else:
            row += ["FAILED"] + ["–"] * 4
        if q.get("ok"):
            row += [fmt(q["mean"]), fmt(q["p50"]), fmt(q["p99"])]
        else:
            row += ["FAILED" if ix.get("ok") else "–"] + ["–"] * 2
        answered = r.get("run_docs")
        row.append(f"{len(answered):,}" if answered is not None else "–")
        overlap = rbo = None
        if engine != reference and ref_run is not None and r.get("run_docs") is not None:
            overlap, rbo = overlap_and_rbo(ref_run, r["run_docs"])
        row += [fmt(overlap, 3) if engine != reference else "(ref)",
                fmt(rbo, 3) if engine != reference else "(ref)"]
        if second:
            lucene_run = results["lucene"].get("run_docs")
            other = overlap_and_rbo(lucene_run, r["run_docs"])[0] if engine != second and \
                lucene_run is not None and r.get("run_docs") is not None else None
            row.append(fmt(other, 3) if engine != second else "(ref)")
        if qrels:
            quality = r.get("quality")
            row += [fmt(quality["ndcg@10"], 4), fmt(quality["map"], 4),
                    fmt(quality["p@10"], 4)] if quality else ["–"] * 3
        print("| " + " | ".join(row) + " |")
    print("\nStored per engine: " + "; ".join(f"{e}: {STORED.get(e, '?')}" for e in engines))
    if "iskra" in engines and len(engines) > 1:
        print_ratios(engines, results, text_bytes)
    for engine in engines:
        for part in ("index", "search"):
            r = results[engine].get(part, {})
            if r and not r.get("ok"):
                print(f"\n{engine} {part} failed: `{r.get('command')}`\n```\n{r.get('tail')}\n```")


def print_ratios(engines, results, text_bytes):
    iskra = results["iskra"]
    print("\niskra / peer (MB/s: higher is better for iskra; size, RSS, latency: lower is better)\n")
    print("| peer | MB/s | index size | peak RSS | q mean | q p50 | q p99 |")
    print("|---|---|---|---|---|---|---|")
    ix_i, q_i = iskra["index"], iskra.get("search", {})
    for engine in engines:
        if engine == "iskra":
            continue
        ix_p, q_p = results[engine]["index"], results[engine].get("search", {})
        ok = ix_i.get("ok") and ix_p.get("ok")
        cells = [
            ratio(1 / ix_i["seconds"], 1 / ix_p["seconds"]) if ok else None,
            ratio(ix_i.get("index_bytes"), ix_p.get("index_bytes")) if ok else None,
            ratio(ix_i.get("rss_kb"), ix_p.get("rss_kb")) if ok else None,
        ]
        for key in ("mean", "p50", "p99"):
            cells.append(ratio(q_i.get(key), q_p.get(key)))
        print(f"| {engine} | " + " | ".join(fmt(c, 2) for c in cells) + " |")
    targets = []
    lucene, xapian = results.get("lucene"), results.get("xapian")
    if lucene and q_i.get("ok") and lucene.get("search", {}).get("ok"):
        for key in ("mean", "p99"):
            speedup = lucene["search"][key] / q_i[key]
            targets.append(f"{key} latency Lucene/iskra {speedup:.2f}× "
                           f"({'PASS' if speedup >= 2 else 'MISS'}, target ≥ 2×)")
    if xapian and q_i.get("ok") and xapian.get("search", {}).get("ok"):
        for key in ("mean", "p99"):
            speedup = xapian["search"][key] / q_i[key]
            targets.append(f"{key} latency Xapian/iskra {speedup:.2f}× "
                           f"({'PASS' if speedup >= 5 else 'MISS'}, target ≥ 5×)")
    if lucene and ix_i.get("ok") and lucene["index"].get("ok"):
        speedup = lucene["index"]["seconds"] / ix_i["seconds"]
        targets.append(f"indexing MB/s iskra/Lucene {speedup:.2f}× "
                       f"({'PASS' if speedup >= 2 else 'MISS'}, target ≥ 2×)")
    if ix_i.get("ok"):
        share = 100 * ix_i["index_bytes"] / text_bytes
        targets.append(f"iskra index incl. store {share:.1f}% of text "
                       f"({'PASS' if share <= 80 else 'MISS'}, target ≤ 80%)")
    quality = {e: results[e].get("quality") for e in engines if results[e].get("quality")}
    if "iskra" in quality and len(quality) > 1:
        best = max((e for e in quality if e != "iskra"), key=lambda e: quality[e]["ndcg@10"])
        gap = quality["iskra"]["ndcg@10"] / quality[best]["ndcg@10"] - 1
        targets.append(f"nDCG@10 iskra vs best peer ({best}) {100 * gap:+.1f}% "
                       f"({'PASS' if gap >= -0.02 else 'MISS'}, target ≥ −2%)")
    answered = {e: len(results[e]["run_docs"]) for e in engines if results[e].get("run_docs")}
    if "iskra" in answered and answered["iskra"] < max(answered.values()):
        targets.append(f"CAUTION: iskra answered {answered['iskra']} of {max(answered.values())} "
                       "queries, so its latencies and quality cover other queries than the peers'")
    if targets:
        print("\nTargets of issue 7: " + "; ".join(targets) + ".")


def main(argv):
    args = parse_args(argv)
    name, corpus, queries_src, qrels_path = resolve_inputs(args)
    if args.sample > 1:
        name += f"-1in{args.sample}"
    work = args.work or os.path.join(HERE, "work", name)
    os.makedirs(work, exist_ok=True)
    if args.sample > 1:
        corpus = sample_corpus(corpus, args.sample, work)
    queries_tsv = os.path.join(work, "queries.tsv")
    count = write_queries(queries_src, queries_tsv, args.raw_queries, args.max_queries)
    docs, text_bytes = corpus_stats(corpus, work)
    qrels = ir_quality.load_qrels(qrels_path) if qrels_path else None
    engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    results = {"_queries": count}
    for engine in engines:
        error = prepare_engine(engine, args)
        results[engine] = {"index": {"ok": False, "command": "(not run)", "tail": error}} \
            if error else {}
        if error:
            print(f"[{engine}] unavailable: {error}", file=sys.stderr)
    for engine in engines:  # all indexing first, then all querying: one engine at a time
        if results[engine]:
            continue
        print(f"[{engine}] indexing {corpus}", file=sys.stderr)
        results[engine]["index"] = index_engine(engine, args, corpus, work)
    for engine in engines:
        r = results[engine]
        if not r["index"].get("ok"):
            continue
        print(f"[{engine}] searching {count} queries", file=sys.stderr)
        r["search"] = search_engine(engine, args, queries_tsv, args.k, work, "top%d" % args.k)
        if r["search"]["ok"]:
            r["run_docs"] = ir_quality.load_run(r["search"]["run"])
        if qrels:
            quality = search_engine(engine, args, queries_tsv, args.quality_k, work,
                                    "top%d" % args.quality_k)
            if quality["ok"]:
                r["quality"] = ir_quality.evaluate(ir_quality.load_run(quality["run"]), qrels)
    print_report(args, name, corpus, queries_tsv, qrels_path, docs, text_bytes, engines, results)
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
