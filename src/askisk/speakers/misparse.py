"""Where spaCy's small parser misreads a cue, and how the speaker is found anyway.

Shapes met on real pages: a name after a quotation hung on the quotation's verb ('"…," Harbor police
Chief Dana Ruiz said'), a noun phrase read with the verb as its head ("…, the Telegraph reports."), a
cue read as a noun with a participle ('"…," the patient described in the case report.'), a title after an
inverted verb read as a verb ("…, said study co-author Anezina Solomonidou"), an inverted name hung on the
next clause ("Instead, said Mr Doctorow, DRM systems were …") and a subject cut off by a dashed aside ("Mr
Yushchenko - keen to reassure investors - had said …"). Each function takes the cue verb and answers with
the token that names the speaker (or whether the shape holds); the parse stays as it is. The misparses
mended in the parse itself before any cue is read (a closing cue read as a plural noun: "…, a new study
reports.") are `parse_repair`'s; a subject lost or misplaced around the verb is `subject_repair`'s.
"""

from __future__ import annotations

from askisk.speakers.rules import (
    DASHES,
    HEARER_VERBS,
    QUOTE_TOKENS,
    SPEECH_VERBS,
    STATEMENT_VERBS,
    WEEKDAYS,
    vocab,
)


def quote_then_noun(verb) -> bool:
    """'"…," the patient described in the case report.': the small parser reads a cue after a quotation as
    a noun phrase with a participle (the verb an `acl` of the noun right before it); when only that noun
    phrase stands between the quotation's closing mark and the verb, the noun is the verb's subject (Live
    Science, gold_s13). Not a participle with a "by" agent ('"…," a description rejected by the chairman'):
    the noun is what the agent acted on."""
    if any(c.dep_ == "agent" for c in verb.children):
        return False
    return verb.i == verb.head.i + 1 and opens_tag(verb.head)


def quote_then_relative(verb) -> bool:
    """'"May the world treat you gently," the video-sharing site Youku told its users.': the small parser
    reads the noun after a quotation as the quotation's object and the name plus verb as a relative clause
    on it; when only names stand between that noun and the speech verb, the noun phrase is the speaker
    (a tag, not a defining relative clause)."""
    noun, doc = verb.head, verb.doc
    if verb.dep_ != "relcl" or verb.lemma_.lower() not in SPEECH_VERBS or noun.pos_ not in ("NOUN", "PROPN"):
        return False
    between = doc[noun.i + 1 : verb.i]
    return 0 < len(between) <= 3 and all(t.pos_ == "PROPN" for t in between) and opens_tag(noun)


def opens_tag(noun) -> bool:
    """Only a noun phrase's words stand between the noun and a closing quotation mark after a comma."""
    doc = noun.doc
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


# Capitalised sentence adverbs the parser rightly reads as adverbs before a verb of saying.
_SENTENCE_ADVERBS = vocab(
    "however also now then meanwhile later still instead yet so thus hence indeed here there today "
    "yesterday earlier previously separately elsewhere nevertheless otherwise again once finally first "
    "moreover furthermore likewise therefore accordingly overall altogether ultimately"
)


def name_as_adverb(verb):
    """ "Desailly says the Russian's arrival helped …": the small parser reads an unknown surname that opens
    the sentence as an adverb of the speech verb right after it; that name is the subject."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in SPEECH_VERBS or verb.i == 0:
        return None
    doc = verb.doc
    after = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    if after is not None and _adverb_name(after, verb) and doc[verb.i - 1].text in (*QUOTE_TOKENS, ","):
        return after  # '"… is valuable," said Skelly, explaining …': a name in -ly after an inverted tag
    word = doc[verb.i - 1]
    if not _adverb_name(word, verb) or verb.tag_ not in ("VBZ", "VBD"):
        return None  # "Just ask him.": an imperative has no subject to find
    opens = word.i == word.sent.start or word.doc[word.i - 1].lower_ in ("but", "and", ",")
    plain = word.lower_ in _SENTENCE_ADVERBS
    return word if opens and not plain and word.is_alpha else None


_NAME_LINKS = vocab("the of and to for")


def name_as_clause(verb):
    """ "Ask Jeeves said …", "Keep Britain Tidy says …": a name that reads as an order opens the sentence,
    and the parser takes it for a clause as the speech verb's subject."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in SPEECH_VERBS:
        return None
    clause = next((c for c in verb.children if c.dep_ == "csubj" and c.i == c.sent.start), None)
    words = list(clause.subtree) if clause is not None else []
    if not 2 <= len(words) <= 5 or words[-1].i != verb.i - 1 or not any(w.pos_ == "PROPN" for w in words):
        return None
    return clause if all(w.is_title or w.lower_ in _NAME_LINKS for w in words) else None


def misread_name(tok) -> str | None:
    """The name a speech verb's subject is, where the parser read it as an adverb or an order."""
    if tok.pos_ == "ADV" and adverb_subject(tok):
        return tok.text  # '"…," said Skelly'
    if tok.pos_ == "VERB" and tok.dep_ == "csubj" and name_as_clause(tok.head) is not None:
        return " ".join(w.text for w in tok.subtree)
    return None


def adverb_subject(tok) -> bool:
    """This adverb is the name `name_as_adverb` finds for the speech verb it hangs on."""
    named = name_as_adverb(tok.head) if tok.head.i != tok.i else None
    return named is not None and named.i == tok.i


def _adverb_name(word, verb) -> bool:
    # not a day: "…, a lawyer for the family, said Sunday there will be …"
    if word.ent_type_ in ("DATE", "TIME") or word.lower_ in _DAYS:
        return False
    return word.head.i == verb.i and word.dep_ in ("advmod", "npadvmod", "dep") and word.is_title


_DAYS = WEEKDAYS | vocab("today yesterday tonight")


def title_mid_sentence(tok) -> bool:
    """A function word written title-case after a quotation or a comma ('…," May said', '…," Every said'):
    mid-sentence only a name is capitalised so ("I" is always)."""
    doc = tok.doc
    if not tok.is_title or tok.text == "I" or tok.i == tok.sent.start or tok.pos_ == "PROPN":
        return False
    return doc[tok.i - 1].text in QUOTE_TOKENS or doc[tok.i - 1].text == ","


def function_word_name(verb):
    """'"We will leave," May said.': a surname that is also a function word (the modal "may", "every")
    stands right before the speech verb, and the parser reads the word, not the name."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in SPEECH_VERBS or verb.i < 2:
        return None
    word = verb.doc[verb.i - 1]
    return word if word.head.i == verb.i and title_mid_sentence(word) else None


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
        if person is None and t.ent_type_ == "PERSON" and t.text[:1].isupper():
            person = t  # even tagged as a verb: '…," Cordon-Ragot said' ("Cordon-Ragot" read as "VBD")
            continue
        if t.pos_ in ("VERB", "AUX") or t.text in ("!", "?", ";", ":"):
            return None
    return None


def speaker_after_quote(verb):
    """'"Imagine the two of them on one stage," mused radio co-host Dana Whitfield.', '"…!" posted Sharon
    Oakes.': a finite verb right after a quotation's closing mark is an inverted tag; with a verb it does
    not know as a verb of saying, the small parser reads the name after it as its object. A name that runs
    to the sentence's end (or to the comma of an apposition) is the speaker (PolNeAR train)."""
    doc = verb.doc
    if verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i < 2:
        return None
    if doc[verb.i - 1].text not in QUOTE_TOKENS or doc[verb.i - 2].text[-1:] not in (",", "?", "!"):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr", "dative") and c.i > verb.i), None)
    if obj is None or obj.pos_ not in ("PROPN", "NOUN") or obj.left_edge.i != verb.i + 1:
        return None
    end = obj.right_edge.i + 1
    return obj if end >= len(doc) or doc[end].is_sent_start or doc[end].text in (".", "!", "?", ",") else None


_AFTER_VERB = ("xcomp", "dobj", "ccomp", "conj", "advcl", "dep")


def title_as_verb(verb):
    """ "…, said study co-author Anezina Solomonidou, a European Space Agency research fellow.": after an
    inverted speech verb the small parser reads the title noun as a verb ("study") with the name as its
    object, leaving the speech verb with no subject; that name is the speaker (space.com via Reuters)."""
    doc = verb.doc
    if (
        verb.pos_ != "VERB"
        or verb.lemma_.lower() not in SPEECH_VERBS
        or verb.i == 0
        or verb.i + 1 >= len(doc)
    ):
        return None
    title = doc[verb.i + 1]
    if (
        doc[verb.i - 1].text != ","
        or title.head.i != verb.i
        or title.pos_ != "VERB"
        or title.dep_ not in _AFTER_VERB
    ):
        return None
    return next(
        (c for c in title.children if c.i > title.i and c.ent_type_ == "PERSON" and c.pos_ == "PROPN"), None
    )


def bare_speech_verb(verb) -> bool:
    return bare_verb(verb) and verb.lemma_.lower() in SPEECH_VERBS


def bare_verb(verb) -> bool:
    return verb.pos_ == "VERB" and all(c.dep_ not in ("nsubj", "nsubjpass") for c in verb.children)


def name_set_off(verb):
    """ "Instead, said Mr Doctorow, DRM systems were intended to …": after a comma, an inverted speech verb
    followed by a name that a comma closes; the small parser hangs the name on the next clause (as its
    subject), leaving the verb with none. The name's last word is the speaker, also when others join it
    ("The contrast, said Doyle and others, would be clear": PolNeAR train). Never a participle or a verb
    whose object is its hearer: in "…, telling Reuters, "…"" the name is who was told."""
    doc = verb.doc
    if not bare_speech_verb(verb) or verb.i == 0 or doc[verb.i - 1].text != ",":
        return None
    if verb.tag_ == "VBG" or verb.lemma_.lower() in HEARER_VERBS:
        return None
    end = verb.i + 1
    while end < len(doc) and doc[end].pos_ == "PROPN" and end - verb.i <= 4:
        end += 1
    if end == verb.i + 1 or end >= len(doc):
        return None
    name = doc[end - 1]
    if doc[_joined(name, end)].text != ",":
        return None
    return name if name.ent_type_ in ("PERSON", "ORG") else None


def _joined(name, end: int) -> int:
    """Where a name that others join ends: "said Doyle and others," reads to the comma after "others"."""
    doc = name.doc
    joined = [c.right_edge.i for c in name.children if c.dep_ == "conj"]
    return min(max(joined) + 1, len(doc) - 1) if doc[end].lower_ == "and" and joined else end


_POST_NAME = frozenset({"of", "at", "from", "with", "for"})


def name_after_tag(verb):
    """ "The European ministers' comments, said Junya Tanase of JPMorgan Chase bank in Tokyo, were …": after
    a comma, a speech verb followed at once by a person's name, the name and what qualifies it closed by a
    comma; the small parser gives the verb the sentence's subject on its left. The name is the speaker."""
    doc = verb.doc
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in SPEECH_VERBS:
        return None
    if verb.i < 2 or doc[verb.i - 1].text != ",":
        return None
    end = verb.i + 1
    while end < len(doc) and doc[end].ent_type_ == "PERSON" and end - verb.i <= 4:
        end += 1
    if end == verb.i + 1 or end >= len(doc):
        return None
    name, end = doc[end - 1], _joined(doc[end - 1], end)
    if doc[end].lower_ in _POST_NAME:  # "of JPMorgan Chase bank in Tokyo"
        stop = next((t.i for t in doc[end : end + 10] if t.text == "," or t.pos_ in ("VERB", "AUX")), None)
        if stop is None or doc[stop].text != ",":
            return None
    elif doc[end].text != ",":
        return None
    return name


def name_before_aside(verb):
    """ "A day earlier, Mr Yushchenko - keen to reassure potential investors - had said only …": a name,
    then an aside between dashes, then the speech verb; the small parser loses the subject across the
    dashes. The name right before the opening dash is the speaker."""
    doc = verb.doc
    if not bare_speech_verb(verb):
        return None
    i = verb.i - 1
    while i > 0 and (doc[i].pos_ == "AUX" or doc[i].dep_ == "neg"):
        i -= 1
    if i < 2 or doc[i].text not in DASHES:
        return None
    opening = next((t for t in reversed(doc[max(0, i - 15) : i]) if t.text in DASHES), None)
    if opening is None or opening.i == 0:
        return None
    name = doc[opening.i - 1]
    return name if name.pos_ == "PROPN" and name.ent_type_ in ("PERSON", "ORG") else None


def name_before_commas(verb):
    """ "Jeffrey Salkin, a Hollywood, Fla., rabbi helping to organize the boycott, said …": a name opens the
    sentence, an apposition set off by commas follows it, then the speech verb; the small parser reads the
    apposition as a clause (its noun as a verb) and leaves the verb with no subject. The name speaks."""
    doc = verb.doc
    if not bare_speech_verb(verb) or verb.i < 4 or doc[verb.i - 1].text != ",":
        return None
    start = verb.sent.start + (1 if doc[verb.sent.start].lower_ in ("but", "and") else 0)
    ent = next((e for e in doc.ents if e.start == start), None)
    if ent is None or ent.label_ not in ("PERSON", "ORG") or ent.end >= verb.i or doc[ent.end].text != ",":
        return None
    if any(t.text in QUOTE_TOKENS or t.pos_ == "PRON" for t in doc[ent.end : verb.i]):
        return None  # 'Smith, "…," said' is a quotation; "Smith, he said," a tag of its own
    return ent.root


def quoted_as(verb):
    """ "Doherty was quoted calling Christie a “failed” governor", "She was quoted as saying …", "AP quoted
    NAME as saying", "FARS reported NAME as saying": the one quoted is the speaker of a "quote" that gives
    the words (of "cite" and "report" only with "as saying"); None for any other."""
    kids = list(verb.children)
    lemma = verb.lemma_.lower()
    if lemma in _CITED_AS and not any(_as_saying(c) for c in kids):
        return None  # "FARS reported a spokesperson … as saying, “…”", "cited the minister as saying"
    # "It quoted a spokesman for … Atticus Capital complaining that …": the words hang on the one quoted
    saying = [c for c in kids if c.dep_ == "dobj" and any(_saying(g) for g in c.children)]
    if (
        lemma not in ("quote", *_CITED_AS)
        or not saying
        and not any(
            c.dep_ in ("xcomp", "ccomp", "advcl") or c.dep_ == "prep" and c.lower_ == "as" for c in kids
        )
    ):
        return None
    if any(c.dep_ == "nsubjpass" for c in kids):
        return next(c for c in kids if c.dep_ == "nsubjpass")
    # '"…," AP quoted prosecutor Russell McGuire as saying', "the magazine quoted her as saying": the active
    # form names the one quoted as its object
    return next((c for c in kids if c.dep_ == "dobj" and c.pos_ in ("PROPN", "PRON", "NOUN")), None)


_CITED_AS = ("cite", "report")


def _as_saying(prep) -> bool:
    return (
        prep.dep_ == "prep"
        and prep.lower_ == "as"
        and any(g.tag_ == "VBG" and g.lemma_.lower() in SPEECH_VERBS for g in prep.children)
    )


def _saying(tok) -> bool:
    """ "complaining that …", "saying it was …": an -ing clause that gives words; or a who-clause that
    does ("The New York Times quoted a senior official who slammed the Ankara government for …")."""
    if tok.dep_ == "relcl" and tok.lemma_.lower() in STATEMENT_VERBS:
        return any(c.tag_ == "WP" and c.dep_ == "nsubj" for c in tok.children)
    return (
        tok.dep_ == "acl"
        and tok.tag_ == "VBG"
        and any(c.dep_ in ("ccomp", "parataxis") for c in tok.children)
    )


_REDUCED_PASSIVE = vocab(
    "think believe say consider know allege report expect rumor rumour understand estimate fear suspect "
    "presume reckon claim"
)


def _subject_or_and(verb) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "cc") for c in verb.children)


def reduced_passive(verb) -> bool:
    """ "Hilly areas, thought to represent exposed crust, cover 14 percent": a participle set off by a comma
    and followed by "to", which the small parser may read as the sentence's verb with the noun as its
    subject; the noun is what is thought of, not who thinks, and nobody is named."""
    doc = verb.doc
    if verb.lemma_.lower() not in _REDUCED_PASSIVE or verb.tag_ not in ("VBD", "VBN") or verb.i == 0:
        return False
    # or after "and": "Gomes, a U.S. citizen sentenced to eight years and believed to be an activist"
    # or right after its noun: "a bell believed to have hung in the first chapel"
    after_noun = verb.dep_ == "acl" and verb.head.i == verb.i - 1
    # "… is a mythical beast said to stalk …": read as a second predicate joined with no "and"
    after_noun |= verb.dep_ == "conj" and doc[verb.i - 1].pos_ == "NOUN" and not _subject_or_and(verb)
    if doc[verb.i - 1].lower_ not in (",", "and") and not after_noun:
        return False
    if verb.i + 2 >= len(doc) or doc[verb.i + 1].lower_ != "to":
        return False
    return doc[verb.i + 2].tag_ == "VB" and not any(c.dep_ == "aux" for c in verb.children)
