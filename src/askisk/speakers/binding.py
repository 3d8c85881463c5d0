"""Which names a he/she cannot stand for, by where they sit around it: its own predicate ("He said Obama
hopes …") and the one asked about ("Asked if Mr Blunkett could return …, he replied"); and the one it must
stand for: the author of a text its clause is on ("a recent Holm dissent in which she argued").
Registry positions out of spaCy tokens; pure. (The words before a closing tag are not bound:
docs/attribution.md, session 33.)
"""

from __future__ import annotations

from askisk.speakers.mention import find_person
from askisk.speakers.rules import SAYING_VERBS


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
    cut = _dangling_and(top, tok.i)
    after = {base + t.i for t in top.subtree if tok.i < t.i < cut and t.i not in own and not _loose(t, top)}
    # "Asked if Mr Blunkett could return …, he replied": the one asked about is not the one who answers
    asked = [c for c in tok.head.children if c.dep_ == "advcl" and c.i < tok.i and _asked(c)]
    # "Further information, given by Mateen himself …, led them to believe …, he said": the words he says
    # name someone else (in his own words he would be "I")
    before = {base + t.i for t in _named_in_fronted(tok)}
    return frozenset(after | before | {base + t.i for c in asked for t in c.subtree})


def _dangling_and(top, after: int) -> int:
    """Where a coordinated clause the parser hung under the pronoun's predicate starts: an "and"/"but" with
    nothing joined to it ("He said his priority was jobs — and while he's no fan of quotas, Cuccinelli said
    …": the writer re-names the subject there). The end of the sentence when there is none."""
    for t in top.subtree:
        if t.i > after and t.dep_ == "cc" and not any(c.dep_ == "conj" for c in t.head.children):
            return t.i
    return top.sent.end


def bound_words(tok) -> frozenset[str]:
    """The names, as lowercased words, a he/she cannot stand for because they are named in the words it
    says before it ("“Nobody can trust Jones with the money,” he said": not Jones), in this sentence or in
    the earlier sentences of the quotation its tag closes ("“… the end of the road for Arne Lund. So …,”
    he said": not Lund). The registry keeps no record of a name inside quotation marks, so these go by the
    word, not by the position."""
    return frozenset(t.lower_ for t in _named_in_fronted(tok) + _named_in_closed_quote(tok))


def _named_in_fronted(tok) -> list:
    if not _saying_subject(tok):
        return []
    fronted = [c for c in tok.head.children if c.dep_ == "ccomp" and c.i < tok.i]
    return [t for c in fronted for t in c.subtree if t.pos_ == "PROPN" and _not_a_subject(t)]


def _named_in_closed_quote(tok) -> list:
    """The names in the quotation a closing tag ends ('“…,” he said', '“…,” said he'), from its opening mark,
    however many sentences back in the paragraph, or from the paragraph's start. Any verb of a tag right
    after the closing mark ('…," he continued')."""
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return []
    text = tok.doc.text
    end = min(tok.idx, tok.head.idx)
    while end > 0 and text[end - 1] in " ,\n":
        end -= 1
    if end == 0 or text[end - 1] not in _CLOSING:
        return []
    # no opening mark: the quotation runs on from a paragraph before, and even a subject in it is someone
    # the speaker talks about ('And Paul made it clear …," he continued')
    start = max(text.rfind(q, 0, end - 1) for q in _OPENING)
    named = [t for t in tok.doc if start < t.idx < end - 1 and t.pos_ == "PROPN" and not _modifier(t)]
    return named if start < 0 else [t for t in named if _not_a_subject(t)]


def _modifier(name) -> bool:
    """ "the peaceful Trump supporters": a name that only qualifies a common noun refers to nobody there."""
    return name.dep_ == "compound" and name.head.pos_ == "NOUN"


_CLOSING = ('"', "\u201d")
_OPENING = ('"', "\u201c")


def _not_a_subject(name) -> bool:
    """A name that neither is, owns nor heads a subject in the words said ("Reschenthaler said his goal is
    …, he said" is one man's words twice over; "… is Mr. Trump's favorite toy, he said": his own, PolNeAR
    train)."""
    while name.dep_ in ("compound", "flat", "appos"):
        name = name.head
    return name.dep_ not in ("nsubj", "nsubjpass", "poss")


def _saying_subject(tok) -> bool:
    return tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in SAYING_VERBS


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


def whose_text(records: list, tok, gender: str):
    """ "a recent Holm dissent in which she argued …", "Obama's speech, in which he said …": a he/she
    opening a clause on a text its author's name qualifies is that author; else None."""
    clause = tok.head
    if tok.dep_ != "nsubj" or clause.dep_ != "relcl":
        return None
    names = [c for c in clause.head.children if c.dep_ in _QUALIFIER and c.text[:1].isupper()]
    found = [find_person(records, [n.text]) for n in names if n.pos_ in ("PROPN", "ADJ")]
    people = [r for r in found if r is not None and r.gender in (None, gender) and r.hint in (None, gender)]
    return people[0] if len(people) == 1 else None


_QUALIFIER = frozenset({"compound", "poss", "amod", "nmod"})
