"""Where a name begins and ends when the small model's entity span has it wrong: the given names it leaves
out of a surname's entity ("Ivanka" of "Ivanka Trump"), an organisation's name it cuts short at a
preposition, and the words it reads into a person's name (a title-case headline's verb, a generational
suffix, the next sentence's first word). Apart from phrases.py because these shape a name's words, where
phrases.py reads noun phrases off the parse; the registry asks both.
"""

from __future__ import annotations

import re

from askisk.nlp import NAME_PARTICLES
from askisk.speakers.formats import is_title_case
from askisk.speakers.phrases import clean_words, inner_possessives
from askisk.speakers.rules import (
    DETS,
    NAME_OPENERS,
    NAME_SUFFIXES,
    PERSON_NOUNS,
    SMALL_WORDS,
    SPEECH_VERBS,
    census_genders,
    spaced_dash,
    title_of,
)


def given_names(tok) -> list:
    """The capitalised name words right before a surname in its own phrase, up to a title ("Bill" of
    "Former President Bill Clinton", "Ivanka" of "Ivanka Trump"), whatever entity label they carry."""
    out: list = []
    i = tok.i - 1
    while i >= 0 and len(out) < 2:
        t = tok.doc[i]
        if t.head.i != tok.i or t.dep_ != "compound" or t.pos_ != "PROPN" or not t.text[:1].isupper():
            break
        if t.text.isupper() or title_of(t.text) is not None or t.lower_ in PERSON_NOUNS:
            break
        out.insert(0, t)
        i -= 1
    return out


def first_names(ent) -> list:
    """A first name right before a one-word PERSON entity that the model left out of it ("Ivanka" of
    "Ivanka Trump" when only "Trump" is labelled): else that surname is taken for the Trump named before."""
    if len(ent) != 1:
        return []
    return [t for t in given_names(ent.root) if not t.ent_type_ and t.i < ent.start]


def name_tokens(ent) -> list:
    """A person entity's tokens without a last word the parser reads as the verb of the words before it
    ("Obama Seeks More Muslim Refugees …" labelled PERSON "Obama Seeks", its "Obama" the subject of
    "Seeks"): a title-case headline's verb that no speech-verb list holds."""
    toks = list(ent)
    for k, t in enumerate(toks[1:], 1):
        if spaced_dash(t):
            toks = toks[:k]  # "Florian Hamm - Borussia Dortmund's largest investor -": an aside, not the name
            break
        if _says_form(t.text) and _headline(ent):
            toks = toks[:k]  # "Trump Says Sotomayor, Ginsburg Should Recuse …" labelled PERSON as one name
            break
    last = toks[-1]
    if (
        len(toks) > 1
        and last.tag_ in ("VBZ", "VBD")
        and any(c.dep_ == "nsubj" and c in toks for c in last.children)
        and _headline(ent)  # not "Jennifer Shanklin-Hawkins is one of …", a surname the tagger calls a verb
    ):
        return toks[:-1]
    return toks


def _says_form(word: str) -> bool:
    """ "Says", "Warns", "Urges", "Told": a speech verb's third-person or past form, capitalised."""
    w = word.lower()
    if not word[:1].isupper() or len(w) < 4:
        return False
    return w in ("said", "told") or w.endswith("s") and (w[:-1] in SPEECH_VERBS or w[:-2] in SPEECH_VERBS)


def _headline(ent) -> bool:
    return is_title_case(ent.doc.text, ent.sent.start_char, ent.sent.end_char)


_DANGLING = frozenset({"of", "for", "and", "&", "the", "in", "on", "at"})


def whole_name(ent) -> list:
    """An organisation's name the small model cut short ("Office for the Western District of" + "New York"
    labelled apart, "Office for the Northern District" + "of Ohio"): the name runs on through a dangling
    preposition, or an "of"/"for", and the capitalised words that follow."""
    doc, end = ent.doc, ent.end
    while end < len(doc):
        if doc[end - 1].lower_ in _DANGLING and doc[end].text[:1].isupper():
            end += 1
        elif doc[end].lower_ in ("of", "for") and end + 1 < len(doc) and doc[end + 1].pos_ == "PROPN":
            end += 2
        else:
            break
        while end < len(doc) and doc[end].pos_ == "PROPN":
            end += 1
    while end - ent.start > 1 and doc[end - 1].pos_ == "VERB" and _ends_no_name(doc[end - 1].text):
        end -= 1  # "Obama Says …" labelled ORG in a title-case headline
    return list(doc[ent.start : end])


def without_glued_word(words: list[str]) -> list[str]:
    """ "Black Lawmakers Rip Donald Trump": in a title-case headline the small model reads the verb into
    the name; a first word no census lists as a first name, before one it does, is dropped (not an
    initial, not a particle: "Chandler Van Voorhis" stays)."""
    second = words[1] if len(words) >= 3 else ""
    known = census_genders()
    if (
        second in known
        and words[0] not in known
        and not second.endswith(".")
        and second.lower() not in SMALL_WORDS
    ):
        return words[1:]
    return words


# a surname with the next link's text glued on, as scraped pages of The Hill hold them ("John Sidney
# McCain2020 Democrats make play …", "Daniel Scott SullivanRomney"); four letters at least ("MacArthur")
_GLUED = re.compile(r"([A-Z][\w'’-]*[a-z]{2})(?:\d+|[A-Z][a-z]+)")


def generation(words: list[str]) -> str:
    """The generational suffix ending a person's name ("Jr." of "Donald Trump Jr."), else ""."""
    return words[-1] if len(words) > 1 and words[-1].rstrip(".").lower() in NAME_SUFFIXES else ""


def without_suffix(words: list[str]) -> list[str]:
    """A person's name words without a generational suffix ("Patrick Carlineo Jr."): the surname ends it;
    nor the next sentence's first word that an initial's dot hid ("identified as Nick G. Like Africa, …"),
    nor the text a scraped page glued onto the surname."""
    for k, word in enumerate(words[1:], 1):
        glued = _GLUED.fullmatch(word)
        if glued and len(glued.group(1)) >= 4:
            words = [*words[:k], glued.group(1)]
            break
    while len(words) > 1 and words[-1].rstrip(".").lower() in NAME_SUFFIXES:
        words = words[:-1]
    while len(words) > 1 and words[-1].lower() in NAME_OPENERS:
        words = words[:-1]
    while len(words) > 1 and _ends_no_name(words[-1]) and words[-2] not in census_genders():
        words = words[:-1]  # "Obama Says African-American Museum …": a headline's verb; "Edward Said" stays
    return words


_PARTICLE_NAME = re.compile(rf"(?:{NAME_PARTICLES})-[A-Z]")


def _ends_no_name(word: str) -> bool:
    """A word that ends no name: lower case ("Trump avoids condemning …"), or a speech verb's -s or past
    form in title case ("Obama Says", "Clinton Warns")."""
    if word[:1].islower():
        return not _PARTICLE_NAME.match(word)  # "Qais al-Khazali": the article belongs to the surname
    low = word.lower()
    stems = (low[:-1], low[:-2]) if low.endswith("s") else ()
    return low in ("said", "told") or any(stem in SPEECH_VERBS for stem in stems)


def organisation_words(ent) -> tuple[list[str], bool]:
    """An organisation's name words and whether the text gave it a "the". A capitalised "The" inside a
    sentence belongs to a one-word name ("told The Hill", "according to The Atlantic"): without it the name
    reads as a surname."""
    words = clean_words(inner_possessives([t.text for t in whole_name(ent)]), numbers=True)
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    article = before is not None and before.lower_ == "the"
    if words and words[0].lower() in DETS:
        words, article = words[1:], True
    own = before is not None and before.text == "The" and before.i > ent.sent.start
    # not "The FBI" (an acronym goes without) nor a title-case headline's "The" ("Don't Let The Media …")
    if article and own and len(words) == 1 and not words[0].isupper() and not _headline(ent):
        return ["The", *words], False
    return words, article
