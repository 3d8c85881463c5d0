"""Which names a he/she cannot stand for, by where they sit around it: its own predicate ("He said Obama
hopes …") and the one asked about ("Asked if Mr Blunkett could return …, he replied"). Registry positions
out of spaCy tokens; pure. (The words before a closing tag are not bound: docs/attribution.md, session 33.)
"""

from __future__ import annotations


def bound(tok, base: int) -> frozenset[int]:
    """Registry positions of the words a subject he/she governs after it: "He said Obama hopes …", "she
    told Smith …". A name there is someone else (a pronoun never stands for a name in its own predicate).
    Not a possessor ("He notes that … an issue with Trump's microphone") nor a name inside a relative,
    adverbial or coordinated clause ("… the Founding Father who Beck idolizes", "He admits …, but Prager
    thinks …"): writers re-name the subject there (PolNeAR train)."""
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return frozenset()
    own = {t.i for t in tok.subtree}
    top = tok.head
    after = {base + t.i for t in top.subtree if t.i > tok.i and t.i not in own and not _loose(t, top)}
    # "Asked if Mr Blunkett could return …, he replied": the one asked about is not the one who answers
    asked = [c for c in tok.head.children if c.dep_ == "advcl" and c.i < tok.i and _asked(c)]
    # "Further information, given by Mateen himself …, led them to believe …, he said": the words he says
    # name someone else (in his own words he would be "I")
    fronted = [c for c in top.children if c.dep_ == "ccomp" and c.i < tok.i and _says(top)]
    before = {base + t.i for c in fronted for t in c.subtree if t.pos_ == "PROPN" and _not_a_subject(t)}
    return frozenset(after | before | {base + t.i for c in asked for t in c.subtree})


def _not_a_subject(name) -> bool:
    """A name that neither is, owns nor heads a subject in the words said ("Reschenthaler said his goal is
    …, he said" is one man's words twice over; "… is Mr. Trump's favorite toy, he said": his own, PolNeAR
    train)."""
    while name.dep_ in ("compound", "flat", "appos"):
        name = name.head
    return name.dep_ not in ("nsubj", "nsubjpass", "poss")


def _says(verb) -> bool:
    return verb.lemma_.lower() in ("say", "tell", "add", "note", "explain", "argue", "insist")


def _asked(verb) -> bool:
    own_subject = any(c.dep_ == "nsubjpass" for c in verb.children)
    return verb.lemma_.lower() == "ask" and verb.tag_ == "VBN" and not own_subject


_LOOSE = {"poss", "relcl", "acl", "advcl", "conj", "appos", "parataxis"}


def _loose(tok, top) -> bool:
    """`tok` hangs below `top` through a possessor or a clause of its own (`bound`); a possessor in the
    pronoun's own clause is bound ("He also wrote to Nemtsov's mother": not Nemtsov), one in a clause under
    it is not ("He notes that … an issue with Trump's microphone")."""
    possessor = False
    while tok.i != top.i and tok.head.i != tok.i:
        if tok.dep_ in _LOOSE - {"poss"}:
            return True
        possessor = possessor or tok.dep_ == "poss"
        if possessor and tok.dep_ in ("ccomp", "xcomp"):
            return True
        tok = tok.head
    return False
