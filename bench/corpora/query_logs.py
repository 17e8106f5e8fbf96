#!/usr/bin/env python3
"""Converts query files to the `id<TAB>text` layout every benchmark program reads.

    python3 bench/corpora/query_logs.py [OUT_DIR]

writes OUT_DIR (default bench/data/queries/) trec-tb05.tsv (50,000 TREC 2005 Terabyte efficiency
queries), trec-mq.tsv (60,000 TREC Million Query 2007-08 queries), msmarco.tsv (6,980 MS MARCO dev
queries), and cranfield.tsv, cacm.tsv, cisi.tsv from /work/shared/eval (or $ISKRA_EVAL_DIR).
Whitespace (tabs, newlines) inside a query becomes one space; empty queries are dropped.
"""
import json
import os
import sys

EVAL = os.environ.get("ISKRA_EVAL_DIR", "/work/shared/eval")
SOURCES = {
    "trec-tb05": "trec-tb05-efficiency-queries/queries.jsonl",
    "trec-mq": "trec-mq-queries/queries.jsonl",
    "msmarco": "msmarco-passage-dev-small/queries.jsonl",
    "cranfield": "cranfield/queries.jsonl",
    "cacm": "cacm/queries.jsonl",
    "cisi": "cisi/queries.jsonl",
}


def to_tsv(src, dst):
    """Converts JSONL ({"id","text"}), TSV (id<TAB>text) or plain text (one query a line) to TSV.
    Returns the number of queries written."""
    count = 0
    os.makedirs(os.path.dirname(os.path.abspath(dst)), exist_ok=True)
    with open(src, encoding="utf-8") as lines, open(dst, "w", encoding="utf-8") as out:
        for line_no, line in enumerate(lines, start=1):
            line = line.rstrip("\n")
            if not line.strip():
                continue
            if line.lstrip().startswith("{"):
                record = json.loads(line)
                qid, text = str(record.get("id", line_no)), record.get("text", "")
            elif "\t" in line:
                qid, text = line.split("\t", 1)
            else:
                qid, text = str(line_no), line
            text = " ".join(text.split())
            if text:
                out.write(f"{qid}\t{text}\n")
                count += 1
    return count


def main(argv):
    out_dir = argv[1] if len(argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "data", "queries")
    for name, rel in SOURCES.items():
        dst = os.path.join(out_dir, name + ".tsv")
        print(f"{dst}: {to_tsv(os.path.join(EVAL, rel), dst)} queries")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
