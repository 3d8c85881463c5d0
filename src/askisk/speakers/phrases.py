"""Noun phrases as the speaker registry reads them from a spaCy parse: the phrase of a head word, the
name a role noun introduces ("A spokesman for X, NAME,"), person-like entities the small model mislabels,
role words as written (where a name's own words begin and end is `name_bounds`). Works on spaCy tokens
handed to it; never imports spaCy.
"""

from __future__ import annotations

from askisk.speakers.documents import entity_of
from askisk.speakers.names import QUALIFYING
from askisk.speakers.persons import person_entity
from askisk.speakers.rules import DETS, STATEMENT_VERBS, vocab

NP_KEEP = {"det", "amod", "compound", "poss", "nummod", "case", "nmod", "quantmod"}
SELF_NOUNS = vocab("article story post column piece")


def clean_words(words: list[str], numbers: bool = False) -> list[str]:
    # "Max Mirnyi 6-7 (2-7)": a score the small model reads into a person's name; an organisation's number
    # is its name ("Israel's Channel 2")
    kept = [w for w in words if w not in ("'s", "'", ",", ".")]
    return [w for k, w in enumerate(kept) if any(c.isalpha() for c in w) or numbers and k and w.isdigit()]


def inner_possessives(words: list[str]) -> list[str]:
    """ "People" "'s" "Daily" -> "People's" "Daily": a possessive inside a name is part of it (one at the
    end, "Azizi's", is not)."""
    out: list[str] = []
    for i, w in enumerate(words):
        if w in ("'s", "’s") and out and i < len(words) - 1:
            out[-1] += w
        else:
            out.append(w)
    return out


def np_tokens(head) -> list:
    """The noun phrase of `head` without relative clauses, appositions or trailing prepositions."""
    keep = [head]
    for child in head.children:
        if child.dep_ in NP_KEEP and child.i < head.i or _postpositive(child):
            keep.extend([child] if child.i > head.i else child.subtree)
    return sorted(keep, key=lambda t: t.i)


def _postpositive(tok) -> bool:
    """ "Attorneys general from 22 states": the title's "general" follows its noun (and takes its "from");
    "Critics worldwide": where a group is."""
    if tok.i != tok.head.i + 1:
        return False
    return tok.dep_ == "amod" and tok.lower_ == "general" or tok.dep_ == "advmod" and tok.lower_ in _WHERE


_WHERE = frozenset({"worldwide", "nationwide", "abroad", "overseas", "statewide"})


def is_self_reference(head) -> bool:
    """ "An earlier version of this article", "this story": the text itself (a correction note is the
    publication's own voice, no outside speaker)."""
    for tok in head.subtree:
        if tok.lemma_.lower() in SELF_NOUNS and any(c.lower_ == "this" for c in tok.children):
            return True
    return False


def np_text(head, strip_det: bool = True) -> str:
    toks = np_tokens(head)
    if strip_det and toks and toks[0].lower_ in DETS:
        toks = toks[1:]
    return joined(toks)


def joined(toks) -> str:
    """The tokens' text as written; a space where a left-out token stood ('a "Downton" publicist' without its
    quotation marks is "Downton publicist", not "Downtonpublicist")."""
    out = []
    for t, nxt in zip(toks, [*toks[1:], None], strict=True):
        gap = nxt is not None and nxt.i != t.i + 1 and not t.whitespace_
        out.append(t.text_with_ws + (" " if gap else ""))
    return "".join(out).strip()


def qualifier(head) -> list:
    """The prepositional phrase right after a common noun that says whose or which it is ("a spokesman
    *for the city's water department*", "a large proportion *of the population*"): without it the speaker
    is a bare role or quantity no one can cite. Empty when there is none, or it is a time or too long."""
    if head.pos_ != "NOUN":
        return []
    end = np_tokens(head)[-1].i
    if doing := _doing(head, end):
        return doing
    if knowing := _knowing(head, end):
        return knowing
    if head.tag_ == "NNS" and (examples := _such_as(head, end)):
        return examples
    for prep in [*head.children, *(c for t in head.children if _postpositive(t) for c in t.children)]:
        # "Doctors Without Borders", "Mothers Against Drunk Driving": a name in title case
        titled = prep.text[:1].isupper() and head.text[:1].isupper()
        if prep.dep_ != "prep" or not (prep.lower_ in QUALIFYING or titled) or prep.i != end + 1:
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None or obj.pos_ not in ("NOUN", "PROPN") or obj.ent_type_ in ("DATE", "TIME"):
            return []
        toks = [prep, *_object_tokens(obj)]
        if toks[-1].i - prep.i + 1 != len(toks) or len(toks) > 8:
            return []
        return toks
    return []


# "critics like professor David Bosco", "groups including Human Rights Watch": examples only when named
_BY_NAME = frozenset({"like", "including"})


def _such_as(head, end: int) -> list:
    """ "Leaders such as House Speaker John A. Boehner say", "critics like professor David Bosco", "groups
    including Human Rights Watch": the group named by its best-known members (after "like" or "including",
    only a name: "critics like me" is no example)."""
    doc = head.doc
    prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "as" and c.i == end + 2), None)
    if prep is None or doc[end + 1].lower_ != "such":
        prep = next(
            (c for c in head.children if c.dep_ == "prep" and c.lower_ in _BY_NAME and c.i == end + 1), None
        )
    if prep is None:
        return []
    obj = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")), None)
    if obj is None or prep.lower_ in _BY_NAME and obj.pos_ != "PROPN":
        return []
    toks = [*doc[end + 1 : prep.i + 1], *_object_tokens(obj)]
    return toks if toks[-1].i - toks[0].i + 1 == len(toks) <= 10 else []


def named_example(head):
    """The person who names a group by example ("critics like professor David Bosco"), else None."""
    examples = _such_as(head, np_tokens(head)[-1].i) if head.tag_ == "NNS" else []
    people = [t for t in examples if t.dep_ == "pobj" and t.ent_type_ == "PERSON"]
    return people[0] if people else None


def _doing(head, end: int) -> list:
    """A participle right after a group or a person that says which ("researchers working on …", "a person
    involved in the transition"), short and set off by nothing; not "officials speaking on condition …"."""
    tags = ("VBG", "VBN") if head.tag_ == "NNS" else ("VBN",)
    acl = next((c for c in head.children if c.dep_ == "acl" and c.tag_ in tags and c.i == end + 1), None)
    if acl is not None and acl.tag_ == "VBN" and acl.lemma_.lower() in _POLLED - {"ask"}:
        return _short_phrase(acl, 8)  # "analysts polled by the paper", "staff questioned by the FBI"
    if acl is None or acl.lemma_.lower() in STATEMENT_VERBS | _NOT_WHICH:
        return []  # "the patient described in the case report": a cue the parser hung on its speaker
    if acl.tag_ == "VBN" and any(c.dep_ == "agent" for c in acl.children):
        return []  # "emails combed through by Vox": what was done to them, not whose they are
    return _short_phrase(acl, 6)


_NOT_WHICH = frozenset({"speak", "talk", "comment", "ask", "name", "quote"})


def _knowing(head, end: int) -> list:
    """ "a source familiar with the matter", "people close to the president": what makes an unnamed source
    one worth citing."""
    adj = next((c for c in head.children if c.dep_ == "amod" and c.i == end + 1), None)
    if adj is None or adj.lower_ not in ("familiar", "close", "aware", "briefed"):
        return []
    return _short_phrase(adj, 8)


def _short_phrase(tok, longest: int) -> list:
    """The phrase `tok` opens, when it runs on unbroken for at most `longest` tokens; else []."""
    toks = sorted(tok.subtree, key=lambda t: t.i)
    if len(toks) > longest or toks[-1].i - tok.i + 1 != len(toks) or any(t.is_punct for t in toks):
        return []
    return toks


def _object_tokens(obj) -> list:
    """A qualifier's object with what completes it: a coordination ("for both Donald and Ivana Trump")
    and a proper name's own "of" ("of the U.S. Court of Appeals")."""
    toks = np_tokens(obj)
    for child in obj.children:
        if child.dep_ in ("cc", "conj"):
            toks += [child] if child.dep_ == "cc" else np_tokens(child)
        elif child.dep_ == "prep" and child.lower_ == "of" and obj.pos_ == "PROPN":
            inner = next((c for c in child.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None)
            toks += [child, *np_tokens(inner)] if inner is not None else []
    return sorted(toks, key=lambda t: t.i)


QUANTIFIERS = {"many", "some", "most", "several", "few", "those", "all", "both", "one", "others"}
BARE_QUANTIFIERS = {"many", "some", "most", "several", "few", "all", "both", "others"}  # "Some believe …"
# "those behind the lawsuit", "those inside the room": where they stand picks them out (not "No one
# outside the board knew": no one)
_PLACING = QUALIFYING | {"behind", "inside", "within", "near", "among", "outside"}


# "those surveyed said": the people a poll asked
_POLLED = frozenset({"survey", "poll", "question", "ask", "interview"})


def share_tokens(tok) -> list | None:
    """ "Two in three said …", "Nearly nine out of 10 say …", "8 of 10 say …", "those surveyed say …": a
    poll's share of its respondents, the subject of a verb of saying (PolNeAR's annotators and the news
    golds' brief let them speak); None otherwise."""
    if tok.dep_ != "nsubj":
        return None
    if tok.lower_ == "those":
        polled = [
            c for c in tok.children if c.dep_ == "acl" and c.lemma_.lower() in _POLLED and c.i == tok.i + 1
        ]
        return [tok, polled[0]] if polled and not list(polled[0].children) else None
    if tok.pos_ != "NUM" or not tok.lower_.isalnum():
        return None
    # "in 10" may hang on the verb: "Three in 10 said …"
    nearby = [*tok.children, *tok.head.children]
    shares = (c for c in nearby if c.dep_ == "prep" and c.lower_ in ("in", "out", "of") and c.i == tok.i + 1)
    for prep in shares:
        span = sorted(prep.subtree, key=lambda t: t.i)
        if span[-1].pos_ == "NUM" and len(span) <= 3:
            lead = [c for c in tok.children if c.dep_ == "advmod" and c.i == tok.i - 1]  # "Nearly"
            return [*lead, tok, *span]
    # "About three in 10 said": parsed with "three" and "in" as quantifiers of "10"
    quant = [c for c in tok.children if c.dep_ == "quantmod" and c.i < tok.i]
    if (
        len(quant) == 2
        and quant[0].pos_ == "NUM"
        and quant[1].lower_ in ("in", "of")
        and quant[1].i == tok.i - 1
    ):
        lead = [c for c in quant[0].children if c.dep_ == "advmod" and c.i == quant[0].i - 1]  # "About"
        return [*lead, *quant, tok]
    return None


def quantifier_tokens(tok) -> list | None:
    """ "Many in Hong Kong", "Most of the residents", "Those close to him", "Some": a quantifier that is
    the subject stands for the people it picks out (with its phrase, when it has one); None otherwise.
    "One" and "those" need a phrase ("One of the doctors"); alone they are rarely people."""
    if (share := share_tokens(tok)) is not None:
        return share
    if (count := _count_tokens(tok)) is not None:
        return count
    low = tok.lower_
    if low not in QUANTIFIERS or tok.pos_ not in ("PRON", "ADJ", "NOUN", "NUM") or tok.dep_ != "nsubj":
        return None
    if tok.head.dep_ == "relcl":  # "the kind of resistance that some have called …": naming, not saying
        return None
    if named_head(tok) is not tok:  # "One of the jilted bidders, Netherlands-based group LNM, said"
        return None
    if low == "those" and (who := _who_clause(tok)) is not None:
        return [tok, *who]  # "Those who oppose the law say": the people the clause picks out
    if (those := _of_those(tok)) is not None and (who := _who_clause(those)) is not None:
        return [tok, those.head, those, *who]  # "Some of those who sailed with him say"
    before = tok.doc[tok.i - 1] if tok.i > 0 else None
    if (
        low in ("all", "both")
        and before is not None
        and (before.pos_ in ("PROPN", "NOUN") or before.text == ")")
    ):
        return None  # "Merkley, Brown and Menendez all suggested": the names before it speak, not "All"
    extra: list = []
    for child in (c for c in tok.children if c.i > tok.i):
        # "in favor of tariffs", "of his supporters", "close to him": short, verbless, right after it
        placing = _PLACING if low in ("those", "others") else QUALIFYING
        if (child.dep_ == "prep" and child.lower_ in placing) or child.dep_ == "amod":
            extra = sorted(child.subtree, key=lambda t: t.i)
        break
    if any(t.pos_ in ("VERB", "AUX", "PUNCT") for t in extra) or len(extra) > 6:
        return None
    if (not extra and low not in BARE_QUANTIFIERS) or (extra and extra[-1].i - tok.i != len(extra)):
        return None
    return [tok, *extra]


def _count_tokens(tok) -> list | None:
    """ "Another 3,000 said they were interested": a bare count saying something stands for the people
    counted (not a year: "2016 said …" is no one)."""
    saying = tok.dep_ == "nsubj" and tok.head.lemma_.lower() in ("say", "tell")
    year = tok.text.isdigit() and 1800 <= int(tok.text) <= 2100
    if tok.pos_ != "NUM" or not tok.like_num or not saying or year:
        return None
    words = sorted(tok.subtree, key=lambda t: t.i)
    if any(t.pos_ in ("VERB", "AUX", "PUNCT") and t.text != "," for t in words) or words[-1].i != tok.i:
        return None
    return words


def _of_those(tok):
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == tok.i + 1), None)
    those = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return those if those is not None and those.lower_ == "those" and those.i == tok.i + 2 else None


def _who_clause(tok) -> list | None:
    """ "who oppose the fetal-anesthesia abortion law": a short who-clause right after the word, else None."""
    for child in tok.children:
        words = sorted(child.subtree, key=lambda t: t.i)
        opens = child.dep_ == "relcl" and words[0].lower_ == "who" and words[0].i == tok.i + 1
        if (
            opens
            and len(words) <= 10
            and words[-1].i - tok.i == len(words)
            and not any(t.is_punct for t in words)
        ):
            return words
    return None


def quantifier_phrase(tok) -> str | None:
    """The name of `quantifier_tokens`' people, capitalised ("Most of the residents"), else None."""
    toks = quantifier_tokens(tok)
    text = joined(toks) if toks else ""
    return text[:1].upper() + text[1:] if text else None


def speaker_tokens(head) -> list:
    """The words that name a speaker: a quantifier's phrase, else the noun phrase with its qualifier."""
    return quantifier_tokens(head) or [*np_tokens(head), *qualifier(head)]


def qualified_np_text(head) -> str:
    """`np_text` with the head's `qualifier`, if any; a group joined by "and" to another keeps both
    ("relatives and lawyers of the accused", "his advisers and allies")."""
    text = np_text(head)
    if (other := _joined_group(head)) is not None:
        head, text = other, f"{text} and {np_text(other, strip_det=False)}"
    extra = qualifier(head)
    return f"{text} {''.join(t.text_with_ws for t in extra).strip()}" if extra else text


def _joined_group(head):
    """The plural common noun right after "head and", itself a plural common noun, else None."""
    doc = head.doc
    if head.tag_ != "NNS" or head.pos_ != "NOUN" or head.i + 2 >= len(doc) or doc[head.i + 1].lower_ != "and":
        return None
    others = [c for c in head.children if c.dep_ == "conj" and c.tag_ == "NNS" and c.pos_ == "NOUN"]
    return others[0] if others and np_tokens(others[0])[0].i == head.i + 2 else None


def named_head(tok):
    """The name a role noun introduces ("A spokesman for X, NAME," / "Her colleague Dr. NAME"), or an
    organisation a common noun or "one" introduces ("One of the jilted bidders, Netherlands-based group
    LNM, said"), else tok."""
    title = tok.pos_ == "PROPN" and not tok.ent_type_  # "The Lord Chancellor, Lord Falconer, agreed"
    if tok.pos_ not in ("NOUN", "NUM") and not title:
        return tok
    for child in tok.children:
        if child.dep_ != "appos" or child.pos_ != "PROPN":
            continue
        if person_entity(child) is not None:
            return child
        if not title and (ent := entity_of(child)) is not None and ent.label_ == "ORG":
            return child
        if tok.pos_ == "NUM" and not child.ent_type_:
            return child  # "One of the foreign bidders …, steel giant LNM, told": a name left unlabelled
    if not title:
        # a name in apposition to the name in the "of" phrase, which needs none, names the noun itself ("An
        # uncle of suspect Yassine Labidi, Abeld Malik Labidi, told"); after "one of" an organisation may
        # too ("One of the jilted bidders, Netherlands-based group LNM, said")
        heads = ("PROPN", "NOUN") if tok.pos_ == "NUM" else ("PROPN",)
        for prep in (c for c in tok.children if c.dep_ == "prep"):
            for obj in (c for c in prep.children if c.dep_ == "pobj" and c.pos_ in heads):
                for child in obj.children:
                    if child.dep_ != "appos" or child.pos_ != "PROPN":
                        continue
                    ent = entity_of(child)
                    if person_entity(child) is not None or tok.pos_ == "NUM" and ent and ent.label_ == "ORG":
                        return child
    return tok
