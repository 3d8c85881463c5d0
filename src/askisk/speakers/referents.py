"""Which record a "the <noun>" or a bare "one" stands for: the one the text described by that noun ("the
report"); else the one person a role noun introduced ("One senior banker … The senior banker"), or the firm
a story is about ("Shares in Cairn Energy, a UK oil firm, … The company said"); "one" after a group that
spoke is one of them. Plain functions over the registry's records and spaCy tokens.
"""

from __future__ import annotations

from askisk.speakers import anaphora
from askisk.speakers.mention import Record
from askisk.speakers.names import headed_by, name_head
from askisk.speakers.rules import vocab

# what news calls the company a story is about, whichever word it used for it before
FIRM_NOUNS = frozenset({"company", "firm"})
_NEAR = 2  # paragraphs back that an organisation named before still counts


def by_noun(records: list[Record], noun: str, one: bool = False) -> Record | None:
    """The latest record the text described by this noun ("the report", "the port authority" later "the
    authority"), else a group whose name the noun heads ("Labour Party" for "the party")."""
    hits = [r for r in records if noun in r.nouns and not (one and r.name.endswith(noun + "s"))]
    if not hits:
        hits = [r for r in records if r.kind == "group" and headed_by(r.name, noun)]
    return max(hits, key=lambda r: r.last) if hits else None


def one_met(records: list[Record], tok) -> Record | None:
    """ "One senior banker … offered support. … The senior banker was opposed": the one person a singular
    noun introduced before, its words all given there."""
    if tok.tag_ != "NN":
        return None
    words = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound")}
    met = [
        r
        for r in records
        if r.one
        and r.kind != "person"
        and name_head(r.name) == tok.lower_
        and words <= set(r.name.lower().split())
    ]
    return max(met, key=lambda r: r.last) if met else None


def the_firm(records: list[Record], tok, base: int) -> Record | None:
    """ "Shares in Cairn Energy, a UK oil firm, slumped. … The company said": a bare "the company" / "the
    firm" with no record of that noun is one the text called a firm or a company, else the one
    organisation named in the last paragraphs that is no party, school or public body; with two or more it
    stays "the company" (a wrong firm is worse than none: "the company wrote to Columbia's president")."""
    if tok.lemma_.lower() not in FIRM_NOUNS or tok.tag_ != "NN":
        return None
    pos = base + tok.i
    seen = {id(r): [p for p in r.seen if p < pos] for r in records}
    called = [r for r in records if r.org and r.nouns & FIRM_NOUNS and seen[id(r)]]
    if called:
        return max(called, key=lambda r: max(seen[id(r)]))
    here = range(base + tok.sent.start, base + tok.sent.end)
    near = [
        r
        for r in records
        if r.org
        and seen[id(r)]
        and pos // 1_000_000 - max(seen[id(r)]) // 1_000_000 <= _NEAR
        and not _NOT_FIRMS & set(r.name.lower().split())
        and not any(p in here for p in r.seen)  # "the company wrote to Columbia's president": not Columbia
    ]
    if len(near) == 1:
        return near[0]
    # "Blue Origin says …. The module, NS-23 …. The company stated": of several, the one that spoke
    spoke = [r for r in near if 0 <= r.spoke < pos]
    return spoke[0] if len(spoke) == 1 else None


# words that name a party, a school, a public body or a people, never what "the company" stands for
_NOT_FIRMS = vocab(
    "party gop democrats republicans democratic republican university college school congress senate house "
    "committee department ministry government council commission agency court police campaign army navy "
    "administration parliament assembly office service services union church"
)


def member_of(records: list[Record], group: Record) -> Record:
    """ "Underwriters said …. '…,' one said": one of that group, shown so ("One of the underwriters"), one
    person a later "he" may stand for; the same record each time one of them speaks."""
    # "the underwriters" when the text wrote it in lower case; "Kyrgyz officials" keeps its capital
    the = next((a for a in group.aliases if a.lower() == f"the {group.name.lower()}"), f"the {group.name}")
    name = f"One of {the}"
    for rec in records:
        if rec.name == name:
            return rec
    rec = Record(name=name, kind="group", one=True)
    records.append(rec)
    return rec


def owner_named(records: list[Record], tok, name: str, base: int) -> tuple[str, set[str]]:
    """ "his campaign said" is "Romney's campaign": a his/her before the noun, named by whom it stands for;
    with the words as written as an alias ("her doctor" is no "she" of its own: `anaphora._may_be`)."""
    poss = next((c for c in tok.children if c.dep_ == "poss" and c.lower_ in ("his", "her")), None)
    if poss is None or not name.lower().startswith(poss.lower_ + " "):
        return name, set()
    gender = "m" if poss.lower_ == "his" else "f"
    known = [(r, r.gender) for r in records]
    owner = anaphora.person_pronoun(records, poss, gender, base)
    for r, g in known:  # only a he/she that speaks settles a person's gender
        r.gender = g
    # a wrong owner misleads more than "His campaign": only one whose gender is known to be the pronoun's
    if owner is None or not owner.tokens or gender not in (owner.gender, owner.hint):
        return name, set()
    return f"{owner.tokens[-1]}'s {name[len(poss.text) + 1 :]}", {name.lower()}
