"""How much of what a speaker said is in quotation marks: the half-the-letters rule of the golds and of
PolNeAR counts the letters of the content alone, not of "Carson, who is a neurosurgeon, told CNN that"."""

from __future__ import annotations

from askisk.speakers.convention import cue_token
from askisk.speakers.quotes import QUOTE_WORDS, colon_quoted, opening_fragment, opens_quoted
from askisk.speakers.rules import CALLING_VERBS, HEARER_VERBS, SPEECH_VERBS, STATEMENT_VERBS
from askisk.speakers.speech import subject_of

# what hangs on a cue verb and is not what was said: "on Twitter", "Tuesday", "also", "CNN" (told CNN)
_FRAME = ("advmod", "npadvmod", "prep", "dative", "aux", "auxpass", "neg", "punct", "agent", "nsubj", "cc")
CONTENT_SHARE = 0.5
# a shorter quotation is the speaker's words, not a scare quote, when it is all the content
WHOLE_SHARE, WHOLE_WORDS = 0.9, 2


def hearer_object(tok) -> bool:
    """The object of "told", "informed", …: who heard the words, not the words ("told the Guardian")."""
    return tok.dep_ == "dobj" and tok.head.lemma_.lower() in HEARER_VERBS


def _dropped(tok, inside, s: int, e: int) -> set[int]:
    """Character offsets of the cue's frame: all before the verb when it opens the sentence's speech
    ("In an op-ed …, Attorney General Eric Holder wrote, “…”"), the tag from its subject on when it
    follows ("“…,” Goodman told Val"), and what only sets the verb in time or place ("on Twitter")."""
    first = next((i for i in range(s, e) if inside[i]), e)
    subj = subject_of(tok)
    # the subject's own words describe it ('the Covenant Network, which says it supports “a fully inclusive
    # church,” welcomed the news'): never the content, quoted or not
    described = set()
    if subj is not None:
        described = set(range(subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge.text)))
    if tok.idx < first:
        spans = [(s, tok.idx + len(tok.text))]
    else:
        start = min(tok.idx, subj.left_edge.idx) if subj is not None else tok.idx
        # '“…,” X said, charging that …': the clause after the tag is said too (its verb and "that" are not)
        more = [
            c for c in tok.children if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > tok.i and _saying(c)
        ]
        end = more[0].left_edge.idx if more else e
        spans = [(start, end), *_fronted_frame(tok.doc, s, first)]
        spans += [
            (t.idx, t.idx + len(t.text))
            for c in more[:1]
            for t in (c, *c.children)
            if t.dep_ in ("advcl", "mark")
        ]
    for c in tok.children:
        frame = c.dep_ in _FRAME or hearer_object(c)  # "told a radio host that …": no content
        if frame and not any(inside[t.idx] for t in c.subtree):
            spans.append((c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text)))
        if c.dep_ == "ccomp":
            spans += [(m.idx, m.idx + len(m.text)) for m in c.children if m.dep_ == "mark"]  # "that"
    spans += [
        (c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text))
        for c in tok.subtree
        if _when_said(c, tok) and not any(inside[t.idx] for t in c.subtree)
    ]
    # '…,” referring to Trump Jr. and Kushner': a participle the writer adds after the quotation
    last = max((i for i in range(s, e) if inside[i]), default=e)
    spans += [
        (t.idx, t.right_edge.idx + len(t.right_edge.text))
        for t in tok.doc
        if last < t.idx < e and t.dep_ == "advcl" and t.tag_ == "VBG" and _after_comma(t) and not _saying(t)
    ]
    return described | {i for a, b in spans for i in range(a, b) if not inside[i]}


_WHEN = frozenset({"before", "after", "when", "while", "until", "as"})


def _when_said(clause, cue) -> bool:
    """'Reyes said "thank you very much" before guards walked her out of the hall': a clause after the
    words that only says when they were said (the parser may hang it on the quoted words)."""
    return (
        clause.dep_ == "advcl"
        and clause.i > cue.i
        and clause.left_edge.i > 0
        and clause.doc[clause.left_edge.i - 1].is_quote
        and any(m.dep_ == "mark" and m.lower_ in _WHEN for m in clause.children)
    )


def _fronted_frame(doc, s: int, first: int) -> list[tuple[int, int]]:
    """ "Asked about a visit by the governor, “I won't be telling anyone to stay away,” Reyes said": the
    participle that opens the sentence before its quotation sets the scene of the words, not what was said."""
    opener = next((t for t in doc if t.idx >= s), None)
    framing = opener is not None and opener.tag_ in ("VBN", "VBG") and opener.dep_ == "advcl"
    return [(s, first)] if framing and doc.text[s:first].rstrip(' “"').endswith(",") else []


def content_kind(
    doc, words: int, text: str, inside, s: int, e: int, cue: str, whole: bool = False
) -> str | None:
    """quote / reported by the share of the content's letters inside quotation marks, or None when the cue
    is no verb (the caller then weighs the whole sentence). `whole` (the news golds' line): a quoted clause
    shorter than QUOTE_WORDS that is all the content is a quote too."""
    opens = opens_quoted(text, inside, s, e) and not opening_fragment(text, inside, s, e)
    tok = cue_token(doc, s, e, cue)
    # a sentence that opens with its quotation is a quote whatever the tag goes on to say ('“…,” the doctor
    # explains, adding that …': the seed's and the fixtures' line; the news golds' brief counts the letters
    # after the tag too, +5 on the read batches, which the fixtures do not allow)
    if opens or colon_quoted(text, inside, s, e) and not _said_before_colon(tok, text, inside, s, e):
        return None
    if tok is None or tok.pos_ not in ("VERB", "AUX"):
        return None
    drop = _dropped(tok, inside, s, e)
    if tok.lemma_.lower() in CALLING_VERBS and _named_in_quotes(
        text, inside, tok.idx + len(tok.text), e, drop
    ):
        return "quote"
    letters = [i for i in range(s, e) if text[i].isalnum() and i not in drop]
    if not letters:
        return None
    share = sum(1 for i in letters if inside[i]) / len(letters)
    if (
        whole
        and not inside[tok.idx]
        and words >= WHOLE_WORDS
        and share >= WHOLE_SHARE
        and _quoted_clause(doc, inside, s, e)
    ):
        return "quote"  # 'told Le Figaro, “Everything is burning.”': all that was said, in its own words
    # the news golds count letters whatever the quotation's length ('described the call as "constructive and
    # businesslike"'); one or two quoted words stay the writer's scare quotes
    least = QUOTE_WORDS - 1 if whole else QUOTE_WORDS
    return "quote" if words >= least and share >= CONTENT_SHARE else "reported"


def _said_before_colon(tok, text: str, inside, s: int, e: int) -> bool:
    """ "The source told the Harbor Post that X thought …, asking him: “What do you want?”": the cue's clause
    of words opens before the colon, so the quotation after it is only part of what was said."""
    if tok is None:
        return False
    colon = text.rindex(":", s, next(i for i in range(s, e) if inside[i]))
    return any(c.dep_ == "ccomp" and tok.idx < c.left_edge.idx < colon for c in tok.children)


def _saying(tok) -> bool:
    """'"…," she said, adding that …', '…, charging that …': more of what was said, not the writer's gloss
    ('…," referring to')."""
    return tok.lemma_.lower() in _MORE_SAID and any(c.dep_ == "ccomp" for c in tok.children)


_MORE_SAID = SPEECH_VERBS | STATEMENT_VERBS | {"charge"}


def _after_comma(tok) -> bool:
    """Set off by a comma, before or inside the closing mark ('…,” referring to …'; not '“…” overseeing')."""
    doc = tok.doc
    before = doc[tok.i - 1] if tok.i else None
    if before is not None and before.is_quote and tok.i > 1:
        before = doc[tok.i - 2]
    return before is not None and before.text == ","


def _quoted_clause(doc, inside, s: int, e: int) -> bool:
    """The quotation has a verb of its own ("“Everything is burning.”"), not a phrase ("“Islamic terror”")."""
    return any(s <= t.idx < e and inside[t.idx] and t.pos_ in ("VERB", "AUX") for t in doc)


def _named_in_quotes(text: str, inside, start: int, e: int, frame: set[int]) -> bool:
    """'Mitch Winehouse called that film "rubbish."': what the thing was called, all in quotation marks,
    is all the speaker said (the thing named is the frame), however short; so is 'called the probe a
    “phony scam.”' ending the sentence (the article's one letter aside; the news golds of three batches)."""
    quoted = next((i for i in range(start, e) if inside[i] and text[i].isalnum()), None)
    if quoted is None:
        return False
    named = text[start:quoted].strip(" \"“'‘")
    words = named.split()
    closes = not any(text[i].isalnum() and not inside[i] for i in range(quoted, e))
    if len(words) >= 2 and words[-1].lower() in ("a", "an") and closes:
        words = words[:-1]  # 'called the probe a “phony scam.”': the article is all that is not quoted
    # a plain noun phrase: not "called Democratic bigwigs to the stage, singing"
    if not 1 <= len(words) <= 6 or "," in named or words[-1].lower() in ("a", "an", "the", "as", "for"):
        return False
    if any(w.lower() in ("to", "for", "on", "in", "at", "into", "from") for w in words):
        return False
    # what only sets it in time or place may follow: '… "beyond belief" at a briefing on Tuesday'
    return all(inside[i] or i in frame for i in range(quoted, e) if text[i].isalnum())
