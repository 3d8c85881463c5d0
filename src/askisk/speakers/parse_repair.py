"""The misparses mended in the parse itself, in place: a closing cue the small parser reads as a plural
noun ("…, a new study reports.", "…, the documents state."), a when-clause made the sentence's root, and a
speaker hung on the place of a fronted phrase ("Flanked by leaders … in Oklahoma City, Pettit, who is
white, said …"); the misparses of names live in `name_repair`. Apart from `misparse`, which reads around a
misparse cue by cue and leaves the parse as it is: these change the tokens every later reader sees, so
`repair` runs them once on each paragraph's parse, before any cue is read.
"""

from __future__ import annotations

import re

from askisk.speakers.clause_repair import (
    as_tag_read_as_noun,
    clause_read_as_relative,
    participle_after_recipient,
    participle_read_as_root,
    said_in_subordinate,
)
from askisk.speakers.misparse import bare_speech_verb
from askisk.speakers.name_repair import (
    acronym_pronoun,
    day_after_name,
    given_name_after_surname,
    name_read_as_interjection,
    party_label,
    party_place,
    person_tagged_as_place,
)
from askisk.speakers.root_repair import (
    closing_cue,
    closing_tag_as_participle,
    kicker_label,
    name_after_description,
    subject_left_as_apposition,
    verbless_root,
    whose_clause,
)
from askisk.speakers.rules import (
    NAME_SUFFIXES,
    QUOTE_TOKENS,
    SPEECH_VERBS,
    vocab,
)

# closing cues the small parser reads as plural nouns, with the lemma each stands for
_NOUN_READ_CUES = {w: w[:-1] for w in vocab("says reports claims warns notes argues finds writes adds")}
# plural subjects' verbs, read as the sentence's head noun: "…, the documents state."
_PLURAL_READ_CUES = frozenset({"state", "say"})


def repair(doc):
    """Mend, in place, one parse the cue functions cannot read around: "…, a new study reports." read as a
    noun phrase headed by "reports" (a plural noun, the object of the main verb), or "…, the documents
    state." read as one noun heading the sentence. The last word of a
    sentence after a comma, with a noun compound before it, becomes the verb of that noun; "the reports say"
    and "his claims" are untouched."""
    for tok in doc:
        plural = tok.lower_ in _PLURAL_READ_CUES
        lemma = tok.lower_ if plural else _NOUN_READ_CUES.get(tok.lower_)
        if (
            lemma is None
            or tok.pos_ != "NOUN"
            or tok.i + 2 != tok.sent.end
            or doc[tok.i + 1].text not in ".!?"
        ):
            continue
        first = tok.left_edge.i
        if plural:  # the noun phrase alone: a ROOT's left edge takes in the clause before the comma
            first = tok.i
            while first > 0 and doc[first - 1].pos_ in ("DET", "ADJ", "NOUN", "PROPN", "NUM"):
                first -= 1
            if first > 1 and doc[first - 1].text in QUOTE_TOKENS:
                first -= 1  # '…as "lazy," the documents state.'
        deps = ("dobj", "appos", "npadvmod", "conj", *(("ROOT", "ccomp") if plural else ()))
        if first == 0 or doc[first - 1].text != "," or tok.dep_ not in deps:
            continue
        heads = ("compound", "nsubj") if plural else ("compound",)
        nouns = [t for t in doc[first : tok.i] if t.dep_ in heads and t.head.i == tok.i]
        if not nouns or nouns[-1].pos_ not in ("NOUN", "PROPN"):
            continue
        if plural and nouns[-1].tag_ != "NNS":
            continue  # "…, the Islamic State." is a name
        subject, clause = nouns[-1], tok.head
        for child in [c for c in tok.children if c.i < subject.i]:
            child.head = subject
        subject.head, subject.dep_ = tok, "nsubj"
        tok.pos_, tok.tag_, tok.lemma_ = "VERB", "VBP" if plural else "VBZ", lemma
        if tok.dep_ != "ROOT":
            tok.dep_, tok.head = "parataxis", clause
    _tag_subject_read_as_compound(doc)
    acronym_pronoun(doc)
    name_read_as_interjection(doc)
    _subordinate_root(doc)
    _name_as_apposition(doc)
    verbless_root(doc)
    whose_clause(doc)
    kicker_label(doc)
    closing_cue(doc)
    closing_tag_as_participle(doc)
    subject_left_as_apposition(doc)
    name_after_description(doc)
    party_label(doc)
    party_place(doc)
    _appended_subject(doc)
    clause_read_as_relative(doc)
    as_tag_read_as_noun(doc)
    _perfect_series(doc)
    participle_after_recipient(doc)
    participle_read_as_root(doc)
    said_in_subordinate(doc)
    _described_speaker(doc)
    _name_read_as_adverb(doc)
    _verb_read_as_noun(doc)
    given_name_after_surname(doc)
    person_tagged_as_place(doc)
    day_after_name(doc)
    return doc


def _tag_subject_read_as_compound(doc) -> None:
    """ "So, the memo states, the board will close the pier": inside the sentence, the same misreading as the
    one `repair` mends at its end: the tag's subject taken for the first half of a compound ("memo states"),
    the verb left hanging as "dep". The noun becomes the verb's subject, with what stood before it."""
    for verb in doc:
        if not bare_speech_verb(verb) or verb.dep_ != "dep" or not 0 < verb.i < len(doc) - 1:
            continue
        before, after = doc[verb.i - 1], doc[verb.i + 1]
        if before.dep_ != "compound" or before.head.i != verb.i or before.pos_ not in ("NOUN", "PROPN"):
            continue
        if after.text == ",":
            for child in [c for c in verb.children if c.i < before.i]:
                child.head = before
            before.dep_ = "nsubj"


def _described_speaker(doc) -> None:
    """ "“…,” said a pale and weary Jaime Jaquez Jr.": the parser makes "pale" the subject and leaves the name
    hanging; the name after the adjectives is the subject, the adjectives describe it."""
    for verb in doc:
        if verb.lemma_.lower() not in SPEECH_VERBS or verb.pos_ != "VERB":
            continue
        adj = next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "ADJ" and c.i > verb.i), None)
        if adj is None or not any(c.dep_ == "det" for c in adj.children):
            continue
        # the name right after the adjectives, or hung on them as their conjunct ("pale and weary … Jr.")
        ent = next(
            (
                e
                for e in doc.ents
                if e.label_ == "PERSON"
                and (e.start == adj.right_edge.i + 1 or e.start > adj.i and e.root.head.i == adj.i)
            ),
            None,
        )
        if ent is None:
            continue
        toks = [t for t in ent if t.lower_.rstrip(".") not in NAME_SUFFIXES] or list(ent)
        name = toks[-1]
        for tok in ent:
            if tok.i != name.i:
                tok.head, tok.dep_ = name, "compound" if tok.i < name.i else "appos"
        for tok in doc[adj.i + 1 : ent.start]:
            if tok.head.i in range(ent.start, ent.end):
                tok.head = name  # "weary", parsed as the suffix's modifier
        name.head, name.dep_ = verb, "nsubj"
        adj.head, adj.dep_ = name, "amod"


def _perfect_series(doc) -> None:
    """ "The rally comes as Trump has berated prosecutors, encouraged protests and …": the parser joins the
    second past participle to the present-tense root, making it the writer's main clause; it continues the
    series "has berated …" before it."""
    for verb in doc:
        head = verb.head
        if verb.dep_ != "conj" or verb.tag_ not in ("VBD", "VBN") or head.tag_ not in ("VBZ", "VBP"):
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            continue
        first = next(
            (
                c
                for c in head.children
                if head.i < c.i < verb.i
                and c.tag_ == "VBN"
                and any(a.dep_ == "aux" and a.lower_ in ("has", "have", "had") for a in c.children)
            ),
            None,
        )
        if first is not None:
            verb.head = first


_SUBORDINATORS = frozenset(
    {"when", "after", "while", "as", "before", "once", "since", "because", "although", "though", "whereas"}
)


def _subordinate_root(doc) -> None:
    """ "When a reporter asked if that included …, Holder replied, "…"": after a quotation the parser can
    make the when-clause the sentence's root and the main clause its complement, so "asked" outranked
    "replied". A root introduced by a subordinating "when"/"after"/… with a clause of its own subject
    after a comma becomes that clause's adverbial, and that clause the root."""
    for sent in doc.sents:
        root = sent.root
        opens = doc[sent.start]  # "When", as the parser's mark or adverb of the root
        if (
            opens.head.i != root.i
            or opens.dep_ not in ("mark", "advmod")
            or opens.lower_ not in _SUBORDINATORS
            or _subject_after_comma(root)  # "Though …, Fauci cautioned that …": the root is the main clause
        ):
            continue
        mains = [
            (c, subj) for c in root.children if c.dep_ in ("ccomp", "conj", "parataxis") and c.i > root.i
            for subj in c.children if _subject_after_comma(c) is subj
        ]  # fmt: skip
        if not mains:
            continue
        main, subj = mains[-1]
        for child in [c for c in main.children if c.i < subj.left_edge.i and c.dep_ != "punct"]:
            child.head = root  # "if that included …" is what was asked
        main.head, main.dep_ = main, "ROOT"
        root.head, root.dep_ = main, "advcl"


def _subject_after_comma(verb):
    """The verb's subject when a comma comes just before it (a clause of its own after the opening one)."""
    for subj in verb.children:
        start = subj.left_edge.i
        after_comma = start > verb.sent.start and verb.doc[start - 1].text == ","
        if subj.dep_ in ("nsubj", "nsubjpass") and after_comma:
            return subj
    return None


def _name_as_apposition(doc) -> None:
    """ "While Rep. Jamie Raskin gave a similarly impassioned speech Thursday, Ocasio-Cortez expounded on …
    and said …": the parser keeps the while-clause as the root and hangs the main clause's subject on its
    object as an apposition, with the main verb as that name's modifier. The name becomes the subject, its
    verb the root, the while-clause its adverbial, and the verbs joined after it its own."""
    for sent in doc.sents:
        root, opens = sent.root, doc[sent.start]
        if opens.head.i != root.i or opens.dep_ != "mark" or opens.lower_ not in _SUBORDINATORS:
            continue
        names = [
            (t, v) for t in sent if t.dep_ == "appos" and t.i > root.i and doc[t.left_edge.i - 1].text == ","
            and (t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG") or _bare_capital(t))
            for v in t.children if v.dep_ == "acl" and (v.tag_ == "VBD" or v.tag_ == "VBN" and v.i == t.i + 1)
        ]  # fmt: skip
        if not names:
            continue
        name, verb = names[0]
        joined = [c for c in root.children if c.i > verb.i and c.dep_ in ("conj", "cc")]
        verb.head, verb.dep_ = verb, "ROOT"
        name.head, name.dep_ = verb, "nsubj"
        root.head, root.dep_ = verb, "advcl"
        for child in joined:
            child.head = verb


_APOSTROPHE_NAME = re.compile(r"[ODL]['’][A-Z][a-z]+")


_ADVERBS = frozenset({"here", "there", "now", "then", "today", "yesterday", "tomorrow", "everywhere"})


def _name_read_as_adverb(doc) -> None:
    """ "O'Reilly, in classic form, responded to the charges …": the small parser reads a name opening the
    sentence as an adverb of its verb, which is left with no subject; the name becomes its subject."""
    for sent in doc.sents:
        name = sent[0]
        verb = name.head
        if name.dep_ not in ("advmod", "npadvmod") or not (
            name.pos_ == "PROPN" or _APOSTROPHE_NAME.fullmatch(name.text)
        ):
            continue
        if name.ent_type_ in ("DATE", "TIME"):
            continue  # "Tuesday in New York City, …, former president Bill Clinton said"
        if verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i < name.i:
            continue
        if not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children):
            name.dep_, name.pos_, name.tag_ = "nsubj", "PROPN", "NNP"
    for sent in doc.sents:  # "Axios reported late Monday that …": the subject itself tagged an adverb
        name = sent[0]
        if name.dep_ == "nsubj" and name.pos_ == "ADV" and name.is_title and name.lower_ not in _ADVERBS:
            name.pos_, name.tag_ = "PROPN", "NNP"


def _verb_read_as_noun(doc) -> None:
    """ "But opponents of the referendum claim that the initiative rigged the system": a verb of saying the
    tagger calls a noun, though the parse gives it a subject and a that-clause, is the verb it is."""
    for tok in doc:
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in SPEECH_VERBS or tok.dep_ not in ("ROOT", "conj"):
            continue
        kids = list(tok.children)
        subject = next((c for c in kids if c.dep_ == "nsubj" and c.i < tok.i), None)
        clause = any(c.dep_ == "ccomp" and any(m.lower_ == "that" for m in c.children) for c in kids)
        if subject is not None and clause and not any(c.dep_ in ("det", "poss") for c in kids):
            tok.pos_ = "VERB"
            tok.tag_ = "VBZ" if tok.text.endswith("s") and subject.tag_ != "NNS" else "VBP"


def _bare_capital(tok) -> bool:
    """ "Garcia-Lopez": a capitalised word standing alone, a name the tagger took for a common noun."""
    return tok.text[:1].isupper() and tok.left_edge.i == tok.i


def _appended_subject(doc) -> None:
    """ "Flanked at the podium by leaders … in Oklahoma City, Pettit, who is white, said he planned …": the
    parser hangs the name on the place that ends the fronted phrase, and the speech verb, the root, is left
    without a subject. The name between commas right before it (after its own "who" clause) becomes it.
    So does a name right after a fronted phrase's noun, before a participle set off by commas ("At one point
    Obama, clad in a white tie, predicted he would …")."""
    for verb in doc:
        if verb.dep_ != "ROOT" or verb.lemma_.lower() not in SPEECH_VERBS or verb.pos_ != "VERB":
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children):
            continue
        i = verb.i - 1
        if i < 1 or doc[i].text != ",":
            continue
        clause = doc[i - 1]
        while not _aside(clause, verb) and clause.head.i != clause.i and clause.head.i < verb.i:
            clause = clause.head
        aside = _aside(clause, verb)
        if aside:
            i = clause.left_edge.i - 1  # the name's own "who is white", "clad in a white tie"
        name = doc[i - 1] if i >= 1 and doc[i].text == "," else None
        if name is None or name.pos_ != "PROPN" or name.i <= verb.sent.start + 1:
            continue
        if name.dep_ != "appos" and not (aside and _second_object(name)):
            continue
        # "At one point Obama, …": the name right after the noun that ends the fronted phrase
        fronted = aside and name.left_edge.i == name.i and doc[name.i - 1].dep_ == "pobj"
        if doc[name.left_edge.i - 1].text != "," and not fronted:
            continue
        if clause.dep_ == "relcl":
            clause.head = name
        name.head, name.dep_ = verb, "nsubj"


def _aside(clause, verb) -> bool:
    """The name's own "who" clause, or a participle between commas that the parser hangs on the verb or on
    the name ("…, clad in a white tie, predicted")."""
    return clause.dep_ == "relcl" or (
        (
            clause.dep_ == "advcl"
            and clause.head.i == verb.i
            or clause.dep_ == "acl"
            and clause.head.i < clause.i
        )
        and clause.tag_ in ("VBN", "VBG")
        and clause.left_edge.i > 0
        and clause.doc[clause.left_edge.i - 1].text == ","
    )


def _second_object(name) -> bool:
    """ "At one point Barlow": the parser made the name a second object of the fronted preposition."""
    before = name.doc[name.i - 1]
    return name.dep_ == "pobj" and before.dep_ == "pobj" and before.head.i == name.head.i
