"""Documents as speakers: "A report by X found that …", "X's survey shows …", "according to the report".

Owns: who wrote a document ("A report by X", "A report released/published by X", "a study from X",
"X's review"), the name it goes by ("X report"), and whether a verb reports what a document found
("found", "shows", "concluded", "estimates", "warns" …, with a document as subject); whose figures
speak ("figures provided by IHS", "Figures gathered by X show", "FBI statistics"). Works on spaCy
tokens handed to it but never imports spaCy; never hard-codes a name: the author comes from the text.
"""

from __future__ import annotations

from askisk.speakers.rules import DOCUMENT_NOUNS, FINDING_VERBS, GENERIC_ORG_NOUNS, vocab

_AUTHOR_PREPS = ("by", "from")  # "a report by X", "a study from X", "a report released by X"
_AUTHOR_LABELS = ("ORG", "PERSON", "GPE", "NORP")
_POSSESSIVE = ("'s", "'", "’s", "’")
# "reports seen / obtained by Reuters": the agency read the document, it did not write it
_READ_VERBS = frozenset({"see", "obtain", "review", "read", "receive", "examine", "view", "access"})


def entity_of(tok):
    for ent in tok.doc.ents:
        if ent.start <= tok.i < ent.end:
            return ent
    return None


def is_document(tok) -> bool:
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in DOCUMENT_NOUNS


def author_of(doc_tok, with_of: bool = True):
    """The token naming who wrote `doc_tok`, else None.

    "A report by/from X", "A report released/published by X" (the preposition hangs off a participle),
    "X's report" / "the X report" (a proper noun as possessive or compound), and, when `with_of`,
    "a report of X" (kept for the mentions a speech verb resolves; too loose for plain mentions).
    """
    preps = (*_AUTHOR_PREPS, "of") if with_of else _AUTHOR_PREPS
    for child in doc_tok.subtree:
        if child.dep_ == "pobj" and child.head.lower_ in preps and _hangs_off(child.head, doc_tok):
            # "the report by telecoms giant BT": the name set beside a description
            return next((c for c in child.children if c.dep_ == "appos" and c.pos_ == "PROPN"), child)
        if child.dep_ in ("poss", "compound") and child.pos_ == "PROPN" and child.head == doc_tok:
            return child
    return None


def _hangs_off(prep, doc_tok) -> bool:
    """The preposition belongs to the document: directly, or through a participle ("released by")."""
    head = prep.head
    if head == doc_tok:
        return True
    return head.dep_ == "acl" and head.head == doc_tok and head.lemma_.lower() not in _READ_VERBS


def author_name(author) -> str:
    """The author as written, without a leading article or a trailing possessive: "Children's Relief Fund"."""
    ent = entity_of(author)
    if ent is None:
        return ""  # the caller falls back to the noun phrase
    toks = list(ent)
    while toks and (toks[-1].text in _POSSESSIVE or toks[-1].is_punct):
        toks = toks[:-1]
    while toks and toks[0].lower_ in ("the", "a", "an"):
        toks = toks[1:]
    return "".join(t.text_with_ws for t in toks).strip()


def document_name(author_text: str, noun: str) -> str:
    if author_text.lower().endswith(noun.lower()):
        return author_text  # "the 2014 American Community Survey": no second "survey"
    return f"{author_text} {noun}"


def named_documents(doc, inside):
    """(document token, author token) for each document a paragraph introduces with a named author."""
    for tok in doc:
        if inside[tok.idx] or not is_document(tok):
            continue
        author = author_of(tok, with_of=False)
        if author is None:
            continue
        ent = entity_of(author)
        if ent is not None and ent.label_ in _AUTHOR_LABELS and not inside[ent.start_char]:
            yield tok, author


_EVIDENCE = frozenset({"evidence", "proof"})


def evidence_found(verb, subject) -> bool:
    """ "The investigators also found evidence of racist jokes", "found that …": what an inquiry turned up."""
    found = (
        verb.lemma_.lower() in ("find", "uncover")
        and subject is not None
        and subject.pos_ in ("NOUN", "PROPN")
    )
    # "… reviewed the literature and found about half of patients had …": a clause found is a finding too
    return found and any(
        c.dep_ == "dobj" and c.lemma_.lower() in _EVIDENCE or c.dep_ == "ccomp" for c in verb.children
    )


def is_finding(verb, subject) -> bool:
    """ "A report found that …", "the survey shows rising distrust": a document's finding."""
    if subject is None or verb.lemma_.lower() not in FINDING_VERBS:
        return False
    if not is_document(subject):
        # "Figures gathered by Continental Research show …": the provider's finding ("figures show": none)
        return evidence_found(verb, subject) or owner_of_figures(subject) is not subject
    return any(c.dep_ in ("ccomp", "xcomp", "parataxis", "dobj") for c in verb.children)


_FIGURES = frozenset(
    {"data", "figure", "figures", "statistics", "stats", "estimate", "estimates", "numbers", "count", "tally"}
    | {"prediction", "predictions", "forecast", "forecasts", "projection", "projections"}
    | {"metric", "measure", "reckoning", "calculation"}
)


def owner_of_figures(obj):
    """ "according to Airports Council International's preliminary passenger traffic data", "according to
    FBI statistics": figures speak for the body whose they are (none of their own: "according to data")."""
    if obj.lower_ not in _FIGURES:
        return obj
    owner = next((c for c in obj.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")), None)
    if owner is None:
        # "Labor Department data", "government data": a body's own figures ("a government figure": a person)
        body = obj.lower_ != "figure"
        names = [
            c for c in obj.children if c.dep_ == "compound" and (c.pos_ == "PROPN" or body and _a_body(c))
        ]
        owner = names[0] if names else _provider(obj)
    return obj if owner is None else owner


def _a_body(noun) -> bool:
    return noun.lemma_.lower() in GENERIC_ORG_NOUNS and not any(c.dep_ == "compound" for c in noun.children)


_PROVIDING = frozenset({"provide", "release", "compile", "publish", "issue", "gather", "collect", "produce"})
_WHEN = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})


def _provider(figures):
    """ "figures provided by IHS", "data from the Census Bureau": the body the figures come from."""
    for child in figures.children:
        prep = child if child.dep_ == "prep" and child.lower_ in ("from", "by") else None
        if child.dep_ == "acl" and child.lemma_ in _PROVIDING:
            prep = next((g for g in child.children if g.dep_ == "agent"), None)
        body = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
        if body is not None and body.pos_ in ("PROPN", "NOUN") and body.ent_type_ not in _WHEN:
            return body
    return None


_POSTING_VERBS = vocab("report post record announce unveil book declare")
# a firm's results: what it reports is its accounts, not a statement (the news golds' brief: bare figures)
_RESULT_NOUNS = vocab(
    "profit profits loss losses revenue revenues sales earnings income turnover deficit surplus dividend "
    "output"
)


def results_posted(verb) -> bool:
    """ "Shell reported an annual profit of $17.5bn", "the firm posted a loss": results filed, not words
    (not "reported that profits fell", whose clause is a statement)."""
    if verb.lemma_.lower() not in _POSTING_VERBS or any(
        c.dep_ in ("ccomp", "parataxis") for c in verb.children
    ):
        return False
    # "the county reported about 900 new flu cases": a count posted, as a result is
    return any(
        c.dep_ == "dobj"
        and (c.lemma_.lower() in _RESULT_NOUNS or any(n.dep_ == "nummod" for n in c.children))
        for c in verb.children
    )
