"""The rules' speech cues at the level of one verb: is this token a speech verb here (by its lemma, its
clause, a nearby quotation, a document channel, a parenthetical ", he said,"), who is its subject, and
the words that name the cue ("said in a statement Azizi"). `attribution` decides with them per sentence."""

from __future__ import annotations

from askisk.speakers import misparse, subject_repair, views
from askisk.speakers.clauses import (
    bare_as,
    extraposed,
    raising_verb,
    relative_clause,
    subordinate,
    to_infinitive,
)
from askisk.speakers.formats import dateline_end, subjects_after_dateline
from askisk.speakers.idioms import idiom
from askisk.speakers.phrases import named_head, np_text, share_tokens
from askisk.speakers.rules import (
    ATTITUDE_VERBS,
    CALLING_VERBS,
    COMMISSIVE_VERBS,
    CONCERN_NOUNS,
    CONCERN_VERBS,
    DEPICTION_VERBS,
    DOCUMENT_NOUNS,
    HEARER_VERBS,
    OPINION_AS_VERBS,
    QUANTITY_NOUNS,
    QUOTE_TOKENS,
    SPEECH_VERBS,
    STANCE_VERBS,
    learned_form,
)
from askisk.speakers.views import answers_claim, experiencer, put_it, regarded_as, stance


def depth(tok) -> int:
    d = 0
    while tok.head.i != tok.i and d < 50:
        tok, d = tok.head, d + 1
    return d


def subject_of(verb):
    if bare_as(verb):
        return None  # "… won't be coming to Tunisia as once expected": nobody is named as expecting it
    if any(c.dep_ == "auxpass" for c in verb.children):
        # "… are feared to have crossed": a passive verb's is its patient; "Fox News is told …": the outlet's
        return misparse.quoted_as(verb) or subject_repair.outlet_told(verb)
    quoted = misparse.quoted_as(verb) if verb.lemma_.lower() in ("quote", "cite", "report") else None
    if quoted is not None:
        return quoted  # '"…," AP quoted prosecutor NAME as saying'
    inverted = (
        _inverted(verb) or experiencer(verb) or misparse.name_after_tag(verb) or views.quote_inverted_by(verb)
    )
    if (inverted := inverted or subject_repair.speaker_read_as_object(verb)) is not None:
        return inverted  # "The combination, say economists, marks …": not the sentence's subject
    if (name := misparse.function_word_name(verb)) is not None:
        return name  # '"We will leave," May said.'
    if misparse.quote_then_relative(verb):
        return verb.head  # '"…," the video-sharing site Youku told its users.'

    dateline = dateline_end(verb.doc.text)
    if (
        all(c.dep_ != "nsubj" for c in verb.children)
        and (
            named := misparse.quote_then_name(verb)
            or misparse.title_as_verb(verb)
            or misparse.name_as_adverb(verb)
            or misparse.name_as_clause(verb)
            or misparse.name_set_off(verb)
            or misparse.speaker_after_quote(verb)
            or subject_repair.document_read(verb)
            or misparse.name_before_aside(verb)
            or misparse.name_before_commas(verb)
            or subject_repair.participle_read_as_verb(verb)
            or subject_repair.coordinated_subject(verb)
            or subject_repair.shared_subject(verb)
            or subject_repair.subject_in_next_clause(verb)
        )
        is not None
    ):
        return named
    roles: tuple[str, ...] = ("nsubj",)
    for _ in range(3):
        # of two subjects the nearer: "Paris (CNN)International warrants …, the spokeswoman … said" (a
        # dateline glued to the story is parsed as a second subject), and never the dateline itself
        subjects = subjects_after_dateline(verb, roles, dateline)
        if verb.lemma_.lower() in HEARER_VERBS and any(c.i < verb.i for c in subjects):
            # "X, director at Google, tells The Hollywood Reporter": a later subject is the hearer, misparsed
            subjects = [c for c in subjects if c.i < verb.i]
        if subject_repair.clause_subject_after(verb, subjects):
            # "Jeremy Hughes, …, said Pratchett -- who … -- had “fundamentally changed …”": the name after
            # the verb is the subject of its clause, which the parser left without one
            subjects = [c for c in subjects if c.i < verb.i]
        subjects = subject_repair.names_before_description(subjects)  # "A, B and C, all members of X, said"
        for child in sorted(subjects, key=lambda c: abs(c.i - verb.i)):
            if (person := subject_repair.role_read_as_verb(child)) is not None:
                return person  # "Blake Lee-Harwood, campaigns director at Greenpeace, said"
            # "Gordon's mother, Michelle Gordon, who said …": the relative pronoun stands for the noun
            if child.tag_ in ("WP", "WDT") and verb.dep_ == "relcl" and verb.head.pos_ in ("PROPN", "NOUN"):
                return verb.head
            named = [c for c in subjects if c.pos_ == "PROPN" and c.left_edge.i == child.i + 1 > verb.i + 1]
            if child.pos_ == "NOUN" and named:
                return named[0]  # "…, said police Capt. Ahmed Abdi": one subject, parsed as two
            repaired = subject_repair.opening_participle(child) or subject_repair.person_after_title(child)
            return _set_off(verb, child) or repaired or child
        if (
            verb.dep_ == "acl"
            and verb.head.pos_ in ("NOUN", "PROPN")
            and not to_infinitive(verb)  # "the 2008 decision … to reject": no one named does it
            and verb.head.lemma_.lower() != "one"  # "aren't the only ones arguing that …": a description
            and (_acts(verb) or misparse.quote_then_noun(verb))
        ):
            # "officials saying that …", "The leader, X, condemned the attack, saying …"
            return subject_repair.holder(verb.head) or verb.head
        if (named := misparse.misparsed_subject(verb) or subject_repair.object_controller(verb)) is not None:
            return named
        by = verb.head if verb.dep_ == "pcomp" and verb.head.lower_ == "by" else None
        # words given: not "by asking X to charge", nor "won the spin by declaring himself the comeback kid"
        said = any(c.dep_ in ("ccomp", "parataxis") and c.pos_ in ("VERB", "AUX") for c in verb.children)
        framed = by is not None and (
            subordinate(by.head) or relative_clause(by.head)
        )  # "although X won by …"
        if said and not framed and by is not None and by.dep_ == "prep" and by.i > by.head.i:  # not "By …, X"
            verb = by.head  # "Police justified their response by saying …": the one who did it
            continue
        if verb.dep_ not in ("conj", "advcl", "xcomp") or verb.head is verb or extraposed(verb):
            return None
        # "O'Connell is rumoured to be …, but says he is focused": a passive's subject is the next verb's too
        both = verb.dep_ == "conj" or subject_repair.passive_speaks(verb)
        roles = ("nsubj", "nsubjpass") if both else ("nsubj",)
        verb = subject_repair.gone_so_far(verb) or verb.head  # "have gone so far as to call X a liar"
        if verb.pos_ == "ADJ" and verb.dep_ == "acomp":
            verb = verb.head  # "Internet users were quick to point out …": the copula holds the subject
    return None


def _acts(verb) -> bool:
    """A participle on a noun that does the act: "-ing", a past participle with a direct object (a passive
    takes none: "X condemned the attack") or a clause, on the root noun ("A staffer alleged that he …")."""
    clause = verb.head.dep_ == "ROOT" and any(c.dep_ == "ccomp" for c in verb.children)
    return verb.tag_ == "VBG" or clause or any(c.dep_ == "dobj" for c in verb.children)


def _set_off(verb, subj):
    """ "Two are X and Y, who fled …, the source, who said …, told Reuters.": a subject inside the content
    clause before the verb is a misparse; the speaker is the noun set off by commas before the verb (hung
    elsewhere in apposition). Not after a quotation: '"…," John Sparks, who represents X and Y Inc., said'."""
    tag = any(t.is_quote for t in subj.doc[max(subj.left_edge.i - 1, 0) : subj.left_edge.i + 1])
    if tag or not (subj.i < verb.i and any(c.dep_ == "ccomp" and c.i < subj.i for c in verb.children)):
        return None
    for t in reversed(verb.doc[subj.i + 1 : verb.i]):
        if t.dep_ == "appos" and t.pos_ in ("NOUN", "PROPN") and t.right_edge.i >= verb.i - 2:
            if t.ent_type_ in ("GPE", "LOC", "FAC"):
                continue  # "Paganini, a scientist at … in Washington, D.C., said": a place never speaks
            head = t.head
            while head.dep_ == "appos" and head.i != subj.i:
                head = head.head
            # "X, director of Y, told me": an apposition of the subject itself names the same speaker
            return None if head.i == subj.i else t
    return None


def for_example(tok) -> bool:
    """ "one or two variables — say, the latitude of the winds —": "say" between a dash or comma and a comma
    means "for example"; no one speaks (not ", say economists,", whose subject follows it)."""
    doc = tok.doc
    return (
        tok.lower_ == "say"
        and 0 < tok.i < len(doc) - 1
        and doc[tok.i + 1].text == ","
        and doc[tok.i - 1].text in (",", "—", "–", "-", "--", "(", ":")
    )


def is_speech(tok, inside) -> bool:
    lemma = tok.lemma_.lower()
    kids = list(tok.children)
    deps = {c.dep_ for c in kids}
    clause = bool(deps & {"ccomp", "parataxis"}) or (
        any(c.dep_ == "xcomp" for c in kids) and not _amount_object(kids)
    )
    quoted = near_quote(tok, inside)
    if answers_claim(tok, kids):
        return True
    if lemma in SPEECH_VERBS:
        before_colon = colon_after(tok)
        set_off = (
            parenthetical(tok, kids)
            or (_inverted(tok) or subject_repair.speaker_read_as_object(tok)) is not None
        )
        tag = misparse.quote_then_relative(tok) or views.quote_closed_by(tok)  # '"…," the site Youku told'
        return clause or quoted or before_colon or _in_document(kids) or set_off or tag
    if lemma in STANCE_VERBS:
        return True
    if stance(tok) or experiencer(tok) is not None or put_it(tok, kids):
        return True
    if raising_verb(tok):
        return False
    if lemma in DEPICTION_VERBS:
        return regarded_as(tok)  # "portray immigrants as criminals", the "as" hung on either
    if tok.pos_ == "VERB" and learned_form(tok):
        return True  # "called", "warned", "cited", "shows": learned from PolNeAR train
    if lemma in OPINION_AS_VERBS:
        return regarded_as(tok)
    if lemma in CALLING_VERBS and ([c.dep_ for c in kids].count("dobj") > 1 or "oprd" in deps):
        return True  # "was quoted calling Christie a “failed” governor": what it calls him is a view
    if lemma in CONCERN_VERBS:
        for obj in (c for c in kids if c.dep_ == "dobj" and c.lemma_.lower() in CONCERN_NOUNS):
            if clause or any(c.dep_ in ("prep", "acl", "ccomp") for c in [*obj.children, *kids]):
                return True
        return False
    return (
        idiom(tok)
        or views.quote_introduced(tok)
        or views.quote_closed_by(tok)
        or views.quote_inverted_by(tok) is not None
    )


def _amount_object(kids) -> bool:
    """ "The stock added more than 2% to begin the week": an amount as the object, so "to" is no message."""
    for obj in (c for c in kids if c.dep_ == "dobj"):
        if obj.like_num or obj.text in ("%", "percent") or any(c.dep_ == "nummod" for c in obj.children):
            return True
    return False


def needs_gate(tok, inside) -> bool:
    """A verb that is a cue only by a word list without a complement test (the stance verbs, the words
    learned from PolNeAR train) and says nothing in its sentence: "many regulars continued to stay away",
    "Obama and Clinton withdrew all of our forces", "the union objected". Such a verb is an action as
    often as a statement; the tagger's reading of the sentence decides, as for the learned cue detector.
    So does any verb with only a to-infinitive that is no commissive (`intent_only`: "hopes to expand")."""
    lemma = tok.lemma_.lower()
    if intent_only(tok, inside):
        return True
    if lemma in SPEECH_VERBS or says_something(tok, inside) or answers_claim(tok, list(tok.children)):
        return False
    return lemma in STANCE_VERBS or (tok.pos_ == "VERB" and learned_form(tok))


def infinitive_only(tok) -> bool:
    """Only a to-infinitive ("aims to promote", "is attempting to push"): an intention or an act, no words."""
    if tok.pos_ != "VERB":
        return False
    deps = {c.dep_ for c in tok.children}
    if idiom(tok):
        return False  # "called on the blackmailer to come forward": said to someone
    return "xcomp" in deps and not deps & {"ccomp", "parataxis", "dobj", "dative"}


def colon_after(tok) -> bool:
    return tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == ":"


def intent_only(tok, inside) -> bool:
    """ "Tensions continued to run hot", "the firm hopes to expand": a verb whose only complement is a
    to-infinitive, with no quotation near it and no colon after it, states an intention or an attitude,
    not what anyone said, unless it is a commissive speech act ("vowed to fight"). Skipping such verbs
    outright cost 21 passages of PolNeAR dev recall (PolNeAR annotates many "plans to", "wants to"), so
    they only go to the tagger's gate (`needs_gate`)."""
    if not infinitive_only(tok) or near_quote(tok, inside) or colon_after(tok):
        return False
    lemma = tok.lemma_.lower()
    return lemma not in COMMISSIVE_VERBS and (lemma not in SPEECH_VERBS or lemma in ATTITUDE_VERBS)


def quantity_head(subj):
    """ "A number of analysts say …", "a majority of the members argued …": a quantity noun speaks for
    the people its "of" phrase names."""
    if subj is None or subj.lemma_.lower() not in QUANTITY_NOUNS:
        return subj
    for prep in (c for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"):
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
            return obj
    return subj


def says_something(tok, inside) -> bool:
    """A cue that carries what was said: a clause, a quotation near it, a colon after it, a parenthetical
    or tail position (", he said,"), or "according to" / "in her view". "Both sides wrote to the minister"
    and "spoke with Gordon's mother" say nothing in the sentence: another cue that does outranks them."""
    if tok.lower_ in ("according", "in") or tok.dep_ in ("parataxis", "ccomp"):
        return True
    kids = list(tok.children)
    if any(c.dep_ in ("ccomp", "xcomp", "parataxis") for c in kids) or near_quote(tok, inside):
        return True
    return colon_after(tok) or parenthetical(tok, kids)


def only_hearer(tok, inside) -> bool:
    """A verb whose only complement is who it was said to: "wrote to the minister", "spoke with his mother"
    (it says nothing, and has no object)."""
    kids = list(tok.children)
    if says_something(tok, inside) or any(c.dep_ == "dobj" for c in kids):
        return False
    return any(c.dep_ == "prep" and c.lower_ in ("to", "with") for c in kids)


_CLAUSES = ("ccomp", "xcomp", "parataxis")


def is_circumstance(tok) -> bool:
    """A speech verb that is background, not the sentence's attribution: a verb inside a relative clause
    whose content is the relative clause itself ("strikes, which employers say has cost them …"), or a
    past participle with no clause of its own describing its noun ("X, still seen by many as a hero,").
    (An absolute "with both sides reiterating their positions" is left alone: PolNeAR annotates "with
    experts offering their assessments" as an attribution.)"""
    if for_example(tok):
        return True
    kids = list(tok.children)
    clause = any(c.dep_ in _CLAUSES for c in kids)
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and not clause and not misparse.quote_then_noun(tok):
        return True  # "Mugabe, still seen by many as a hero": a participle describing its noun
    if tok.dep_ != "relcl":
        return False
    subjects = [c for c in kids if c.dep_ in ("nsubj", "nsubjpass")]
    if len(subjects) > 1 and any(s.tag_ in ("WDT", "WP") for s in subjects):
        return True  # the parser hung "which" on the speech verb beside its real subject
    for clause in (c for c in kids if c.dep_ in ("ccomp", "xcomp")):
        if any(s.dep_ in ("nsubj", "nsubjpass") and s.tag_ in ("WDT", "WP") for s in clause.children):
            return True
    return False


def parenthetical(verb, kids) -> bool:
    """ "Lenox was a juggernaut, Mr. Clarke said, until …": a bare speech verb set off by a comma."""
    # "…, the firm's chief has told BBC News.": the object of "tell" is the hearer
    hearer = verb.lemma_.lower() == "tell"
    after = [c for c in kids if c.dep_ in ("dobj", "attr", "acomp", "prep") and c.i > verb.i]
    if any(not (hearer and c.dep_ == "dobj") for c in after):
        return False
    subj = next((c for c in kids if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.i > verb.i:
        return False
    first = min(t.i for t in subj.subtree)
    return first > 0 and verb.doc[first - 1].text == ","


def _inverted(verb):
    """ "The combination, say economists, marks …", "The plan, said Mr. Smith, is …": a bare speech verb
    after a comma with its subject after it, set off up to a comma or the sentence's end: that subject
    (the parser may give the verb the sentence's subject too)."""
    doc = verb.doc
    if verb.pos_ != "VERB" or verb.i == 0 or doc[verb.i - 1].text != ",":
        return None
    if verb.lemma_.lower() not in SPEECH_VERBS or any(c.dep_ in _OBJECTS for c in verb.children):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i > verb.i), None)
    end = subj.right_edge.i + 1 if subj is not None else 0
    return subj if subj is not None and (end >= len(doc) or doc[end].text in (",", ".", ";")) else None


_OBJECTS = ("dobj", "ccomp", "xcomp", "dative", "attr")


def _in_document(kids) -> bool:
    """ "said in a statement (that …)": the channel is a document, whatever the parse does with the clause."""
    for prep in (c for c in kids if c.dep_ == "prep" and c.lower_ in ("in", "through")):
        if any(c.dep_ == "pobj" and c.lemma_.lower() in DOCUMENT_NOUNS for c in prep.children):
            return True
    return False


def near_quote(tok, inside) -> bool:
    doc = tok.doc
    for j in range(max(0, tok.i - 3), min(len(doc), tok.i + 4)):
        t = doc[j]
        if t.text in QUOTE_TOKENS or (j > tok.i and inside[t.idx] and t.text != ":"):
            return True
    return False


def cue_text(verb, subj) -> str:
    subj = named_head(subj)  # "A spokesman for X, NAME, added" -> "NAME added"
    share = share_tokens(subj)  # "Two in three said", "those surveyed say"
    subject = " ".join(t.text for t in share) if share else np_text(subj, strip_det=False)
    if len(subject.split()) > 5:
        subject = " ".join(t.text for t in subj.doc[subj.i - 1 : subj.i + 1] if t.dep_ in ("det", "nsubj"))
    words = [verb.text]
    aux = [c.text for c in verb.children if c.dep_ in ("aux", "neg") and c.i < verb.i and c.i > subj.i]
    if verb.dep_ == "xcomp" and (raising_verb(verb.head) or verb.head.pos_ == "ADJ"):
        aux = [verb.head.text, *aux]  # "he seemed to say", "users quick to point out"
    extra = [c for c in verb.children if c.dep_ in ("prep", "prt", "dobj") and c.i > verb.i]
    for c in extra[:1]:
        doc_objs = [g for g in c.children if g.dep_ == "pobj" and g.lemma_.lower() in DOCUMENT_NOUNS]
        if c.dep_ == "prep" and c.lower_ == "in" and doc_objs:
            words.append(f"in {np_text(doc_objs[0], strip_det=False)}")  # "said in a statement"
        elif c.dep_ == "prt" or (c.dep_ == "dobj" and c.lemma_.lower() in CONCERN_NOUNS):
            words.append(c.text)
    phrase = " ".join([*aux, *words])
    return f"{phrase} {subject}" if subj.i > verb.i else f"{subject} {phrase}"
