"""`askisk eval --claims`: `check` scored on the kb's labelled claim set (kb/eval/claims.jsonl), per split.

Parses nothing itself (eval_cmd owns the arguments); prints accuracy and a confusion table per split, or one
JSON object. The work is `askisk.evaluate.claims`.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def run_claims(args: argparse.Namespace) -> int:
    """`askisk eval --claims`: verdict accuracy, per-class precision/recall and confusion, per split."""
    from askisk.cli import filters_from, stderr_line
    from askisk.cli.eval_dataset import print_confusion
    from askisk.cli.output import json_line
    from askisk.errors import InputError
    from askisk.evaluate.claims import evaluate_claims, load_claims
    from askisk.service import Askisk

    service = Askisk.open(args.kb, args.index, store=args.store, notify=stderr_line)
    eval_dir = Path(args.eval_set) if args.eval_set else service.paths.kb / "eval"
    path = eval_dir / "claims.jsonl"
    if not path.is_file():
        raise InputError(f"no claim set at {path}")
    if args.split != "all":  # before checking every claim: a split the set lacks is an error, not silence
        have = sorted({c.split for c in load_claims(path)})
        if args.split not in have:
            raise InputError(f"no claims in split {args.split!r} of {path}; it has {', '.join(have)}")
    filters = filters_from(args)
    service.scope(filters)  # an unknown speaker or source fails once, up front
    scores = evaluate_claims(
        lambda claim: service.check(claim, filters=filters, verifier=args.verifier), path
    )
    if args.json:
        json_line({name: s.to_json() for name, s in scores.items()})
        return 0
    for name, s in scores.items():
        if args.split != "all" and name not in (args.split,):
            continue
        # the question splits' titles say how those were written; the claim splits' story is kb/eval/README.md
        print(f"claims, {name if name == 'all' else name + ' split'}: n={s.n} accuracy={s.accuracy:.3f}")
        print_confusion(s, args.verbose)
    return 0
