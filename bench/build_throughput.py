"""Embedding throughput for index builds with the real model (all-MiniLM-L6-v2 via sentence-transformers).

askisk's build path (SentenceTransformerEncoder.encode: batches of 64; sentence-transformers sorts each
call's texts by length so a batch pads to similar lengths) against the naive baseline of one text per
call, on synthetic passages from bench/scale.py, torch on 2 threads. The naive baseline is timed on a
subset (one call per text is slow) and reported per passage; batched, unsorted and naive calls are
interleaved in rounds so load from other processes falls on all alike. Peak RSS is sampled per phase.

    .venv/bin/python bench/build_throughput.py --count 10000 --naive 1000 --out bench/results/build-10k.json
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scale import PeakRSS, rss_mb, synth_texts  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000, help="passages embedded by the batched path")
    parser.add_argument("--naive", type=int, default=1_000, help="passages embedded one per call")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=10, help="interleaved rounds of batched and naive")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--save-vectors", type=Path, help="save the batched embeddings (.npy)")
    args = parser.parse_args()

    import numpy as np
    import torch

    torch.set_num_threads(args.threads)
    from askisk.encoder.embeddings import sentence_transformer_encoder

    texts = synth_texts(args.count, seed=7)
    t = time.perf_counter()
    encoder = sentence_transformer_encoder()
    load_s = time.perf_counter() - t
    encoder.encode(texts[:64])  # warm-up
    out: dict = {
        "command": " ".join(sys.argv),
        "torch_threads": torch.get_num_threads(),
        "model_load_s": round(load_s, 2),
        "rss_after_load_mb": round(rss_mb(), 1),
        "mean_words": round(sum(len(x.split()) for x in texts) / len(texts), 1),
    }

    # Interleaved rounds, so that load from other processes on this shared machine falls on both sides alike.
    rounds = args.rounds
    per_b, per_n = -(-len(texts) // rounds), -(-args.naive // rounds)
    spent = {"batched": 0.0, "unsorted": 0.0, "naive": 0.0}
    done = {"batched": 0, "unsorted": 0, "naive": 0}
    peaks = {"batched": 0.0, "naive": 0.0}
    chunks = []
    for r in range(rounds):
        chunk = texts[r * per_b : (r + 1) * per_b]
        with PeakRSS() as m:
            chunks.append(encoder.encode(chunk, batch_size=args.batch_size))
        spent["batched"] += m.seconds
        done["batched"] += len(chunk)
        peaks["batched"] = max(peaks["batched"], m.extra)
        # the same texts in calls of batch_size, in their original order: what sorting by length is worth
        small = chunk[: per_n * 4]
        t = time.perf_counter()
        for s in range(0, len(small), args.batch_size):
            encoder.model.encode(
                small[s : s + args.batch_size],
                batch_size=args.batch_size,
                normalize_embeddings=True,
                show_progress_bar=False,
            )
        spent["unsorted"] += time.perf_counter() - t
        done["unsorted"] += len(small)
        with PeakRSS() as m:
            for text in chunk[:per_n]:
                encoder.encode([text], batch_size=1)
        spent["naive"] += m.seconds
        done["naive"] += len(chunk[:per_n])
        peaks["naive"] = max(peaks["naive"], m.extra)
        print(
            f"round {r + 1}/{rounds}: " + ", ".join(f"{k} {done[k] / spent[k]:.1f}/s" for k in spent),
            flush=True,
        )
    vectors = np.concatenate(chunks)
    for key, label in (
        ("batched", "batched"),
        ("unsorted", "batches_of_64_unsorted"),
        ("naive", "naive_one_per_call"),
    ):
        out[label] = {
            "passages": done[key],
            "seconds": round(spent[key], 2),
            "passages_per_s": round(done[key] / spent[key], 1),
        }
        if key in peaks:
            out[label]["peak_extra_mb"] = round(peaks[key], 1)
    out["ratio_batched_over_naive"] = round(
        out["batched"]["passages_per_s"] / out["naive_one_per_call"]["passages_per_s"], 2
    )
    rate = out["batched"]["passages_per_s"]
    out["extrapolated_100k_s"] = {
        "batched": round(100_000 / rate),
        "naive": round(100_000 / out["naive_one_per_call"]["passages_per_s"]),
    }
    print(json.dumps(out, indent=1))
    if args.save_vectors:
        np.save(args.save_vectors, vectors)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
