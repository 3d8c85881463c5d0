"""Attribution scored against PolNeAR gold: detection, speaker and kind, per passage. No printing.

A passage is a sentence as askisk splits it (sources.passages); each PolNeAR article becomes a Source
whose body is the article text (headline included) and goes through the same `analyse` as the index.

Gold label of a passage: the share f of its letters and digits covered by any gold attribution span
(source, cue or content). f >= 0.8: *attributed*, and the attribution covering most of it is its gold
attribution; f <= 0.2: *narration*; in between: *partial* (half inside an attribution), left out of
detection. Predicted attributed = askisk's kind is quote or reported.

Matching rule for speakers: the gold names are the words of the gold source mention, each
comma-separated part cut at its first preposition ("A spokesman for Clinton, Brian Fallon" -> spokesman,
brian, fallon), plus the proper nouns of every mention in the CoreNLP coreference chain of the source
(so "he" gets the name of his chain). The predicted speaker matches when its head word (its last word
that is not a title or article) is one of the gold names; a document speaker ("IMF report") matches
through its author's head word ("imf"). A gold source *resolves to a name* when those
gold names hold a proper noun (CoreNLP NNP inside the source, or in its chain).

Gold kind: *quote* when at least half the passage's content letters sit inside quotation marks, else
*reported*; scored on passages both sides attribute.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from askisk.evaluate.polnear import Article, GoldAttribution, Span
from askisk.models import Source
from askisk.speakers.corpus import SourceDoc
from askisk.speakers.quotes import quote_mask
from askisk.speakers.rules import DOCUMENT_NOUNS, vocab

ATTRIBUTED_AT = 0.8
NARRATION_AT = 0.2
_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")
_STOP = vocab(
    "the a an mr mrs ms miss dr sen rep gov prof gen president 's ’s his her their its our my your "
    "jr sr ii iii iv"
)
_PREPOSITIONS = vocab("for of at with from to in on by who which that according")
_PRONOUNS = vocab("he she they it i we you him them who")


@dataclass(frozen=True)
class PassageResult:
    article: str
    position: int
    text: str
    gold: str  # "attributed" | "narration" | "partial"
    gold_source: str | None  # the source mention as written; None for narration or no source
    gold_names: frozenset[str]
    named: bool  # the gold source resolves to a name
    gold_kind: str | None  # "quote" | "reported" for attributed passages
    gold_cue: str | None
    speaker: str | None
    kind: str
    cue: str | None
    speaker_ok: bool


@dataclass(frozen=True)
class Scores:
    articles: int
    passages: int
    counts: dict[str, int]
    detection: dict[str, float]  # precision, recall, f1, tp, fp, fn
    speaker_both: float
    both: int
    end_to_end_named: float
    named: int
    end_to_end_all: float
    kind_accuracy: float
    categories: dict[str, int] = field(default_factory=dict)
    # articles read without their CoreNLP file (a fetched copy may lack some large blobs): their pronoun
    # sources resolve to no name, so every "he said" there counts as a wrong speaker
    without_coreference: tuple[str, ...] = ()

    def to_json(self) -> dict:
        return {
            "articles": self.articles,
            "passages": self.passages,
            "counts": self.counts,
            "detection": self.detection,
            "speaker_accuracy_both_attributed": self.speaker_both,
            "both_attributed": self.both,
            "end_to_end_named": self.end_to_end_named,
            "named": self.named,
            "end_to_end_all": self.end_to_end_all,
            "kind_accuracy": self.kind_accuracy,
            "errors": self.categories,
            "without_coreference": list(self.without_coreference),
        }


def words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def head_word(name: str) -> str | None:
    kept = [w for w in words(name) if w not in _STOP]
    return kept[-1] if kept else None


def noun_head(name: str) -> str | None:
    """The head word of a name before its post-modifier: "spokesman" of "Spokesman for the city's water
    department" (speakers keep such qualifiers; `head_word` would give "department")."""
    ws = words(name)
    cut = next((i for i, w in enumerate(ws) if w in _PREPOSITIONS and i > 0), len(ws))
    kept = [w for w in ws[:cut] if w not in _STOP]
    return kept[-1] if kept else None


def source_words(text: str) -> set[str]:
    """The gold source's own words: each comma-separated part up to its first preposition."""
    out: set[str] = set()
    for part in re.split(r"[,;(]", text):
        for w in words(part):
            if w in _PREPOSITIONS:
                break
            if w not in _STOP:
                out.add(w)
    return out


def _covered(spans: Iterable[Span], s: int, e: int, letters: list[int]) -> set[int]:
    out: set[int] = set()
    for a, b in spans:
        lo, hi = max(a, s), min(b, e)
        if lo < hi:
            out.update(i for i in letters if lo <= i < hi)
    return out


def _span_text(text: str, spans: tuple[Span, ...]) -> str:
    return " ".join(text[a:b] for a, b in spans)


def gold_names(article: Article, attr: GoldAttribution) -> tuple[frozenset[str], bool]:
    """The names the gold source goes by (literal words + its coreference chain's proper nouns)."""
    if not attr.source:
        return frozenset(), False
    literal = _span_text(article.text, attr.source)
    names = source_words(literal)
    proper: set[str] = set()
    for a, b in article.proper_spans:
        if any(s <= a and b <= e for s, e in attr.source):
            proper.update(w for w in words(article.text[a:b]) if w not in _STOP)
    if article.chains is None:
        lit = literal.split()
        proper.update(w.lower() for w in lit[1:] if w[:1].isupper())
        if lit and lit[0][:1].isupper() and lit[0].lower() not in _STOP | _PRONOUNS:
            proper.add(lit[0].lower())
    for chain in article.chains or ():
        if any(s <= m.head[0] and m.head[1] <= e for m in chain for s, e in attr.source):
            for m in chain:
                proper.update(w.lower() for p in m.proper for w in words(p) if w.lower() not in _STOP)
    names |= proper
    return frozenset(names), bool(proper)


def speaker_matches(predicted: str | None, names: frozenset[str]) -> bool:
    """The predicted head word (at the end, or before a qualifier: `noun_head`) is a gold name; for a
    document ("IMF report") its author's head word."""
    if not predicted:
        return False
    kept = [w for w in words(predicted) if w not in _STOP]
    if not kept:
        return False
    if kept[-1] in DOCUMENT_NOUNS and len(kept) > 1 and kept[-2] in names:
        return True
    return kept[-1] in names or noun_head(predicted) in names


def score_article(article: Article, analyse: Callable[[Source], SourceDoc]) -> list[PassageResult]:
    source = Source(id=article.name, title=article.name, path=article.name, body=article.text)
    doc = analyse(source)
    text = article.text
    masks = {p.number: (p.start, quote_mask(p.text).inside) for p in doc.paragraphs}
    out = []
    for passage, pred in zip(doc.passages, doc.attributions, strict=True):
        s, e = passage.start, passage.end
        letters = [i for i in range(s, e) if text[i].isalnum()]
        if not letters:
            continue
        covered: set[int] = set()
        best, best_n = None, 0
        for attr in article.attributions:
            got = _covered(attr.spans(), s, e, letters)
            covered |= got
            if len(got) > best_n:
                best, best_n = attr, len(got)
        f = len(covered) / len(letters)
        gold = "attributed" if f >= ATTRIBUTED_AT else "narration" if f <= NARRATION_AT else "partial"
        names: frozenset[str] = frozenset()
        named, gold_kind, source_text, cue_text = False, None, None, None
        if best is not None and gold != "narration":
            names, named = gold_names(article, best)
            source_text = _span_text(text, best.source) or None
            cue_text = _span_text(text, best.cue) or None
            start, inside = masks[passage.paragraph]
            content = _covered(best.content, s, e, letters)
            quoted = sum(1 for i in content if inside[i - start])
            gold_kind = "quote" if content and quoted * 2 >= len(content) else "reported"
        out.append(
            PassageResult(
                article.name,
                passage.position,
                passage.text,
                gold,
                source_text,
                names,
                named,
                gold_kind,
                cue_text,
                pred.speaker,
                pred.kind,
                pred.cue,
                speaker_matches(pred.speaker, names),
            )
        )
    return out


def _ratio(a: int, b: int) -> float:
    return a / b if b else float("nan")


def _attributed(r: PassageResult) -> bool:
    return r.kind in ("quote", "reported")


def aggregate(results: list[PassageResult], articles: int) -> Scores:
    judged = [r for r in results if r.gold != "partial"]
    tp = sum(1 for r in judged if r.gold == "attributed" and _attributed(r))
    fp = sum(1 for r in judged if r.gold == "narration" and _attributed(r))
    fn = sum(1 for r in judged if r.gold == "attributed" and not _attributed(r))
    p, rc = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    f1 = 2 * p * rc / (p + rc) if tp else 0.0
    gold_attr = [r for r in results if r.gold == "attributed"]
    both = [r for r in gold_attr if _attributed(r) and r.gold_source]
    named = [r for r in gold_attr if r.named]
    kinds = [r for r in gold_attr if _attributed(r)]
    return Scores(
        articles=articles,
        passages=len(results),
        counts=dict(Counter(r.gold for r in results)),
        detection={"precision": p, "recall": rc, "f1": f1, "tp": tp, "fp": fp, "fn": fn},
        speaker_both=_ratio(sum(r.speaker_ok for r in both), len(both)),
        both=len(both),
        end_to_end_named=_ratio(sum(r.speaker_ok for r in named), len(named)),
        named=len(named),
        end_to_end_all=_ratio(sum(r.speaker_ok for r in gold_attr), len(gold_attr)),
        kind_accuracy=_ratio(sum(r.kind == r.gold_kind for r in kinds), len(kinds)),
        categories=error_categories(results),
    )


def error_categories(results: list[PassageResult]) -> dict[str, int]:
    """Counts of what went wrong, by the shape of the gold attribution."""
    out: Counter[str] = Counter()
    for r in results:
        if r.gold == "narration" and _attributed(r):
            out["false attribution"] += 1
        elif r.gold == "attributed" and not _attributed(r):
            out[f"missed: {_cue_class(r.gold_cue)}"] += 1
        elif r.gold == "attributed" and r.named and not r.speaker_ok:
            out[f"wrong speaker: {_source_class(r.gold_source)}"] += 1
    return dict(out.most_common())


def _cue_class(cue: str | None) -> str:
    if not cue:
        return "no cue"
    low = cue.lower()
    if re.search(r"\b(say|says|said|saying|tell|tells|told|according)\b", low):
        return "say/tell/according to cue"
    if ":" in low or not re.search(r"[a-z]", low):
        return "punctuation cue"
    return "other cue"


def _source_class(source: str | None) -> str:
    if not source:
        return "no gold source"
    ws = words(source)
    if len(ws) == 1 and ws[0] in _PRONOUNS:
        return "pronoun source"
    if any(w[:1].isupper() for w in source.split()[1:]) or source[:1].isupper() and ws[0] not in _STOP:
        return "named source"
    return "nominal source"


def evaluate_polnear(
    root,
    split: str = "dev",
    limit: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    convention: str = "polnear",
) -> tuple[Scores, list[PassageResult]]:
    """Read a PolNeAR compartment, run askisk's attribution on every article and score it, by default
    under the corpus's own convention (an act that conveys a position is an attribution)."""
    from pathlib import Path

    from askisk.evaluate.polnear import read_split
    from askisk.speakers.corpus import analyse

    articles = read_split(Path(root), split, limit)
    results: list[PassageResult] = []
    for i, article in enumerate(articles):
        results.extend(score_article(article, lambda s: analyse(s, convention)))
        if progress is not None:
            progress(i + 1, len(articles))
    missing = tuple(a.name for a in articles if a.chains is None)
    return replace(aggregate(results, len(articles)), without_coreference=missing), results
