"""One speaker as the registry knows it (`Record`: canonical name, aliases, role, gender, and where it was
mentioned and in which grammatical role), how a mention's role is read from the parse (`mention_role`),
and which known person a name's words stand for (`find_person`). Plain data and functions over records and
spaCy tokens; never imports spaCy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from askisk.speakers.rules import (
    FEMALE_WORDS,
    MALE_WORDS,
    census_genders,
    first_name_genders,
    third_person_words,
)

_COURTESY = frozenset({"Mr", "Mrs", "Ms", "Miss"})


@dataclass
class Record:
    name: str
    kind: str  # "person" | "group" | "document"
    tokens: tuple[str, ...] = ()  # person: name words as written, title excluded
    title: tuple[str, str | None] | None = None
    role: str | None = None
    nouns: set[str] = field(default_factory=set)  # generic nouns that refer to it: expert, group, report
    # noun -> its identifying words as the text described it: nominee -> {democratic}
    marks: dict[str, set[str]] = field(default_factory=dict)
    parties: set[str] = field(default_factory=set)  # "Republican Tom Barlow": rules.PARTIES' one form
    aliases: set[str] = field(default_factory=set)
    gender: str | None = None
    hint: str | None = (
        None  # census gender of the first name when `gender` is unknown: rules out, never ranks
    )
    last: int = -1  # position of the latest mention
    subject: int = -1  # position of the latest mention as a subject or speaker (salience for he/she)
    count: int = 0  # mentions so far (features of the speaker ranker)
    spoke: int = -1  # position of the latest cue it is the speaker of
    spoke_n: int = 0
    # every mention and subject position: a paragraph is registered before its sentences are read, so
    # `last` may lie after a pronoun of the same paragraph; the ranker tells before from after
    seen: list[int] = field(default_factory=list)
    subjects: list[int] = field(default_factory=list)
    roles: dict[int, str] = field(default_factory=dict)  # position -> grammatical role (mention_role)
    # a group record that is one unnamed person ("A US Embassy spokesman"): a he/she may stand for it
    one: bool = False
    heir: str = ""  # a generational suffix ("Jr."): "Donald Trump Jr." is not "Donald Trump"
    # a group of names that speak together ("Grassley and Leahy say"): a question naming one finds it
    members: list[Record] = field(default_factory=list)
    # a one-word name the text goes on about with "which" ("Carrier, which has had operations in …"): a
    # firm or a thing the entity model called a person, never a he/she
    thing: bool = False
    org: bool = False  # named as an organisation (an ORG entity): "the company" may stand for it

    def mention(self, pos: int, subject: bool = False, role: str | None = None) -> None:
        self.last = max(self.last, pos)
        self.seen.append(pos)
        if role is not None:
            self.roles[pos] = role
        if subject:
            self.subject = max(self.subject, pos)
            self.subjects.append(pos)

    def gender_from(self, word: str) -> None:
        """A gender the text gives by a word of its description ("actress", "chairman"), if none is known.
        Not an office in "-man" against the first name's census gender ("Sen. Dianne Reyes, chairman of the
        committee": American news gives women those titles); the two leave the gender unknown."""
        if self.gender is None and word in FEMALE_WORDS:
            self.gender = "f"
        elif self.gender is None and word in MALE_WORDS:
            if word.endswith("man") and word != "man" and self.hint == "f":
                self.hint = None  # "Lu Kang, a spokesman": the census's "Lu" and the office disagree
                return
            self.gender = "m"

    def gender_named(self, titles: list[str]) -> None:
        """The gender its titles give ("Mrs."), else its first name's; the census's guess for the first name
        is kept as a hint, and against a "-man" office ("Sen. Dianne Reyes, chairman of …") leaves the gender
        unknown."""
        if self.gender is not None:
            return
        if len(self.tokens) >= 2:
            self.hint = census_genders().get(self.tokens[0])
        for title in titles:
            self.gender_from(title)
        if self.gender is None and len(self.tokens) >= 2:
            self.gender = first_name_genders().get(self.tokens[0])
        elif self.gender is not None and self.hint != self.gender:
            self.hint = None

    def describe(self, noun: str, words: set[str]) -> None:
        """It goes by `noun` ("the nominee"), with these identifying words ({"democratic"})."""
        self.nouns.add(noun)
        if words:
            self.marks.setdefault(noun, set()).update(words)

    def display(self) -> str:
        if self.kind != "person":
            return self.name
        words = " ".join([*self.tokens, self.heir] if self.heir else self.tokens)
        if self.title and self.title[0].rstrip(".") in _COURTESY and len(self.tokens) >= 2:
            return words  # "Mr. Clarke" once the text gave "Tom Clarke" is cited as "Tom Clarke"
        return f"{self.title[0]} {words}" if self.title else words

    def all_aliases(self) -> list[str]:
        out = set(self.aliases)
        out.update(f"the {n}" for n in self.nouns)
        if self.kind == "person":
            surname = self.tokens[-1]
            out.update({" ".join(self.tokens), surname})
            if len(self.tokens) >= 3:
                out.add(f"{self.tokens[0]} {surname}")
            if self.title:
                out.add(f"{self.title[0]} {surname}")
                if self.title[1]:
                    out.add(f"{self.title[1].capitalize()} {surname}")
        for member in self.members:
            # their names, not "the senator": a description of one is not the pair
            out.update([member.display(), *(a for a in member.all_aliases() if not a.startswith("the "))])
        out.discard(self.display())
        return sorted(a for a in out if a)


def mention_role(tok) -> str:
    """The grammatical role of a name's head: subject of the main clause ("main"), of another clause
    ("subj"), a passive's "by" agent ("agent": "The plan was drafted by X" names X in passing, the story
    stays with its subject), object ("obj"), possessor ("poss") or "other";
    a conjunct or apposition takes the role of the phrase it belongs to."""
    for _ in range(3):
        if tok.dep_ not in ("conj", "appos") or tok.head.i == tok.i:
            break
        if tok.dep_ == "appos" and tok.head.dep_ == "pobj" and tok.head.pos_ == "PROPN":
            # "An uncle of suspect X, NAME, told": the name names the role noun the "of" phrase hangs on
            tok = tok.head.head.head
            continue
        tok = tok.head
    dep = tok.dep_
    if dep in ("nsubj", "nsubjpass"):
        return "main" if tok.head.dep_ == "ROOT" else "subj"
    if dep == "pobj" and tok.head.dep_ == "agent":
        return "agent"
    if dep in ("dobj", "iobj", "dative", "pobj", "attr", "oprd"):
        return "obj"
    return "poss" if dep == "poss" else "other"


def describes_another(ent) -> bool:
    """A name inside another person's description ("Obama campaign manager Jim Messina"): a compound
    modifier whose chain of heads reaches a person named by another entity."""
    tok = ent.root
    for _ in range(4):
        if tok.dep_ != "compound" or tok.head.i == tok.i:
            break
        tok = tok.head
        if tok.ent_type_ == "PERSON" and not ent.start <= tok.i < ent.end:
            return True
    return _in_apposition(ent)


def _in_apposition(ent) -> bool:
    """ "said Al Cardenas, a Bush adviser who is also close to Rubio": a name inside the apposition that
    describes another named person (a later "He added" is still Cardenas)."""
    tok = ent.root
    for _ in range(6):
        if tok.head.i == tok.i:
            return False
        if tok.dep_ == "appos" and tok.head.ent_type_ == "PERSON" and not ent.start <= tok.head.i < ent.end:
            return tok.pos_ == "NOUN"
        tok = tok.head
    return False


def kin_named(found: list[Record]) -> Record | None:
    """The first of the persons a name matches (latest first), passing over one introduced as another's
    relative ("Nick Gordon's mother, Michelle Gordon"): a bare "Gordon" after that is still Nick Gordon;
    the story names his mother in full."""
    for rec in found:
        role = (rec.role or "").lower()
        if not any(o is not rec and o.display().lower() + "'s " in role for o in found):
            return rec
    return found[0] if found else None


def seen_before(found: list[Record], pos: int) -> list[Record]:
    """Of several persons one name matches, those mentioned before `pos`, latest first; all of them when
    none was. A paragraph is registered before its sentences are read: '"…," said Kujda.' before
    "Malgorzata Kujda, Jarek's sister" is the Jarek Kujda named before."""
    earlier = [r for r in found if any(p < pos for p in r.seen)]
    if len(found) < 2 or not earlier:
        return found
    return sorted(earlier, key=lambda r: max(p for p in r.seen if p < pos), reverse=True)


def find_person(
    records: list[Record], words: list[str], gender: str | None = None, before: int = -1, heir: str = ""
) -> Record | None:
    """The latest person these words name; a gendered title ("Mrs. Clinton") prefers one of that gender
    ("Hillary Clinton" over a later "Bill Clinton" whose gender the text never gave); see `kin_named`.
    With `before`, one already mentioned before that position outranks one its paragraph names only
    later ('"…," said Kujda.' before "Malgorzata Kujda, Jarek's sister" is Jarek Kujda)."""
    want = {w.lower() for w in words}
    found = []
    for rec in reversed(records):
        if rec.kind != "person":
            continue
        have = {w.lower() for w in rec.tokens}
        if rec.tokens[-1].lower() == words[-1].lower() and (want <= have or have <= want):
            found.append(rec)
    if not found and len(words) == 1:
        # "Serena said …" after "Serena Williams": a first name alone, when one person named bears it
        first = [r for r in records if r.kind == "person" and len(r.tokens) >= 2 and r.tokens[0] == words[0]]
        found = first if len(first) == 1 else []
        for rec in found:
            # "Li says …" after "Li Weidong": the word used alone may be the family name written first,
            # so what the census says of it as a first name tells nothing
            rec.hint = None
    # "Trump" beside "Donald Trump Jr.": the son goes by his suffix, the name alone is his father's; a bare
    # surname no title came with ("Biden" in a headline) is the one the full name now gives
    if heir:
        found = [
            r for r in found if r.heir == heir or not r.heir and len(r.tokens) < len(words) and not r.title
        ]
    else:
        found = [r for r in found if not r.heir] or found
    found = seen_before(found, before) if before >= 0 else found
    return kin_named([r for r in found if r.gender == gender] if gender else found) or kin_named(found)


def relative(words: list[str], pos: int) -> Record:
    """ "Ivanka Trump" after "Donald Trump": a person of the same surname, not the one named before."""
    rec = Record(name=" ".join(words), kind="person", tokens=tuple(words))
    rec.gender, rec.hint = first_name_genders().get(words[0]), census_genders().get(words[0])
    rec.mention(pos)
    rec.count += 1
    return rec


_FIRST = re.compile(r"\b(?:I|me|my|myself)\b")


def spoken_of(rec: Record, words: str) -> bool:
    """ "They forced the shooter to stop … where we believed he had several hostages": words that speak of
    the person in the third person (their he/she, or their last name) and never as "I" are not theirs."""
    if _FIRST.search(words):
        return False
    surname = rec.tokens[-1] if rec.kind == "person" and rec.tokens else None
    if surname and re.search(rf"\b{re.escape(surname)}\b", words):
        return True
    third = third_person_words(rec.gender)
    return any(w.lower() in third for w in re.findall(r"[A-Za-z]+", words))


def surname_as_group(records: list[Record], since: int, gender: str, pos: int) -> Record | None:
    """ "“…,” Conaway said in a statement. ¶ “…,” he added.": the last to speak before `pos` (after `since`,
    here or a paragraph before) when it is a one-word name the entity model labelled an organisation; a
    he/she adding to its words shows it is a person's surname, and it becomes that person. Else None."""
    rec = max((r for r in records if 0 <= r.spoke < pos), key=lambda r: r.spoke, default=None)
    if rec is None or rec.spoke <= since or pos // 1_000_000 - rec.spoke // 1_000_000 > 1:
        return None
    name = rec.name
    if rec.kind != "group" or " " in name or not name.istitle() or not name.isalpha() or rec.nouns or rec.one:
        return None
    rec.kind, rec.tokens, rec.gender, rec.org = "person", (name,), gender, False
    return rec
