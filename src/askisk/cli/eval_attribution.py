"""`askisk eval --attribution polnear PATH`: attribution scored on PolNeAR train or dev (test is held out).

Parses nothing itself (eval_cmd owns the arguments); prints a readable summary or one JSON object.
The work is `askisk.evaluate.attribution`.
"""

from __future__ import annotations

import argparse
import math


def run_attribution(args: argparse.Namespace) -> int:
    from askisk.cli import stderr_line
    from askisk.cli.eval_cmd import _progress
    from askisk.cli.output import json_line
    from askisk.errors import InputError
    from askisk.evaluate.attribution import evaluate_polnear

    if not args.path:
        raise InputError("--attribution polnear needs PATH: the PolNeAR checkout (with data/dev, data/train)")
    split = "dev" if args.split in (None, "all") else args.split
    if args.limit is not None and args.limit < 1:
        raise InputError("--limit must be a positive number of articles")
    convention = args.convention or "polnear"
    with _progress() as progress:
        scores, results = evaluate_polnear(args.path, split, args.limit, progress, convention)
    if not results:
        raise InputError(f"no PolNeAR article with text and annotations in {args.path} ({split})")
    if args.json:
        out = {"corpus": "polnear", "split": split, "convention": convention, **scores.to_json()}
        if args.verbose:
            out["details"] = [_passage_json(r) for r in results]
        json_line(out)
        return 0
    _print(scores, split)
    if args.verbose:
        for r in results:
            if r.gold == "attributed" and not r.speaker_ok or r.gold == "narration" and r.kind != "narration":
                stderr_line(
                    f"{r.article}#{r.position} gold={r.gold_source or r.gold} cue={r.gold_cue!r} "
                    f"pred={r.speaker or r.kind} ({r.cue}) | {r.text[:160]}"
                )
    return 0


def _passage_json(r) -> dict:
    return {
        "article": r.article,
        "position": r.position,
        "text": r.text,
        "gold": r.gold,
        "gold_source": r.gold_source,
        "gold_cue": r.gold_cue,
        "gold_kind": r.gold_kind,
        "named": r.named,
        "speaker": r.speaker,
        "attribution": r.kind,
        "cue": r.cue,
        "speaker_ok": r.speaker_ok,
    }


def _f(x: float) -> str:
    return "–" if math.isnan(x) else f"{x:.3f}"


def _print(s, split: str) -> None:
    d = s.detection
    counts = ", ".join(f"{k} {v}" for k, v in sorted(s.counts.items()))
    print(f"PolNeAR {split}: {s.articles} articles, {s.passages} passages ({counts})")
    print(
        f"  attributed-vs-narration detection: P {_f(d['precision'])}  R {_f(d['recall'])}  F1 {_f(d['f1'])}"
        f"  (tp {d['tp']}, fp {d['fp']}, fn {d['fn']}; partial passages left out)"
    )
    print(f"  speaker accuracy, both attribute:  {_f(s.speaker_both)}  ({s.both} passages)")
    print(f"  end to end, gold source a name:    {_f(s.end_to_end_named)}  ({s.named} passages)")
    print(f"  end to end, every gold source:     {_f(s.end_to_end_all)}")
    print(f"  quote-vs-reported accuracy:        {_f(s.kind_accuracy)}")
    if s.categories:
        print("  errors: " + "; ".join(f"{k} {v}" for k, v in s.categories.items()))
    if s.without_coreference:
        shown = ", ".join(s.without_coreference[:3]) + (", …" if len(s.without_coreference) > 3 else "")
        print(
            f"  note: {len(s.without_coreference)} article(s) have no CoreNLP file ({shown}): their pronoun "
            "sources resolve to no name, so their speaker figures are lower than the corpus's"
        )
