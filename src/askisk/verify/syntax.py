"""Small facts of a spaCy parse the verify rules share: which verbs report speech or a view, which are too
light to carry a claim, the verb a word depends on, and the slot a name fills. Pure: tokens in, strings
out."""

from __future__ import annotations

# Verbs (and the "according to" preposition) that introduce someone's statement: their subject is the
# reporter, their clausal complement is what is reported.
# fmt: off
REPORTING = frozenset([
    "say", "tell", "claim", "believe", "note", "warn", "state", "add", "argue", "assert", "insist", "report",
    "suggest", "estimate", "think", "expect", "predict", "maintain", "stress", "explain", "write", "announce",
    "acknowledge", "admit", "deny",
])
# Verbs of a view told about their object: "described X as Y", "called X Y" say "X is Y".
DESCRIBING = frozenset(["describe", "call", "characterize", "characterise", "label", "brand", "deem"])
# Words too common to show that a passage is about the claim.
LIGHT = frozenset([
    "be", "have", "do", "make", "get", "take", "give", "go", "use", "can", "could", "will", "would", "may",
    "might", "must", "also", "very", "happen", "occur",
])
# fmt: on


def governing_verb(token) -> str | None:
    """The content verb the token depends on (its own lemma for a verb), through light verbs ("take",
    "have"); None when there is none within six heads or the way up leaves a reported clause."""
    t = token
    for _ in range(6):
        if t.pos_ in ("VERB", "AUX") and t.lemma_ not in LIGHT:
            return t.lemma_.lower()
        if t.head is t or (t.dep_ in ("ccomp", "xcomp") and t.head.lemma_.lower() in REPORTING):
            return None  # what is reported is not the reporting verb's ("told lawmakers it would take …")
        t = t.head
    return None


# the passive's arguments in the active's roles, so that "China is bordered by Tajikistan" fills the slots
# of "Tajikistan borders China"
_ACTIVE = {"nsubjpass": "dobj", "prep:by": "nsubj"}


def slot(root) -> tuple[str, str] | None:
    """(verb lemma, role) of the argument whose head token is `root`; None when no verb takes it directly.
    A conjunct takes its first conjunct's slot ("borders China and Afghanistan")."""
    for _ in range(4):
        if root.dep_ != "conj":
            break
        root = root.head
    role, verb = root.dep_, root.head
    if verb.tag_ == "NNS" and verb.dep_ == "ROOT" and not any(t.pos_ in ("VERB", "AUX") for t in verb.doc):
        # the small parser reads a short claim's verb as a plural noun ("Tajikistan borders China" as a
        # compound, "borders", and an apposition); a sentence has a verb, so the words around it are its
        # subject and object
        role = {"compound": "nsubj", "appos": "dobj", "dobj": "dobj"}.get(role, role)
        return (verb.lemma_.lower(), role) if role in ("nsubj", "dobj") else None
    if role == "pobj" and verb.dep_ in ("prep", "agent"):
        role, verb = f"prep:{verb.lower_}", verb.head
    elif role not in ("nsubj", "nsubjpass", "dobj", "attr"):
        return None
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_ in LIGHT:
        return None
    return verb.lemma_.lower(), _ACTIVE.get(role, role)
