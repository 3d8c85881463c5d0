"""Can this common noun be a source of speech or opinion? ("officials", "the report", "the campaign": yes;
"the attack", "the dots", "the combination", "the painting", "Monday": no.)

Owns: the one animacy test `Registry.resolve` applies before it turns a common-noun phrase into a group
speaker. Named people and organisations, pronouns and the nouns the rules list (people, documents,
generic organisations) never reach it or always pass. The rest is learned (scripts/train_animacy.py): a
logistic regression over the bundled MiniLM encoder's vector of the head lemma and its WordNet senses'
lexicographer files and hypernyms (WordNet at training time only), trained on PolNeAR train
(heads of gold sources against heads of subjects outside every attribution), shipped as its scores over a
fixed vocabulary so that no encoder loads here. A lemma outside that vocabulary can speak (today's rule).
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from askisk.speakers.rules import (
    DOCUMENT_NOUNS,
    GENERIC_ORG_NOUNS,
    INSTRUMENT_NOUNS,
    PERSON_NOUNS,
    QUANTITY_NOUNS,
    vocab,
)

# scores below this refuse the noun (the shipped table holds only lemmas under the training cut-off); 0.18
# refuses 2.8 % of positive and 40 % of negative lemmas held out (5-fold), see docs/attribution.md
REFUSE_BELOW = 0.18
_ANIMATE_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


@lru_cache(maxsize=1)
def _scores() -> dict[str, float]:
    raw = resources.files("askisk.speakers").joinpath("data/animacy.json").read_text(encoding="utf-8")
    return dict(json.loads(raw)["scores"])


def score(lemma: str) -> float:
    """The model's score for a noun lemma (1.0 when the lemma is outside the shipped table)."""
    return _scores().get(lemma.lower(), 1.0)


def proper_word(tok) -> bool:
    """A proper noun, or a capitalised word the tagger calls a common noun that is none of the common nouns
    the table knows: an unfamiliar surname opening a sentence, tagged as a noun."""
    return tok.pos_ == "PROPN" or (
        tok.pos_ == "NOUN" and tok.text[:1].isupper() and tok.lower_ not in _scores()
    )


def listed(tok) -> bool:
    """A noun the rules list as one who speaks: a person, a document, an organisation, a share of people."""
    lemma = tok.lemma_.lower()
    return any(lemma in words for words in (PERSON_NOUNS, DOCUMENT_NOUNS, GENERIC_ORG_NOUNS, QUANTITY_NOUNS))


# "a senior government figure has warned": a figure of public life, a person, not a number
_PUBLIC = vocab(
    "senior leading key prominent top public political influential respected controversial powerful "
    "central major religious royal party opposition government establishment cabinet military"
)


# plural "key figures", "top figures", "major figures" are as often numbers ("the key figures show …")
_PUBLIC_MANY = _PUBLIC - vocab("key top major central")


def person_figure(tok) -> bool:
    """A "figure" a rank or a field qualifies ("a senior figure", "a government figure", "senior figures
    there said"): someone who can speak, not one of the figures that show or suggest."""
    public = _PUBLIC if tok.tag_ == "NN" else _PUBLIC_MANY if tok.tag_ == "NNS" else frozenset()
    return tok.lemma_.lower() == "figure" and any(
        c.dep_ in ("amod", "compound") and c.lower_ in public for c in tok.children
    )


# what a text of law does when it gives its words ("the proposed law says", "the law states that …")
_LAW_WORDS = vocab("say state read continue add stipulate specify")


def law_text(tok) -> bool:
    """ "'…,' the proposed law says", "the plan calls for …": a law or plan that gives its words speaks like a
    document; "according to the law" or "the law requires" is what the law allows or asks, no one's words."""
    if tok.lemma_.lower() not in ("law", "plan") or tok.dep_ != "nsubj":
        return False
    verb = tok.head
    # "The Uighur law calls for sanctions", "the plan calls on firms to …": what it demands, in its words
    calls = verb.lemma_.lower() == "call" and any(
        c.dep_ == "prep" and c.lower_ in ("for", "on") for c in verb.children
    )
    return calls or tok.lemma_.lower() == "law" and verb.lemma_.lower() in _LAW_WORDS


def instrument(tok) -> bool:
    """A noun for what records or measures ("the video shows", "the data suggest"), not a figure of public
    life (`person_figure`)."""
    return tok.lemma_.lower() in INSTRUMENT_NOUNS and not person_figure(tok)


def can_speak(tok) -> bool:
    """Whether the noun phrase headed by `tok` (a spaCy token) can say or think something."""
    if tok.pos_ != "NOUN" or tok.ent_type_ in _ANIMATE_LABELS:
        return True
    if tok.text[:1].isupper() and not any(c.dep_ in ("det", "poss", "nummod") for c in tok.children):
        return True  # a bare capitalised "Wines believes" is a name; "Subsequent treatment seemed" is not
    lemma = tok.lemma_.lower()
    if listed(tok):
        return True
    # "a large body of studies", "a team of researchers": the "of" phrase names who speaks (a plural;
    # "a statue of a sitting Buddha" is still a statue)
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
        if any(o.dep_ == "pobj" and o.tag_ in ("NNS", "NNPS") and can_speak(o) for o in prep.children):
            return True
    return score(lemma) >= REFUSE_BELOW


def other_subject(tok):
    """A second subject after the verb of a subject that cannot speak: "The slump, say economists, marks …"
    (the parser hangs both nouns on "say"); None when there is none."""
    if tok.dep_ != "nsubj":
        return None
    verb = tok.head
    later = [c for c in verb.children if c.dep_ == "nsubj" and c.i > max(verb.i, tok.i)]
    return later[0] if later and later[0].pos_ in ("NOUN", "PROPN") else None


def names_a_thing(tok) -> bool:
    """ "NASA's Dawn spacecraft … Dawn will make its closest approach": a word the text puts before a common
    noun and, as a subject, gives "its", names a thing (not "the Clinton campaign … Clinton said")."""
    same = [t for t in tok.doc if t.text == tok.text]
    before_noun = any(t.dep_ == "compound" and t.head.pos_ == "NOUN" for t in same)
    return before_noun and any(
        t.dep_ in ("nsubj", "nsubjpass") and any(w.lower_ == "its" for w in t.head.subtree) for t in same
    )
