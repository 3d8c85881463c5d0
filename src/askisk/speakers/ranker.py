"""The learned choice among candidate speakers: which person a he/she stands for.

Owns: the features of a (pronoun, candidate person) pair read from the registry's records (gender
agreement, how recently and how often the candidate was named, was a subject, spoke; the grammatical
role of the last time it was named; whether the rules' own choice is this candidate), and the logistic
model over them learned from PolNeAR train by scripts/train_speakers.py (gold sources that are
pronouns resolved through CoreNLP coreference, the eval's matching rule). Weights ship as plain JSON
(`data/speaker_ranker.json`); scoring is a sum of looked-up weights, no scikit-learn at run time. A
trace hook lets the training script see every choice with its candidates. Pure: records in, numbers
out; never imports spaCy.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from askisk.speakers import cues

MODEL_FILE = "data/speaker_ranker.json"
_PARA = 1_000_000  # registry positions are paragraph * _PARA + token index
_SAY = frozenset({"say", "tell", "according", "add"})
_trace: list[Any] | None = None
_cue_trace: list[Any] | None = None


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return f">{edges[-1]}"


def _rank(value: int, values: list[int]) -> str:
    """0 for the largest value among the pool, 1 for the next ... capped at 3."""
    return str(min(3, sum(1 for v in set(values) if v > value)))


@dataclass(frozen=True)
class Before:
    """A candidate person as a pronoun at `pos` sees it: its mentions and subject uses before `pos`."""

    rec: Any
    last: int
    subject: int
    count: int
    ahead: bool  # named again later in the pronoun's paragraph
    role: str = "none"  # grammatical role of the last name before the pronoun (mention.mention_role)


def before(rec, pos: int) -> Before:
    seen = [p for p in rec.seen if p < pos]
    subj = [p for p in rec.subjects if p < pos]
    ahead = any(pos < p and p // _PARA == pos // _PARA for p in rec.seen)
    # the role of the last time it was named (a cue's own position says only that it spoke: spr=)
    named = max((p for p in rec.roles if p < pos), default=-1)
    role = rec.roles.get(named, "none")
    return Before(rec, max(seen, default=-1), max(subj, default=-1), len(set(seen)), ahead, role)


def pronoun_features(cand: Before, pool: list[Before], gender: str, pos: int, rule_choice) -> list[str]:
    """Features of one candidate person for a he/she at registry position `pos`; `rule_choice` is the
    record the rules pick."""
    rec = cand.rec
    agree = "same" if rec.gender == gender else "unk" if rec.gender is None else "other"
    para = pos // _PARA
    out = [
        f"g={agree}",
        f"rule={rec is rule_choice}",
        f"g+rule={agree}|{rec is rule_choice}",
        f"ahead={cand.ahead}",
        f"r={_rank(cand.last, [c.last for c in pool])}",
        f"dl={_bucket(para - cand.last // _PARA, (0, 1, 2, 4))}",
        f"full={len(rec.tokens) >= 2}",
        f"titled={rec.title is not None or rec.role is not None}",
        f"c={_bucket(cand.count, (1, 2, 4, 8))}",
        f"cr={_rank(cand.count, [c.count for c in pool])}",
        f"n={_bucket(len(pool), (1, 2, 3, 5))}",
    ]
    if cand.last // _PARA == para:
        out.append(f"tok={_bucket(pos - cand.last, (3, 8, 20, 40))}")
    if cand.subject >= 0:
        out.append(f"sr={_rank(cand.subject, [c.subject for c in pool])}")
        out.append(f"ds={_bucket(para - cand.subject // _PARA, (0, 1, 2, 4))}")
    else:
        out.append("sr=none")
    if rec.spoke >= 0:
        out.append(f"spr={_rank(rec.spoke, [c.rec.spoke for c in pool])}")
        out.append(f"dsp={_bucket(para - rec.spoke // _PARA, (0, 1, 2, 4))}")
        out.append(f"spn={_bucket(rec.spoke_n, (1, 2, 4))}")
        out.append(f"spk={_rank(rec.spoke_n, [c.rec.spoke_n for c in pool])}")
    else:
        out.append("spr=none")
    out.append(f"g+r={agree}|{out[3][2:]}")  # (agree|ahead, as trained: the name is historical)
    recency = out[4][2:]
    # "Melzer has beaten Agassi. '…,' he said.": the object is the last named, the subject is meant
    out.append(f"lr={cand.role}")
    out.append(f"lr+r={cand.role}|{recency}")
    out.append(f"lr+g={cand.role}|{agree}")
    if cand.last // _PARA == para:
        out.append(f"lr+same={cand.role}")
    return out


def cue_features(cand, cands: list, rule_choice, inside, recent) -> list[str]:
    """Features of one candidate cue of a sentence: (learned, depth, index, record, cue, span, token,
    mention) as explicit.find_cue builds them; `rule_choice` is the one the rules would take."""
    learned, dep, _, rec, _, _, tok, mention = cand
    top = min(c[1] for c in cands)
    lemma = tok.lemma_.lower()
    said = lemma if lemma in _SAY else "other"
    first = min(c[2] for c in cands) == cand[2]
    mtype = "pron" if mention.pos_ == "PRON" else mention.ent_type_ or mention.pos_
    out = [
        f"learned={learned}",
        f"rule={cand is rule_choice}",
        f"dd={_bucket(dep - top, (0, 1, 2))}",
        f"first={first}",
        f"dep={tok.dep_}",
        f"say={said}",
        f"say+dd={said}|{_bucket(dep - top, (0, 1, 2))}",
        f"m={mtype}",
        f"kind={rec.kind}",
        f"recent={rec is recent}",
        f"side={'before' if mention.i < tok.i else 'after'}",
        f"cue={_bucket(int(10 * cues.cue_model().score(tok, inside)), (1, 3, 5, 7, 9))}",
        f"n={_bucket(len({id(c[3]) for c in cands}), (1, 2, 3))}",
        f"spoke={'none' if rec.spoke < 0 else _bucket(rec.spoke_n, (1, 3))}",
    ]
    out.append(f"rule+learned={out[1][5:]}|{learned}")
    return out


def choose_cue(cands: list, rule_choice, inside, recent, where: tuple[int, int]):
    """The candidate cue of a sentence the cue model ranks highest (the rules' choice when there is no
    model, or every candidate names the same speaker)."""
    if len({id(c[3]) for c in cands}) < 2:
        return rule_choice
    feats = [cue_features(c, cands, rule_choice, inside, recent) for c in cands]
    if _cue_trace is not None:
        _cue_trace.append((where, [(c[3], f) for c, f in zip(cands, feats, strict=True)]))
    model = cue_ranker()
    if model is None:
        return rule_choice
    return max(zip(cands, feats, strict=True), key=lambda cf: model.score(cf[1]))[0]


@dataclass(frozen=True)
class Ranker:
    bias: float
    weights: dict[str, float]

    def score(self, feats: list[str]) -> float:
        return self.bias + sum(self.weights.get(f, 0.0) for f in feats)


def load_ranker(raw: str) -> Ranker:
    data = json.loads(raw)
    return Ranker(float(data["bias"]), {k: float(v) for k, v in data["weights"].items()})


@lru_cache(maxsize=1)
def _models() -> dict[str, Ranker]:
    path = resources.files("askisk.speakers").joinpath(MODEL_FILE)
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {k: load_ranker(json.dumps(v)) for k, v in data["models"].items()}


def pronoun_ranker() -> Ranker | None:
    """The shipped he/she model, or None when absent (the rules decide alone)."""
    return _models().get("pronoun")


def cue_ranker() -> Ranker | None:
    """The shipped model choosing among a sentence's candidate cues, or None when absent."""
    return _models().get("cue")


def choose(pool: list[Before], gender: str, pos: int, rule_choice, char: int = -1):
    """The person the ranker scores highest (the rules' choice when there is no model)."""
    feats = [pronoun_features(c, pool, gender, pos, rule_choice) for c in pool]
    if _trace is not None:
        _trace.append((pos, char, [(c.rec, f) for c, f in zip(pool, feats, strict=True)]))
    model = pronoun_ranker()
    if model is None or len(pool) < 2:
        return rule_choice
    return max(zip(pool, feats, strict=True), key=lambda cf: model.score(cf[1]))[0].rec


@contextmanager
def tracing() -> Iterator[tuple[list[Any], list[Any]]]:
    """Collect, inside the block, every he/she resolved: (position, character offset in its paragraph,
    [(record, features)]); and every sentence with a choice of cues: ((paragraph base, sentence start in
    the paragraph), [(record, features)])."""
    global _trace, _cue_trace
    sink: list[Any] = []
    cue_sink: list[Any] = []
    _trace, _cue_trace = sink, cue_sink
    try:
        yield sink, cue_sink
    finally:
        _trace = _cue_trace = None
