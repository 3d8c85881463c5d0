"""Attribution formats that are layout, not grammar: "Name: text", "X added:" + block quote, "” ― Name".

Owns the recognisers (character and token level); the decisions are made in speakers.attribution.
Works on spaCy tokens handed to it but never imports spaCy; never hard-codes a name.

- Lead label: a passage that opens with a short capitalised name and a colon ("Pence: Gennifer Flowers
  won't be at debate", "WALLACE: Let's start", "Poll: Clinton and Trump in dead heat") is that name's.
  Labels of layout ("Correction:", "Update:", "WASHINGTON:") are not speakers.
- Colon lead-in: a cued passage that ends with ":" ("The governor added:") hands its speaker to the
  next paragraph when that paragraph has no cue of its own (a block quotation).
- Headline: a line that ends in no full stop, ? ! or closing quotation mark and quotes nothing ("BMW
  reveals new models pipeline"; a full stop set off by a space is a link teaser run into the text, "Kanye
  reveals new album title ."): its verb with a plain object is no cue.
- Signature: a paragraph that ends with a closing quotation mark, a dash and a name ("… shame.” ―
  Sonya Herridge") is that person's quotation.
- Dateline: "LONDON (Reuters) - " before a story's text is where it was filed (speech.subject_of skips it).
"""

from __future__ import annotations

import re
from pathlib import PurePath

from askisk.models import Source
from askisk.sources.cards import link_cards
from askisk.speakers.rules import PERSON_NOUNS, WH_TAGS, vocab

_LABEL_MAX_WORDS = 4
NOT_LABELS = vocab(
    "correction corrections update updated note editor editors photo photos video watch read related source "
    "sources warning breaking exclusive q a question answer disclosure clarification listen see also "
    "here why what how when where who which this that the it update: ps p.s credit credits from to via "
    "subject cc caption image opinion analysis commentary editorial perspective more chart map graphic "
    "infographic timeline gallery slideshow notice alert attention reminder"
)
_SAID = vocab("said says adds added asks asked writes wrote")
# after a quotation or a sentence (a signed block: "… glad to have them here. — Tucker Carlson")
# "… anyone' — Alabama Republican Senate nominee Roy Moore": who the signer is may come before the name
_SIGNATURE = re.compile(
    r"[\"”’'.!?]\s*[―—–]\s*(?:[\w.'’-]+\s+){0,6}?(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})"
    r"\s*(?:,[^\n]{0,60})?[ \t]*$",
    re.M,
)


# "Paris (CNN)", "Kano, Nigeria (CNN) -- ", "LONDON (Reuters) - ": where a story was filed, before its text
# (glued to the text or followed by a dash: "Gov. Jerry Brown (D) said" is no dateline)
# or "WASHINGTON – ", "NEW YORK, Nov. 19 (Reuters) - ": a place in capitals, then a dash
_DATELINE = re.compile(
    r"[A-Z][\w'’.-]*(?:[ ,]+[A-Z][\w'’.-]*){0,3} \((?:[A-Z][\w.&' ]{0,30})\)(?=[^\s,;:.)]| *[-–—])"
    r"|[A-Z][A-Z'’.-]{2,}(?: [A-Z][A-Z'’.-]+){0,3}(?:, [\w. ]{1,30}?)?"
    r"(?: \([A-Z][\w.&' ]{0,30}\))?(?= +[-–—]+ )"
)


def dateline_end(text: str) -> int:
    """Where a leading dateline ends (0 when the text opens with none)."""
    m = _DATELINE.match(text)
    return m.end() if m else 0


def subjects_after_dateline(verb, roles: tuple[str, ...], dateline: int) -> list:
    """The verb's subjects, never the dateline itself; "MINNEAPOLIS -- Supporters of a bill … say": the parser
    makes the place the subject and the story's first noun its apposition, which is the subject."""
    subjects = [c for c in verb.children if c.dep_ in roles]
    after = [c for c in subjects if c.idx >= dateline]
    if after or not dateline:
        return after
    return [a for c in subjects for a in c.children if a.dep_ == "appos" and a.idx >= dateline]


_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _imperative(tok) -> bool:
    """A line opening on a bare verb that heads it: "Obama to Republicans: Reopen the government"."""
    return tok.tag_ == "VB" and tok.dep_ == "ROOT"


def _predicate(tok, one: bool = False) -> bool:
    """A finite verb, or a headline's participle with its subject ("Reyes: Council still working on the
    ferry plan", "Trump: San Juan mayor coming around", read as a noun's); not a participle inside a noun
    phrase ("QuickTake: The Storm Spooking the Islands"), nor after a topic's plural ("Ferries: fares rising";
    `one`: the label is singular)."""
    bare = (
        one
        and tok.dep_ == "acl"
        and tok.text.islower()
        and not any(c.dep_ == "det" for c in tok.head.children)
    )
    return (
        tok.tag_ in _FINITE
        or tok.tag_ in ("VBG", "VBN")
        and (any(c.dep_.startswith("nsubj") for c in tok.children) or tok.tag_ == "VBG" and bare)
    )


def lead_label(doc, s: int, e: int, inside):
    """The tokens of "Name:" opening the passage doc[s:e] (paragraph offsets), else None."""
    toks = [t for t in doc if s <= t.idx < e]
    if len(toks) < 4:
        return None
    for k, tok in enumerate(toks[: 2 * _LABEL_MAX_WORDS + 2]):
        if tok.text == ":":
            label = _speaker_on_topic(toks[:k], toks[k + 1 : k + 2])
            break
    else:
        return None
    if len(label) > _LABEL_MAX_WORDS and all(t.lower_ != "to" for t in label):
        return None
    while label and (label[0].pos_ in ("VERB", "AUX") or label[0].lower_ in _SAID or label[0].is_quote):
        label = label[1:]  # "Said Duarte: …"
    whole = len(label)
    label = _speaker_to_audience(label)
    addressed = len(label) < whole  # "Obama to Republicans: …" speaks whatever follows
    if not label or len(toks) - k < 3:
        return None
    if (
        any(not t.text[:1].isupper() for t in label)
        or label[0].lower_ in NOT_LABELS
        or label[0].pos_ == "ADP"
        or len(label) == 1
        and len(label[0].text) == 1  # "B: Where Democrats failed.": a list's letter
    ):
        return None
    if not all(t.text.isupper() for t in label) and any(t.pos_ in ("VERB", "AUX", "ADV") for t in label):
        return None  # "Tech Enabled: …", "Technically Literate: …": a teaser's title, not a name
    if inside[label[0].idx] and not all(t.text.isupper() for t in label):  # '"WALLACE: …' is a transcript
        return None
    if len(label) == 1 and label[0].ent_type_ == "GPE":  # a dateline: "WASHINGTON:"
        return None
    if all(t.text.isupper() for t in toks[k + 1 :] if t.is_alpha):
        return None  # "CLINTON: IT TOOK A VILLAGE TO WRITE THESE JOKES": a subheading in capitals
    if _explainer(label, toks[k + 1 :]):
        return None  # a topic, not a voice: "Superbugs: What They Are and How You Get Them"
    # a list entry says nothing: "Elizabeth A. Burton: Possession of methamphetamine, …"; nor a teaser's
    # label: "Explainer: Sanctions on the island" (a title-case headline's verb may be read as a name:
    # "Poll: Wealthy Voters Abandon the Party.")
    one = label[-1].tag_ not in ("NNS", "NNPS")
    if (
        (len(label) > 1 or toks[-1].text not in ".?!")
        and not any(_predicate(t, one) or inside[t.idx] or t.is_quote for t in toks[k + 1 :])
        and not (addressed or _imperative(toks[k + 1]))
    ):
        return None
    return label


def _speaker_to_audience(label: list) -> list:
    """ "Obama to Republicans: Reopen the government", "Sen. Marco Rubio to Jay-Z: …": a headline's speaker,
    then "to" and the ones addressed; the speaker is the part before "to". Not "From Michael Brown to
    George Floyd: …" nor "A Major Obstacle to Police Reform: …" (the speaker's words: capitalised names)."""
    to = next((k for k, t in enumerate(label) if t.lower_ == "to"), None)
    if to is None or to == 0 or to == len(label) - 1:
        return label
    speaker, audience = label[:to], label[to + 1 :]
    names = [t for t in speaker if t.text != "."]
    if any(t.pos_ not in ("PROPN", "NOUN", "PUNCT") or not t.text[:1].isupper() for t in names):
        return label
    # "Lamont to Democrats afraid of ferry debates: …": the ones addressed, maybe described
    if not audience[0].text[:1].isupper() or any(t.pos_ in ("VERB", "AUX") for t in audience):
        return label
    return speaker


def _speaker_on_topic(label: list, after: list) -> list:
    """ "Ann Reyes on Tolls: ‘We were open with the town’": a headline's speaker, then "on" and the
    topic, then the words in quotation marks; the speaker is the part before "on"."""
    on = next((k for k, t in enumerate(label) if t.lower_ == "on"), None)
    if on is None or on == 0 or not any(t.is_quote or t.text in ("'", "‘") for t in after):
        return label
    speaker = label[:on]
    return speaker if all(t.pos_ == "PROPN" or t.text == "." for t in speaker) else label


_QUOTED_LINE = re.compile(r"""^(?:--\s*)?[A-Z][\w.'’ -]{0,40}:\s*["“]""")


def labels_quote(text: str) -> bool:
    """'Lady Violet: "I wouldn't know."': a sentence that opens with a name, a colon and a quotation."""
    return bool(_QUOTED_LINE.match(text))


def ends_with_colon(text: str) -> bool:
    return text.rstrip().endswith(":")


def is_list_item(text: str) -> bool:
    """A line ending in no sentence punctuation ("The UK must stay in the EU"), or one opening with a bullet
    ("•In Rome, fliers were found …."): an item of a list."""
    text = text.rstrip()
    return bool(text) and (text[-1] not in ".!?:;\"”’'…)" or text.lstrip()[:1] in BULLETS)


BULLETS = frozenset("•●▪◦")


def signatures(text: str) -> list[tuple[int, int]]:
    """Offsets of the names signing quotations at line ends ("” ― Sonya Herridge"), in order."""
    return [(m.start("name"), m.end("name")) for m in _SIGNATURE.finditer(text)]


def _explainer(label, after) -> bool:
    """ "Superbugs: What They Are …", "Tariffs: How They Work": a plural common noun, then a question word,
    is an explainer's title ("Sanders: Clinton needs to …" is Sanders', a plural-looking name); so is one
    whose headline names its own source at the end ("Midterms: Young voters stay home, poll finds")."""
    one = label[0]
    topic = len(label) == 1 and one.tag_ == "NNS" and one.lemma_.lower() not in PERSON_NOUNS
    closing = len(after) > 3 and after[-1].lower_ in _CLOSING_CUES and "," in (after[-2].text, after[-3].text)
    return topic and (after[0].tag_ in WH_TAGS or closing)


_CLOSING_CUES = frozenset({"says", "say", "finds", "find", "shows", "show", "reports", "warns", "suggests"})


_SMALL = vocab("a an and as at by for from in into of on or the to vs with")


def is_title_case(text: str, s: int, e: int) -> bool:
    """A headline in title case ("Greece Says It Has Right On Aegean Oil Drilling"): three words or more,
    every one capitalised but small ones. Its verbs are a headline's, never a cue (headlines: narration)."""
    words = [w for w in text[s:e].split() if any(c.isalpha() for c in w)]
    return len(words) >= 3 and _titled(words)


def _titled(words: list[str]) -> bool:
    return all(w[:1].isupper() or w.lower() in _SMALL for w in words)


_HEADLINE_SAYS = frozenset({"Says", "Say", "Said", "Tells", "Told", "Warns", "Claims"})


def headline_in_text(text: str, s: int, e: int) -> bool:
    """A live blog's headline written as a sentence, alone or after a colon ("We've added a post: Minister
    Says Talk Of Rigged Figures Is "Insulting.""): five words or more in title case with a capitalised
    verb of saying. A sentence of the story's own is never all in capitals but small words."""
    line = text[s:e]
    colon = line.rfind(": ")
    start = s + colon + 2 if colon >= 0 else s
    words = [w.strip("\"“”'‘’.,:") for w in text[start:e].split()]
    words = [w for w in words if any(c.isalpha() for c in w)]
    return len(words) >= 5 and _titled(words) and any(w in _HEADLINE_SAYS for w in words)


def is_headline(text: str, s: int, e: int, inside) -> bool:
    """A line that ends in no full stop, ? ! or closing quotation mark, and quotes nothing."""
    line = text[s:e].rstrip()
    if line.endswith(" ."):  # a link teaser run into the text: "Rolling Stone: Kanye reveals new album ."
        line = line[:-1].rstrip()
    return bool(line) and line[-1] not in ".?!\"'”’:;)" and not any(inside[s:e])


def is_page_title(first_line: str, title: str, path: str) -> bool:
    """Whether a source's first line is its headline ("Where do relations go after the vote?" opening a
    page is not an interview question): always when the source has no title of its own (the title is the
    file name's), else only when it is that title; an interview under another title opens with a question."""
    untitled = title == PurePath(path).stem
    return untitled or " ".join(first_line.split()) == " ".join(title.split())


def is_news_headline(text: str, inside, source: Source) -> bool:
    """A source's first line read as its headline, the paper's summary (nobody's words under the news
    convention), unless it names its speaker before a colon ("Reyes: The ferry will run all winter")."""
    # a title may end on an abbreviation: "Portugal says tariffs will fall if a deal is reached with U.S."
    line = text.rstrip()
    line = line[:-1] if _ABBREVIATION_END.search(line) else line
    return is_standfirst(line, inside) and is_page_title(text, source.title, source.path)


_ABBREVIATION_END = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,}$")


def headline_shaped(text: str, inside) -> bool:
    """One line with no full stop, ? or ! at its end, most of its letters outside quotation marks: a quoted
    word may close it ("Senator calls reparations a 'non-starter'"), a whole quotation may not."""
    line = text.rstrip()
    if len(line) > 1 and line[-1] in "'’\"”" and line[-2].isalnum():
        line = line[:-1]
    if not line or "\n" in line or line[-1] in ".?!\"'”’:;)":
        return False
    letters = [i for i, c in enumerate(text) if c.isalpha()]
    return 2 * sum(1 for i in letters if inside[i]) < len(letters)


def is_standfirst(text: str, inside) -> bool:
    """The line under a headline that sums the story up without a full stop ("Mayor says she will be ‘more
    careful’ after the vote"): the paper's summary too, unless it names its speaker before a colon."""
    return headline_shaped(text, inside) and not (":" in text and _label_before_colon(text))


def is_subheading(text: str, inside) -> bool:
    """A one-sentence paragraph in the body shaped as a headline: a subheading or another story's teaser
    ("Mayor warns of 'severe' delays for island ferries, but won't set a date"), nobody's words; not a
    signed line ("'I never took a bribe …' — Ann Reyes"), nor a sentence run into a credit ("…, an
    official said.CreditName"). The items of a list after a speaker's colon are `listed_items`."""
    return is_standfirst(text, inside) and not _SIGNATURE.search(text) and not _SENTENCE_END.search(text)


_SENTENCE_END = re.compile(r"[a-z]{2}[.!?](?:\s|[A-Z])")


def listed_items(paragraphs) -> set[int]:
    """The numbers of the one-line paragraphs after a lead-in ending in a colon ("Reyes also said:"), the
    items of its list; not after a bare link label ("READ MORE:")."""
    out: set[int] = set()
    lead_in = False
    for para in paragraphs:
        line = para.text.strip()
        if lead_in and "\n" not in line and is_list_item(line):
            out.add(para.number)
            continue
        lead_in = line.endswith(":") and not _LINK_LABEL.match(line + " ") and len(line.split()) > 2
    return out


def _label_before_colon(text: str) -> bool:
    """ "Reyes: The ferry will run all winter" names its speaker; "Bill O'Reilly lied, says Fox News: Why
    that won't hurt him" is a headline with a clause before its colon."""
    label = text.split(":", 1)[0]
    # "Sen. Marco Rubio to Jay-Z: …"; the ones addressed may be described ("to Republicans afraid of …")
    speaker, *audience = label.split(" to ", 1)
    short = len(speaker.split()) <= _LABEL_MAX_WORDS and all(
        len(a.split()) <= 2 * _LABEL_MAX_WORDS for a in audience
    )
    return "," not in label and short


# a wire story's note on its own versions: "(This version of the story corrects paragraph 17 to say …)"
_EDITORS_NOTE = re.compile(
    r"\(\s*This (?:version of the |)(?:story|article|report|version)\b[^()]*\)[.]?", re.I
)
_LINK_IN_PARENTHESES = re.compile(
    r"\(\s*(?:(?i:Also on|Related|Read more|See also|Watch)\b|[A-Z]{3,}(?: [A-Z]{2,})*:)[^()]*\)"
)  # "(VIDEO: Mayor opens the new bridge)": a label in capitals, then the linked headline


_LINK_LABEL = re.compile(
    r"(?:STORY|RELATED|Related|READ MORE|MORE|More|WATCH|VIDEO|PHOTOS?|SEE ALSO|ALSO READ|INTERACTIVE"
    r"|Interactive): ?"
)


def is_bracketed(text: str) -> bool:
    """ "[Read: Tunisia sends most foreign fighters to Islamic State in Syria]": a sentence wholly in
    square brackets is the editor's insertion (a link, a note), nobody's words; so is a link in parentheses
    ("( Also on POLITICO: Conservatives balk at budget deal)", "( PHOTOS: …)") and a teaser ending
    "Read more"."""
    bare = text.strip().rstrip(".")
    if _LINK_IN_PARENTHESES.fullmatch(bare) or _EDITORS_NOTE.fullmatch(bare) or _read_more(text):
        return True
    if _LINK_LABEL.match(bare) and text.rstrip()[-1:] not in '.!"”':
        return True  # "STORY: Council votes to keep the ferry", "Interactive: Who runs?": a linked headline
    return bare.startswith("[") and bare.endswith("]") and bare.count("[") == 1


_PLAYER_LABEL = re.compile(r"[A-Z][\w.'’, -]{2,60} \d{1,2}:\d{2}")


def is_player_label(text: str) -> bool:
    """ "Rep. Jason Chaffetz 0:07": an audio or video player's label, a name and a running time; the clip
    may be someone's words, the label is nobody's."""
    return _PLAYER_LABEL.fullmatch(text.strip()) is not None


def other_story(text: str) -> bool:
    """Another story's teaser: "ELIZABETH WARREN SLAMS TRUMP ADMINISTRATION AS 'CORRUPT'", "… is a sham |
    Jessica Valenti Read more". (A link in parentheses, "( PHOTOS: Rand Paul's career)", is often this
    story's subject again.)"""
    return is_shouted(text) or _read_more(text)


def _read_more(text: str) -> bool:
    """A teaser that ends "Read more", the link to the story it teases."""
    return text.strip().rstrip(".").endswith(" Read more")


def is_shouted(text: str) -> bool:
    """ "HOUSE DEMOCRATIC CAUCUS RIPS AOC'S CHIEF OF STAFF FOR CRITICIZING LAWMAKER: …": a line wholly in
    capitals, four words or more, is a heading or another story's teaser, nobody's words."""
    words = [w for w in text.split() if any(c.isalpha() for c in w)]
    return len(words) >= 4 and all(w.isupper() for w in words)


# a market site's quote chip after a company's name: "Starbucks Corp. SBUX, +9.26% said …", "DJIA, -1.2%"
_TICKER_CHIP = re.compile(r"(?<= )[A-Z][A-Z0-9.]{1,7},\s?[+-−]\d+(?:\.\d+)?%(?= |,|$)")


def without_link_cards(text: str) -> str:
    """A news site's link cards scraped into the sentence (`sources.cards`), blanked with spaces so offsets
    hold; a market site's quote chip ("Starbucks Corp. SBUX, +9.26% said …") is blanked too."""
    out = _TICKER_CHIP.sub(lambda m: " " * len(m.group(0)), text)
    for start, end in link_cards(text):
        out = out[:start] + " " * (end - start) + out[end:]
    return out
