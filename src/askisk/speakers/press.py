"""Unnamed media as a source: "according to various media outlets", "according to Israeli media",
"Reports carried by local media said": no outlet a reader can check (the news line reads them as
narration). Pure; spaCy tokens in, booleans out.
"""

from __future__ import annotations

_SOME = frozenset({"various", "some", "several", "many", "other", "numerous", "multiple", "unnamed"})
_MEDIA = frozenset(
    {"outlet", "story", "report", "account", "publication", "website", "site", "article", "blog"}
)


def _some_outlets(tok) -> bool:
    """ "various media outlets", "some stories": a plural no name or owner pins down (not "several Syrian
    officials", a group that speaks)."""
    kids = list(tok.children)
    return (
        tok.tag_ == "NNS"
        and tok.lemma_.lower() in _MEDIA
        and any(c.lower_ in _SOME for c in kids if c.dep_ in ("det", "amod"))
        and not any(c.dep_ == "poss" or c.pos_ == "PROPN" for c in kids)
    )


def unnamed_source(tok) -> bool:
    """What "according to" names when it names no source a reader can check (the news line)."""
    return _some_outlets(tok) or unnamed_press(tok)


_PRESS = frozenset({"media", "press", "report"})


def unnamed_press(tok) -> bool:
    """ "according to Israeli media", "according to media reports": the press of a country or of nowhere,
    no outlet named (not "state media", a government's own voice, nor "Fox News reports")."""
    word = _press_word(tok)
    if word not in _PRESS or word == "report" and tok.tag_ != "NNS":
        return False
    return all(
        c.dep_ in ("det", "punct")
        or c.dep_ == "compound"
        and c.pos_ == "NOUN"
        and _press_word(c) in _PRESS | {"news"}
        or c.dep_ == "amod"
        and (c.ent_type_ == "NORP" or c.lower_ in ("local", "foreign", "international"))
        or c.dep_ == "acl"
        and _carried_by_press(c)  # "Reports carried by local media said …"
        for c in tok.children
    )


def press_label(label: list) -> bool:
    """ "Reports: …", "Israeli media: …": a label before a colon that names only unnamed press."""
    head, mods = label[-1], label[:-1]
    word = _press_word(head)
    if word not in _PRESS or word == "report" and head.tag_ != "NNS":
        return False
    return all(
        _press_word(t) in _PRESS | {"news"}
        or t.ent_type_ == "NORP"
        or t.lower_ in ("local", "foreign", "international")
        for t in mods
    )


def _carried_by_press(participle) -> bool:
    by = [g for a in participle.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
    return bool(by) and unnamed_press(by[0])


def _press_word(tok) -> str:
    return "media" if tok.lower_ == "media" else tok.lemma_.lower()  # spaCy's lemma of "media" is "medium"
