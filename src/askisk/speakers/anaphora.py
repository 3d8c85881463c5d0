"""Which earlier person a he/she or a definite description stands for ("he said", "said the 74-year-old
comedian", "the then prime minister told").

Owns: the choice among the people a registry has seen before a position: the rules' salience order
(last seen as a subject or speaker, then mentioned), gender agreement, and the learned ranker for
pronouns (which descriptions are anaphoric at all, and what their own words say, is `descriptions`).
Works on records and spaCy tokens handed to it; never imports spaCy; never names anyone.
"""

from __future__ import annotations

from askisk.speakers import animacy, ranker
from askisk.speakers.binding import bound, bound_words, whose_text
from askisk.speakers.descriptions import (
    conflicts,
    description_gender,
    goes_on_unnamed,
    marks,
    office_noun,
    other_party,
    parties_in,
    person_word,
    qualified,
    sides,
)
from askisk.speakers.joint import conjuncts
from askisk.speakers.mention import surname_as_group
from askisk.speakers.names import name_head
from askisk.speakers.rules import CALLING_NOUNS, OWN_PRONOUNS, QUOTE_TOKENS, TITLES, third_person_words

TITLE_NOUNS = frozenset(noun for _, noun in TITLES.values() if noun)


def pronoun(records: list, gender: str, pos: int, char: int = -1, bound: frozenset[int] = frozenset()):
    """The person a he/she at registry position `pos` stands for, or None; never one named at a `bound`
    position."""
    if bound:
        records = [r for r in records if bound.isdisjoint(r.seen)]
    people = [r for r in records if _one(r) and 0 <= r.last < pos and _may_be(r, gender)]
    # "This chart, provided by Statista, …": a one-word name that never spoke may be a firm; a he/she last
    people = [r for r in people if r.gender == gender or _maybe_person(r)] or people
    same = [r for r in people if r.gender == gender]
    unknown = [r for r in people if r.gender is None]
    pool = same or unknown
    # the ranker also sees people named before the pronoun and again later in its paragraph
    views = [ranker.before(r, pos) for r in records if _one(r) and _may_be(r, gender)]
    seen = [v for v in views if v.last >= 0 and v.rec.gender in (gender, None)]
    likely = [v for v in seen if v.rec.gender == gender or _maybe_person(v.rec)]
    if not pool:
        if not likely:
            return None
        # "Bassi … “…,” he said. … Bassi said": the only person was named before and again after
        pool = [max(likely, key=lambda v: v.last).rec]
    rec = max(pool, key=salience)
    # a newer person of unknown gender is a closer antecedent unless far behind
    if same and unknown and max(unknown, key=lambda r: r.last).last > rec.last:
        newer = max(unknown, key=lambda r: r.last)
        if newer.last // 1_000_000 > rec.last // 1_000_000:
            rec = newer
    if likely and rec.gender != gender and not _maybe_person(rec) and all(v.rec is not rec for v in likely):
        rec = max(likely, key=lambda v: v.last).rec  # a person named before, and again later in the paragraph
    seen = likely or seen
    rec = ranker.choose(seen, gender, pos, rec, char)
    rec.gender = rec.gender or (gender if rec.hint in (None, gender) else None)  # not against the census
    return rec


def person_pronoun(records: list, tok, gender: str, base: int):
    """The person a subject he/she at `tok` stands for (`pronoun`, then `not_the_one_quoted`), or None."""
    words = bound_words(tok)  # "“… trust Jones …,” he said": never Jones; "“… Paul agreed …”": not Paul Ryan
    records = [r for r in records if not (r.tokens and {r.tokens[0].lower(), r.tokens[-1].lower()} & words)]
    if (rec := whose_text(records, tok, gender)) is not None:
        rec.gender = gender
    rec = rec or pronoun(records, gender, base + tok.i, tok.idx, bound(tok, base))
    rec = rec and not_the_one_quoted(records, rec, tok, gender, base + tok.i)
    rec = rec and the_one_adding(records, rec, tok, gender, base + tok.i)
    return rec and the_speaker_goes_on(records, rec, tok, gender, base + tok.i)


def the_one_adding(records: list, rec, tok, gender: str, pos: int):
    """'Dr Fauci … said: “…” ¶ “…” ¶ He added: “…”': one who adds goes on from the last words said, so the
    "he" is the last person who spoke (in this paragraph or the two before), when that is not `rec`."""
    if tok.dep_ != "nsubj" or tok.head.lemma_.lower() != "add":
        return rec
    last = _last_to_speak(records, gender, pos)
    since = max(rec.spoke, last.spoke if last else -1)
    if (named := surname_as_group(records, since, gender, pos)) is not None:
        return named
    para = pos // 1_000_000
    if last is None or last is rec or last.spoke <= rec.spoke or para - last.spoke // 1_000_000 > 2:
        return _last_subject(records, gender, pos) or rec
    # "Rutledge echoed that loss. “…,” he adds.": one made the subject since the last words is the one adding
    here = last.spoke // 1_000_000 == para
    return last if here or rec.subject < last.spoke else rec


def the_speaker_goes_on(records: list, rec, tok, gender: str, pos: int):
    """'Ruiz … attacked Lund's budget as "…". ¶ "We will not be lectured …," he said.': a quotation opening a
    paragraph, closed by "he said", is the one person's who spoke in the paragraph before; else `rec`."""
    doc = tok.doc
    if tok.sent.start or doc[0].text not in QUOTE_TOKENS or tok.i < 2 or doc[tok.i - 1].text not in _TAG_OPEN:
        return rec
    para = pos // 1_000_000
    spoke = [r for r in records if _one(r) and 0 <= r.spoke < pos and r.spoke // 1_000_000 == para - 1]
    spoke = [r for r in spoke if _may_be(r, gender) and r.gender in (gender, None)]
    return spoke[0] if len(spoke) == 1 else rec


def not_the_one_quoted(records: list, rec, tok, gender: str, pos: int):
    """'"His determination … meant he helped …," he said.': the words speak of another he, so the "he" who
    says them is the last person who spoke, not the one the story has just named (`rec`, the rules' and
    the ranker's choice by recency). The last speaker, when that is someone else; else `rec`."""
    doc = tok.doc
    if tok.i == 0 or doc[tok.i - 1].text not in QUOTE_TOKENS:
        return rec
    third = third_person_words(gender)
    if not any(t.lower_ in third for t in doc[tok.sent.start : tok.i - 1]):
        return rec
    last = _last_to_speak(records, gender, pos)
    return last if last is not None and last is not rec and last.spoke > rec.spoke else rec


def _last_subject(records: list, gender: str, pos: int):
    """ "Sebelius named Snyder as the one to blame. ¶ But, she added, “…”": the last subject of this gender,
    here or a paragraph before, when no one has spoken since; else None."""
    people = [r for r in records if _one(r) and 0 <= r.subject < pos and _may_be(r, gender)]
    last = max((r for r in people if r.gender in (gender, None)), key=lambda r: r.subject, default=None)
    spoke = max((r.spoke for r in records if r.spoke < pos), default=-1)
    if last is None or pos // 1_000_000 - last.subject // 1_000_000 > 1 or last.subject < spoke:
        return None
    return last


def _last_to_speak(records: list, gender: str, pos: int):
    """The one person of this gender (or of none known) who spoke last before `pos`, or None."""
    speakers = [r for r in records if _one(r) and 0 <= r.spoke < pos and _may_be(r, gender)]
    return max((r for r in speakers if r.gender in (gender, None)), key=lambda r: r.spoke, default=None)


def _maybe_person(rec) -> bool:
    """A record that may be a person: not a one-word name met once and never as a subject ("This chart,
    provided by Statista, …": the entity model's person may be a company)."""
    return " " in rec.name or rec.spoke >= 0 or rec.subject >= 0 or rec.count > 1


def _one(rec) -> bool:
    """One person: a named person, or a singular role noun naming no one ("a US Embassy spokesman")."""
    return rec.kind == "person" and not rec.thing or rec.one


def _may_be(rec, gender: str) -> bool:
    """Not ruled out for a he/she: a person of unknown gender whose first name the census gives the other
    gender ("Laura" for a he) is."""
    # "her doctor", renamed
    owned = (OWN_PRONOUNS.get(n.split(" ", 1)[0].lower()) for n in (rec.name, *rec.aliases))
    if rec.gender is None and gender in owned:
        return False  # "Her doctor told her …. “…,” she wrote.": she is the one whose doctor it is
    return rec.gender is not None or rec.hint is None or rec.hint == gender


_TAG_OPEN = frozenset({*QUOTE_TOKENS, ","})


def described(records: list, tok, pos: int, recent=None, headline: frozenset[str] = frozenset()):
    """The person an anaphoric description at `pos` stands for, or None (the description then stays a
    speaker of its own): the latest person seen before it that the same noun described ("economist
    NAME" … "the economist"); else, for a title noun ("the prime minister"), no one (it names a known
    figure, not the story's subject) unless the lede the headline names spoke (`_lede_speaker`); else the
    last speaker when that is a person not of the other gender ("X said … said the 74-year-old comedian"),
    or an unnamed one just heard; else whom the pronoun ranker picks for its gender (any when none)."""
    gender = description_gender(tok)
    noun = tok.lemma_.lower()
    if noun not in TITLE_NOUNS and goes_on_unnamed(recent, tok, pos):
        return recent
    views = [
        ranker.before(r, pos)
        for r in records
        if r.kind == "person"
        and gender in (None, r.gender or gender)
        and (gender is None or _may_be(r, gender))
    ]
    # "the Republican nominee" is not the one the text called "the Democratic vice-presidential nominee"
    words = marks(tok)
    pool = [v for v in views if v.last >= 0 and not conflicts(v.rec, noun, words)]
    if noun in TITLE_NOUNS or (not person_word(tok) and not tok.ent_type_):
        # "the prime minister" names a known figure unless the text gave someone the title; so does a title
        # outside the role nouns ("Brooklyn District Attorney NAME" … "The District Attorney")
        office = office_noun(tok)  # "the vice president" is not the president
        holders = [v for v in pool if office in v.rec.nouns]
        # "President Trump" … "Ann Lee, president of the Fed" … "The president says": the title before a name
        holders = [v for v in holders if v.rec.title and v.rec.title[1] == office] or holders
        if holders:
            # "President Donald Trump" seven times, "Turkish President Recep Erdoğan" once, then "the
            # president tweeted": the one the story keeps naming, not the one named last
            return max(holders, key=lambda v: (v.count, v.last)).rec
        return _lede_speaker(records, pool, recent, pos, headline)
    if not pool:
        return None
    named = [v for v in pool if noun in v.rec.nouns]  # "economist NAME" … "the economist"
    if named:
        return max(named, key=lambda v: v.last).rec
    if qualified(tok):
        # "the GOP nominee" the text never called anyone is not merely the last speaker; only one who
        # spoke in the same paragraph, when the description speaks right after a quotation ('…," Mr
        # Johnson said. "…," the Spectator editor told …'; "The Republican nominee outlined …" after Tim
        # Kaine spoke is not Kaine)
        # or the one person of the gender its own clause gives ("The Liberal candidate … his microphone")
        here = recent is not None and recent.spoke // 1_000_000 == pos // 1_000_000 and _after_quote(tok)
        if here and any(v.rec is recent for v in pool):
            return recent
        alike = [v.rec for v in pool if gender is not None and (v.rec.gender or v.rec.hint) == gender]
        if len(alike) == 1:
            return alike[0]
        # "Republican Tom Barlow and Democrat Ann Kessler" … "The Democratic nominee says": that party's one
        party = parties_in(words)
        sided = [v.rec for v in pool if party and party <= sides(v.rec)]
        return sided[0] if len(sided) == 1 else _lede_speaker(records, pool, recent, pos, headline)
    if recent is not None and any(v.rec is recent for v in pool):
        # "…," said McEnroe. Roddick was left frustrated …. "…," said the American': a person made the
        # subject after the last speaker spoke is the one the story has turned to
        topic = [v for v in pool if v.rec is not recent and v.subject > recent.spoke >= 0]
        return max(topic, key=lambda v: v.subject).rec if topic else recent
    rule = max(pool, key=lambda v: salience(v.rec))
    model = ranker.pronoun_ranker()
    if model is not None and len(pool) > 1:
        rule = max(
            pool,
            key=lambda v: model.score(
                ranker.pronoun_features(v, pool, gender or v.rec.gender or "m", pos, rule.rec)
            ),
        )
    rule.rec.gender = rule.rec.gender or gender
    return rule.rec


def _lede_speaker(records: list, pool: list, recent, pos: int, headline: frozenset[str]):
    """ "Blair sees greater Bush consensus. Tony Blair has said …. The prime minister said …": the one
    person who has spoken so far, once, in the paragraph before, named in the headline and given no title
    or role of their own, is the one the next paragraph describes (the news golds resolve every such
    description to a name). Not "Farmer Tom Reid said …. The prime minister said …", under no headline."""
    if recent is None or recent.kind != "person" or recent.role is not None:
        return None
    if recent.title is not None and recent.title[1] is not None:
        return None  # an office of their own ("Mr" is none)
    if recent.spoke_n != 1 or pos // 1_000_000 - recent.spoke // 1_000_000 != 1:
        return None
    if any(r is not recent and r.spoke >= 0 for r in records):
        return None
    if not recent.tokens or recent.tokens[-1] not in headline:
        return None
    return recent if any(v.rec is recent for v in pool) else None


def _after_quote(tok) -> bool:
    """The description speaks a quotation its sentence opens with ('"…," the Spectator editor told')."""
    return tok.sent[0].text in ('"', "“", "'", "‘")


def salience(rec) -> int:
    """Last seen as a subject or speaker outranks mentioned since (by up to two paragraphs)."""
    return max(rec.subject, rec.last - 2_000_000)


def organisation_before(records, pos: int):
    """ "It also reported that …" after a person spoke: the organisation last named as a subject before
    `pos`, in its paragraph or the one before, or None."""
    best, at = None, -1
    for rec in records:
        if rec.kind == "person" or rec.one:  # a group, or a document ("The video included …. It said")
            continue
        here = [p for p in rec.subjects if p < pos and p // 1_000_000 >= pos // 1_000_000 - 1]
        if here and max(here) > at:
            best, at = rec, max(here)
    return best


def subject_before(tok, word: str):
    """The main subject of the sentence before, when `tok` is `word` opening its own sentence as subject."""
    if tok.lower_ != word or tok.i != tok.sent.start or tok.i == 0 or tok.dep_ != "nsubj":
        return None
    return main_subject_before(tok, ("nsubj", "nsubjpass"))


def main_subject_before(tok, roles: tuple[str, ...] = ("nsubj",)):
    """The main subject of the sentence before `tok`'s, or None."""
    if tok.sent.start == 0:
        return None
    before = tok.doc[tok.sent.start - 1].sent
    return next((c for c in before.root.children if c.dep_ in roles), None)


def thing_before(tok):
    """ "A video of the chant made headlines. It shows students …": an "it" opening the sentence after one
    whose subject is a thing that cannot speak stands for that thing, not for an organisation named before.
    The thing's token, or None."""
    subj = subject_before(tok, "it")
    if subj is None or subj.tag_ != "NN":
        return None
    return subj if animacy.instrument(subj) or not animacy.can_speak(subj) else None


def joint_before(tok):
    """ "Cantona and Ferguson have backed the group. They have all spoken out against the bid.": a "they"
    opening the sentence after one whose subject is names joined by "and" stands for them. That subject's
    token, or None."""
    subj = subject_before(tok, "they")
    # "Coons and Lankford wrote …": the parser may take the first surname for a common noun
    named = subj is not None and (subj.pos_ == "PROPN" or subj.text[:1].isupper())
    return subj if named and conjuncts(subj) else None


_SURELY_SPEAKS = 0.9


def people_before(tok):
    """ "The executives have refused to confirm reports …. They announced in November they would quit": a
    "they" opening the sentence after one whose subject is people stands for them, whether or not they
    spoke. That subject's token, or None."""
    subj = subject_before(tok, "they")
    if subj is None or subj.tag_ != "NNS" or any(c.dep_ == "poss" for c in subj.children):
        return None
    lemma = subj.lemma_.lower()
    # the animacy model's sure cases only: a capital at the sentence's start is no sign here ("Prices rose")
    people = person_word(subj) or lemma in CALLING_NOUNS or animacy.score(lemma) >= _SURELY_SPEAKS
    return subj if people and subj.pos_ == "NOUN" and not animacy.instrument(subj) else None


def the_noun_of(records, tok):
    """ "the video" after "a 2014 al-Nusra video": the one group or document whose name ends in the noun."""
    if tok.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return None
    hits = [r for r in records if r.kind != "person" and not r.one and name_head(r.name) == tok.lower_]
    return hits[0] if len(hits) == 1 else None


def introduced(records, tok):
    """ "The spokesman said" after "a Treasury spokesman said": the one person that role noun introduced
    (a record named by it and marked as one person), before any guess at who the story is about."""
    if not any(c.lower_ == "the" for c in tok.children if c.dep_ == "det"):
        return None
    noun = tok.lemma_.lower()
    party = parties_in(marks(tok))
    hits = [r for r in records if r.one and name_head(r.name) == noun and not _other_party(r, party)]
    return max(hits, key=lambda r: r.last) if hits else None


def _other_party(rec, party: set[str]) -> bool:
    """ "The Republican nominee" is not the one "The Democratic presidential nominee" introduced."""
    return other_party(party, parties_in(w.lower() for w in rec.name.split()) | sides(rec))


_LEADING_CLAUSE = frozenset(
    {"though", "although", "while", "after", "when", "as", "because", "since", "before"}
)


def _clause_subject(tok):
    """ "Though the Chinese CDC has said …, it has also acknowledged …": the subject of a leading clause."""
    for clause in tok.head.children:
        if clause.dep_ != "advcl" or clause.i > tok.i:
            continue
        if not any(c.dep_ == "mark" and c.lower_ in _LEADING_CLAUSE for c in clause.children):
            continue
        subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.pos_ != "PRON" and subj.text[:1].isupper():
            return subj
    return None


def _for_ones_part(tok):
    """ "For Rubio's part, he reminded viewers …": the one whose part the fronted phrase names."""
    for prep in tok.head.children:
        if prep.dep_ != "prep" or prep.lower_ != "for" or prep.i > tok.i:
            continue
        part = next((o for o in prep.children if o.dep_ == "pobj" and o.lower_ == "part"), None)
        owner = next((c for c in part.children if c.dep_ == "poss"), None) if part is not None else None
        if owner is not None and owner.pos_ == "PROPN":
            return owner
    return None


def sentence_subject(tok):
    """ "Carlineo was arrested for a phone call he made to Omar's office, in which he said …", "The Taliban
    claimed responsibility for the helicopter, which it said crashed …": a pronoun that is the subject of a
    relative clause stands for its sentence's subject, a name before it, not for a name the clause's own
    words bring in. The subject's token, or None."""
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return None
    if tok.head.dep_ == "ROOT":
        return _clause_subject(tok) or _for_ones_part(tok)
    if tok.head.dep_ != "relcl":
        return None
    root = tok.head
    while root.head.i != root.i:
        root = root.head
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.i > tok.i or not subj.text[:1].isupper() or subj.pos_ == "PRON":
        return None
    return subj
