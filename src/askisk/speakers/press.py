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


def named_outlet(tok) -> bool:
    """ "Fox News", "Harbor Radio News", "CNN": a news organisation named (its name's head word or the
    name itself), a source a reader can check."""
    return tok.ent_type_ == "ORG" and (tok.text in _OUTLET_WORDS or tok.lower_ in _OUTLETS)


_OUTLET_WORDS = frozenset({"News", "Radio", "Times", "Post", "Journal", "Politico", "POLITICO", "Reuters"})
_OUTLETS = frozenset({"cnn", "cbs", "nbc", "abc", "msnbc", "npr", "bbc", "axios"})
_PRESS = frozenset({"media", "press", "report"})
_PRESS_WORDS = _PRESS | {"news"}


def unnamed_press(tok) -> bool:
    """ "according to Israeli media", "according to media reports": the press of a country or of nowhere,
    no outlet named (not "state media", a government's own voice, nor "Fox News reports")."""
    return _press_head(tok) and all(
        c.dep_ in ("det", "punct")
        or c.dep_ == "compound"
        and c.pos_ == "NOUN"
        and _press_word(c) in _PRESS_WORDS
        or c.dep_ == "amod"
        and _of_a_country(c)
        or c.dep_ == "acl"
        and _carried_by_press(c)  # "Reports carried by local media said …"
        for c in tok.children
    )


def _press_head(tok) -> bool:
    """ "media", "press", "reports" (not one report: "the report says" names a document)."""
    word = _press_word(tok)
    return word in _PRESS and not (word == "report" and tok.tag_ != "NNS")


def _of_a_country(tok) -> bool:
    return tok.ent_type_ == "NORP" or tok.lower_ in ("local", "foreign", "international")


def press_label(label: list) -> bool:
    """ "Reports: …", "Israeli media: …": a label before a colon that names only unnamed press."""
    mods = label[:-1]
    return _press_head(label[-1]) and all(_press_word(t) in _PRESS_WORDS or _of_a_country(t) for t in mods)


def _carried_by_press(participle) -> bool:
    by = [g for a in participle.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
    return bool(by) and unnamed_press(by[0])


def _press_word(tok) -> str:
    return "media" if tok.lower_ == "media" else tok.lemma_.lower()  # spaCy's lemma of "media" is "medium"
