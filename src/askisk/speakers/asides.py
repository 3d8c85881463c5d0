"""Speech verbs in clauses that only describe someone: they speak for no sentence.

"the number who said they had used it rose" (a relative clause that defines its noun), "Ryan Suter, who
joked about Parise's sticks, could see the frustration" and "OrbitBeyond later dropped out, citing
financial problems" (an aside that carries no words of its own): the sentence's statement is its main
clause, which is the writer's unless it has a cue of its own.
"""

from __future__ import annotations

from askisk.speakers.speech import says_something

_SET_OFF = (",", "—", "–", "(", "-")


def _set_off(tok) -> bool:
    first = min(t.i for t in tok.subtree)
    return first > 0 and tok.doc[first - 1].text in _SET_OFF


def restrictive_relative(tok) -> bool:
    """A verb of a relative clause that defines its noun ("the number who said …", "the figure McKinley
    cited"): no comma or dash sets it off. One that adds to a noun ("Carla Reyes, who said her son …")
    is that person's statement."""
    return tok.pos_ == "VERB" and tok.dep_ == "relcl" and not _set_off(tok)


def empty_aside(tok, inside) -> bool:
    """A relative clause set off by commas or a trailing participle whose speech verb says nothing in
    the sentence: no clause, no quotation beside it or within it, no colon ("who joked about …", "citing
    financial problems"). "Carla Reyes, who said her son …" and ", saying that …" still speak."""
    if tok.pos_ != "VERB" or not _set_off(tok):
        return False  # "a new ad hitting Trump for …", "a feature that profiled …": the noun's own content
    if tok.dep_ == "relcl" or (tok.dep_ in ("advcl", "acl") and tok.tag_ == "VBG"):
        # "…, describing her daughter as “brave, strong, and smart”": a quotation it holds is its words
        return not says_something(tok, inside) and not any(inside[t.idx] for t in tok.subtree)
    return False


def is_aside(tok, inside) -> bool:
    return restrictive_relative(tok) or empty_aside(tok, inside)
