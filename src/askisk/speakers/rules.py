"""Vocabulary and character-level rules for speaker attribution. Pure standard library.

Owns: the words that signal speech (verbs, titles, document nouns, gendered nouns) and the quotation
mask of a paragraph. These are English function words and trades, never the names of people or
organisations: names are always read from the text. Never imports spaCy.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from askisk.text import normalize


def vocab(text: str) -> frozenset[str]:
    """A vocabulary written as one space-separated string."""
    return frozenset(text.split())


# Verbs that report speech or a stated view when they carry a clause or sit next to a quotation
# ("…, Azizi noted." / "X said that …"), never with only a noun ("claimed responsibility").
SPEECH_VERBS = vocab(
    "say tell note add explain argue insist stress emphasize emphasise warn state write remark reply respond "
    "answer counter conclude acknowledge admit concede contend maintain assert declare announce confirm "
    "caution complain suggest predict ask urge comment testify recommend propose vow promise claim believe "
    "think fear expect estimate report observe allege mention recall hope worry reckon doubt"
)
# Attitudes and intentions: with only a to-infinitive ("hopes to finish", "plans to sign", "continued to
# run hot") they report nothing anyone said (askisk's convention, written into every news gold); the
# commissives ("vowed to", "pledged to", "threatened to") are speech acts and stay cues.
ATTITUDE_VERBS = vocab("hope expect want wish plan intend aim seek try continue need mean prepare attempt")
COMMISSIVE_VERBS = vocab("promise vow pledge threaten swear")
# Stance verbs that are speech even with a plain object or none ("X disagrees", "the economist rejects …").
STANCE_VERBS = vocab(
    "disagree agree object reject dispute deny dismiss question challenge criticize criticise condemn "
    "welcome praise"
)
# Learned cue words (scripts/train_attribution.py, PolNeAR train): a verb form counts as a cue when at
# least LEARNED_PRECISION of its occurrences in the train texts lie inside a gold cue span.
LEARNED_PRECISION = 0.5


@lru_cache(maxsize=4)
def learned_cues(precision: float = LEARNED_PRECISION) -> frozenset[str]:
    raw = resources.files("askisk.speakers").joinpath("data/cue_lexicon.json").read_text(encoding="utf-8")
    words = json.loads(raw)["words"]
    return frozenset(w for w, (cue, seen) in words.items() if cue / seen >= precision)


@lru_cache(maxsize=1)
def first_name_genders() -> dict[str, str]:
    """First name -> "m"/"f", learned from he/she in PolNeAR train's coreference chains."""
    raw = resources.files("askisk.speakers").joinpath("data/first_names.json").read_text(encoding="utf-8")
    return dict(json.loads(raw)["names"])


@lru_cache(maxsize=1)
def census_genders() -> dict[str, str]:
    """First name -> "m"/"f" from the 1990 US Census lists (`scripts/build_census_names.py`; 5,055 names).
    Used only to rule a person out for the other gender's pronoun: the 270 PolNeAR names left common names
    such as Laura or Peter without a gender, while as a full gender it would outweigh the speaker the ranker
    was trained to prefer over a person of known gender named in passing."""
    raw = (
        resources.files("askisk.speakers")
        .joinpath("data/first_names_census.json")
        .read_text(encoding="utf-8")
    )
    return dict(json.loads(raw)["names"])


# Quantity nouns speak for the people their "of" phrase names ("a number of analysts say").
QUANTITY_NOUNS = vocab("number majority minority handful couple lot dozens hundreds thousands")
# "in her view, …", "in Dr. X's words, …", "in the words of X": credited to the possessor or the "of" object.
VIEW_NOUNS = vocab("view opinion judgment judgement estimation word words")
# "X see/view/regard Y as Z": an opinion only with the "as" complement.
OPINION_AS_VERBS = vocab("see view regard describe consider")
# "The council is adamant / confident / concerned (that) …": a stance word after "be" with a clause of its
# own speaks for the subject (PolNeAR annotates these; askisk read them as narration before session 9).
STANCE_ADJECTIVES = vocab(
    "adamant concerned confident convinced certain sure worried insistent skeptical sceptical hopeful "
    "optimistic pessimistic"
)
# Stance adjectives that judge what they are about, with "about" alone (not a feeling: "The mayor was
# worried about the cost")
DOUBT_ADJECTIVES = vocab("sceptical skeptical optimistic pessimistic confident hopeful")
# "express/voice/raise concern about …"
CONCERN_VERBS = vocab("express voice raise")
CONCERN_NOUNS = vocab("concern concerns fear fears worry worries alarm doubt doubts hope hopes")
# quotation marks as the parser tokenizes them (typewriter pairs included)
QUOTE_TOKENS = frozenset({*'"“”„«»', "''", "``"})
# "X faced / drew / won criticism": a cue noun these verbs take has its target, not its speaker, as subject.
TARGET_VERBS = vocab("face receive draw attract weather endure suffer earn win get answer")
# Verbs whose subject makes others speak: "the deal sparked criticism from Democrats" (theirs), "the
# emergence of Romney stoked speculation that …" (nobody named).
CAUSE_VERBS = vocab("spark fuel stoke reignite prompt trigger provoke ignite spur invite elicit unleash")
# what those verbs bring: "drew criticism", "sparked speculation" (not "drawing contrasts", "invited Russia")
REACTION_NOUNS = vocab(
    "criticism praise condemnation rebuke rebukes backlash outrage ire scorn fire flak speculation debate "
    "question questions concern concerns fear fears call calls protest protests complaint complaints warning "
    "warnings accusation accusations allegation allegations applause cheers jeers boos laughter controversy "
    "uproar anger outcry "
    "reaction reactions response responses comment comments objection objections"
)
# Verb + particle/preposition idioms that report speech: "called for", "pointed to", "spoke about".
VERB_PREPOSITION = {
    "call": {"for", "on"},
    "point": {"to", "out"},
    "speak": {"about", "of", "on"},
    "warn": {"of", "about", "against"},
    "talk": {"about", "of"},
    "attribute": {"to", "for"},  # "Oza attributed the rally to the court's ruling": a cause claimed
    "vouch": {"for"},
    "joke": {"about"},  # "He's joked about being the son of …"
    "refer": {"to"},  # "ISIS later referred to the Chibok abductions"
}
# Titles before a person's name, with the short display form and the generic noun used as an alias.
TITLES = {
    "dr": ("Dr.", "doctor"), "doctor": ("Dr.", "doctor"), "prof": ("Prof.", "professor"),
    "professor": ("Prof.", "professor"), "gen": ("Gen.", "general"), "general": ("Gen.", "general"),
    "lt": ("Lt.", "lieutenant"), "lieutenant": ("Lt.", "lieutenant"), "col": ("Col.", "colonel"),
    "colonel": ("Col.", "colonel"), "capt": ("Capt.", "captain"), "captain": ("Capt.", "captain"),
    "sen": ("Sen.", "senator"), "senator": ("Sen.", "senator"), "gov": ("Gov.", "governor"),
    "governor": ("Gov.", "governor"), "mr": ("Mr.", None), "mrs": ("Mrs.", None), "ms": ("Ms.", None),
    "miss": ("Miss", None), "minister": ("Minister", "minister"), "president": ("President", "president"),
    "judge": ("Judge", "judge"), "ambassador": ("Ambassador", "ambassador"), "admiral": ("Adm.", "admiral"),
    "adm": ("Adm.", "admiral"), "sheikh": ("Sheikh", None), "imam": ("Imam", "imam"),
    "mayor": ("Mayor", "mayor"), "chancellor": ("Chancellor", "chancellor"), "bishop": ("Bishop", "bishop"),
    "commissioner": ("Commissioner", "commissioner"), "inspector": ("Inspector", "inspector"),
}  # fmt: skip
FEMALE_WORDS = vocab(
    "mrs ms miss madam she her woman spokeswoman chairwoman businesswoman congresswoman policewoman "
    "sister mother wife daughter actress girl grandmother aunt niece widow girlfriend fiancée fiancee"
)
MALE_WORDS = vocab(
    "mr he him his man spokesman chairman businessman congressman policeman brother father husband son boy "
    "grandfather uncle nephew widower boyfriend fiancé fiance"
)
# Role nouns that, as a singular "the <noun>" naming no one, stand for a person named before ("said the
# 74-year-old comedian", "the Spectator editor told"): trades and positions, never names.
PERSON_NOUNS = vocab(
    "actor actress artist author boss campaigner candidate captain champion chairman chairwoman chief "
    "coach comedian commentator composer congressman congresswoman director economist editor executive "
    "founder frontman governor international journalist lawmaker lawyer leader manager mayor midfielder "
    "minister musician nominee novelist official owner player politician premier president presenter "
    "producer professor rapper researcher scientist secretary senator singer skipper spokesman "
    "spokeswoman star striker veteran winger writer"
)
# Nationalities as nouns for one person, which the small model seldom labels NORP ("the Scot said").
DEMONYM_NOUNS = vocab(
    "scot scotsman scotswoman frenchman frenchwoman englishman englishwoman welshman welshwoman irishman "
    "irishwoman dutchman dutchwoman briton brit spaniard dane swede finn pole czech slovak serb croat turk "
    "greek swiss kiwi aussie argentine"
)
# A journalist's trade: a paragraph giving it to someone it names first is an author's note (own_acts).
TRADE_NOUNS = vocab("reporter correspondent columnist writer editor journalist")
# Documents that can "warn" or "find": the voice is the document's author ("United Nations report").
DOCUMENT_NOUNS = vocab(
    "report study statement survey analysis assessment paper review document letter memo audit poll "
    "investigation bulletin communique resolution declaration briefing definition constitution amendment "
    "guideline complaint indictment affidavit lawsuit filing petition ruling transcript manifesto record "
    "bill file"
)
# Prepositions whose "-ing" clause frames the main clause: "Despite X saying …, the pair earned 26/40"
FRAMING_PREPS = frozenset({"despite", "after", "before", "since", "upon", "without", "besides"})
# What a document "found": speech only with a document as subject and a clause or object
# ("A report found that …", "the survey shows rising distrust"); "an inspection found cracks" is not.
FINDING_VERBS = vocab(
    "find show reveal indicate conclude estimate suggest warn confirm demonstrate highlight document "
    "identify predict project note say state recommend"
)
# "according to estimates / the plan": not a speaker.
NOT_SPEAKERS = vocab(
    "estimate estimates data figure figures statistics plan plans schedule law rule rules tradition "
    "legend custom experience history practice it this that which there what"
)
PERSON_PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f"}
GROUP_PRONOUNS = frozenset({"it", "they", "them"})
SMALL_WORDS = vocab("of the and for in on at to de la le van von der du al bin")

OPEN_QUOTES = "“„«"
CLOSE_QUOTES = "”»"


@lru_cache(maxsize=4096)
def _char(c: str) -> str:
    if c == "—":
        return c  # the parser reads "outbreak — and officials admitted" right, "outbreak - and" not
    n = normalize(c)
    if len(n) == 1:
        return n
    return " " if c.isspace() else c


# A photo credit glued to its caption's last word: "… the agency said.(Name/ Agency photo via AP)". The
# parser reads "said.(Name" as one word, so the bracket becomes a space (same length, offsets stay valid).
_GLUED_BRACKET = re.compile(r"(?<=[a-z][.!?])\((?=[A-Z])")


# A credit line glued to its caption's last sentence: "…, an official said.CreditMichael Appleton for The New
# York Times". Nobody's words, and the parser would read "said.CreditMichael" as one word: blanked to its end.
_GLUED_CREDIT = re.compile(r"(?<=[a-z][.!?”\"’])(?:Credit)+(?=[A-Z]).*$", re.M)


# A story's opening credit glued to its first word, with no place before it: "(CNN)Us Weekly magazine …". The
# parser reads "CNN)Us" as one word and makes it part of a name: blanked (same length).
_GLUED_CREDIT_OPENING = re.compile(r"^\([A-Z][\w.&' ]{0,30}\)(?=[A-Z\"“])", re.M)


_SPACED_EN_DASH = re.compile(r"(?<= )–(?= )")  # British style: " – " is a dash; "Reed–Veal", "2019–20" join


def match_text(text: str) -> str:
    """normalize() character by character: same length as `text`, so offsets stay valid."""
    text = _GLUED_BRACKET.sub(" ", "".join(_char(c) for c in _SPACED_EN_DASH.sub("—", text)))
    text = _GLUED_CREDIT_OPENING.sub(lambda m: " " * len(m.group(0)), text)
    return _GLUED_CREDIT.sub(lambda m: " " * len(m.group(0)), text)


@dataclass(frozen=True)
class QuoteMask:
    inside: tuple[bool, ...]  # per character of the paragraph: inside a quotation (marks included)
    open_at_end: bool  # the paragraph ends inside an unclosed quotation
    opens_with_quote: bool  # the paragraph's first character opens a quotation


def _opening(text: str, i: int, depth: int = 0) -> bool:
    c = text[i]
    if c in OPEN_QUOTES:
        return True
    if c in CLOSE_QUOTES:
        # a closing mark that closes nothing, at a line start and before a word, opens ('”Mr. Trump …')
        return not depth and (not i or text[i - 1] == "\n") and text[i + 1 : i + 2].isalnum()
    prev = text[i - 1] if i else " "
    if prev == ")" and (glued := _GLUED_CREDIT_OPENING.match(text, text.rfind("\n", 0, i) + 1)):
        return glued.end() == i  # '(CNN)"In order to attain the impossible, …," wrote Cervantes'
    if not depth and prev in ".!?" and text[i + 1 : i + 2].isupper():
        return True  # a paragraph joined without its space: 'earned 32/40."This could be your season,"'
    if not (prev.isspace() or prev in "([{—–-:"):
        return False
    # a spaced mark with nothing after it closes an open quotation: "… 'ooh, I don't care,' " he told"
    return not (depth and text[i + 1 : i + 2] in ("", " ", "\n"))


def _at_sentence_start(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    return j < 0 or (j < i - 1 and text[j] in ".!?")


def quote_mask(text: str) -> QuoteMask:
    """Which characters of one paragraph sit inside a quotation.

    Curly marks nest (“… “use” …”); an opening mark at a sentence start while a quotation is already
    open re-opens it instead of nesting (writers often restart a quote without closing the last one).
    """
    inside = [False] * len(text)
    depth = 0
    brackets = 0  # open round brackets; a quotation opened inside one ends with it at the latest
    opened_in: int | None = None
    # typewriter quotes and AP's doubled single marks ("…,’’ Moy said"): two marks, one quote
    text = text.replace("''", '"\0').replace("``", '"\0').replace("’’", "”\0").replace("‘‘", "“\0")
    for i, c in enumerate(text):
        if c == "\0":
            inside[i] = inside[i - 1]
            continue
        if c in "()":
            brackets = brackets + 1 if c == "(" else max(0, brackets - 1)
            if c == ")" and depth and opened_in is not None and brackets < opened_in:
                depth = 0  # 'J.C. Spink ("We're the Millers) are producing': an unclosed title
        if depth == 0:
            opened_in = brackets if brackets else None
        if c in OPEN_QUOTES or c in CLOSE_QUOTES or c == '"':
            if _opening(text, i, depth):
                if not (depth and _at_sentence_start(text, i)):
                    depth += 1
                inside[i] = True
            elif depth:
                inside[i] = True
                depth -= 1
            continue
        inside[i] = depth > 0
    stripped = text.lstrip()
    opens = bool(stripped) and stripped[0] in OPEN_QUOTES + '"'
    return QuoteMask(tuple(inside), depth > 0, opens)


def quoted_words(text: str, inside: tuple[bool, ...], start: int, end: int) -> int:
    """Length in words of the longest quotation run in text[start:end]."""
    best = run = 0
    words = 0
    for i in range(start, end):
        if inside[i]:
            if text[i].isspace() and run:
                words += 1
            run += 1
            best = max(best, words + 1)
        else:
            run = words = 0
    return best


QUOTE_WORDS = 4  # a quotation this long makes the sentence a quote (shorter ones are scare quotes)
# ... and only when it opens with it or quoted words are QUOTED_SHARE of its letters or more: "X called the
# senator a “nasty guy”" is reported speech with a quoted phrase. PolNeAR dev kind accuracy 0.937 -> 0.959
# (0.25: 0.953, 0.45: 0.961 but a seed quote became reported, 0.65: 0.943).
QUOTED_SHARE = 0.35


def opens_quoted(text: str, inside, s: int, e: int) -> bool:
    """The sentence's first letter lies inside a quotation (after a glued credit: '(CNN)"We will win,"')."""
    glued = _GLUED_CREDIT_OPENING.match(text, s)
    first = next((i for i in range(glued.end() if glued else s, e) if text[i].isalnum()), None)
    return first is not None and bool(inside[first])


def mostly_quoted(text: str, inside, s: int, e: int) -> bool:
    """The sentence opens with its quotation, or quoted words are QUOTED_SHARE of its letters or more."""
    if opens_quoted(text, inside, s, e):
        return True
    letters = [i for i in range(s, e) if text[i].isalnum()]
    return bool(letters) and sum(1 for i in letters if inside[i]) >= QUOTED_SHARE * len(letters)


def colon_quoted(text: str, inside, s: int, e: int) -> bool:
    """A colon opens the sentence's quotation: "Parise said: “We’ve been there."."""
    first = next((i for i in range(s, e) if inside[i]), None)
    return first is not None and text[s:first].rstrip().endswith(":")


def speech_kind(words: int, text: str, inside, s: int, e: int) -> str:
    """ "quote" when the sentence holds QUOTE_WORDS quoted words and is mostly quoted, or opens with its
    quotation however short ("“Amazing,” Davis said.": no scare quote opens a sentence) or after a colon
    when mostly quoted, else "reported"."""
    if opens_quoted(text, inside, s, e):
        return "quote"
    if colon_quoted(text, inside, s, e):
        # "Speaking at …, Kuznetsova said: “I'm not worried.": what is said starts at the colon
        colon = text.rindex(":", s, next(i for i in range(s, e) if inside[i]))
        return "quote" if mostly_quoted(text, inside, colon + 1, e) else "reported"
    return "quote" if words >= QUOTE_WORDS and mostly_quoted(text, inside, s, e) else "reported"


_TITLE_SMALL = vocab("a an and as at by for from in into of on or the to vs with")
_TITLE_MAX_WORDS = 10


def without_titles(text: str, inside: tuple[bool, ...]) -> tuple[bool, ...]:
    """`inside` with the quotations that are titles or names cleared: every word capitalised but small
    ones, no sentence punctuation but a final comma or full stop ("Fear The Walking Dead", "Sons of
    Anarchy's"). A title in quotation marks is nobody's words: it makes no quote and waits for no cue."""
    out = list(inside)
    i = 0
    while i < len(text):
        if not inside[i]:
            i += 1
            continue
        j = i
        while j < len(text) and inside[j]:
            j += 1
        run = text[i:j].strip("\"“”„«»'‘’` ")
        body = run.rstrip(",.")
        words = body.split()
        if (
            words
            and len(words) <= _TITLE_MAX_WORDS
            and not any(c in body for c in ".!?;:,")
            and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _TITLE_SMALL for w in words)
            and (words[0][:1].isupper() or words[0][:1].isdigit())
        ):
            out[i:j] = [False] * (j - i)
        i = j
    return tuple(out)


def runs_on(text: str, inside: tuple[bool, ...], end: int, next_start: int) -> bool:
    """The quotation open at the last letter before `end` is still open at the first letter from
    `next_start`: the sentence's quotation goes on into the next one."""
    last = next((i for i in range(end - 1, -1, -1) if text[i].isalnum()), None)
    first = next((i for i in range(next_start, len(text)) if text[i].isalnum()), None)
    if last is None or first is None or not (inside[last] and inside[first]):
        return False
    return not any(c in OPEN_QUOTES + CLOSE_QUOTES + '"' for c in text[last + 1 : first])


def acronym(name: str) -> str | None:
    """'United Nations' -> 'UN'; None for one-word names."""
    words = [w for w in name.replace("-", " ").split() if w[:1].isupper() and w.lower() not in SMALL_WORDS]
    return "".join(w[0] for w in words) if len(words) >= 2 else None


def title_of(word: str) -> tuple[str, str | None] | None:
    """(display form, generic noun) of a title word; a British "Mr", "Dr" keeps the form written."""
    found = TITLES.get(word.lower().rstrip("."))
    if found and not word.endswith(".") and found[0].lower() == word.lower() + ".":
        return found[0][:-1], found[1]
    return found
