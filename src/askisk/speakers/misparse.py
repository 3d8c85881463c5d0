"""Where spaCy's small parser misreads a cue, and how the speaker is found anyway.

Three shapes met on real pages: a name after a quotation hung on the quotation's verb ('"…," Harbor police
Chief Dana Ruiz said'), a noun phrase read with the verb as its head ("…, the Telegraph reports."), and a
cue read as a noun with a participle ('"…," the patient described in the case report.'). Each function
takes the cue verb and answers with the token that names the speaker (or whether the shape holds). Pure.
"""

from __future__ import annotations

from askisk.speakers.rules import QUOTE_TOKENS, SPEECH_VERBS


def quote_then_noun(verb) -> bool:
    """'"…," the patient described in the case report.': the small parser reads a cue after a quotation as
    a noun phrase with a participle (the verb an `acl` of the noun right before it); when only that noun
    phrase stands between the quotation's closing mark and the verb, the noun is the verb's subject (Live
    Science, gold_s13)."""
    noun, doc = verb.head, verb.doc
    if verb.i != noun.i + 1:
        return False
    for t in reversed(doc[max(1, noun.i - 6) : noun.i]):
        if t.text in QUOTE_TOKENS:
            return doc[t.i - 1].text in (",", "?", "!")
        if t.pos_ not in ("DET", "ADJ", "NOUN", "PROPN", "NUM"):
            return False
    return False


def misparsed_subject(verb):
    """ "…, the Telegraph reports.": the small parser reads "the Telegraph reports" as a noun phrase headed
    by the verb (a determiner and a compound under a VERB); the compound name is the subject."""
    kids = [c for c in verb.children if c.i < verb.i]
    if verb.pos_ != "VERB" or not any(c.dep_ == "det" for c in kids):
        return None
    names = [c for c in kids if c.dep_ == "compound" and c.pos_ == "PROPN"]
    return names[-1] if names else None


def quote_then_name(verb):
    """'"…," Harbor police Chief Dana Ruiz said Monday.': the small parser hangs the name after a
    quotation on the quotation's verb, leaving "said" with no subject; the speaker is the last person named
    between the closing mark and the speech verb, when only a name and its title stand there."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in SPEECH_VERBS:
        return None
    doc, person = verb.doc, None
    for t in reversed(doc[max(0, verb.i - 12) : verb.i]):
        if t.text in QUOTE_TOKENS:
            return person
        if t.pos_ in ("VERB", "AUX") or t.text in ("!", "?", ";", ":"):
            return None
        if person is None and t.ent_type_ == "PERSON":
            person = t
    return None
