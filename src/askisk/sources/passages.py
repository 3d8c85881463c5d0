"""Source -> paragraphs -> passages (sentences). Pure functions, no I/O.

Rules (documented in the README):
- Paragraphs are separated by blank lines (lines of only whitespace count as blank). A text with no blank
  line at all, of three lines or more, one of them longer than a wrapped line (`_PROSE_LINE`), is pasted
  prose with one paragraph per line (a web page copied as text): each line is a paragraph.
- A one-line paragraph that is one short question, opening like one ("Why …?", "In your view, what …?"), is
  a *heading* (an interview question): kept as context, the `section` of the paragraphs below it, never a
  search result. A statement ending in "?" is body text.
- A short one-line paragraph that looks like a name ("Dr. Rustam Azizi.") is a *caption*: kept as context,
  never a search result; so is a one-line paragraph under a photo label ("FILE: The senator speaks …").
- Everything else is *body*, split into sentences; a passage never crosses a paragraph.
- A paragraph whose every line starts with ">" is a Markdown *block quote* (`quoted`): its text starts
  after the first marker and the markers of later lines become spaces (offsets stay those of the body).
- A paragraph that is only a page marker `<!-- page 12 -->` (written by the PDF import) is not a paragraph:
  it sets the `page` of the paragraphs after it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from askisk.models import Paragraph, Passage, PassageKind, Source
from askisk.sources.cards import link_cards
from askisk.text import content_hash, normalize

_BLANK_RUN = re.compile(r"(?:\n[ \t\u00a0\u2009\u202f]*){2,}")
_ABBREVIATIONS = {
    "dr", "mr", "mrs", "ms", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "sen", "rep", "gov", "pres",
    "st", "jr", "sr", "no", "vs", "etc", "e.g", "i.e", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr",
    "aug", "sept", "sep", "oct", "nov", "dec", "mt", "ft", "approx", "dept", "est", "fig", "adm",
    "rev", "sens", "reps", "cmdr", "cpl", "pvt", "supt", "insp", "atty", "hon", "msgr", "brig", "det", "ofc",
    "amb", "spc", "cdr", "lieut",
}  # fmt: skip
# A sentence ends at . ! ? (maybe followed by closing quotes/brackets) and whitespace, before a capital,
# a digit or an opening quote (two marks for typewriter quotes: ''It).
_BOUNDARY = re.compile(r"[.!?][\"'”’)\]]*(?=\s+[\"“‘'(\[]{0,2}[A-Z0-9\u0400-\u04ff])")
# A quotation signed at its line's end ("… our greatest shame.” ― Sonya Herridge") ends its sentence there,
# full stop or not: the next line is the next reader's quotation.
_SIGNED_LINE = re.compile(
    r"[\"”’'][ \t\u00a0]*[―—–][ \t\u00a0]*"  # the closing mark and the dash
    r"[A-Z][\w.'’-]*(?:[ \t\u00a0]+[A-Z][\w.'’-]*){0,4}[ \t\u00a0,.]*(?=\n\S)"  # the name, then more lines
)
_PAGE_MARKER = re.compile(r"<!--\s*page\s+(\d{1,5})\s*-->")
_QUOTE_LINE = re.compile(r"^[ \t]{0,3}>(?:[ \t]?>)*[ \t]?", re.M)
_PROSE_LINE = 100  # longer than any hard-wrapped line (72–80 characters)
_CAPTION_MAX_WORDS = 6
_SMALL_WORDS = {"of", "the", "and", "de", "van", "von", "al", "bin", "la", "le", "da", "der", "du"}


def split_paragraphs(source_id: str, body: str) -> list[Paragraph]:
    paragraphs: list[Paragraph] = []
    section: str | None = None
    page: int | None = None
    pos = 0
    for chunk in _chunks(body):
        start = body.find(chunk, pos)
        pos = start + len(chunk)
        if not chunk.strip():
            continue
        lead = len(chunk) - len(chunk.lstrip())
        text = chunk.strip()
        if marker := _PAGE_MARKER.fullmatch(text):
            page = int(marker.group(1))
            continue
        quoted = all(_QUOTE_LINE.match(line) for line in text.split("\n"))
        if quoted:
            text, skip = _unquoted(text)
            lead += skip
            if not text:
                continue
        kind = "body" if quoted else _paragraph_kind(text)
        number = len(paragraphs) + 1
        if kind == "heading":
            section = normalize(text)
            paragraphs.append(Paragraph(source_id, number, text, start + lead, kind, None, page))
        else:
            paragraphs.append(Paragraph(source_id, number, text, start + lead, kind, section, page, quoted))
    return paragraphs


def _chunks(body: str) -> list[str]:
    """The body's paragraphs as written: blank-line separated, or one per line in pasted prose."""
    chunks = _BLANK_RUN.split(body)
    if sum(1 for c in chunks if c.strip()) != 1:
        return chunks
    lines = [line for line in body.split("\n") if line.strip()]
    if len(lines) < 3 or max(len(line.strip()) for line in lines) <= _PROSE_LINE:
        return chunks
    if all(_QUOTE_LINE.match(line) for line in lines):
        return chunks  # one Markdown block quote
    return body.split("\n")


def _unquoted(text: str) -> tuple[str, int]:
    """A block quote's text without its ">" markers (later lines': blanked, same length) and how many
    characters were dropped before it."""
    blanked = _QUOTE_LINE.sub(lambda m: " " * len(m.group(0)), text)
    kept = blanked.lstrip()
    return kept.rstrip(), len(blanked) - len(kept)


def _paragraph_kind(text: str) -> PassageKind:
    if "\n" in text.strip():
        return "body"
    plain = normalize(text)
    words = plain.split()
    if plain.endswith("?") and len(words) <= 30 and len(list(sentence_spans(plain))) == 1 and _asks(plain):
        return "heading"
    if len(words) <= _CAPTION_MAX_WORDS and _looks_like_name(words):
        return "caption"
    if _PHOTO_LABEL.match(plain) or _PHOTO_CREDIT_END.search(plain):
        return "caption"  # "FILE: Sen. Lindsey Graham, R-S.C., speaks with reporters on Capitol Hill …"
    return "body"


# a wire photo's caption ends with its credit: "FILE - In this 2019 photo, … (AP Photo/Ann Reyes, File)"
_PHOTO_CREDIT_END = re.compile(r"\((?:AP|AFP|Reuters|Getty Images?) Photo[^()]*\)\s*$")


# "FILE: …"; a web page's player and picture labels, copied with its text ("Media playback is unsupported on
# your device Media caption Mr Trump said …", "Image copyright AFP Image caption …")
_PHOTO_LABEL = re.compile(
    r"(?:FILE(?: PHOTO)?|PHOTO|IMAGE)\s*(?:[:–—-]\s|--?(?=[A-Z]))"
    r"|Media playback is unsupported\b|(?:Image|Media) (?:copyright|caption)\b"
)


# An interview question has the form of one: it opens with a wh-word or an auxiliary, maybe after a lead-in
# of a few words and a comma ("In your view, what …", "Dr. Azizi, could …") or a conjunction ("And why …").
# A statement that ends in a rhetorical question ("The company pushes loans onto its drivers – but hey, what
# could go wrong?") is body text of an opinion piece, not a heading (Salon, gold_s12: 9 sentences after one
# became "answers" of the article's author).
_INTERROGATIVE = (
    r"(?:what|who|whom|whose|which|where|when|why|how|is|are|was|were|am|do|does|did|can|could|will|would"
    r"|shall|should|may|might|must|have|has|had|isn[’']t|aren[’']t|wasn[’']t|weren[’']t|don[’']t|doesn[’']t"
    r"|didn[’']t|can[’']t|couldn[’']t|won[’']t|wouldn[’']t|shouldn[’']t|haven[’']t|hasn[’']t|hadn[’']t)\b"
)
_ASKS = re.compile(
    r"(?:[^\s,?]+(?:\s+[^\s,?]+){0,3},\s+)?(?:(?:and|but|so|or|now|then|well|also|finally)\s+)?"
    + _INTERROGATIVE,
    re.I,
)
# "Q: But this is the Trump moment, right?", and "QWhat would have happened?" where a bold Q lost its space
# (PolNeAR train): an interviewer's line is a question whatever its form
QUESTION_MARK = re.compile(r"[Qq][.:]\s*\S|Q(?=[A-Z][a-z])")


def _asks(plain: str) -> bool:
    """Whether a one-sentence line has the form of a question (not a statement ending in one)."""
    text = plain.lstrip("\"“‘'([-–—• ")
    return QUESTION_MARK.match(text) is not None or _ASKS.match(text) is not None


def _looks_like_name(words: list[str]) -> bool:
    cleaned = [w.strip(".,;:") for w in words]
    return bool(cleaned) and all(w[:1].isupper() or w.lower() in _SMALL_WORDS for w in cleaned if w)


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the '.' at `dot` closes an abbreviation (Dr., U.S., Gen.) rather than a sentence."""
    j = dot
    while j > 0 and not text[j - 1].isspace():
        j -= 1
    token = text[j:dot].strip("\"'“‘”’(").lower()
    if token in _ABBREVIATIONS:
        return True
    tail = token.rsplit("-", 1)[-1]  # "Rep. Leigh Finke, DFL-St. Paul, …": a party and a place
    if tail != token and tail in _ABBREVIATIONS and text[dot - len(tail)].isupper():
        return True
    if re.fullmatch(r"(?:[a-z]\.)+[a-z]", token):  # U.S, U.N, e.g (the final dot is `dot`)
        return True
    return len(token) == 1 and token.isalpha()  # an initial: "John F. Kennedy"


_TITLE_OPEN = re.compile(r"[a-z] [“\"](?=[^“”\"]{1,80}$)")
_TITLE_CLOSE = re.compile(r"^[^“”\"]{1,80}?[.!?][”\"] [a-z]")


def _inside_title(text: str, at: int) -> bool:
    """ "While the “Meth. We’re on it.” campaign did not …": a stop inside a short quoted title that the
    sentence goes on after (opened right after a lower-case word, closed before one) ends no sentence; a
    quotation that opens the paragraph or follows a comma ('“You work hard. …?” a narrator asks') does."""
    if not _TITLE_OPEN.search(text[max(0, at - 80) : at]):
        return False
    return bool(_TITLE_CLOSE.match(text[at + 1 :])) or _clipped_title(text, at)


def _clipped_title(text: str, at: int) -> bool:
    """ "… author of the book “Eat. Nourish. Glow.” Smith gave …": a stop before the last of a quoted title
    made of clipped words (three at most between stops), which closes the sentence with its own last stop."""
    opening = max(text.rfind("“", 0, at), text.rfind('"', 0, at))
    close = re.search(r"[.!?][”\"]", text[at + 1 : at + 80])
    if close is None:
        return False
    pieces = re.split(r"[.!?]", text[opening + 1 : at + 1 + close.start()])
    return len(pieces) >= 2 and all(0 < len(p.split()) <= 3 for p in pieces)


# A quotation's speech tag after its closing mark belongs to it: "“… right?” Sanborn said." is one sentence
# (split, the tag "Sanborn said." would be a passage saying nothing). A name of up to eight words (titles
# included: "Bristol County District Attorney William McCauley asked.", "Director of Public Health Ann Lee
# said"), then a speech verb, then the
# sentence's end or its comma; not a colon ('“… my sport.” Gardener added: “…”' opens the next quotation).
_TAG_AFTER_QUOTE = re.compile(
    r"\s+(?:(?:[A-Z][\w.'’-]*|of|for)\s+){0,7}[A-Z][\w'’-]*\s+"
    r"(?!continue[ds]\s+to\b)"  # '…invention." Pratchett continued to write …': a new sentence
    r"(?:said|says|asked|asks|added|adds|told|tells|wrote|writes|replied|recalled|explained|insisted|"
    r"continued|noted|joked|quipped|wondered|argued|warned|responded|remarked|exclaimed|laughed|shouted|"
    r"tweeted|tweets|posted|stated|states|admitted|conceded|claimed|claims|declared|boasted|complained|"
    r"yelled|whispered|demanded|pleaded|answered|answers|observed|mused|sighed|acknowledged|predicted|"
    r"promised|suggested|texted|emailed|concluded|announced|countered|snapped|scoffed|recounted|explains|"
    r"insists|notes|argues|warns|replies|responds|recalls|continues|concludes)"
    r"(?=[.,;!?]|\s+(?:on|in|at|during|after|before|with|to|of|about|last|this|earlier|later|yesterday|"
    r"today|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|thinking|wondering|asking|as|while)\b)"
)


def _quotation_leads(text: str, start: int, stop: int) -> bool:
    """The quotation closing at `stop` opened before this sentence's words ('"Did anyone help you?" X asked'),
    so a name and a speech verb after it are its tag; not one quoted inside a sentence that already has its
    speaker ('Guy said the threat amounted to "eco-terrorism." Prime Minister John Key said …')."""
    opening = max(text.rfind("“", start, stop), text.rfind('"', start, stop), text.rfind("‘", start, stop))
    before = _OPENING_CREDIT.sub("", text[start:opening])  # '(CNN)"We are done." Smith said'
    return opening < 0 or not any(c.isalpha() for c in before)


_OPENING_CREDIT = re.compile(r"^\s*(?:[A-Z][\w.'’-]*,?\s+){0,3}\([A-Z][\w.&' ]{0,30}\)")  # "Paris (CNN)"


# "… and earned 32/40.“This could be your season,” Goodman told Val.": a paragraph joined without its space
_GLUED = re.compile(r"(?<=[a-z0-9%])[.!?](?=[“\"][A-Z])")


def _glued_ends(text: str) -> set[int]:
    """Ends of sentences whose next sentence opens a quotation with no space between (a straight mark
    opens only after an even number of them)."""
    ends = (m.end() for m in _GLUED.finditer(text))
    return {end for end in ends if text[end] == "“" or text.count('"', 0, end) % 2 == 0}


# "… my body said, 'Enough!' " After visiting …": a closing mark set off by a space after a quotation's own
_SPACED_CLOSE = re.compile(r"[.!?]['’]\s[\"”](?=\s+[A-Z])")


def _spaced_ends(text: str) -> set[int]:
    """Ends of sentences whose closing double mark stands apart (a straight one closes only after an odd
    number of them before it)."""
    ends = (m.end() for m in _SPACED_CLOSE.finditer(text))
    ends = (end for end in ends if not _TAG_AFTER_QUOTE.match(text, end))  # '… here?’ ” Director X said.'
    return {end for end in ends if text[end - 1] == "”" or text.count('"', 0, end - 1) % 2 == 1}


def sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each sentence of one paragraph, whitespace trimmed."""
    start = 0
    ends = {m.end() for m in _SIGNED_LINE.finditer(text)} | _glued_ends(text) | _spaced_ends(text)
    cards = link_cards(text)
    for match in _BOUNDARY.finditer(text):
        if text[match.start()] == "." and _is_abbreviation(text, match.start()):
            continue
        if any(a <= match.start() < b for a, b in cards):
            continue  # "… Ken Bone endorses Andrew Yang: '#YangGang all the way!' … MORE for excluding …"
        if _inside_title(text, match.start()):
            continue
        if (
            match.end() - match.start() > 1
            and text[match.end() - 1] in '"”’'
            and _TAG_AFTER_QUOTE.match(text, match.end())
            and _quotation_leads(text, max((x for x in ends if x <= match.start()), default=0), match.start())
        ):
            continue
        ends.add(match.end())
    for end in sorted(ends):
        yield from _trimmed(text, start, end)
        start = end
    yield from _trimmed(text, start, len(text))


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    piece = text[start:end]
    if not piece.strip():
        return
    lead = len(piece) - len(piece.lstrip())
    trail = len(piece) - len(piece.rstrip())
    yield start + lead, end - trail


def passage_id(source_id: str, position: int, text: str) -> str:
    return f"{source_id}:{position:04d}:{content_hash(text, 8)}"


def split_passages(source: Source) -> tuple[list[Paragraph], list[Passage]]:
    """Every paragraph becomes one or more passages; headings and captions are one passage each."""
    paragraphs = split_paragraphs(source.id, source.body)
    passages: list[Passage] = []
    for para in paragraphs:
        spans = [(0, len(para.text))] if para.kind != "body" else list(sentence_spans(para.text))
        for s, e in spans:
            text = para.text[s:e]
            position = len(passages)
            passages.append(
                Passage(
                    id=passage_id(source.id, position, text),
                    source_id=source.id,
                    position=position,
                    paragraph=para.number,
                    text=text,
                    start=para.start + s,
                    end=para.start + e,
                    kind=para.kind,
                    section=para.section,
                    page=para.page,
                )
            )
    return paragraphs, passages
