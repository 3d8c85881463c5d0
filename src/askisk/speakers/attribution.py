"""Who speaks in each passage, and why. Pure: text in, attributions out; no I/O, no printing.

Build time only (`attribute`): parses each body paragraph with spaCy (loaded lazily, cached) and
decides every passage (sentence) in four steps, in this order:

1. Explicit cue. Outside quotation marks, a speech verb whose subject resolves to a speaker
   ("said the expert", "Azizi noted", "McKenzie told lawmakers that", "a report ... warns that",
   "A report by X found that" (a document with a finding verb, speaker_documents),
   "authorities have expressed concern about", "observers see X as Y", "the ministry said in a
   statement") or "according to X". The subject is resolved through the registry
   (speaker_registry): names, "the expert"-style descriptions, he/she by recency and gender, "the
   report" to the document last named; a role noun with a name in apposition ("A spokesman for X,
   NAME, added", "Her colleague Dr. NAME disagrees") is the NAME, the role noun phrase its role.
   The verb highest in the parse wins. The kind is *quote* when
   the sentence carries a quotation of four words or more, else *reported*: "A report released by the
   United Nations ... warns that “…”" is a *quote*, "..., according to the report" *reported*.
2. Quotation without its own cue (a quote running over several sentences, or opening a new
   paragraph without a closing mark): the cue that closes the same quotation, else the nearest cued
   sentence before it in the same paragraph, else after it, else the last speaker of the previous
   paragraph (`speakers.pending`).
3. Interview answers. Under a question heading, the unquoted, uncued paragraphs that directly
   follow the question (before any paragraph with its own attribution) are the interviewee's answer:
   the person most attributed in that section (else in the whole source), kind *reported*, cue
   "answer under interview question". Once the section shows an explicit attribution, later
   uncued paragraphs are the article's own narration ("It is to be noted that ..."). A question
   that is the page's first line is its headline, not an interview question (`speakers.interview`).
   An embedded post ("— Name (@handle) date" under its text) is its author's (`speakers.posts`), a
   pull quote the speaker of the words it repeats (`speakers.pullquotes`).
4. Everything else is *narration* with no speaker ("Some estimates put ...", "reportedly ..." with no
   named source). Headings and captions are context: speaker None, kind narration.

Finally `source.overrides` (front matter `attribution_overrides`; `match`: a substring of the passage
or "#N", cue "override in front matter") force an attribution. Query time (`resolve_speaker`,
`speakers_in_query`) needs no spaCy. No speaker name is written in this code: every name comes from the text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from askisk.models import Attribution, Paragraph, Passage, Source, Speaker
from askisk.nlp import parse_naming, pipeline
from askisk.speakers import (
    asides,
    credits,
    formats,
    interview,
    parse_repair,
    pending,
    posts,
    pullquotes,
    qa,
    tagged,
    transcript,
)
from askisk.speakers.colon_quotes import colon_cue
from askisk.speakers.content import content_kind
from askisk.speakers.convention import DEFAULT_CONVENTION, framed, is_act
from askisk.speakers.explicit import find_cue, lead_cue, speaker_span
from askisk.speakers.formats import (
    ends_with_colon,
    is_headline,
    signatures,
)
from askisk.speakers.mention import Record, find_person, spoken_of
from askisk.speakers.name_clues import page_surnames
from askisk.speakers.overrides import apply_overrides, speaker_list
from askisk.speakers.query import resolve_speaker, speakers_in_query
from askisk.speakers.quotes import (
    QUOTE_WORDS,
    headline_marks,
    match_text,
    mostly_quoted,
    quote_mask,
    quoted_words,
    runs_on,
    speech_kind,
    without_titles,
)
from askisk.speakers.registry import Registry

__all__ = ["SourceSpeakers", "attribute", "resolve_speaker", "speakers_in_query"]


@dataclass(frozen=True)
class SourceSpeakers:
    speakers: tuple[Speaker, ...]  # the per-source registry: canonical name, aliases, role
    attributions: tuple[Attribution, ...]  # aligned 1:1 with the passages given to attribute()
    mentions: tuple[tuple[int, int] | None, ...] = ()  # the words naming each speaker, offsets in the body


@dataclass
class _Decision:
    record: Record | None
    kind: str
    cue: str | None
    status: str  # "cued" | "pending" (quotation without cue) | "none" | "context"
    mention: tuple[int, int] | None = None  # where the text names the speaker (body offsets)
    person: bool = False  # pending after a he/she cue nobody matched: only a person may speak it
    runs_on: bool = False  # its quotation is still open where the next sentence of the paragraph starts
    quoted: bool = True  # a pending sentence mostly inside quotation marks (not a scare-quoted phrase)
    leads: bool = False  # its cue comes before the quotation it gives ('X added: "…"')
    answers: _Decision | None = None  # "X was asked …": the one who answers the quotations after it


# (paragraph, its spaCy doc, the indexes of its passages, all passages): a reader of the same parse
ParagraphObserver = Callable[[Paragraph, object, list[int], list[Passage]], None]


def _leads(text: str, spoken, s: int, e: int, named_end: int) -> bool:
    """'Simpson-Daniel added: "I've said …"': the sentence opens outside quotation marks and quotes after
    the name of its speaker, so the cue gives what follows it, not a quotation before the sentence."""
    first = next((k for k in range(s, e) if text[k].isalnum()), e)
    return first < e and not spoken[first] and any(spoken[max(named_end, s) : e])


def attribute(
    source: Source,
    paragraphs: list[Paragraph],
    passages: list[Passage],
    observer: ParagraphObserver | None = None,
    convention: str = DEFAULT_CONVENTION,
) -> SourceSpeakers:
    """Speaker, kind and cue of every passage, under an attribution convention (`speakers.convention`)."""
    nlp = pipeline()
    surnames = page_surnames("\n".join(p.text for p in paragraphs))
    top = paragraphs[0].text if paragraphs else ""  # a headline line the body opens with, when it has one
    top = top if formats.is_headline(top, 0, len(top), [False] * (len(top) + 1)) else ""
    registry = Registry(headline=f"{source.title} {top}")
    by_para: dict[int, list[int]] = {}
    for i, p in enumerate(passages):
        by_para.setdefault(p.paragraph, []).append(i)
    decisions: list[_Decision] = [_Decision(None, "narration", None, "none") for _ in passages]
    tags = tagged.tag_passages(passages)  # the learned tagger's reading of each sentence, or None
    sections: list[tuple[int, list[int]]] = []  # (heading passage index, body paragraph numbers)
    recent: Record | None = None
    prev_last: _Decision | None = None
    gloss: _Decision | None = None  # the last quotation of a paragraph that ends in narration (pending)
    carry: _Decision | None = None  # "The governor added:" hands its speaker to the next paragraph
    in_list = False  # the paragraph handed on was a list item: only another list item takes it
    left_open = False  # the previous body paragraph ended inside a quotation it never closed
    before: tuple[list, bool] | None = None  # the previous body paragraph's decisions, quote or colon
    headed = False  # the first paragraph was skipped as the page's headline
    list_items = formats.listed_items(paragraphs)
    for para in paragraphs:
        idxs = by_para.get(para.number, [])
        if para.kind != "body":
            cue = "interview question" if para.kind == "heading" else "caption"
            for i in idxs:
                decisions[i] = _Decision(None, "narration", cue, "context")
            headline = para is paragraphs[0] and formats.is_page_title(para.text, source.title, source.path)
            if para.kind == "heading" and idxs and not headline:
                sections.append((idxs[0], []))
            elif para.kind == "caption":
                # "Media caption US President Donald Trump: …": no one speaks it; it names "the president"
                caption = nlp(match_text(para.text))
                registry.observe(caption, para.number * 1_000_000, quote_mask(para.text).inside)
            continue
        if sections and para.section is not None:
            sections[-1][1].append(para.number)
        text = formats.without_link_cards(match_text(para.text))  # a site's cards glued into the sentence
        mask = quote_mask(para.text)
        # "Fear The Walking Dead" is a title, not a quote; under the news line so is 'an op-ed titled "…"'
        spoken = without_titles(para.text, mask.inside, named=convention == "news")
        # "…, a new study reports.": a cue the parser read as a noun
        doc = parse_repair.repair(parse_naming(text, surnames))
        if observer is not None:
            observer(para, doc, idxs, passages)
        base = para.number * 1_000_000
        registry.observe(doc, base, mask.inside)
        # "O'Connell rejects Lions rumours", "So that's it! Attacks on … led to …, officials say": the paper's
        # summary, nobody's words
        if convention == "news" and (
            para is paragraphs[0]
            and (headed := formats.is_news_headline(para.text, mask.inside, source))
            or headed
            and para is paragraphs[1]
            and formats.is_standfirst(para.text, mask.inside)
            or len(idxs) == 1
            and para.number not in list_items
            and formats.is_subheading(para.text, mask.inside)
        ):
            continue
        turn: _Decision | None = None  # "WALLACE: …" speaks until the paragraph ends or another cue
        caption = convention == "news" and credits.is_caption(para.text)
        for i in idxs:
            p = passages[i]
            if (
                transcript.is_stage_sentence(p.text)
                or formats.is_bracketed(p.text)
                or caption
                or convention == "news"
                and (formats.is_shouted(p.text) or formats.headline_in_text(p.text, 0, len(p.text)))
            ):  # PolNeAR annotates its headlines in capitals
                continue  # "(CROSSTALK.)": what the room did; "[Read: …]": the editor's link; a heading
            s, e = p.start - para.start, p.end - para.start
            words = quoted_words(para.text, spoken, s, e)
            unmatched: list = []  # he/she subjects of cues that matched no one
            gate = tagged.learned_allowed(tags[i])
            spoke = {id(r): (r.spoke, r.spoke_n) for r in registry.records}
            found = find_cue(
                doc, s, e, mask.inside, registry, base, recent, unmatched, gate, convention == "news"
            )
            # a label opens its paragraph: "Rolling Stone: Watch …" inside a paragraph is a link, not a turn;
            # one before a quotation is a speaker's line anywhere ('… the sensation." Matthew: "But …"')
            label = (
                lead_cue(doc, s, e, mask.inside, registry, base, recent)
                if found is None and (i == idxs[0] or formats.labels_quote(p.text))
                else None
            )
            if found is None and label is None and words >= QUOTE_WORDS:  # not a slogan: "“Believe it.”"
                found = colon_cue(doc, s, e, mask.inside, registry, base, recent)
            kind_spoken, kind_inside = spoken, mask.inside
            headline = convention == "news" and para is paragraphs[0]
            if headline and (found is not None or label is not None):
                kind_spoken, kind_inside = _headline_quotes(para.text)
                words = quoted_words(para.text, kind_spoken, s, e)
            if label is not None:
                found = label
            elif found is None and turn is not None:
                decisions[i] = _Decision(turn.record, turn.kind, turn.cue, "cued", turn.mention)
                continue
            if found is None:  # the rules found no cue: the tagger may see one (speakers.tagged)
                found = tagged.recall(doc, s, e, mask.inside, tags[i], registry, base, recent)
            if found is not None:
                record, cue, (ms, me) = found
                whole = convention == "news"
                kind = content_kind(doc, words, para.text, kind_spoken, s, e, cue, whole) or speech_kind(
                    words, para.text, kind_inside, s, e
                )
                if convention == "news" and (
                    kind == "reported"
                    and is_act(doc, s, e, mask.inside, cue, record.kind)
                    or framed(doc, s, e, cue)
                ):
                    # "WeWork declined to comment": an act, narration to a reader of news; nor did anyone
                    # speak there for a later '"…," he said' to go back to
                    record.spoke, record.spoke_n = spoke.get(id(record), (-1, 0))
                    # '… when Smith made another joke, saying "… locker room. Watch …"': the run is still his
                    if mask.inside[e - 1]:
                        mention = (para.start + ms, para.start + me)
                        decisions[i].answers = _Decision(record, "quote", cue, "cued", mention)
                    continue
                decisions[i] = _Decision(record, kind, cue, "cued", (para.start + ms, para.start + me))
                decisions[i].leads = _leads(para.text, spoken, s, e, me)
                recent = record
                turn = decisions[i] if label is not None and i == idxs[0] else None
            elif (words >= QUOTE_WORDS or spoken[s]) and not (
                convention == "news" and asides.framing_speech(doc, s, e, mask.inside)
            ):
                quoted = spoken[s] or mostly_quoted(para.text, mask.inside, s, e)
                decisions[i] = _Decision(None, "quote", None, "pending", person=bool(unmatched))
                decisions[i].quoted = quoted
            else:
                about = registry.narrated_subject(doc, s, e, mask.inside, base)
                if about is not None and interview.was_asked(about[0]):
                    ms, me = speaker_span(about[0])
                    cue = f"{para.text[ms:me]} was asked"
                    answer = _Decision(about[1], "quote", cue, "cued", (para.start + ms, para.start + me))
                    decisions[i].answers = answer  # '"Dr Fox was asked if …. "I'm sure …"': Dr Fox answers
        here = [decisions[i] for i in idxs]
        _signed(here, [(passages[i].start - para.start, 0) for i in idxs], para, registry)
        listed = formats.is_list_item(para.text)
        # "X called it “stunning”:" then "X 0:07", the player of the clip: the words are not on the page
        player = any(formats.is_player_label(passages[i].text) for i in idxs)
        takes = carry is not None and (listed or not in_list) and not player
        # a bulleted item after a source's lead-in is one of the things it documented, whoever acts in it
        bulleted = para.text.lstrip()[:1] in formats.BULLETS
        if takes and carry is not None and (bulleted or not any(d.status == "cued" for d in here)):
            spans = [(passages[i].start - para.start, passages[i].end - para.start) for i in idxs]
            pending.hand_on(here, carry, para.text, spoken, mask.inside, spans)
        # "He also said:" before a list: its items (lines with no closing punctuation) are all his
        carry, in_list = (carry, True) if takes and listed else (None, False)
        if idxs and here[-1].status == "cued" and ends_with_colon(passages[idxs[-1]].text):
            carry = here[-1]
        for j, k in zip(idxs, idxs[1:], strict=False):  # a quotation going on into the next sentence
            decisions[j].runs_on = runs_on(
                para.text, mask.inside, passages[j].end - para.start, passages[k].start - para.start
            )
        opening = gloss if mask.opens_with_quote and (prev_last is None or prev_last.record is None) else None
        lead = opening or prev_last
        if lead is not None and lead.record is not None and lead.cue == _ABOUT and idxs:
            first = range(passages[idxs[0]].start - para.start, passages[idxs[0]].end - para.start)
            if spoken_of(lead.record, "".join(para.text[k] if mask.inside[k] else " " for k in first)):
                lead = _last_speaker(registry, base, lead.record)
        pending.resolve(here, lead, left_open and mask.opens_with_quote, convention == "news")
        if para.quoted:  # "> " lines (an HTML <blockquote>): a quotation, of the cue before it
            pending.block_quote(here, before, para.text)
        before = (here, para.quoted or ends_with_colon(para.text))
        if is_headline(para.text, 0, len(para.text), mask.inside) and all(d.status != "cued" for d in here):
            continue  # a photo caption between a quotation and its next paragraph does not end the run
        left_open = mask.open_at_end
        if idxs:
            prev_last = decisions[idxs[-1]]
            recent = prev_last.record or recent
            gloss = pending.last_quoted(here)
            if prev_last.record is None:
                prev_last = _about(registry, base, ends_with_colon(para.text)) or prev_last
    interview.answers(decisions, by_para, sections)
    posts.apply(decisions, passages, paragraphs, by_para, registry)  # "— Name (@handle) date" signs a post
    transcript.apply(decisions, passages, paragraphs, by_para, registry)  # "COOPER: …" turns over paragraphs
    qa.apply(decisions, paragraphs, by_para, registry)  # "Q: …" / "A: …": the interviewee answers
    pullquotes.subheads(decisions, paragraphs, by_para)  # "“My fears have been realized”" over a section
    pullquotes.apply(decisions, passages, paragraphs, by_para)  # a quotation lifted out of the text
    attributions = [_attribution(d) for d in decisions]
    attributions = apply_overrides(source, passages, attributions)
    speakers = speaker_list(source.id, registry, decisions, attributions)
    mentions = tuple(
        d.mention if d.record is not None and a.speaker else None
        for d, a in zip(decisions, attributions, strict=True)
    )
    return SourceSpeakers(speakers, tuple(attributions), mentions)


def _headline_quotes(text: str) -> tuple[tuple[bool, ...], tuple[bool, ...]]:
    """A headline quotes in single marks ("X to Democrats: ‘Welcome to real politics’"): its spoken mask
    (titles left out) and quotation mask with those marks read as quotation marks, for its kind only."""
    inside = quote_mask(headline_marks(text)).inside
    return without_titles(text, inside, named=True), inside


_ABOUT = "quotation after a paragraph about its speaker"


def _last_speaker(registry: Registry, base: int, other: Record) -> _Decision | None:
    """The last person who spoke before `base`, when that is not `other` (whom the quotation speaks of)."""
    spoke = [r for r in registry.records if r.kind == "person" and 0 <= r.spoke < base and r is not other]
    last = max(spoke, key=lambda r: r.spoke, default=None)
    return _Decision(last, "quote", "quotation after its speaker's words", "cued") if last else None


def _about(registry: Registry, base: int, lead_in: bool = False) -> _Decision | None:
    """A paragraph of narration naming someone who has spoken before ("But for Parata and his family the
    deaths are personal"): a quotation opening the next paragraph without a cue is theirs (the last such
    person named in it). A lead-in ending with a colon that names no one ("First, a word for the
    protesters:") introduces the words of the last person who spoke."""
    people = [
        r
        for r in registry.records
        if r.kind == "person" and 0 <= r.spoke < base and r.last // 1_000_000 == base // 1_000_000
    ]
    if not people:  # "Mr Trump travelled to al-Asad airbase … to thank …": the one person it is about
        people = [
            r for r in registry.records if r.kind == "person" and r.subject // 1_000_000 == base // 1_000_000
        ]
        people = people if len(people) == 1 else []
    cue = _ABOUT
    if not people and lead_in:
        # "… something written by Ann Lee, a reporter, is worth reading:": the one person the lead-in names
        named = [
            r for r in registry.records if r.kind == "person" and r.last // 1_000_000 == base // 1_000_000
        ]
        spoke = [r for r in registry.records if r.kind == "person" and 0 <= r.spoke < base]
        people = named if len(named) == 1 else [max(spoke, key=lambda r: r.spoke)] if spoke else []
        cue = "quotation after a lead-in"
    if not people:
        return None
    return _Decision(max(people, key=lambda r: r.last), "quote", cue, "cued")


def _signed(here: list[_Decision], spans: list[tuple[int, int]], para: Paragraph, registry: Registry) -> None:
    """ "… our greatest shame.” ― Sonya Herridge": each quotation is its signer's (the next signature); so is
    each sentence of a paragraph a person signs ("… glad to have them here. — Tucker Carlson")."""
    marks = signatures(para.text)
    if not marks or any(d.status == "cued" for d in here):
        return
    for d, (s, _) in zip(here, spans, strict=True):
        after = next(((a, b) for a, b in marks if b > s), None)
        if after is None:
            continue
        name = para.text[after[0] : after[1]]
        # an unquoted block signed by a person the page has named ("… glad to have them here. — Tucker
        # Carlson"), not a credit ("— Associated Press")
        head = para.text[: after[0]]
        head = head[: max(head.rfind(dash) for dash in "―—–")]  # what the signer's description follows
        quoted = head.rstrip().endswith(('"', "”", "’", "'"))
        if not quoted and find_person(registry.records, name.split()) is None:
            continue
        rec = registry.named(name)
        if rec is not None:  # an unquoted block is the signer's words set off without marks: reported
            kind = "quote" if quoted else "reported"
            d.record, d.kind, d.cue, d.status = rec, kind, f"― {rec.display()}", "cued"
            d.mention = (para.start + after[0], para.start + after[1])


# -- results -----------------------------------------------------------------------------------------


def _attribution(d: _Decision) -> Attribution:
    if d.record is None:  # a quotation nobody speaks stays a quotation; a scare-quoted phrase is narration
        quote = d.status == "pending" and d.quoted
        return Attribution(None, "quote" if quote else "narration", d.cue if quote else None)
    return Attribution(d.record.display(), d.kind, d.cue)  # type: ignore[arg-type]
