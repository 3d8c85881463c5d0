"""Fine-tune the bundled all-MiniLM-L6-v2 bi-encoder for askisk's retrieval (issue 17, round 6: an
experiment, docs/eval.md). Torch at build time only; the output is a sentence-transformers folder.

Pairs (public data only, never kb/eval):
- Climate-FEVER `even-dev-fit` (claim ids 2 mod 8): claim -> each SUPPORTS/REFUTES evidence passage of the
  even pool's index, the passage as askisk embeds it (`corpus.embed_text`: "sentence (Article)"); hard
  negative: a non-gold passage from the stock model's dense top 15 over the pool (ranks 3-15, sampled, so
  that near-duplicates of the gold ranked first are not pushed away).
- SQuAD v1.1 train, truncated (the complete articles of the `ermeba/jupiter_bert` copy, docs/fusion.md):
  question -> the sentence holding its answer, shown as askisk would embed an encyclopedia sentence
  ("sentence (Title)" when the title names one thing the sentence leaves unsaid); hard negative: the
  other sentence of the same article sharing the most content words with the question.
- Citation-Integrity (Sarol et al. 2024; the `jedick/MLE-capstone-project` copy, docs/stance.md): a citing
  sentence (citation markers removed) -> the rationale sentence of the cited abstract, SUPPORT or REFUTE
  (both are the evidence a claim needs found); hard negative: another sentence of the same abstract, the
  "right source, wrong sentence" miss that Climate-FEVER retrieval makes most (session 45).

Loss: MultipleNegativesRankingLoss (in-batch negatives + the hard negatives, scale 20), no duplicate
question or passage within a batch, AdamW, linear warm-up 10 % then decay, 1 epoch, seed 17, inputs cut
at 64 tokens, the word embeddings frozen (the machine is 2 shared cores).

    PYTHONPATH=src nice -n 15 .venv/bin/python scripts/train_encoder.py --out /work/data/enc17/m-cf-squad \\
        --cf /work/data/climate-fever/dataset/climate-fever.jsonl --cf-index /tmp/enc17-cf/index \\
        --cf-kb /tmp/enc17-cf/kb --squad /work/data/enc17/squad/train-v1.1.trunc.json.partial \\
        --squad-pairs 2000 --cf-repeat 2 --lr 2e-5
"""

from __future__ import annotations

import argparse
import json
import random
import re
import time
from pathlib import Path

import numpy as np
from train_fusion import squad_articles  # the complete articles of the truncated file

SEED = 17
SCALE = 20.0


_SENT = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[A-Z0-9\"'(])")


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) character spans of the sentences of a paragraph (a plain rule; SQuAD is clean prose)."""
    spans, start = [], 0
    for m in _SENT.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def shown(sentence: str, topic: str) -> str:
    """What askisk's encoder sees for an encyclopedia sentence (corpus.embed_text without section/speaker)."""
    from askisk.speakers.context import mentions
    from askisk.text import normalize

    sentence = " ".join(sentence.split())
    if topic and not mentions(normalize(sentence).lower(), topic.lower()):
        return f"{sentence} ({topic})"
    return sentence


_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    """a an the of in on at to for from by with and or is are was were be been what which who whom whose
    when where why how did does do that this these those it its as into than then there their they he she
    his her""".split()  # noqa: SIM905
)


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP}


def squad_pairs(paths: list[Path], limit: int, rng: random.Random) -> list[tuple[str, str, str]]:
    """question -> answer sentence; hard negative: the other sentence of the same article sharing the most
    content words with the question (a lexical miner: no model call, so mining costs seconds)."""
    from askisk.speakers.context import topic_name

    out = []
    for art in (art for path in paths for art in squad_articles(path)):
        topic = topic_name(art["title"].replace("_", " "))
        sents, items = [], []
        for para in art["paragraphs"]:
            ctx = para["context"]
            spans = sentences(ctx)
            base = len(sents)
            sents.extend(shown(ctx[s:e], topic) for s, e in spans)
            for qa in para["qas"]:
                if not qa["answers"]:  # a SQuAD 2.0-style unanswerable question
                    continue
                ans = qa["answers"][0]
                a0, a1 = ans["answer_start"], ans["answer_start"] + len(ans["text"])
                hit = [i for i, (s, e) in enumerate(spans) if s <= a0 and a1 <= e]
                if hit:
                    items.append((qa["question"], base + hit[0]))
        bags = [_words(t) for t in sents]
        for q, gold in items:
            qw = _words(q)
            overlap = [(len(qw & b), -i) for i, b in enumerate(bags) if sents[i] != sents[gold]]
            if overlap:
                neg = -max(overlap)[1]
                out.append((q, sents[gold], sents[neg]))
    rng.shuffle(out)
    return out[:limit]


_CITE = re.compile(r"\s*\[[^\]]*(?:<\|[^\]]*\|>|\d)[^\]]*\]|\s*<\|\w+\|>[\s,;)]*|\s*\(\s*\)")


def citint_pairs(folder: Path, rng: random.Random) -> list[tuple[str, str, str]]:
    """citing sentence -> rationale sentence of the cited abstract; negative: another of its sentences."""
    corpus = {}
    for line in (folder / "corpus.jsonl").read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        corpus[str(doc["doc_id"])] = doc["abstract"]
    out = []
    for split in ("train", "dev", "test"):  # none is an askisk evaluation set
        for line in (folder / f"claims_{split}.jsonl").read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            claim = " ".join(_CITE.sub("", item["claim"]).split())
            for doc_id, evidences in item["evidence"].items():
                sents = corpus.get(doc_id) or []
                for ev in evidences:
                    gold = [i for i in ev["sentences"] if i < len(sents)]
                    others = [i for i in range(len(sents)) if i not in gold]
                    if claim and gold and others:
                        out.extend((claim, sents[g], sents[rng.choice(others)]) for g in gold)
    rng.shuffle(out)
    return out


def cf_pairs(dataset: Path, cf_kb: Path, cf_index: Path, encoder, rng: random.Random):
    """even-dev-fit claim -> gold passage (embedded text), hard negative from the stock dense top 15."""
    from askisk.config import resolve_paths
    from askisk.evaluate import cf_retrieval as cfr
    from askisk.evaluate import climate_fever as cf
    from askisk.evaluate.retrieval import EvalQuestion
    from askisk.models import OPEN_SCOPE
    from askisk.service import Askisk
    from askisk.speakers.corpus import retrieval_texts

    store = Askisk(resolve_paths(cf_kb, cf_index)).store()
    text_of = {}
    for doc in store.docs.values():
        for p, text, _ in retrieval_texts(doc):
            text_of[p.id] = text
    row_ids = [p.id for p, _ in store.rows]
    items = []
    for claim in cf.load_claims(dataset, "even-dev-fit"):
        assert claim.id % 8 == 2
        gold = tuple(e for e in claim.evidences if e.label in cfr.GOLD)
        if gold:
            items.append((EvalQuestion(f"cf{claim.id}", claim.text, (), None, "even-dev-fit", "claim"), gold))
    qrels = cfr.qrels(store, items)
    qvecs = encoder.encode([q.query for q, _ in items], normalize_embeddings=True, show_progress_bar=False)
    out = []
    for (q, _), qv in zip(items, qvecs, strict=True):
        rel = qrels[q.id]
        _, rows = store.dense_top(np.ascontiguousarray(qv, dtype=np.float32), 15, OPEN_SCOPE)
        ranked = [row_ids[int(r)] for r in rows]
        negs = [pid for pid in ranked[2:] if pid not in rel] or [pid for pid in ranked if pid not in rel]
        for pid in rel:
            out.append((q.query, text_of[pid], text_of[rng.choice(negs)]))
    return out


def batches(pairs, size: int, rng: random.Random):
    """Shuffled batches with no question or passage text twice in one batch (in-batch negatives must be
    negatives): a greedy fill, leftovers carried to the next batch."""
    pool = pairs[:]
    rng.shuffle(pool)
    out = []
    while pool:
        batch, seen, rest = [], set(), []
        for p in pool:
            keys = {("q", p[0]), ("p", p[1]), ("p", p[2])}
            if len(batch) < size and not keys & seen and p[1] != p[2]:
                batch.append(p)
                seen |= keys
            else:
                rest.append(p)
        if len(batch) < 2:
            break
        out.append(batch)
        pool = rest
    return out


def train(
    model,
    pairs,
    lr: float,
    batch_size: int,
    hard: bool,
    max_len: int,
    rng,
    log,
    freeze_embeddings: bool = True,
) -> dict:
    import torch

    model.max_seq_length = max_len
    if freeze_embeddings:
        for p in model[0].auto_model.embeddings.parameters():
            p.requires_grad = False
    steps = batches(pairs, batch_size, rng)
    opt = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=lr, weight_decay=0.01)
    warm = max(1, len(steps) // 10)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: (s + 1) / warm if s < warm else max(0.0, (len(steps) - s) / (len(steps) - warm))
    )
    model.train()

    def embed(texts):
        feats = model.tokenize(texts)
        return model(feats)["sentence_embedding"]

    t0, losses = time.time(), []
    for n, batch in enumerate(steps):
        a = embed([p[0] for p in batch])
        cands = [p[1] for p in batch] + ([p[2] for p in batch] if hard else [])
        c = embed(cands)
        a = torch.nn.functional.normalize(a, dim=-1)
        c = torch.nn.functional.normalize(c, dim=-1)
        scores = a @ c.T * SCALE
        loss = torch.nn.functional.cross_entropy(scores, torch.arange(len(batch)))
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        sched.step()
        opt.zero_grad()
        losses.append(float(loss.detach()))
        if n % 10 == 0 or n == len(steps) - 1:
            log(f"step {n + 1}/{len(steps)} loss {np.mean(losses[-10:]):.3f} ({time.time() - t0:.0f}s)")
    model.eval()
    return {
        "steps": len(steps),
        "first_loss": float(np.mean(losses[:10])),
        "last_loss": float(np.mean(losses[-10:])),
        "train_seconds": round(time.time() - t0, 1),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--cf", type=Path)
    ap.add_argument("--cf-index", type=Path)
    ap.add_argument("--cf-kb", type=Path)
    ap.add_argument("--cf-repeat", type=int, default=1, help="each CF pair this many times (new negative)")
    ap.add_argument(
        "--squad",
        type=Path,
        nargs="+",
        help="SQuAD v1.1 files (a truncated copy is read to its last whole article)",
    )
    ap.add_argument("--squad-pairs", type=int, default=0)
    ap.add_argument("--citint", type=Path, help="Citation-Integrity folder (claims_*.jsonl, corpus.jsonl)")
    ap.add_argument("--citint-pairs", type=int, default=0)
    ap.add_argument(
        "--mine-model",
        type=Path,
        help="the model whose dense ranking over the CF pool index gives its negatives (default: stock; "
        "pass the model the pool was built with, e.g. the tuned encoder's folder)",
    )
    ap.add_argument("--lr", type=float, default=2e-5)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--no-hard", action="store_true", help="in-batch negatives only")
    ap.add_argument("--max-len", type=int, default=64)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--cache", type=Path, help="folder for the mined triples (reused by later runs)")
    a = ap.parse_args(argv)

    import torch
    from sentence_transformers import SentenceTransformer

    from askisk.config import model_dir

    torch.manual_seed(SEED)
    torch.set_num_threads(a.threads)
    rng = random.Random(SEED)
    t0 = time.time()
    model = SentenceTransformer(str(model_dir()), device="cpu")
    model.eval()
    pairs, counts = [], {}
    if a.cf:
        cache = a.cache / "cf-triples.json" if a.cache else None
        if cache and cache.exists():
            cf = [tuple(t) for t in json.loads(cache.read_text(encoding="utf-8"))]
        else:
            miner = SentenceTransformer(str(a.mine_model), device="cpu") if a.mine_model else model
            with torch.no_grad():
                cf = cf_pairs(a.cf, a.cf_kb, a.cf_index, miner, rng)
            if cache:
                cache.write_text(json.dumps(cf), encoding="utf-8")
        counts["cf_pairs"] = len(cf)
        for _ in range(a.cf_repeat):
            pairs.extend(cf)
    if a.squad and a.squad_pairs:
        cache = a.cache / "squad-triples.json" if a.cache else None
        if cache and cache.exists():
            sq = [tuple(t) for t in json.loads(cache.read_text(encoding="utf-8"))]
        else:
            with torch.no_grad():
                sq = squad_pairs(a.squad, 10**9, rng)
            if cache:
                cache.write_text(json.dumps(sq), encoding="utf-8")
        sq = sq[: a.squad_pairs]
        counts["squad_pairs"] = len(sq)
        pairs.extend(sq)
    if a.citint and a.citint_pairs:
        ci = citint_pairs(a.citint, rng)[: a.citint_pairs]
        counts["citint_pairs"] = len(ci)
        pairs.extend(ci)
    counts["pairs"] = len(pairs)
    print(json.dumps(counts), flush=True)
    stats = train(model, pairs, a.lr, a.batch, not a.no_hard, a.max_len, rng, lambda m: print(m, flush=True))
    model.max_seq_length = 256  # the stock setting, so the export and the query side see the same
    model.save(str(a.out))
    meta = {
        **counts,
        **stats,
        "lr": a.lr,
        "batch": a.batch,
        "hard_negatives": not a.no_hard,
        "cf_repeat": a.cf_repeat,
        "mine_model": str(a.mine_model) if a.mine_model else "stock",
        "max_len": a.max_len,
        "seed": SEED,
        "wall_seconds": round(time.time() - t0, 1),
    }
    (a.out / "train.json").write_text(json.dumps(meta, indent=1), encoding="utf-8")
    print(json.dumps(meta), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
