"""Claim/passage pairs shaped like checks of news stories, made from PolNeAR's attributions (train only).

The stance model learnt from Climate-FEVER and NLI sentences, and on news it reads a claim about a quote
("Whitlock said the snow will not melt until July") as unrelated to the quote itself. PolNeAR marks, in
840 training articles, who said what (source, cue, content spans); from each attribution whose source
names someone and whose content is one clause of 6-40 words, in a paragraph of at most 80 words:
- entails: "<source> said (that) <content>" / "According to <source>, <content>" against the paragraph;
- contradicts: the same claim with another named source of the article (who said it), with one number
  of the content changed, or with the content's first auxiliary negated (or its "not" dropped);
- neutral: another attribution of the same article against this paragraph (on the story, not settling it);
  with `detail`, also the claim with a date the paragraph does not give ("... in March 2014"): a passage
  that lacks the claim's specifics does not say it.
Quotation marks are dropped from the content; first person stays as said. Only `train` is read: `dev`
measures attribution, `test` is held out.

    .venv/bin/python scripts/stance_news_pairs.py /work/data/polnear --sample 5   # prints examples
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

_NUMBER = re.compile(r"\b\d[\d,.]*\b")
_AUX = re.compile(
    r"\b(is|are|was|were|will|would|can|could|has|have|had|should|does|do|did|must|may|might)\b"
    r"(\s+not\b|n't)?",
    re.IGNORECASE,
)
_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "it", "you", "his", "her", "their"})


def _clean(text: str) -> str:
    text = re.sub(r"\s+", " ", re.sub(r"[\"“”]|''|``", "", text)).strip(" ,.;:'")
    return re.sub(r"^that\s+", "", text, flags=re.IGNORECASE)


def _clause(content: str, nlp) -> bool:
    """A statement with a subject of its own ("the bill had the right components"), not a noun phrase
    ("the party's declining appeal") or a question ("whether Judicial Watch could ...")."""
    if re.match(r"(?:whether|if|to|how|what|why|when|who)\b", content, re.IGNORECASE):
        return False
    roots = [t for t in nlp(content) if t.dep_ == "ROOT"]
    return (
        len(roots) == 1
        and roots[0].pos_ in ("VERB", "AUX")
        and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in roots[0].children)
    )


def _paragraph(text: str, start: int, end: int) -> str:
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    return text[left : right if right >= 0 else len(text)].strip()


def _named(source: str) -> bool:
    words = source.split()
    return 1 <= len(words) <= 8 and any(w[:1].isupper() for w in words) and words[0].lower() not in _PRONOUNS


def _negate(content: str) -> str | None:
    m = _AUX.search(content)
    if m is None:
        return None
    if m.group(2):  # "is not" / "isn't" -> "is"
        return content[: m.start()] + m.group(1) + content[m.end() :]
    return content[: m.end(1)] + " not" + content[m.end(1) :]


def _renumber(content: str, rng: random.Random) -> str | None:
    numbers = [m for m in _NUMBER.finditer(content) if m.group().replace(",", "").isdigit()]
    if not numbers:
        return None
    m = rng.choice(numbers)
    value = int(m.group().replace(",", ""))
    other = value * rng.choice((2, 3)) if value > 1 else value + rng.randint(2, 9)
    if 1900 <= value <= 2030:  # a year: another year
        other = value + rng.choice((-3, -2, 2, 3))
    return content[: m.start()] + f"{other:,}" + content[m.end() :]


def _claim(source: str, content: str, rng: random.Random) -> str:
    form = rng.randrange(3)
    if form == 0:
        return f"{source} said {content}."
    if form == 1:
        return f"{source} said that {content}."
    return f"According to {source}, {content}."


_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _detail(paragraph: str, rng: random.Random) -> str:
    """A date the paragraph does not hold ("in March 2014", "on 12 June")."""
    while True:
        month = rng.choice(_MONTHS)
        text = (
            f"in {month} {rng.randint(1995, 2015)}"
            if rng.random() < 0.5
            else f"on {rng.randint(1, 28)} {month}"
        )
        if month not in paragraph:
            return text


def article_pairs(article, rng: random.Random, nlp, detail: bool = False) -> list[tuple[str, str, int]]:
    """The pairs of one PolNeAR article (label 0 entails, 1 contradicts, 2 neutral)."""
    items = []
    for a in article.attributions:
        if not a.source or len(a.content) != 1:
            continue
        source = _clean(" ".join(article.text[s:e] for s, e in a.source))
        s, e = a.content[0]
        content = _clean(article.text[s:e])
        paragraph = _paragraph(article.text, min(x for x, _ in a.spans()), max(y for _, y in a.spans()))
        if not _named(source) or not 6 <= len(content.split()) <= 40 or len(paragraph.split()) > 80:
            continue
        if not _clause(content, nlp):
            continue
        items.append((source, content, paragraph))
    pairs: list[tuple[str, str, int]] = []
    sources = sorted({x[0] for x in items})
    for i, (source, content, paragraph) in enumerate(items):
        pairs.append((_claim(source, content, rng), paragraph, 0))
        others = [
            x for x in sources if x != source and x.split()[-1] not in source and source.split()[-1] not in x
        ]
        changed = [
            ("who", _claim(rng.choice(others), content, rng) if others else None),
            ("number", _renumber(content, rng)),
            ("negation", _negate(content)),
        ]
        kind, claim = rng.choice([c for c in changed if c[1] is not None] or [("none", None)])
        if claim is not None:
            if kind != "who":
                claim = _claim(source, claim, rng)
            pairs.append((claim, paragraph, 1))
        if detail:  # a specific the paragraph does not give: the claim says more than the passage
            pairs.append((_claim(source, f"{content} {_detail(paragraph, rng)}", rng), paragraph, 2))
        rest = [x for j, x in enumerate(items) if j != i and x[2] != paragraph and x[1] not in paragraph]
        if rest:
            other_source, other_content, _ = rng.choice(rest)
            pairs.append((_claim(other_source, other_content, rng), paragraph, 2))
    return pairs


def news_pairs(
    root: Path, total: int, rng: random.Random, detail: bool = False
) -> list[tuple[str, str, int]]:
    """`total` pairs, a third of each label, from PolNeAR's train compartment; with `detail`, half the
    neutral ones are claims that add a date the paragraph does not give."""
    from askisk.evaluate.polnear import read_split
    from askisk.nlp import pipeline

    nlp = pipeline()
    articles = read_split(root, "train", coref=False)
    pairs = [p for article in articles for p in article_pairs(article, rng, nlp, detail)]
    per = total // 3
    return [p for k in range(3) for p in rng.sample([p for p in pairs if p[2] == k],
                                                    min(per, sum(p[2] == k for p in pairs)))]  # fmt: skip


def main() -> int:
    p = argparse.ArgumentParser(description="print a sample of the news-shaped pairs")
    p.add_argument("polnear", type=Path, help="the PolNeAR checkout")
    p.add_argument("--sample", type=int, default=5)
    p.add_argument("--detail", action="store_true")
    args = p.parse_args()
    rng = random.Random(13)
    pairs = news_pairs(args.polnear, 3000, rng, args.detail)
    print(len(pairs), [sum(p[2] == k for p in pairs) for k in range(3)])
    for claim, passage, label in rng.sample(pairs, args.sample):
        print(label, "|", claim, "\n   ", passage[:300])
    return 0


if __name__ == "__main__":
    sys.exit(main())
