"""The parses whose root is a noun though the sentence has a verb, mended in place: the small parser reads a
past tense after a name as a participle or an adjective ("Lund called Hale a “liar”", "Lund voiced
confidence in …", "NAME, an extremist settler leader …, called on …") and makes the name or the object the
root, or reads a closing tag as a noun the sentence predicates ("…, a state study reported Thursday."). Run by
`parse_repair.repair` before any cue is read."""

from __future__ import annotations

from askisk.speakers.rules import DOCUMENT_NOUNS, PERSON_NOUNS, SAYING_VERBS, STATEMENT_VERBS


def verbless_root(doc) -> None:
    """ "Security Minister Itamar Ben-Gvir, an extremist settler leader …, called on Netanyahu to fire him":
    the parser makes the name the sentence's root and its finite verb a modifier of it; the verb becomes the
    root and the name its subject."""
    for sent in doc.sents:
        root = sent.root
        if root.pos_ not in ("PROPN", "NOUN", "NUM"):
            continue
        finite = [t for t in sent if t.dep_ == "acl" and t.tag_ == "VBD" and t.i > root.i]
        verb = next((t for t in finite if doc[t.i - 1].text == ","), None)
        if verb is None:
            # "Lund called Hale a “liar” in a post": a past tense read as a participle after the name,
            # with objects of its own, in a sentence with no verb
            verb = next((t for t in sent if t.head.i == root.i and _active_participle(t)), None)
        if verb is None:
            _object_as_root(sent, root)
            _cue_read_as_object(sent, root)
            _cue_read_as_adjective(sent, root)
            continue
        for child in [c for c in root.children if c.i > verb.i]:
            child.head = verb  # "…, according to media reports.": what follows the verb is its own
        verb.head, verb.dep_, verb.tag_ = verb, "ROOT", "VBD"
        root.head, root.dep_ = verb, "nsubj"


def _object_as_root(sent, root) -> None:
    """ "Trump voiced confidence in …": a past tense with a subject of its own read as an adjective of its
    object, which the parser makes the root; the verb becomes the root and the noun its object."""
    verb = next(
        (
            t
            for t in sent
            if t.dep_ == "amod"
            and t.head.i == root.i
            and t.tag_ in ("VBD", "VBN")
            and any(c.dep_ == "nsubj" for c in t.children)
        ),
        None,
    )
    if verb is None or root.pos_ != "NOUN":
        return
    for child in [c for c in root.children if c.i < verb.i]:
        child.head = verb  # "In an interview …, Trump voiced": the fronted phrase is the verb's
    verb.head, verb.dep_, verb.tag_ = verb, "ROOT", "VBD"
    root.head, root.dep_ = verb, "dobj"


def _cue_read_as_object(sent, root) -> None:
    """ "Still, the founders of the protest claim it is not partisan.": the parser makes the verb a noun
    compound with the noun before it ("the protest claim") and the clause said a relative clause of the root
    noun; the verb becomes the root, the group its subject and the clause its complement."""
    doc = sent.doc
    if root.pos_ != "NOUN" or root.tag_ != "NNS" or root.head.i != root.i:
        return
    for cue in sent:
        noun = doc[cue.i - 1] if cue.i > sent.start else None
        if (
            noun is None
            or cue.tag_ != "NN"
            or cue.lower_ not in SAYING_VERBS
            or cue.dep_ != "pobj"
            or cue.i + 1 >= sent.end
            or noun.dep_ != "compound"
            or noun.head.i != cue.i
        ):
            continue
        said = doc[cue.i + 1].head
        if doc[cue.i + 1].dep_ != "nsubj" or said.dep_ not in ("relcl", "ccomp") or said.head.i != root.i:
            continue
        for child in [c for c in cue.children if c.i < noun.i]:
            child.head = noun  # "the" went with the compound's head
        noun.head, noun.dep_ = cue.head, "pobj"
        for child in [c for c in root.children if c.i < root.left_edge.i or c.is_punct and c.i > cue.i]:
            child.head = cue  # "However, …" and the full stop are the verb's
        cue.head, cue.dep_, cue.pos_, cue.tag_, cue.lemma_ = cue, "ROOT", "VERB", "VBP", cue.lower_
        root.head, root.dep_ = cue, "nsubj"
        said.head, said.dep_ = cue, "ccomp"
        return


def _cue_read_as_adjective(sent, root) -> None:
    """ "Ana Ruiz, director of policy at X, touted executive action as a “…”": a past tense after the name's
    description read as an adjective of its object, in a sentence the parser left with no verb; a verb of
    saying becomes the root, the name its subject and the noun its object."""
    if root.head.i != root.i or root.pos_ != "PROPN":
        return
    for cue in sent:
        if cue.pos_ in ("VERB", "AUX"):
            return  # a verb before it: the parse has its verb
        lemma = next((w for w in (cue.lower_[:-2], cue.lower_[:-1]) if w in _SAID_AS_VERB), None)
        noun = cue.head
        if lemma is None or cue.tag_ != "JJ" or cue.dep_ != "amod" or cue.doc[cue.i - 1].text != ",":
            continue
        if noun.dep_ != "appos" or noun.head.i != root.i or not cue.lower_.endswith("ed"):
            continue
        for child in [c for c in root.children if c.i > cue.i]:
            child.head = cue
        cue.head, cue.dep_, cue.pos_, cue.tag_, cue.lemma_ = cue, "ROOT", "VERB", "VBD", lemma
        noun.head, noun.dep_ = cue, "dobj"
        root.head, root.dep_ = cue, "nsubj"
        return


_SAID_AS_VERB = SAYING_VERBS | STATEMENT_VERBS


def kicker_label(doc) -> None:
    """ "EXCLUSIVE: At least a dozen accounts handled …, an official told Fox News.": a capitalised label
    before a colon that the parser makes a second subject of the verb whose own subject comes later is
    page furniture, not the speaker."""
    for tok in doc:
        if (
            tok.dep_ == "nsubj"
            and tok.i + 1 < len(doc)
            and doc[tok.i + 1].text == ":"
            and tok.is_upper
            and (tok.i == 0 or doc[tok.i - 1].is_space)
            and any(c.dep_ == "nsubj" and c.i > tok.i + 1 for c in tok.head.children)
        ):
            tok.dep_ = "dep"


def _active_participle(verb) -> bool:
    if verb.dep_ != "acl" or verb.tag_ not in ("VBN", "VBD") or verb.i != verb.head.i + 1:
        return False
    # "An advocacy group called for the resignation of …": nobody is named "for the resignation"
    if verb.lemma_.lower() == "call" and any(
        c.dep_ == "prep" and c.lower_ in ("for", "on") for c in verb.children
    ):
        return verb.head.pos_ in ("PROPN", "NOUN")
    return verb.head.pos_ == "PROPN" and any(c.dep_ in ("dobj", "oprd", "ccomp") for c in verb.children)


_QUOTES = frozenset({'"', "”", "''"})


def closing_cue(doc) -> None:
    """'“This is the worst bill …, with rivals for what …,” said House Minority Leader Nancy
    Pelosi.': the parser can hang the "said" closing a quotation deep inside it; a say-verb after a closing
    mark and a comma, whose own subject ends the sentence, becomes the root and the quotation its object."""
    for sent in doc.sents:
        root = sent.root
        for verb in sent:
            if (
                verb.i < 2
                or verb.lemma_.lower() not in SAYING_VERBS
                or doc[verb.i - 1].text not in _QUOTES
                or doc[verb.i - 2].text != ","
            ):
                continue
            subject = _subject_after(verb)
            if subject is None or any(
                t.pos_ in ("VERB", "AUX") for t in doc[subject.right_edge.i + 1 : sent.end]
            ):
                continue
            if subject.i == verb.head.i:  # '…," joked Mattis': the verb read as the name's modifier
                subject.head, verb.pos_, verb.tag_ = verb, "VERB", "VBD"
            subject.dep_ = "nsubj"
            if verb.i != root.i:
                verb.head, verb.dep_ = verb, "ROOT"
                root.head, root.dep_ = verb, "ccomp"
            break


def closing_tag_as_participle(doc) -> None:
    """ "Security at the nation's nuclear facilities is vulnerable, a Pentagon-commissioned study reported
    Thursday.": the parser reads the closing tag as a noun the sentence predicates, described by a
    participle; the one who reports is the subject, and the sentence before the comma what it reported."""
    for verb in doc:
        noun, root = verb.head, verb.sent.root
        if (
            verb.dep_ != "acl"
            or verb.tag_ != "VBN"
            or verb.lemma_.lower() not in SAYING_VERBS
            or noun.i != verb.i - 1
            or noun.dep_ not in ("attr", "dobj", "appos", "npadvmod")
            or noun.head.i != root.i
            or noun.left_edge.i < 1
            or doc[noun.left_edge.i - 1].text != ","
            or not _may_report(noun)
            or any(c.dep_ in ("dobj", "ccomp", "agent", "prep") for c in verb.children)
        ):
            continue
        if any(t.pos_ in ("VERB", "AUX") for t in doc[verb.i + 1 : verb.sent.end]):
            continue
        verb.head, verb.dep_, verb.tag_ = verb, "ROOT", "VBD"
        noun.head, noun.dep_ = verb, "nsubj"
        root.head, root.dep_ = verb, "ccomp"
        for child in [c for c in root.children if c.i > verb.i]:
            child.head = verb


def _may_report(noun) -> bool:
    return noun.lemma_.lower() in DOCUMENT_NOUNS | PERSON_NOUNS or noun.ent_type_ in ("ORG", "PERSON")


def _subject_after(verb):
    """The name right after a closing cue: its subject, even read as its object ('…," joked Mattis') or as
    the name the verb modifies."""
    if verb.dep_ == "amod" and verb.head.i == verb.i + 1 and verb.head.pos_ == "PROPN":
        return verb.head
    return next(
        (
            c for c in verb.children
            if c.i > verb.i and (c.dep_ == "nsubj" or c.dep_ == "dobj" and c.pos_ == "PROPN")
            and c.left_edge.i == verb.i + 1
        ),
        None,
    )  # fmt: skip


def subject_left_as_apposition(doc) -> None:
    """ "Asked if Americans should be prepared for …, Dr Anthony Fauci, director of the institute, said: “…”":
    the parser hangs the name on a noun of the asked-about clause as an apposition and leaves the root verb
    with no subject; a name set off by commas that ends just before the root becomes its subject."""
    for sent in doc.sents:
        root = sent.root
        if root.pos_ != "VERB" or any(
            c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in root.children
        ):
            continue
        for name in sent:
            if (
                name.dep_ == "appos"
                and name.i < root.i
                and name.pos_ == "PROPN"
                and doc[name.left_edge.i - 1].text == ","
                and _ends_before(name, root)
            ):
                name.head, name.dep_ = root, "nsubj"
                break


def _ends_before(name, verb) -> bool:
    """The name's phrase ends with a comma just before `verb` (the comma its own or the next token)."""
    doc, end = name.doc, name.right_edge.i
    end = end if doc[end].text == "," else end + 1
    return end + 1 == verb.i and doc[end].text == ","


def name_after_description(doc) -> None:
    """ "Romney's running mate Paul Ryan previewed …": the parser gives the verb two subjects, the description
    and the name right after it; the name is the description's apposition, as the parser reads it before
    "said" ("Her lawyer John Smith said …"), so the one description and name make one speaker."""
    for verb in doc:
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        for first, name in zip(subjects, subjects[1:], strict=False):
            if (
                first.pos_ == "NOUN"
                and name.pos_ == "PROPN"
                and name.ent_type_ not in ("DATE", "TIME", "GPE", "NORP")  # "travel website Wander360 noted"
                and name.left_edge.i == first.right_edge.i + 1
            ):
                name.head, name.dep_ = first, "appos"


def whose_clause(doc) -> None:
    """ "Reyes, whose harbor stance won him the race, said …": the parser reads the whose-clause's verb
    as the sentence's and the verb of saying as its second predicate (or its clause as one fronted before
    the verb): the name becomes the subject of the verb of saying, the whose-clause its relative clause."""
    for whose in (t for t in doc if t.tag_ == "WP$" and t.dep_ == "poss" and t.head.dep_ == "nsubj"):
        clause = whose.head.head
        names = [c for c in clause.children if c.dep_ == "nsubj" and c.i < whose.i - 1]
        if not names or doc[whose.i - 1].text != ",":
            continue
        if max(t.i for t in names[0].subtree if not t.is_punct) != whose.i - 2:
            continue
        after = [c for c in clause.children if c.dep_ == "conj" and c.i > whose.i and c.pos_ == "VERB"]
        fronted = clause.dep_ == "ccomp" and clause.head.i > clause.i
        verb = clause.head if fronted else after[0] if after else None
        if (
            verb is None
            or verb.lemma_.lower() not in SAYING_VERBS
            or any(c.dep_ == "nsubj" for c in verb.children)
        ):
            continue
        if not fronted:
            for child in [c for c in clause.children if c.i > verb.i]:
                child.head = verb  # the sentence's full stop
            verb.head, verb.dep_ = verb, clause.dep_
        names[0].head, names[0].dep_ = verb, "nsubj"
        clause.head, clause.dep_ = names[0], "relcl"
