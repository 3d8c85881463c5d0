"""Where spaCy's small parser loses a speech verb's subject or puts the wrong one there, and which token
speaks instead: a participle read as the main verb ("activists clamoring to block … say"), an opening
participle read as the subject ("Meeting in Brussels, finance ministers … voiced"), a subject coordinated
with an earlier noun ("… and the IMF has called for …"), a subject shared with the clause before, a name
made the subject of the next clause, a role read as a verb, a document that "reads" after a quotation, a
speaker read as the object of an inverted tag ("…, argued the head of the committee").
Split from `misparse`, which keeps the names misread around the verb; the parse stays as it is.
"""

from __future__ import annotations

from askisk.speakers import press
from askisk.speakers.misparse import bare_speech_verb, bare_verb, opens_tag
from askisk.speakers.rules import DOCUMENT_NOUNS, MESSAGE_NOUNS, SPEECH_VERBS, vocab


def participle_read_as_verb(verb):
    """ "Republican activists clamoring to block Donald Trump … say they are …": a participle describing the
    subject is read as the main verb, and the speech verb hangs on it with no subject; the participle's
    subject speaks."""
    head = verb.head
    if not bare_speech_verb(verb) or verb.dep_ != "dep" or head.tag_ != "VBG" or head.i > verb.i:
        return None
    return next((c for c in head.children if c.dep_ == "nsubj" and c.i < head.i), None)


def document_read(verb):
    """'"…," read a statement from the discount phone firm.', "…, predicts the report by telecoms giant BT.":
    a document named after a closing verb is its inverted subject, parsed as the verb's object."""
    if verb.i < 2 or not (verb.lemma_.lower() == "read" and opens_tag(verb) or _closing(verb)):
        return None
    # '"…," read an announcement on the park's website': what is read is a text, whatever its kind
    texts = DOCUMENT_NOUNS | MESSAGE_NOUNS | _NOTICES if verb.lemma_.lower() == "read" else DOCUMENT_NOUNS
    return next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in texts), None)


_NOTICES = vocab("announcement notice sign banner headline caption placard")


_INVERTING = vocab(
    "say argue add note write explain insist claim contend observe predict conclude declare acknowledge "
    "state remark recall complain suggest concede warn caution stress"
)


def speaker_read_as_object(verb):
    """ "Terrorists would not even require passports …, argued the head of the House Homeland Security
    Committee, Rep. Michael McCaul": an inverted tag closing the sentence, parsed as a verb joined to the
    clause before with its speaker as the object (only verbs that take no person as their object)."""
    doc = verb.doc
    if (
        verb.i < 2
        or doc[verb.i - 1].text != ","
        or not (verb.lemma_.lower() in _INVERTING or _pointed_out(verb))
    ):
        return None
    # "But that plan could still change, cautioned the officials, who …": the parser may leave it unattached
    if verb.dep_ not in ("conj", "dep") or any(c.dep_ in ("ccomp", "nsubj", "xcomp") for c in verb.children):
        return None
    end = verb.right_edge.i + 1
    if not (end >= len(doc) or doc[end].is_sent_end or doc[end].text in (".", "!", "?")):
        return None
    # "…, points out the analyst X": the particle stands between
    after = verb.i + 2 if _pointed_out(verb) else verb.i + 1
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.left_edge.i == after), None)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN") or obj.lemma_.lower() in DOCUMENT_NOUNS:
        return None
    return obj


def outlet_told(verb):
    """ "Fox News is told the second hearing could come in May", "…, Harbor Radio News is told, was …": a
    news outlet told something by sources it does not name reports it; the outlet is the source."""
    if verb.lemma_.lower() != "tell" or any(c.dep_ == "agent" for c in verb.children):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return subj if subj is not None and press.named_outlet(subj) else None


def _pointed_out(verb) -> bool:
    return (
        verb.lemma_.lower() == "point" and verb.i + 1 < len(verb.doc) and verb.doc[verb.i + 1].lower_ == "out"
    )


def _closing(verb) -> bool:
    """A speech verb after a comma whose object runs to the sentence's end: "…, predicts the report by X."."""
    doc = verb.doc
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if doc[verb.i - 1].text != "," or verb.lemma_.lower() not in SPEECH_VERBS or len(objects) != 1:
        return False
    end = objects[0].right_edge.i + 1
    return end >= len(doc) or doc[end].is_sent_end or doc[end].text in (".", "!", "?")


def opening_participle(subj):
    """ "Meeting in Brussels, finance ministers … voiced their concern": an opening participle read as the
    subject, with the real subject hung on it as an apposition; the apposition speaks."""
    if subj.i != subj.sent.start or not subj.lower_.endswith("ing") or subj.tag_ not in ("NN", "VBG"):
        return None
    return next((c for c in subj.children if c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN")), None)


def coordinated_subject(verb):
    """ "He was airlifted to a hospital with injuries to his hip and a hospital spokesman said Swanson was
    …", "… investigated by the authorities and the IMF has called for …": a noun phrase after "and" /
    "but" right before a verb (and its auxiliaries), which the small parser coordinates with an earlier
    noun, leaving the verb with no subject; its head is the speaker."""
    doc = verb.doc
    # another verb only with an auxiliary of its own: "… money and a six-pointed star likened to …" is a
    # participle that describes the star
    finite = bare_verb(verb) and any(c.dep_ == "aux" for c in verb.children)
    if not (bare_speech_verb(verb) or finite) or verb.i < 2:
        return None
    at = verb.i - 1  # "… and the IMF has called for …": over the verb's own auxiliaries
    while at > 1 and doc[at].head.i == verb.i and doc[at].dep_ in ("aux", "neg"):
        at -= 1
    head = doc[at]
    if head.pos_ not in ("NOUN", "PROPN") or head.dep_ != "conj" or head.head.i == verb.i:
        return None
    first = head.left_edge.i
    return head if first > 0 and doc[first - 1].lower_ in ("and", "but") else None


def shared_subject(verb):
    """ "Police had appealed for help … but in a statement released Wednesday, said five men were due": a
    speech verb that shares the subject of a clause before it, joined by "but" / "and", which the small
    parser reads as that clause's reporter (the earlier clause its object, the verb with no subject)."""
    doc = verb.doc
    if not bare_speech_verb(verb) or verb.dep_ != "ROOT":
        return None
    before = [c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i]
    after = [c for c in verb.children if c.dep_ in ("ccomp", "dobj") and c.i > verb.i]
    if len(before) != 1 or not after:
        return None
    clause = before[0]
    joined = any(t.dep_ == "cc" and t.lower_ in ("but", "and") for t in clause.subtree)
    subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    if not joined or subj is None or subj.pos_ not in ("PROPN", "NOUN"):
        return None
    if subj.left_edge.i != clause.left_edge.i:
        return None  # the subject opens the sentence: "Police had appealed …"
    return subj if doc[verb.i - 1].text == "," else None


def subject_in_next_clause(verb):
    """ "…, said the Public Security Secretariat of Rio Grande do Norte state.": a name after a closing speech
    verb that the small parser makes the subject of a clause of its own (here "do" read as a verb), which
    leaves the speech verb with no subject."""
    if not bare_speech_verb(verb) or verb.dep_ != "ROOT" or verb.i == 0 or verb.doc[verb.i - 1].text != ",":
        return None
    if not any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
        return None
    for clause in (c for c in verb.children if c.dep_ in ("ccomp", "dobj") and c.i > verb.i):
        if any(c.dep_ == "aux" and c.tag_ == "MD" for c in clause.children):
            continue  # "…, said Obama should live up to his promise": what was said, a clause of its own
        subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.pos_ == "PROPN" and subj.left_edge.i == verb.i + 1:
            return subj
    return None


def role_read_as_verb(subj):
    """ "Blake Lee-Harwood, campaigns director at Greenpeace in the UK, said": the parser reads the role's
    first word as a verb with the name as its subject, and that verb as the subject of "said". The name, or
    None."""
    if subj.pos_ != "VERB" or subj.i == 0 or subj.doc[subj.i - 1].text != ",":
        return None
    names = [c for c in subj.children if c.dep_ == "nsubj" and c.i < subj.i and c.ent_type_ == "PERSON"]
    return names[0] if names else None


def person_after_title(subj):
    """ "Harbor Council Against Ferry Noise campaign coordinator Lena Brook said": the parser makes
    the organisation the subject and the person, after a title and no comma, its apposition. The person, or
    None."""
    if subj.pos_ != "PROPN" or subj.ent_type_ == "PERSON":
        return None
    for name in (c for c in subj.children if c.dep_ == "appos" and c.ent_type_ == "PERSON" and c.i > subj.i):
        between = subj.doc[subj.i + 1 : name.left_edge.i] if name.left_edge.i > subj.i else []
        if any(t.pos_ == "NOUN" for t in between) and not any(t.is_punct for t in between):
            return name
    return None


def clause_subject_after(verb, subjects) -> bool:
    """ "Jeremy Hughes, …, said Pratchett -- who … -- had “…”": of a subject before the verb and one after
    it, the one after is the subject of the verb's clause, which the parser left without one."""
    before = [c for c in subjects if c.i < verb.i]
    after = [c for c in subjects if c.i > verb.i]
    if not before or len(after) != 1:
        return False
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.i > after[0].i]
    return any(not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) for c in clauses)


# verbs whose object does what their infinitive says: "The row has prompted a Labour donor to say …" (not
# "push", "urge": "Sanders pushes Dems to reject the deal" is Sanders asking)
_OBJECT_CONTROL = frozenset({"prompt", "lead", "force", "cause", "compel", "spur"})


def object_controller(verb):
    """The one made to speak by a verb of causing: the object of "prompted X to say", else None."""
    if verb.dep_ != "xcomp" or verb.head.lemma_.lower() not in _OBJECT_CONTROL:
        return None
    return next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)


def gone_so_far(verb):
    """ "Critics went so far as to call the mayor a liar": the "as to" clause hangs on "far", so the
    verb "go" that carries the subject is out of reach; that verb, else None."""
    far = verb.head
    if verb.dep_ != "advcl" or far.lower_ != "far" or far.dep_ != "advmod" or far.head.lemma_.lower() != "go":
        return None
    return far.head


_EVENTS = frozenset({"conference", "briefing", "rally", "hearing", "meeting", "session", "event"})


def event_holder(noun):
    """ "Republicans held a news conference condemning the effort": who holds the event speaks at it."""
    if noun.lemma_.lower() not in _EVENTS or noun.dep_ != "dobj":
        return None
    return next((c for c in noun.head.children if c.dep_ == "nsubj"), None)


def holder(noun):
    """Who speaks through an event or a writing a participle hangs on: "held a news conference condemning
    …", "shot back in an article stating …"."""
    return event_holder(noun) or document_author(noun)


_WRITINGS = DOCUMENT_NOUNS | vocab(
    "article column editorial essay op-ed post blog video interview email message"
)


def document_author(noun):
    """ "Forbes shot back in an article stating that …", "He wrote in a letter saying …": a writing the
    subject of an active verb put something in says what its author says (not "was named in a report
    saying": a passive's subject is who the writing is about)."""
    prep, verb = noun.head, noun.head.head
    if noun.lemma_.lower() not in _WRITINGS or noun.dep_ != "pobj" or prep.lower_ not in ("in", "through"):
        return None
    if verb.pos_ != "VERB" or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def names_before_description(subjects: list) -> list:
    """ "Sens. Richard Blumenthal of Connecticut, Sheldon Whitehouse … and Mazie K. Hirono of Hawaii, all
    members of the Judiciary Committee, said": the parser makes the description set off by commas a second
    subject, nearer the verb; the names before it speak."""
    names = [s for s in subjects if s.pos_ == "PROPN" and s.ent_type_ == "PERSON"]
    described = [
        s for s in subjects if s.pos_ == "NOUN" and s.left_edge.i > 0 and s.doc[s.left_edge.i - 1].text == ","
    ]
    if len(subjects) == 2 and names and described and names[0].i < described[0].i:
        return names
    return subjects


_PERCEIVED = frozenset({"hear", "overhear", "see", "record", "catch", "film", "tape"})


def heard_saying(verb) -> bool:
    """ "the reporter is heard to say in the video", "was caught saying": the passive's subject speaks."""
    head = verb.head
    return verb.dep_ == "xcomp" and head.lemma_.lower() in _PERCEIVED and head.tag_ == "VBN"


def passive_speaks(verb) -> bool:
    """The subject of a passive head speaks the speech verb under it: "was heard to say", and a closing
    participle ("Republicans are united against the measure, calling it a gift to the banks")."""
    closing = verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i > verb.head.i
    return heard_saying(verb) or closing


def participle_clause(subj) -> bool:
    """ "Here is a bolder council, skipping pleasantries for the plain talk some of the mayor's friends have
    long wanted": a participle clause after a comma, read as a noun phrase ("skipping pleasantries") and
    made the subject of a later verb; it names no one."""
    first = subj.left_edge
    doc = subj.doc
    return first.tag_ == "VBG" and first.i > subj.sent.start and doc[first.i - 1].text == ","
