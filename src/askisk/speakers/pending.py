"""Step 2 of `speakers.attribution`: quotations without their own cue (a quote running over several
sentences, or opening a paragraph without a closing mark) get the speaker of a cued sentence near them.

In a paragraph, a pending quotation takes, in this order: the cue at the end of the same quotation (it opens
here and runs on, sentence after sentence, into a cued sentence: '"David Crosby is very upset. … not life
threatening," said Michael Jensen' is Jensen's, not the previous cue's); the one asked, right after "Dr Fox
was asked if …" (`interview.was_asked`); the nearest cued sentence before it; the previous paragraph's speaker
when this paragraph reopens a quotation the previous one left open; a cue after it when quotations run up to
it; the last speaker of the previous paragraph. A he/she left unmatched by a cue ('"…," he added.') never goes
to a plural or a document.

Pure: the decisions of one paragraph in (objects with record, cue, status, mention, person, runs_on),
updated in place.
"""

from __future__ import annotations

import re

from askisk.speakers.mention import Record
from askisk.speakers.names import name_head
from askisk.speakers.quotes import quoted_words, speech_kind


def resolve(para: list, prev_last, continued: bool = False, news: bool = False) -> None:
    """`continued`: the paragraph reopens a quotation the previous one left open (a quotation running
    over paragraphs): its quotations before any cue are the previous speaker's, not the next cue's.
    `news`: the news line, where a scare-quoted phrase after a closed quotation is the writer's."""
    for j, d in enumerate(para):
        if d.status != "pending":
            continue
        donor = _end_of_quotation(para, j)
        if news and donor is None and not d.quoted and not (j > 0 and para[j - 1].runs_on):
            # 'women famously "held up half the sky" but …' after a quotation that closed: the writer's
            # sentence with a phrase in quotation marks, not the last speaker's words going on (PolNeAR
            # gives such sentences to a source: 2 of the 6 it changed there, both to the wrong speaker)
            d.cue = "unattributed quotation"
            continue
        if donor is None:
            donor = _after_narration(para, j)
        if donor is None:
            # "Dr Fox was asked if …. "I'm sure …"": the one asked answers (attribution.py sets `answers`)
            k = next((k for k in range(j - 1, -1, -1) if para[k].status != "pending"), None)
            donor = para[k].answers if k is not None else None
        if donor is None:
            donor = next((para[k] for k in range(j - 1, -1, -1) if para[k].status == "cued"), None)
        if donor is None and continued and prev_last is not None and prev_last.record is not None:
            donor = prev_last
        if donor is None:
            # a cue after the quotation speaks it only when quotations run up to it: a sentence of
            # narration between ("… veto.” The Society has long campaigned …. Blair has ruled out …")
            # breaks the run (requiring the cue's own sentence to quote lost 2 passages on PolNeAR dev)
            ahead = next((k for k in range(j + 1, len(para)) if para[k].status != "pending"), None)
            # but a paragraph that opens with quotations goes on with the previous speaker up to a cue
            # that gives a quotation of its own after it ('"…" Simpson-Daniel added: "…"')
            opens = all(para[k].status == "pending" for k in range(j))
            if ahead is not None and para[ahead].status == "cued" and not (opens and para[ahead].leads):
                donor = para[ahead]
        if donor is None and prev_last is not None and prev_last.record is not None:
            donor = prev_last
        if donor is not None and d.person and not may_be_he(donor.record):
            donor = None  # '"…," officials said. "…," he added.': a he is not the officials
        if donor is not None:
            d.record, d.cue, d.status, d.mention = donor.record, donor.cue, "cued", donor.mention
        else:
            d.cue = "unattributed quotation"


def _after_narration(para: list, j: int):
    """'"…," said Nadal. US coach Patrick McEnroe wants … "I think it will help …" "…," said McEnroe.': a
    sentence of narration after the last cue ends that speaker's turn; quotations from there that run up to
    a cue are that cue's. The cued sentence after, else None."""
    before = next((k for k in range(j - 1, -1, -1) if para[k].status == "cued"), None)
    if before is None or not any(para[k].status == "none" for k in range(before + 1, j)):
        return None
    ahead = next((k for k in range(j + 1, len(para)) if para[k].status != "pending"), None)
    if ahead is None or para[ahead].status != "cued" or para[ahead].kind != "quote":
        return None
    # only quotations up to it: not a sentence with a phrase in scare quotes between
    return para[ahead] if all(para[k].quoted for k in range(j, ahead)) else None


def last_quoted(para: list):
    """A paragraph quoting someone that ends in a sentence of narration ('"…" This "trick" was the
    evidence accumulation model.'): a paragraph opening with a quotation and no cue after it goes on with
    the last quotation it gave a speaker (that decision, or None)."""
    return next((d for d in reversed(para) if d.record is not None and d.kind == "quote"), None)


def _end_of_quotation(para: list, j: int):
    """The cued sentence that closes the quotation opened in sentence j, else None. The quotation must
    open in j (the sentence before does not run on into it) and run on into every sentence up to the cue."""
    if j > 0 and para[j - 1].runs_on:
        return None
    k = j
    while k + 1 < len(para) and para[k].runs_on:
        k += 1
        if para[k].status == "cued":
            return para[k]
        if para[k].status != "pending":
            return None
    return None


def may_be_he(rec: Record | None) -> bool:
    """A he/she may stand for a person or a singular group noun ("a spokeswoman"), not for a plural
    ("officials", "Kyrgyz aides") or a document."""
    if rec is None or rec.kind == "document":
        return False
    last = name_head(rec.display())
    return rec.kind == "person" or not (last.endswith("s") and not last.endswith(("ss", "us")))


def hand_on(here: list, carry, text: str, spoken, inside, spans: list[tuple[int, int]]) -> None:
    """ "X added:" then a paragraph with no cue of its own: X's, quote or reported by its quotation marks."""
    for d, (s, e) in zip(here, spans, strict=True):
        kind = speech_kind(quoted_words(text, spoken, s, e), text, inside, s, e)
        d.record, d.kind, d.cue, d.status, d.mention = carry.record, kind, carry.cue, "cued", carry.mention


BLOCK_CUE = "block quotation"
_FIRST_PERSON = re.compile(r"\b(?:I|me|my|mine|we|us|our|ours)\b")


def block_quote(here: list, before: tuple[list, bool] | None, text: str) -> None:
    """A Markdown block quote ("> " lines; an HTML <blockquote>) is a quotation, every sentence of it:
    the speaker of the closest cued sentence ("X said in a statement:") of the paragraph before when that
    paragraph ends with a colon or is itself a block quote (`before`: its decisions and that test); or, when
    the quotation speaks in the first person ("allows us to craft …"), of the last person cued in the
    paragraph before (an author quoting a source's post at length after "X said …. Here's how it works.");
    else nobody's (an unattributed quotation)."""
    donor = None
    if before is not None and (before[1] or _FIRST_PERSON.search(text)):
        cued = [d for d in before[0] if d.status == "cued" and d.record is not None]
        cued = cued if before[1] else [d for d in cued if d.record.kind == "person"]
        donor = cued[-1] if cued else None
    cue = (donor.cue or "") if donor is not None else ""
    cue = cue if cue.startswith(BLOCK_CUE) else f"{BLOCK_CUE} after {cue}"
    for d in here:
        if donor is not None:
            d.record, d.kind, d.cue, d.status, d.mention = donor.record, "quote", cue, "cued", donor.mention
        else:
            d.record, d.kind, d.status, d.quoted, d.cue = (
                None,
                "quote",
                "pending",
                True,
                "unattributed quotation",
            )
