"""What a description's own words say, whoever it may stand for: whether a "the <noun>" is anaphoric at all
(a singular definite description that names no one and has no prepositional or relative qualifier of its
own), the office it names ("the vice president" is not the president), the identifying words among its
modifiers and whether they rule a person out, and the role nouns before a name ("economist NAME"). Apart
from anaphora.py, which chooses among the people seen before: roles.py reads the same words where a name
is introduced, the registry where a description speaks. Works on records and spaCy tokens handed to it;
never imports spaCy.
"""

from __future__ import annotations

from askisk.speakers.phrases import np_text
from askisk.speakers.rules import (
    DEMONYM_NOUNS,
    FEMALE_WORDS,
    IN_FULL,
    MALE_WORDS,
    OFFICE_QUALIFIERS,
    OWN_PRONOUNS,
    PARTIES,
    PERSON_NOUNS,
    TITLES,
)

# Descriptions linked to a person (docs/attribution.md, session 5): on the BBC pages +2 sentences; on
# PolNeAR dev end to end 0.8217 -> 0.8174 by its matching rule, which credits "The Republican nominee"
# only when CoreNLP's chain names Trump (8 of the 12 changed dev passages name the right person by hand).
LINK_DESCRIPTIONS = True
_QUALIFIERS = {"prep", "relcl", "acl", "appos", "poss"}  # "the editor of X", "the star who …": a new person
_MODIFIERS = {"det", "amod", "compound", "nummod", "advmod", "npadvmod", "punct", "quantmod", "nmod"}


def is_description(tok, records: tuple | list = ()) -> bool:
    """A singular definite description of a person that names no one: "the 74-year-old comedian", "the
    Spectator editor", "the then prime minister", "the American" (a nationality as a noun). Not "the
    editor of the Spectator" or "the star who …" (their qualifier may introduce a new person), not "the
    Clinton aide" (a person's name as modifier: someone else), not a plural ("the officials")."""
    if not LINK_DESCRIPTIONS:
        return False
    kids = list(tok.children)
    det = [c for c in kids if c.dep_ == "det"]
    if not det or det[0].lower_ != "the" or det[0].i > tok.i:
        return False
    kids = [c for c in kids if not _aside(c)]
    if any(c.dep_ in _QUALIFIERS for c in kids) or any(
        c.i > tok.i and c.dep_ not in ("punct",) for c in kids
    ):
        return False
    mods = [t for c in kids if c.dep_ in _MODIFIERS and c.i < tok.i for t in c.subtree]
    if any(t.ent_type_ == "PERSON" for t in mods) or any(c.dep_ not in _MODIFIERS for c in kids):
        return False
    # "the prime minister said": the small model may tag the lower-case noun as a proper one
    if (tok.tag_ == "NN" or (tok.tag_ == "NNP" and tok.is_lower)) and person_word(tok):
        return True
    if tok.tag_ in ("NN", "NNP") and _title_word(tok) and not tok.ent_type_:
        # "The District Attorney", "The Sheriff": a title the text gave a person ("Sheriff NAME"); `described`
        noun = office_noun(tok)
        return any(noun in r.nouns for r in records if r.kind == "person")
    # "the American", "the Austrian", "the Scot": a nationality standing alone (the small model labels "the
    # Scot" a person and "the Frenchman" an organisation, so the nouns it misses are listed)
    demonym = tok.ent_type_ == "NORP" or tok.lower_ in DEMONYM_NOUNS
    return demonym and tok.tag_ in ("NNP", "JJ") and len(mods) == 1 and tok.text[:1].isupper()


def person_word(tok) -> bool:
    """A noun for one person: a role noun, a "-man"/"-woman" noun ("the businessman", "the fisherman"). Not
    an age standing alone: "said the 46-year-old" after "the Slovenia-born former model" went to the last
    speaker, not to her (PolNeAR train, session 37)."""
    low = tok.lemma_.lower()
    return low in PERSON_NOUNS or (low.endswith(("man", "woman")) and len(low) > 6 and low.isalpha())


def others_words(tok) -> set[int]:
    """The token indices of a description that speak of someone else: an owner or a clause of its own ("the
    girl's father", "a lawyer who knows her")."""
    return {
        t.i for c in tok.subtree if c.dep_ in ("poss", "relcl", "acl") and c.i != tok.i for t in c.subtree
    }


def goes_on_unnamed(recent, tok, pos: int) -> bool:
    """ "A harbor board adviser told …. The official said …": a bare role noun right after an unnamed source
    of one person spoke (in this paragraph or the one before) is that source again."""
    if recent is None or not recent.one or recent.kind == "person" or recent.spoke < 0:
        return False
    return person_word(tok) and not marks(tok) and pos // 1_000_000 - recent.spoke // 1_000_000 <= 1


def _aside(tok) -> bool:
    """ "The businessman, whose latest venture is a casino, …": a relative clause set off by commas says more
    about someone known; it does not pick out someone new."""
    doc = tok.doc
    return tok.dep_ == "relcl" and tok.left_edge.i > 0 and doc[tok.left_edge.i - 1].text == ","


def qualified(tok) -> bool:
    """The description's own modifiers identify someone ("the GOP nominee", "the South Carolina senator",
    "the band leader"): a proper or capitalised word, or a noun used as modifier. Age and manner words
    ("the 74-year-old comedian", "the then prime minister", "the former president") do not."""
    return bool(marks(tok))


def _title_word(tok) -> bool:
    """ "Sheriff", "District Attorney", and a short capitalised acronym ("Lufthansa CEO NAME")."""
    return tok.is_title or (tok.is_upper and tok.is_alpha and 2 <= len(tok.text) <= 4)


def role_nouns(before: list) -> list:
    """The role nouns among the words before a name: lower-case singular nouns ("economist NAME"), else the
    capitalised title word right before the name ("Cook County Sheriff NAME", "District Attorney NAME")."""
    nouns = [t for t in before if t.pos_ == "NOUN" and t.text.islower() and t.tag_ != "NNS"]
    last = before[-1] if before else None
    if nouns or last is None or last.i + 1 >= len(last.doc) or last.doc[last.i + 1].ent_type_ != "PERSON":
        return nouns
    if last.tag_ in ("NN", "NNP") and _title_word(last) and not last.ent_type_ and last.lower_ not in TITLES:
        return [last]
    return nouns


_OFFICE_WORDS = OFFICE_QUALIFIERS | {"former"}


def office_noun(tok) -> str:
    """The office a description names: its noun with the words among its modifiers that make it another
    office ("vice president", "prime minister", "lieutenant governor", "the former three-term governor"
    → "former governor"), else the noun's lemma."""
    words = [IN_FULL.get(t.lower_, t.lower_) for t in tok.lefts if t.lower_.rstrip(".") in _OFFICE_WORDS]
    return " ".join([*words, tok.lemma_.lower()])


def marks(tok) -> set[str]:
    """The identifying words among a role noun's own modifiers, lower-cased ({"republican"} of "the
    Republican nominee", {"band"} of "the band leader"); see `qualified`."""
    mods = [
        t
        for child in tok.children
        if child.dep_ in ("amod", "compound", "nmod") and child.i < tok.i
        for t in child.subtree
    ]
    return marks_in(mods)


def marks_in(toks) -> set[str]:
    """The identifying words among these modifier tokens: proper, capitalised or a nation / organisation /
    place, or a noun compound ("band" of "band leader"); a party's word in its one form ("GOP" is
    "republican")."""
    out = set()
    for t in toks:
        if (
            t.pos_ == "PROPN"
            or t.ent_type_ in ("NORP", "ORG", "GPE")
            or (t.text[:1].isupper() and t.i > 0)
            or (t.dep_ == "compound" and t.pos_ == "NOUN" and t.head.pos_ == "NOUN")
        ):
            out.add(PARTIES.get(t.lower_, t.lower_))
    return out


def conflicts(rec, noun: str, words: set[str]) -> bool:
    """The description's identifying words and those the person was described with for the same noun
    share none ("the Republican nominee" vs "the Democratic vice-presidential nominee"), or the description
    names a party and the person is known to be of another ("the Democratic nominee" vs "Republican NAME")."""
    have = rec.marks.get(noun)
    if bool(words) and bool(have) and not words & have:
        return True
    return other_party(parties_in(words), sides(rec))


def other_party(party: set[str], theirs: set[str]) -> bool:
    """Both sides name a party and none is the same."""
    return bool(party) and bool(theirs) and not party & theirs


def parties_in(words) -> set[str]:
    """The parties among identifying words (in `rules.PARTIES`' one form)."""
    return {PARTIES[w] for w in words if w in PARTIES}


def sides(rec) -> set[str]:
    """Every party the text gave a person or group: before the name ("Republican NAME") or in a
    description of it ("Democratic presidential nominee NAME", "NAME, the GOP nominee")."""
    return rec.parties | {p for words in rec.marks.values() for p in parties_in(words)}


def introduced_by_a(noun) -> bool:
    """ "a consulting firm" (not "Mr. Ackman's firm", "Google's parent company"): a noun the text brings
    in with "a", owned by no one, so the name beside it says which one it is."""
    kids = list(noun.children)
    return (
        noun.pos_ == "NOUN"
        and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in kids)
        and not any(c.dep_ == "poss" for c in kids)
    )


def appositive_nouns(name) -> list[tuple[str, str | None]]:
    """The nouns an apposition describes a name by, each with the role shown for it: "Cairn Energy, a UK oil
    firm" (firm, "a UK oil firm"); "a consulting firm, Blue Ridge Partners" (firm, none: the noun's phrase
    holds the name). Not "Mr. Ackman's firm, Pershing Square": a firm someone owns introduces no one."""
    nouns = [c for c in name.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    out: list[tuple[str, str | None]] = [(c.lemma_.lower(), np_text(c)) for c in nouns]
    if name.dep_ == "appos" and introduced_by_a(name.head):
        out.append((name.head.lemma_.lower(), None))
    return out


def description_gender(tok) -> str | None:
    """ "f" / "m" when the description's words give it ("the actress", "the chairman"), or the first
    his/her/himself of its own clause does ("The GOP nominee complained about his mic"), else None."""
    owners = others_words(tok)
    words = {t.lower_ for t in tok.subtree if t.i not in owners}
    if words & FEMALE_WORDS:
        return "f"
    if words & MALE_WORDS:
        return "m"
    verb = tok.head
    for t in verb.subtree:
        if t.i > tok.i and t.lower_ in OWN_PRONOUNS and t.dep_ in ("dobj", "dative") and t.head.i == verb.i:
            return None  # "Her doctor told her he wanted her to … check her ovaries": hers, the one told
        if (
            t.i > tok.i
            and t.lower_ in OWN_PRONOUNS
            and not any(c.dep_ == "nsubj" and c.i != tok.i for c in t.head.children)
            and not _either(t)
        ):
            return OWN_PRONOUNS[t.lower_]
    return None


def _either(t) -> bool:
    """ "his or her God-given potential": anyone's, of no gender."""
    doc = t.doc
    after = doc[t.i + 2] if t.i + 2 < len(doc) and doc[t.i + 1].lower_ in ("or", "and", "/") else None
    before = doc[t.i - 2] if t.i >= 2 and doc[t.i - 1].lower_ in ("or", "and", "/") else None
    return any(o is not None and o.lower_ in _EITHER for o in (after, before))


_EITHER = {"his", "him", "he", "her", "she", "hers"}
