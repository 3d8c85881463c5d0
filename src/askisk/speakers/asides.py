"""Speech verbs in clauses that only describe someone: they speak for no sentence.

"the number who said they had used it rose" (a relative clause that defines its noun), "Ryan Suter, who
joked about Parise's sticks, could see the frustration" and "OrbitBeyond later dropped out, citing
financial problems" (an aside that carries no words of its own): the sentence's statement is its main
clause, which is the writer's unless it has a cue of its own.
"""

from __future__ import annotations

from askisk.speakers import misparse
from askisk.speakers.clauses import in_framing_phrase, subordinate
from askisk.speakers.rules import SPEECH_VERBS
from askisk.speakers.speech import says_something

_SET_OFF = (",", "—", "–", "(", "-")


def _set_off(tok) -> bool:
    first = min(t.i for t in tok.subtree)
    return first > 0 and tok.doc[first - 1].text in _SET_OFF


def restrictive_relative(tok) -> bool:
    """A verb of a relative clause that defines its noun ("the number who said …", "the figure McKinley
    cited"): no comma or dash sets it off. One that adds to a noun ("Carla Reyes, who said her son …")
    is that person's statement."""
    return (
        tok.pos_ == "VERB"
        and tok.dep_ == "relcl"
        and not _set_off(tok)
        and not misparse.quote_then_relative(tok)
    )


def empty_aside(tok, inside) -> bool:
    """A relative clause set off by commas or a trailing participle whose speech verb says nothing in
    the sentence: no clause, no quotation beside it or within it, no colon ("who joked about …", "citing
    financial problems"). "Carla Reyes, who said her son …" and ", saying that …" still speak."""
    if tok.pos_ != "VERB" or not _set_off(tok):
        return False  # "a new ad hitting Trump for …", "a feature that profiled …": the noun's own content
    if tok.dep_ == "relcl" or (tok.dep_ in ("advcl", "acl") and tok.tag_ == "VBG"):
        # "…, describing her daughter as “brave, strong, and smart”": a quotation it holds is its words; so
        # is what it calls something ("…, calling it a giveaway to corporations")
        called = any(c.dep_ == "oprd" for c in tok.children)
        return not says_something(tok, inside) and not called and not any(inside[t.idx] for t in tok.subtree)
    return False


_RELATIVES = ("that", "which", "who")
_SUBJECTS = ("nsubj", "nsubjpass", "expl", "csubj")


def relative_misread(tok) -> bool:
    """ "danced the Foxtrot that Goodman said had “a lovely naturalness”": a relative clause the parser hangs
    on the main verb as its object clause; the speech verb's own clause has lost its subject to the
    relative word, which follows a noun."""
    subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i), None)
    comp = next((c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i), None)
    if subj is None or comp is None or tok.dep_ == "ROOT" or comp.left_edge.i != tok.i + 1:
        return False
    if any(c.dep_ in _SUBJECTS for c in comp.children):
        return False
    at = subj.left_edge.i - 1
    doc = tok.doc
    return at > 0 and doc[at].lower_ in _RELATIVES and doc[at - 1].pos_ in ("NOUN", "PROPN")


def is_aside(tok, inside) -> bool:
    return restrictive_relative(tok) or empty_aside(tok, inside) or relative_misread(tok)


def framing_speech(doc, s: int, e: int, inside) -> bool:
    """ "Despite Hough saying, “your feet were a little loose,” the pair earned 26/40": the words sit in a
    phrase that frames the main clause, which is the writer's; nobody speaks the sentence. Not a verb inside
    the quotation ('"… unable to leave her home without fearing for her safety."')."""
    # "Shares tumbled after it said it has “…”": an adverbial clause of the writer's sentence, too
    return any(
        s <= t.idx < e
        and not inside[t.idx]
        and (in_framing_phrase(t) or t.pos_ == "VERB" and subordinate(t))
        and t.lemma_.lower() in SPEECH_VERBS
        and t.head.head.lemma_.lower() not in SPEECH_VERBS
        for t in doc
    )
