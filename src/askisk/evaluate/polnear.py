"""PolNeAR reader: articles, their gold attributions (brat standoff) and CoreNLP coreference chains.

Owns: reading one compartment folder of PolNeAR (`text/NAME.txt`, `attributions/NAME_ANNOTATOR.ann`,
`corenlp/NAME.txt.xml`) into small frozen dataclasses. Pure reading: no scoring (evaluate/attribution),
no printing. Only the `train` and `dev` compartments may be read: `test` is held out and refused.

- Several annotators annotated a few articles (files NAME_xxxx.ann with different suffixes): the
  annotation of the annotator whose id sorts first is used, so the choice is deterministic.
- A few CoreNLP files are missing (too large to ship): those articles have no coreference chains and
  their gold sources are read literally.
- Brat spans may be discontinuous ("315 448;463 553"): every fragment is kept.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from askisk.errors import InputError

SPLITS = ("train", "dev")
HELD_OUT = "test"
Span = tuple[int, int]
_ANN_NAME = re.compile(r"^(?P<article>.+)_(?P<annotator>[0-9a-f]{4})\.ann$")
_ROLES = {"Source": "source", "Cue": "cue", "Content": "content"}


@dataclass(frozen=True)
class GoldAttribution:
    id: str  # "E3"
    source: tuple[Span, ...]  # empty for "Attribution-no-source"
    cue: tuple[Span, ...]
    content: tuple[Span, ...]

    def spans(self) -> tuple[Span, ...]:
        return (*self.source, *self.cue, *self.content)


@dataclass(frozen=True)
class Mention:
    start: int  # character offsets into the article text
    end: int
    head: Span
    proper: tuple[str, ...]  # the words CoreNLP tags NNP/NNPS in the mention


@dataclass(frozen=True)
class Article:
    name: str
    annotator: str
    text: str
    attributions: tuple[GoldAttribution, ...]
    chains: tuple[tuple[Mention, ...], ...] | None  # None when the CoreNLP file is missing
    proper_spans: tuple[Span, ...] = ()  # spans of NNP tokens over the whole text (empty without CoreNLP)


def compartment_dir(root: Path, split: str) -> Path:
    """The folder of one compartment; `root` is the PolNeAR checkout (or its data/ folder)."""
    if split == HELD_OUT:
        raise InputError("PolNeAR test is held out: evaluate on --split dev or train")
    if split not in SPLITS:
        raise InputError(f"unknown PolNeAR split {split!r}; use one of {', '.join(SPLITS)}")
    for base in (root / "data" / split, root / split):
        if (base / "attributions").is_dir() and (base / "text").is_dir():
            return base
    raise InputError(
        f"no PolNeAR {split} compartment under {root} (expected data/{split}/text and attributions)"
    )


def annotation_files(folder: Path) -> list[tuple[str, str, Path]]:
    """(article, annotator, path): one per article, the annotator whose id sorts first."""
    chosen: dict[str, tuple[str, Path]] = {}
    for path in sorted((folder / "attributions").glob("*.ann")):
        m = _ANN_NAME.match(path.name)
        if m is None:
            continue
        article, annotator = m["article"], m["annotator"]
        if article not in chosen or annotator < chosen[article][0]:
            chosen[article] = (annotator, path)
    return [(a, ann, p) for a, (ann, p) in sorted(chosen.items())]


def read_split(root: Path, split: str, limit: int | None = None, coref: bool = True) -> list[Article]:
    """The articles of one compartment; `coref=False` skips the (large) CoreNLP files."""
    folder = compartment_dir(root, split)
    out: list[Article] = []
    for article, annotator, ann in annotation_files(folder):
        if limit is not None and len(out) >= limit:
            break
        text_path = folder / "text" / f"{article}.txt"
        if not text_path.is_file():
            continue
        text = text_path.read_text(encoding="utf-8")
        chains, proper = read_corenlp(folder / "corenlp" / f"{article}.txt.xml") if coref else (None, ())
        out.append(
            Article(article, annotator, text, parse_ann(ann.read_text(encoding="utf-8")), chains, proper)
        )
    return out


def _spans(field: str) -> tuple[Span, ...]:
    out = []
    for frag in field.split(";"):
        a, b = frag.split()
        out.append((int(a), int(b)))
    return tuple(out)


def parse_ann(text: str) -> tuple[GoldAttribution, ...]:
    """The attribution relations (E lines) of one brat .ann file, with their role spans."""
    spans: dict[str, tuple[str, tuple[Span, ...]]] = {}
    events: list[tuple[str, list[str]]] = []
    for line in text.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, where = parts[1].partition(" ")
            try:
                spans[parts[0]] = (label, _spans(where))
            except ValueError:
                continue
        elif line.startswith("E") and len(parts) >= 2:
            events.append((parts[0], parts[1].split()[1:]))
    out = []
    for eid, args in events:
        roles: dict[str, list[Span]] = {"source": [], "cue": [], "content": []}
        for arg in args:
            role, _, tid = arg.partition(":")
            key = _ROLES.get(role.rstrip("0123456789"))
            if key and tid in spans:
                roles[key].extend(spans[tid][1])
        if roles["content"]:
            out.append(GoldAttribution(eid, *(tuple(sorted(roles[k])) for k in ("source", "cue", "content"))))
    return tuple(out)


def read_corenlp(path: Path) -> tuple[tuple[tuple[Mention, ...], ...] | None, tuple[Span, ...]]:
    """Coreference chains (mentions as character spans) and proper-noun spans; (None, ()) when missing."""
    if not path.is_file():
        return None, ()
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError:
        return None, ()
    sentences: dict[int, list[tuple[int, int, str, str]]] = {}
    for sent in root.iter("sentence"):
        tokens = sent.find("tokens")
        if tokens is None:
            continue
        toks = []
        for tok in tokens:
            toks.append(
                (
                    _int(tok.findtext("CharacterOffsetBegin")),
                    _int(tok.findtext("CharacterOffsetEnd")),
                    tok.findtext("word") or "",
                    tok.findtext("POS") or "",
                )
            )
        sentences[_int(sent.get("id"))] = toks
    proper = tuple((s, e) for toks in sentences.values() for s, e, _, pos in toks if pos.startswith("NNP"))
    chains: list[tuple[Mention, ...]] = []
    coref = root.find("document/coreference")
    for chain in coref if coref is not None else ():
        mentions = []
        for m in chain.iter("mention"):
            toks = sentences.get(_int(m.findtext("sentence")), [])
            a, b, h = _int(m.findtext("start")) - 1, _int(m.findtext("end")) - 1, _int(m.findtext("head")) - 1
            if not (0 <= a < b <= len(toks)) or not 0 <= h < len(toks):
                continue
            words = tuple(w for _, _, w, pos in toks[a:b] if pos.startswith("NNP"))
            mentions.append(Mention(toks[a][0], toks[b - 1][1], (toks[h][0], toks[h][1]), words))
        if mentions:
            chains.append(tuple(mentions))
    return tuple(chains), proper


def _int(value: str | None) -> int:
    return int(value) if value else -1
