"""Claim + retrieved passages -> Verdict, combining the learned stance model with the rule features.

How:
0. The exact rules first: when the rules' own deciding passage (`verdict.best_alignment`) covers the claim
   almost word for word (`exact_*` floors), its clash refutes or its full agreement supports, and the
   model is not run (it reads little on such paraphrases; the rules are right there).
1. Every candidate passage (CANDIDATES, from hybrid retrieval; read with its subject resolved,
   `Hit.read_text`) gets the rule alignment
   (`verify.verdict.align`) and the best-ranked `model_passages` of them the stance model's probabilities
   (entails / contradicts / neutral, `verify.stance`); the others count as unrelated.
1b. "X said Y" against X's own words (the passage's speaker is X by name, or by a definite description the
   registry resolves) that the rules find about the claim (`speaker_coverage`): a number, date,
   attribution or polarity clash refutes, full agreement supports, before the model (it reads little of
   a quote's paraphrase: "Knowles said he expects the department to be disbanded" against "Knowles also
   said he doesn't think the department will be disbanded").
2. The model decides whether a passage speaks to the claim at all: `related` = P(entails) + P(contradicts).
3. Rule features are kept where they are right: a number (with what it counts), a date or an attribution
   ("McKenzie said X" where the passage is Azizi's) that disagrees, in a passage the rules find about the
   claim (covering at least `rule_coverage` of it) and the model finds related, refutes; the reason
   names both values. Word-level rules (opposites, entity clashes) refute under the same conditions only
   when `soft_rules` is set (tuned on dev): the model's relatedness is what keeps "a Gondwana sentence"
   from refuting a claim about the North Pole.
4. Otherwise the passage with the highest P(entails) supports when it reaches `entail`, the one with the
   highest P(contradicts) refutes when it reaches `contradict` (the stronger wins when both do); a rule
   alignment that agrees fully (every claim piece matched, no mismatch) also supports when the passage is
   related. Else not_enough_info: abstaining beats guessing.
   4b. Where that leaves not_enough_info, the rules' own verdict stands when their passage is close to the
   claim (`rule_fallback`: coverage and embedding cosine floors; a refutation needs a number, date or
   attribution clash in one of the first few passages).
   Selective prediction (`verify.abstain`): a supported/refuted verdict of steps 3-4 whose P(right), from a
   small logistic model over the whole candidate set, falls under its floor becomes not_enough_info
   (`leaning`: the verdict it was not sure enough of); one that clears it reports that P(right) as
   confidence. Off as shipped (`abstain` empty in aggregate.json).
5. `confidence` is the probability that the verdict is right, read from a per-verdict isotonic map of the
   deciding score, fit on held-out dev claims (scripts/calibrate_stance.py writes `aggregate.json`).
Pure given the model: takes hits and returns a Verdict; never retrieves, never prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from askisk.models import Hit, Speaker, Verdict
from askisk.verify.abstain import features, p_right, usable
from askisk.verify.features import analyse
from askisk.verify.settings import SETTINGS_FILE as SETTINGS_FILE
from askisk.verify.settings import Settings as Settings
from askisk.verify.settings import shipped_settings as shipped_settings
from askisk.verify.stance import Stance
from askisk.verify.verdict import (
    Alignment,
    Mismatch,
    align,
    best_alignment,
    evidence_speaker,
    source_settings,
)

HARD = ("number", "date", "attribution")  # rule mismatches that refute even where word rules do not
SOFT = ("entity", "polarity")  # word-level rule mismatches: refute only when `soft_rules` is on
UNJUDGED = Stance(0.0, 0.0, 1.0)  # a passage the model did not read counts as unrelated
MOSTLY_RELATED = 0.5  # P(entails) + P(contradicts) above P(neutral): the model calls the passage related
# where nothing is judged related, the retrieval's passages this close to the claim (embedding cosine) are
# still shown as the closest: on Climate-FEVER even-dev-cal 22 of the 67 claims that showed nothing had a
# gold evidence sentence among the first five, 19 of them within the first three at this floor; on the seed's
# own not_enough_info claims it hides 5 of 9 far passages (docs/stance.md, session 47)
CLOSEST_DENSE = 0.4


@dataclass(frozen=True)
class Judged:
    """One candidate passage: its rule alignment and the model's stance."""

    alignment: Alignment
    stance: Stance

    @property
    def hit(self) -> Hit:
        return self.alignment.hit

    def clash(self, soft: bool) -> Mismatch | None:
        """The rule mismatch that refutes, if any (HARD kinds first)."""
        kinds = HARD + SOFT if soft else HARD
        found = [m for m in self.alignment.mismatches if m.kind in kinds]
        return min(found, key=lambda m: kinds.index(m.kind)) if found else None


@dataclass(frozen=True)
class Decision:
    """The uncalibrated outcome: the verdict, the score that decided it, and why."""

    label: str
    score: float
    deciding: Judged | None
    mismatch: Mismatch | None = None
    rule: bool = False  # decided by a rule feature, not the model
    exact: bool = False  # decided by the exact-rule step, before (and without) the model
    calibrated: bool = False  # `score` is already P(right) (the abstention model's), not a raw score
    leaning: str | None = None  # not_enough_info by abstention: the verdict that was not sure enough


def reads_model(j: Judged, s: Settings) -> bool:
    """Whether the gate lets this candidate through to the stance model (a hit without a dense score
    always goes: the gate is a shortcut, not a verdict)."""
    dense = j.hit.scores.get("dense")
    return dense is None or dense >= s.gate_dense or j.alignment.coverage >= s.gate_coverage


def judge_passages(
    claim_text: str, hits: Sequence[Hit], stances: Sequence[Stance], speakers: Sequence[Speaker] = ()
) -> list[Judged]:
    """Each hit aligned with the claim (`speakers`: the kb's registry, as for `verdict.align`)."""
    claim = analyse(claim_text)
    around = source_settings(hits)
    return [Judged(align(claim, h, analyse(h.read_text), speakers, around[h.source.id]), s)
            for h, s in zip(hits, stances, strict=True)]  # fmt: skip


def exact_rule(judged: Sequence[Judged], s: Settings) -> Decision | None:
    """Step 0: the rules alone decide when their deciding passage matches the claim almost word for word
    (the seed article's paraphrases and "X said Y" checks, where the model reads little); else None."""
    best = best_alignment([j.alignment for j in judged])
    chosen = next((j for j in judged if j.alignment is best), None)
    if chosen is None:
        return None
    a = chosen.alignment
    hard = chosen.clash(soft=False)
    if hard is not None and a.coverage >= s.exact_clash:
        return Decision("refuted", a.coverage, chosen, hard, rule=True, exact=True)
    soft = next((m for m in a.mismatches if m.kind in SOFT), None)
    if soft is not None and a.coverage >= s.exact_soft:
        return Decision("refuted", a.coverage, chosen, soft, rule=True, exact=True)
    if not a.mismatches and not a.unverified and a.coverage >= s.exact_support:
        return Decision("supported", a.coverage, chosen, rule=True, exact=True)
    return None


def decide_raw(judged: Sequence[Judged], s: Settings) -> Decision:
    """Steps 0 and 2-4 of the module docstring, with the abstention model, before calibration."""
    exact = exact_rule(judged, s)
    if exact is not None:
        return exact
    return selective(judged, decide_unsure(judged, s), s)


def selective(judged: Sequence[Judged], d: Decision, s: Settings) -> Decision:
    """A decisive verdict kept with its P(right) as score, or turned into not_enough_info when that
    probability is under the floor (`verify.abstain`); anything else unchanged."""
    if d.label == "not_enough_info" or d.exact or not usable(s.abstain):
        return d
    coverage = d.deciding.alignment.coverage if d.deciding is not None else 0.0
    p = p_right(s.abstain, features(d.label, d.score, d.rule, coverage, [j.stance for j in judged]))
    if p >= float(s.abstain.get("floor", 0.0)):
        return replace(d, score=p, calibrated=True)
    return Decision("not_enough_info", 1.0 - p, d.deciding, leaning=d.label)


def decide_unsure(judged: Sequence[Judged], s: Settings) -> Decision:
    """Steps 2-4 of the module docstring, before the abstention model and calibration."""
    anchored = speaker_rule(judged, s)
    if anchored is not None:
        return anchored
    related = [j for j in judged if j.stance.related >= s.related]
    # the rules' own choice of deciding passage (best covered, agreeing preferred), among related ones
    chosen = best_alignment([j.alignment for j in related])
    ruled = next((j for j in related if j.alignment is chosen), None)
    covered = ruled is not None and ruled.alignment.coverage >= s.rule_coverage
    if ruled is not None and covered and ruled.clash(s.soft_rules) is not None:
        return Decision("refuted", ruled.stance.related, ruled, ruled.clash(s.soft_rules), rule=True)
    sure = [j for j in judged if j.clash(s.soft_rules) is None]
    support = max(sure, key=lambda j: j.stance.entails, default=None)
    refute = max(sure, key=lambda j: j.stance.contradicts, default=None)
    ok_support = support is not None and support.stance.entails >= s.entail
    # ... unless that passage lacks a value the claim gives ("on August 30" against "in August")
    ok_support = ok_support and not support.alignment.added  # type: ignore[union-attr]
    ok_refute = refute is not None and refute.stance.contradicts >= s.contradict
    if ok_support and ok_refute:
        if support.stance.entails >= refute.stance.contradicts:  # type: ignore[union-attr]
            ok_refute = False
        else:
            ok_support = False
    if ok_support:
        return Decision("supported", support.stance.entails, support)  # type: ignore[union-attr]
    if ok_refute:
        return Decision("refuted", refute.stance.contradicts, refute)  # type: ignore[union-attr]
    agrees = ruled is not None and not ruled.alignment.mismatches and not ruled.alignment.unverified
    if s.rule_support and ruled is not None and agrees:
        return Decision("supported", ruled.stance.related * ruled.alignment.coverage, ruled, rule=True)
    fallback = rule_fallback(judged, s)
    if fallback is not None:
        return fallback
    closest = max(judged, key=lambda j: j.stance.related, default=None)
    top = max((max(j.stance.entails, j.stance.contradicts) for j in judged), default=0.0)
    return Decision("not_enough_info", 1.0 - top, closest)


def speaker_rule(judged: Sequence[Judged], s: Settings) -> Decision | None:
    """Step 1b: a claim that names who said it, set against that speaker's own words (`own_words`: by
    name, or by a definite description the registry resolves) that the rules find about it: a number,
    date, attribution or polarity clash refutes, a full agreement supports."""
    own = [j for j in judged if j.alignment.own_words and j.alignment.coverage >= s.speaker_coverage]
    chosen = best_alignment([j.alignment for j in own])
    ruled = next((j for j in own if j.alignment is chosen), None)
    if ruled is None:
        return None
    # an entity clash is left to the model: the names a speaker's sentence holds are rarely the claim's
    # rivals ("Trump claims global warming is a hoax" against his words on "the Chinese")
    clash = next((m for m in ruled.alignment.mismatches if m.kind in (*HARD, "polarity")), None)
    if clash is not None:
        return Decision("refuted", ruled.alignment.coverage, ruled, clash, rule=True)
    if ruled.alignment.agrees():
        return Decision("supported", ruled.alignment.coverage, ruled, rule=True)
    return None


def rule_fallback(judged: Sequence[Judged], s: Settings) -> Decision | None:
    """Step 4b: where the model finds nothing sure, the rules' own verdict (`verdict.judge`'s choice of
    passage, no model gate) when their passage is close to the claim. On claims about news stories the
    model reads a quote's paraphrase as unrelated ("it's going to be July until the snow melts") where the
    rules see the same words, numbers and speaker; on Wikipedia neighbours the rules' partial clashes
    refute wrongly, hence the stricter floors for refuting (docs/stance.md, eleventh round)."""
    best = best_alignment([j.alignment for j in judged])
    chosen = next((j for j in judged if j.alignment is best), None)
    if chosen is None:
        return None
    a = chosen.alignment
    if a.mismatches:
        clash = chosen.clash(soft=False)
        close = a.dense >= s.fallback_refute_dense and a.hit.rank <= s.fallback_refute_rank
        if clash is not None and close and a.coverage >= s.fallback_refute_coverage:
            return Decision("refuted", a.coverage, chosen, clash, rule=True)
        return None
    close = a.coverage >= s.fallback_support_coverage and a.dense >= s.fallback_support_dense
    return Decision("supported", a.coverage, chosen, rule=True) if close and not a.unverified else None


def calibrate(score: float, knots: Sequence[tuple[float, float]]) -> float:
    """The isotonic map: linear between knots, flat beyond the ends; the score itself without knots."""
    if not knots:
        return score
    if score <= knots[0][0]:
        return knots[0][1]
    for (x0, y0), (x1, y1) in zip(knots, knots[1:], strict=False):
        if score <= x1:
            return y0 if x1 == x0 else y0 + (y1 - y0) * (score - x0) / (x1 - x0)
    return knots[-1][1]


def to_verdict(
    claim_text: str, judged: Sequence[Judged], decision: Decision, s: Settings, top_k: int = 3
) -> Verdict:
    claim = analyse(claim_text)
    score = decision.score
    confidence = round(
        score if decision.calibrated else calibrate(score, s.calibration.get(decision.label, [])), 3
    )
    d = decision.deciding
    missing: tuple[str, ...] = ()
    conflict: Mismatch | None = None
    if decision.label == "not_enough_info" and decision.leaning is None:
        ruled = best_alignment([j.alignment for j in judged])
        if ruled is not None and ruled.unverified and not ruled.mismatches:
            # the rules know what is missing: the passage on the subject does not give the claim's value
            d = next(j for j in judged if j.alignment is ruled)
            missing = ruled.unverified
        elif ruled is not None and ruled.mismatches:
            # a clash too partial to refute on: shown, so the reader can weigh the passage themselves
            d = next(j for j in judged if j.alignment is ruled)
            conflict = d.clash(soft=True)
        elif d is not None and ruled is None and d.stance.related < MOSTLY_RELATED:
            d = None  # neither the rules nor (more likely than not) the model find a passage on it
    unrelated = (
        d is not None and d.stance.related < s.related and not (missing or conflict or decision.leaning)
    )
    if d is None or (decision.label == "not_enough_info" and unrelated):
        closest = closest_passages(judged, top_k)
        if closest:
            reason = "no passage confirms or contradicts this claim; the closest " + (
                "passage is shown" if len(closest) == 1 else f"{len(closest)} passages are shown"
            )
        else:
            reason = "no passage in the knowledge base is about this claim"
        return Verdict(claim_text, "not_enough_info", confidence, reason, closest, None, claim.reporter)
    speaker = evidence_speaker(d.hit, analyse(d.hit.text))
    where = f"({d.hit.speaker or 'narration'}, {d.hit.source.title})"
    if decision.exact:  # the model may not have run: the other passages the rules find about the claim
        others = sorted((j for j in judged if j is not d and j.alignment.about()),
                        key=lambda j: -j.alignment.coverage)  # fmt: skip
    else:
        # relatedness to two decimals, then retrieval rank: the int8 model's last digits differ between
        # CPUs (0.3808 vs 0.3797 here, the other way round on another machine), the order shown must not
        others = sorted((j for j in judged if j is not d and j.stance.related >= s.related),
                        key=lambda j: (-round(j.stance.related, 2), j.hit.rank))  # fmt: skip
    evidence = (d.hit, *(j.hit for j in others[: max(0, top_k - 1)]))
    m = decision.mismatch
    if decision.leaning is not None:
        way = "towards" if decision.leaning == "supported" else "against"
        reason = f"the closest passage leans {way} the claim, but not surely enough to say so {where}"
        evidence = (d.hit,)
    elif decision.label == "not_enough_info" and missing:
        reason = f"the closest passage is on this subject but does not give {', '.join(missing)} {where}"
        evidence = (d.hit,)
    elif decision.label == "not_enough_info" and conflict is not None:
        said = (
            f"attributes it to {conflict.source}"
            if conflict.kind == "attribution"
            else f"says {conflict.source}"
        )
        reason = (
            f"a passage {said} where the claim has {conflict.claim}, but it matches too little of the claim "
            f"to settle it {where}"
        )
        evidence = (d.hit,)
    elif decision.label == "not_enough_info":
        reason = f"the closest passage is on this subject but neither confirms nor contradicts it {where}"
        evidence = (d.hit,)
    elif m is not None and m.kind == "attribution":
        reason = f"claim attributes this to {m.claim}, source attributes it to {m.source} {where}"
    elif m is not None:
        reason = f"claim says {m.claim}, source says {m.source} {where}"
    elif decision.label == "refuted":
        reason = f"the source says otherwise {where}"
    else:
        reason = f"the source states this {where}"
    kind = m.kind if m is not None else None
    label = decision.label
    return Verdict(claim_text, label, confidence, reason, evidence, kind, claim.reporter, speaker,  # type: ignore[arg-type]
                   d.alignment.same_speaker)  # fmt: skip


def closest_passages(judged: Sequence[Judged], top_k: int) -> tuple[Hit, ...]:
    """The retrieval's best-ranked passages within CLOSEST_DENSE of the claim: what a reader checks by
    hand when neither the model nor the rules find a passage that speaks to it."""
    close = [j.hit for j in judged if j.alignment.dense >= CLOSEST_DENSE]
    return tuple(sorted(close, key=lambda h: h.rank)[: max(0, top_k)])


def decide(
    claim_text: str,
    hits: Sequence[Hit],
    top_k: int = 3,
    settings: Settings | None = None,
    speakers: Sequence[Speaker] = (),
) -> Verdict:
    """Judge the claim against the retrieved hits with the stance model (see the module docstring);
    `speakers`: the kb's speaker registry, so "the expert notes ..." matches the expert's passages."""
    from askisk.verify.stance import load_stance

    s = settings or shipped_settings()
    judged = judge_passages(claim_text, hits, [UNJUDGED] * len(hits), speakers)
    exact = exact_rule(judged, s)
    if exact is None:
        read = [i for i, j in enumerate(judged[: max(0, s.model_passages)]) if reads_model(j, s)]
        stances = load_stance().stances(claim_text, [hits[i].read_text for i in read], s.temperature)
        for i, st in zip(read, stances, strict=True):
            judged[i] = replace(judged[i], stance=st)
    return to_verdict(claim_text, judged, exact or decide_raw(judged, s), s, top_k)


def top_passages(judged: Sequence[Judged], k: int, s: Settings | None = None) -> list[Judged]:
    """`judged` (every candidate's stance known) as `decide` sees it with `model_passages` = k and the gate
    of `s`: the stances of passages beyond the k best-ranked, or gated out, unknown."""
    order = sorted(range(len(judged)), key=lambda i: judged[i].hit.rank)[:k]
    gate = s or Settings()
    return [j if i in order and reads_model(j, gate) else replace(j, stance=UNJUDGED)
            for i, j in enumerate(judged)]  # fmt: skip
