#!/usr/bin/env python3
"""Retrieval quality of TREC run files against qrels: nDCG@10, MAP, P@10 (python3 stdlib only).

    python3 bench/ir_quality.py QRELS.tsv RUN [RUN ...]

QRELS: `query-id<TAB>doc-id<TAB>relevance` (a header line is skipped); graded relevance is used
as the gain of nDCG (linear gain, log2(rank + 1) discount, as trec_eval's ndcg_cut); a document is
relevant for MAP and P@10 when its relevance is > 0. RUN: `qid Q0 docid rank score tag`, read in
rank order. Only queries with at least one relevant document are evaluated; such a query missing
from a run scores 0.
"""
import math
import sys


def load_qrels(path):
    """Returns {query_id: {doc_id: relevance}}."""
    qrels = {}
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            parts = line.split()
            if len(parts) < 3:
                continue
            if len(parts) >= 4:  # TREC layout: qid 0 docid rel
                parts = [parts[0], parts[2], parts[3]]
            try:
                relevance = int(float(parts[2]))
            except ValueError:
                continue  # header line
            qrels.setdefault(parts[0], {})[parts[1]] = relevance
    return qrels


def load_run(path):
    """Returns {query_id: [doc_id, ...]} in rank order."""
    ranked = {}
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            parts = line.split()
            if len(parts) < 6:
                continue
            ranked.setdefault(parts[0], []).append((int(parts[3]), parts[2]))
    return {qid: [doc for _, doc in sorted(hits)] for qid, hits in ranked.items()}


def ndcg_at(ranking, judgments, depth=10):
    dcg = sum(judgments.get(doc, 0) / math.log2(rank + 2)
              for rank, doc in enumerate(ranking[:depth]) if judgments.get(doc, 0) > 0)
    ideal_gains = sorted((rel for rel in judgments.values() if rel > 0), reverse=True)[:depth]
    ideal = sum(gain / math.log2(rank + 2) for rank, gain in enumerate(ideal_gains))
    return dcg / ideal if ideal > 0 else 0.0


def average_precision(ranking, judgments):
    relevant_total = sum(1 for rel in judgments.values() if rel > 0)
    if relevant_total == 0:
        return 0.0
    found = 0
    precision_sum = 0.0
    for rank, doc in enumerate(ranking, start=1):
        if judgments.get(doc, 0) > 0:
            found += 1
            precision_sum += found / rank
    return precision_sum / relevant_total


def precision_at(ranking, judgments, depth=10):
    return sum(1 for doc in ranking[:depth] if judgments.get(doc, 0) > 0) / depth


def evaluate(run, qrels):
    """run: {qid: [doc, ...]}; qrels: {qid: {doc: rel}}. Returns mean metrics over judged queries."""
    judged = [qid for qid, judgments in qrels.items() if any(rel > 0 for rel in judgments.values())]
    if not judged:
        return {"queries": 0, "ndcg@10": 0.0, "map": 0.0, "p@10": 0.0}
    totals = {"ndcg@10": 0.0, "map": 0.0, "p@10": 0.0}
    for qid in judged:
        ranking = run.get(qid, [])
        totals["ndcg@10"] += ndcg_at(ranking, qrels[qid])
        totals["map"] += average_precision(ranking, qrels[qid])
        totals["p@10"] += precision_at(ranking, qrels[qid])
    result = {name: value / len(judged) for name, value in totals.items()}
    result["queries"] = len(judged)
    return result


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    qrels = load_qrels(argv[1])
    print("| run | judged queries | nDCG@10 | MAP | P@10 |")
    print("|---|---|---|---|---|")
    for path in argv[2:]:
        metrics = evaluate(load_run(path), qrels)
        print(f"| {path} | {metrics['queries']} | {metrics['ndcg@10']:.4f} | "
              f"{metrics['map']:.4f} | {metrics['p@10']:.4f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
