"""Names set against names: whether a passage has each name of a claim, and which of its names contradicts
one it lacks. Pure given two `Analysis`; `verdict.align` turns the clashes into entity mismatches."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from askisk.verify.features import PLACE, Analysis, Name
from askisk.verify.lexicon import words_match


@dataclass(frozen=True)
class NameCheck:
    matched: int  # claim names the passage has
    clashes: tuple[tuple[str, str], ...]  # (claim name, the passage's rival)
    unverified: tuple[str, ...]  # names the passage relates to something else (`_swapped`)
    places: tuple[str, ...] = ()  # places the claim adds: the passage names no place in their stead


def in_text(words: Sequence[str], passage: Analysis) -> bool:
    return _all_in(words, passage.text)


def mentions(name: str, text: str) -> bool:
    """Every word of the name is in the text."""
    return _all_in([w.lower() for w in name.split() if w.lower() not in ("the", "a", "an")], text)


def _all_in(words: Sequence[str], text: str) -> bool:
    tokens = [t.strip(".,;:\"'()“”’").lower() for t in text.split()]
    return all(any(words_match(w, t) for t in tokens if t) for w in words)


def acronym(name: str, passage: Analysis) -> bool:
    letters = name.replace(".", "")
    if not (letters.isupper() and 2 <= len(letters) <= 5):
        return False
    names = (*passage.names, *passage.frame_names)
    return any("".join(w[0] for w in n.text.split() if w[0].isupper()) == letters for n in names)


def _anchor(claim: Analysis, start: int, passage: Analysis) -> int | None:
    """Where in the passage the claim's context of a value sits: the passage offset of the nearest claim
    word (before the value, else after it) that the passage also has."""
    ordered = sorted(claim.words, key=lambda w: (w.start > start, abs(w.start - start)))
    for word in ordered:
        for p in passage.words:
            if words_match(word.lemma, p.lemma):
                return p.start
    return None


def _closest(items: Sequence[Name], anchor: int | None) -> Name:
    if anchor is None:
        return items[-1]
    return min(items, key=lambda x: abs(x.start - anchor))


def _in_slot(name: Name, passage: Analysis) -> list[Name]:
    """The passage's names in this name's slot: arguments of the same verb in the same role."""
    if name.slot is None:
        return []
    verb, role = name.slot
    return [p for p in passage.names if p.slot and p.slot[1] == role and words_match(p.slot[0], verb)]


def _swapped(name: Name, claim: Analysis, fillers: list[Name]) -> bool:
    """The passage puts another of the claim's names in this name's slot, one that the claim has in another
    slot of the same verb: "Afghanistan borders Tajikistan" says nothing against "Tajikistan borders China",
    it relates Tajikistan to something else."""
    if name.slot is None:
        return False
    verb, role = name.slot
    others = [
        c for c in claim.names
        if c is not name and c.slot and c.slot[1] != role and words_match(c.slot[0], verb)
    ]  # fmt: skip
    return any(words_match(a, b) for p in fillers for a in p.words for c in others for b in c.words)


def check_names(claim: Analysis, passage: Analysis) -> NameCheck:
    """A claim name the passage lacks is contradicted by a name of its kind the claim does not have, or by
    whatever name fills its own slot of the verb ("bordering Tajikistan" for "bordering Iran", although
    the claim names Tajikistan elsewhere), unless that filler is a swap (`_swapped`)."""
    matched = 0
    clashes: list[tuple[str, str]] = []
    unverified: list[str] = []
    places: list[str] = []
    claim_words = [w for n in claim.names for w in n.words] + [w.lemma for w in claim.words]
    for name in claim.names:
        if in_text(name.words, passage) or acronym(name.text, passage):
            matched += 1
            continue
        fillers = _in_slot(name, passage)
        # whose forces: only another origin of the claim's is no rival ("Afghan forces" is one of
        # "Pakistani forces" though the claim names Afghanistan as a place)
        named = (
            [w for n in claim.names if n.kind == "origin" for w in n.words] if name.origin else claim_words
        )
        rivals = [
            n for n in passage.names
            if n.kind == name.kind and not any(words_match(a, b) for a in n.words for b in named)
        ]  # fmt: skip
        if _swapped(name, claim, fillers):
            if rivals:
                unverified.append(name.text)
        elif fillers:
            # the slot's filler is the rival whatever its kind: NER calls a country GPE, ORG or NORP
            clashes.append((name.text, fillers[0].text))
        elif rivals:
            same_label = [n for n in rivals if n.label == name.label]
            clashes.append(
                (name.text, _closest(same_label or rivals, _anchor(claim, name.start, passage)).text)
            )
        elif name.subject:  # the passage does not say who: "Shahab al-Muhajir took over ..." stays open
            unverified.append(name.text)
        elif name.label in PLACE:  # nor where: "captured in Kandahar" says more than "captured"
            places.append(name.text)
    return NameCheck(matched, tuple(clashes), tuple(unverified), tuple(places))


def _differs(name: Name, other: Name) -> bool:
    """The same kind of name with a word each lacks, sharing the rest: "U.S. Africa Command" and
    "U.S. Central Command"."""
    mine = [w for w in name.words if not any(words_match(w, o) for o in other.words)]
    theirs = [o for o in other.words if not any(words_match(w, o) for w in name.words)]
    return bool(mine and theirs) and len(mine) < len(name.words)


def frame_clashes(claim: Analysis, passage: Analysis) -> list[tuple[str, str]]:
    """Whom it was told to and in what capacity, where both sentences say: "warned British lawmakers"
    against "told U.S. lawmakers" contradicts; a passage whose frame says nothing of it leaves it open."""
    claim_words = [w for n in (*claim.names, *claim.frame_names) for w in n.words]
    claim_words += [w.lemma for w in claim.words] + (claim.reporter or "").lower().split()
    clashes = []
    for name in claim.frame_names:
        if in_text(name.words, passage) or acronym(name.text, passage):
            continue
        rivals = [
            n for n in passage.frame_names
            if n.kind == name.kind
            and (_differs(name, n) or not any(words_match(a, b) for a in n.words for b in claim_words))
        ]  # fmt: skip
        if rivals:
            clashes.append((name.text, rivals[0].text))
    return clashes
