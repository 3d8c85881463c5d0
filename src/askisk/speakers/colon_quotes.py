"""A quotation a colon opens: "Mark Joseph Stern from Slate sums it up pretty well: “In study after study, …”"
is the words of the subject of the clause before the colon (step 1 of attribution, after the explicit cues
of `explicit`). Pure over one parsed paragraph and the source's registry."""

from __future__ import annotations

from askisk.speakers.mention import Record
from askisk.speakers.registry import Registry
from askisk.speakers.withheld import MESSAGE_NOUNS


def colon_cue(doc, s, e, inside, registry: Registry, base: int, recent: Record | None):
    """ "Mark Joseph Stern from Slate sums it up pretty well: “In study after study, …”": a quotation that a
    colon opens is the words of the subject of the clause before the colon, when the registry can name
    that subject (a pronoun is left to the cue rules and the speaker ranker)."""
    first = next((i for i in range(s, e) if inside[i]), None)
    if first is None or not doc.text[s:first].rstrip().endswith(":"):
        return None
    colon = doc.text.rindex(":", s, first)
    # not the possessive "'s" the tagger calls a verb ("was not buying his pitch, or Nike's: …")
    verbs = [t for t in doc if s <= t.idx < colon and t.pos_ in ("VERB", "AUX") and t.dep_ != "case"]
    subjects = [c for v in verbs[-1:] for c in v.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
    if not subjects:
        return None
    if _colon_in_other_clause(doc, colon, verbs[-1]):
        return None  # "relatives gathered near the compound, where a sign over the gate read: “…”"
    subj = subjects[0]
    if subj.lemma_.lower() in _WRITTEN_UP:
        return None  # 'a sign over the gate read: “Centre for Islamic studies”': what is written, nobody's
    owner = [c for c in subj.children if c.dep_ == "poss"]
    if subj.lemma_.lower() in MESSAGE_NOUNS and owner:
        subj = owner[0]  # "His message to the chancellor was: “…”": the one whose message it is
    subj = _quoted_author(subj, verbs[-1]) or subj
    rec = registry.resolve(subj, base, recent)
    if rec is None:
        return None
    return rec, f"{verbs[-1].text}:", (subj.left_edge.idx, subj.idx + len(subj.text))


def _quoted_author(subj, verb):
    """ "One of his favorite quotes … was from late American diplomat George Kennan: “…”": a quotation
    said to be from someone is that someone's words, not those of whoever liked it."""
    head = (
        next((c for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if subj.lemma_.lower() == "one"
        else None
    )
    noun = next((c for c in head.children if c.dep_ == "pobj"), subj) if head is not None else subj
    if noun.lemma_.lower() not in _SAYINGS or verb.lemma_.lower() not in ("be", "come"):
        return None
    source = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("from", "by")), None)
    return next((c for c in source.children if c.dep_ == "pobj"), None) if source is not None else None


_SAYINGS = frozenset({"quote", "quotation", "saying", "line", "motto", "maxim", "words", "passage", "verse"})
_WRITTEN_UP = frozenset({"sign", "banner", "placard", "plaque", "inscription", "billboard", "poster"})
_CLAUSES = frozenset({"advcl", "relcl", "ccomp", "acl", "conj", "parataxis"})


def _colon_in_other_clause(doc, colon: int, verb) -> bool:
    """The colon at character `colon` hangs in a clause of its own under `verb` (a relative or adverbial
    clause), so what it opens is not the words of `verb`'s subject."""
    tok = next((t for t in doc if t.idx == colon), None)
    for _ in range(6):
        if tok is None or tok.i == verb.i or tok.head.i == tok.i:
            return False
        if tok.dep_ in _CLAUSES and tok.head.i == verb.i and tok.pos_ in ("VERB", "AUX"):
            return True
        tok = tok.head
    return False
