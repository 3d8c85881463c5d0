"""Vocabulary rules for speaker attribution. Pure standard library.

Owns: the words that signal speech (verbs, titles, document nouns, gendered nouns); the quotation mask of
a paragraph lives in `speakers.quotes`. These are English function words and trades, never the names of
people or organisations: names are always read from the text. Never imports spaCy.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources


def vocab(text: str) -> frozenset[str]:
    """A vocabulary written as one space-separated string."""
    return frozenset(text.split())


# Verbs that report speech or a stated view when they carry a clause or sit next to a quotation
# ("…, Azizi noted." / "X said that …"), never with only a noun ("claimed responsibility").
SPEECH_VERBS = vocab(
    "say tell note add explain argue insist stress emphasize emphasise warn state write remark reply respond "
    "answer counter conclude acknowledge admit concede contend maintain assert declare announce confirm "
    "caution complain suggest predict ask urge comment testify recommend propose vow promise claim believe "
    "think fear expect estimate report observe allege mention recall hope worry reckon doubt joke quip "
    "underline advise inform notify implore exhort beseech boast surmise demand tease"
)
# Verbs that say what they report, not what the subject holds: closing tags ("…," joked Mattis) and the
# verb whose fronted words a he/she cannot be named in ("… Mr. Trump's favorite toy, he said")
SAYING_VERBS = SPEECH_VERBS - {"believe", "think", "fear", "expect", "hope", "worry", "doubt", "reckon"}
# Attitudes and intentions: with only a to-infinitive ("hopes to finish", "plans to sign", "continued to
# run hot") they report nothing anyone said (askisk's convention, written into every news gold); the
# commissives ("vowed to", "pledged to", "threatened to") are speech acts and stay cues.
ATTITUDE_VERBS = vocab("hope expect want wish plan intend aim seek try continue need mean prepare attempt")
COMMISSIVE_VERBS = vocab("promise vow pledge threaten swear")
# What follows a surname without being one ("Jaime Jaquez Jr."), compared without its dot
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Stance verbs that are speech even with a plain object or none ("X disagrees", "the economist rejects …").
STANCE_VERBS = vocab(
    "disagree agree object reject dispute deny dismiss question challenge criticize criticise condemn "
    "welcome praise liken oppose defend voice"
)
# Learned cue words (scripts/train_attribution.py, PolNeAR train): a verb form counts as a cue when at
# least LEARNED_PRECISION of its occurrences in the train texts lie inside a gold cue span.
LEARNED_PRECISION = 0.5


@lru_cache(maxsize=4)
def learned_cues(precision: float = LEARNED_PRECISION) -> frozenset[str]:
    raw = resources.files("askisk.speakers").joinpath("data/cue_lexicon.json").read_text(encoding="utf-8")
    words = json.loads(raw)["words"]
    return frozenset(w for w, (cue, seen) in words.items() if cue / seen >= precision)


def learned_form(tok) -> bool:
    """A form the PolNeAR lexicon learned, or the plural present of one ("polls show" as "shows"; not a past
    "read" the tagger took for a present: "a sign over the door read: …")."""
    if tok.lower_ in learned_cues():
        return True
    plural = any(c.dep_ == "nsubj" and c.tag_ in ("NNS", "NNPS") for c in tok.children)
    return tok.tag_ == "VBP" and plural and f"{tok.lower_}s" in learned_cues()


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
# verbs that name someone something, a view when the name is given ("called him a liar", "labeled it “…”")
CALLING_VERBS = vocab("call label brand")
# Depicting: "portrays Clinton as a liar" characterises someone (a view); "the sculpture portrays a
# skeletal horse" shows a thing. Without "as" they say nothing, whatever a learned cue list holds.
DEPICTION_VERBS = vocab("portray depict")
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
CONCERN_NOUNS = vocab(
    "concern concerns fear fears worry worries alarm doubt doubts hope hopes admiration faith frustration "
    "optimism regret anger willingness openness confidence skepticism scepticism gratitude specter spectre "
    "possibility prospect"
)
# quotation marks as the parser tokenizes them (typewriter pairs included)
QUOTE_TOKENS = frozenset({*'"“”„«»', "''", "``"})
# "X faced / drew / won criticism": a cue noun these verbs take has its target, not its speaker, as subject.
TARGET_VERBS = vocab("face receive draw attract weather endure suffer earn win get answer take")
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
# What records or measures, not who speaks: "the video shows", "breathing tests showed", "the data
# suggest" are narration to a reader of news (the golds' brief), with or without a clause.
INSTRUMENT_NOUNS = vocab(
    "video footage graphic chart map image photo photograph picture scan x-ray test data datum figure "
    "number evidence statistic result reading measurement sample camera recording total toll tally count "
    "frame clip screenshot"
)
# Words that open a sentence and never end a name ("identified as Nick G. Like Africa, Nick …": the
# initial's dot hid the sentence's end)
NAME_OPENERS = vocab("like unlike as but and when while after before since if though although because so yet")
# Verb + particle/preposition idioms that report speech: "called for", "pointed to", "spoke about".
VERB_PREPOSITION = {
    "call": {"for", "on"},
    "point": {"to", "out"},
    "speak": {"about", "of", "on"},
    "warn": {"of", "about", "against"},
    "talk": {"about", "of", "up"},
    "play": {
        "up"
    },  # "Kudlow also played up the GDP number": praise, as "touted" (not "played down the stretch")
    "attribute": {"to", "for"},  # "Oza attributed the rally to the court's ruling": a cause claimed
    "vouch": {"for"},
    "joke": {"about"},  # "He's joked about being the son of …"
    "refer": {"to"},  # "ISIS later referred to the Chibok abductions"
    "appeal": {"to", "for"},  # "Police appealed to the public for help": a request made to hearers
    "attack": {"over", "for"},  # "attacked the government over Iraq": criticism (not "attacked the town")
    "rule": {"out"},  # "Lord Currie did not rule out new rules": a position taken (not "was ruled out of")
    "hint": {"at"},  # "Russia hinted at walking away from the treaty"
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
    "rep": ("Rep.", "representative"), "representative": ("Rep.", "representative"),
    "sir": ("Sir", None), "lord": ("Lord", None), "lady": ("Lady", None), "dame": ("Dame", None),
    "baroness": ("Baroness", None),
}  # fmt: skip
# Words that make a title another office or rank: "Vice President" is not the President, "Prime Minister"
# no minister of a department, "Lt. Gov." no governor.
OFFICE_QUALIFIERS = vocab(
    "vice prime deputy first lt lieutenant maj major brig brigadier rear assistant acting"
)
# "… General" offices that are no military rank ("Attorney General", "Secretary General")
CIVIL_GENERALS = frozenset(
    {"attorney", "solicitor", "surgeon", "inspector", "postmaster", "comptroller", "secretary"}
)
MILITARY_RANKS = frozenset({"general", "colonel", "captain", "admiral", "lieutenant"})
# a qualifier's abbreviation written out, for the office's generic noun ("Lt. Gov." is "lieutenant governor")
IN_FULL = {"lt.": "lieutenant", "lt": "lieutenant", "maj.": "major", "brig.": "brigadier"}
# A party's words, each to one form: "the GOP nominee" is "the Republican nominee", "Democrat Ann Kessler"
# is of the party "the Democratic nominee" names; two different ones never name the same person
PARTIES = {
    "republican": "republican", "republicans": "republican", "gop": "republican",
    "democratic": "democratic", "democrat": "democratic", "democrats": "democratic", "dem": "democratic",
    "libertarian": "libertarian", "green": "green", "labour": "labour", "conservative": "conservative",
    "tory": "conservative", "liberal": "liberal",
}  # fmt: skip
# A legislator's party and state after the name: "Rep. G.K. Butterfield (D-N.C.)", "Bob Corker, R-Tenn."
PARTY_LABEL = re.compile(r"[DRI]-[A-Z][A-Za-z.]*(?:[- ][A-Z][A-Za-z.]*)?")
LABEL_PARTIES = {"D": "democratic", "R": "republican", "I": "independent"}
FEMALE_WORDS = vocab(
    "mrs ms miss madam lady dame baroness she her woman spokeswoman chairwoman businesswoman congresswoman "
    "policewoman sister mother wife daughter actress girl grandmother aunt niece widow girlfriend fiancée "
    "fiancee"
)
MALE_WORDS = vocab(
    "mr sir lord he him his man spokesman chairman businessman congressman policeman brother father husband "
    "son boy grandfather uncle nephew widower boyfriend fiancé fiance"
)
# Role nouns that, as a singular "the <noun>" naming no one, stand for a person named before ("said the
# 74-year-old comedian", "the Spectator editor told"): trades and positions, never names.
PERSON_NOUNS = vocab(
    "actor actress artist author boss campaigner candidate captain champion chairman chairwoman chief "
    "coach comedian commentator composer congressman congresswoman director economist editor executive "
    "founder frontman governor international journalist lawmaker lawyer leader manager mayor midfielder "
    "minister musician nominee novelist official owner player politician premier president presenter "
    "producer professor rapper researcher scientist secretary senator singer skipper spokesman "
    "spokeswoman star striker veteran winger writer seller buyer teen teenager pilot copilot guard victim "
    "suspect driver officer detective doctor nurse teacher student lady"
)
# Nationalities as nouns for one person, which the small model seldom labels NORP ("the Scot said").
DEMONYM_NOUNS = vocab(
    "scot scotsman scotswoman frenchman frenchwoman englishman englishwoman welshman welshwoman irishman "
    "irishwoman dutchman dutchwoman briton brit spaniard dane swede finn pole czech slovak serb croat turk "
    "greek swiss kiwi aussie argentine"
)
# Callings of people that neither PERSON_NOUNS nor the -ist / -yst / -ian endings give ("analysts
# suggest", "one London-based broker"): a person's trade, not an office.
CALLING_NOUNS = vocab("broker trader dealer analyst banker strategist consultant adviser advisor expert")
# A journalist's trade: a paragraph giving it to someone it names first is an author's note (own_acts).
TRADE_NOUNS = vocab("reporter correspondent columnist writer editor journalist")
# Documents that can "warn" or "find": the voice is the document's author ("United Nations report").
DOCUMENT_NOUNS = vocab(
    "report study statement survey analysis assessment paper review document letter memo audit poll "
    "investigation bulletin communique resolution declaration briefing definition constitution amendment "
    "guideline complaint indictment affidavit lawsuit filing petition ruling transcript manifesto record "
    "bill file update advisory"
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
# Verbs of saying and of holding a view: with or without a clause, what they report is a statement
# ("Dr. Recke disagrees.", "Ann Lee criticised the BBC"); acts come from the other verbs.
STATEMENT_VERBS = vocab(
    "say tell write add explain argue insist stress emphasize emphasise warn state remark reply respond "
    "answer counter conclude acknowledge admit concede contend maintain assert declare caution complain "
    "predict claim believe think fear allege recall worry reckon doubt disagree object reject dispute deny "
    "dismiss challenge criticize criticise condemn welcome praise question accuse blame call identify label "
    "brand describe slam blast lambast lambaste decry denounce deplore assail berate chide scold rebuke "
    "castigate fault mock ridicule deride hail applaud commend laud forecast advise pan chastise excoriate "
    "skewer trash bash downplay tout"
)
NOT_SPEAKERS = vocab(
    "estimate estimates data figure figures statistics plan plans schedule law rule rules tradition "
    "prediction predictions forecast forecasts projection projections legend custom experience history "
    "practice strategy approach idea notion mention it this that which there what"
)
PERSON_PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f"}
OWN_PRONOUNS = {"his": "m", "him": "m", "himself": "m", "her": "f", "hers": "f", "herself": "f"}


def third_person_words(gender: str | None) -> frozenset[str]:
    """Every he/him/his/himself word of one gender ("m" / "f"); none for an unknown gender."""
    return frozenset(w for w, g in {**PERSON_PRONOUNS, **OWN_PRONOUNS}.items() if g == gender)


WEEKDAYS = vocab("monday tuesday wednesday thursday friday saturday sunday")
GROUP_PRONOUNS = frozenset({"it", "they", "them"})
SMALL_WORDS = vocab("of the and for in on at to de la le van von der du al bin")


def acronym(name: str) -> str | None:
    """'United Nations' -> 'UN'; None for one-word names."""
    words = [w for w in name.replace("-", " ").split() if w[:1].isupper() and w.lower() not in SMALL_WORDS]
    return "".join(w[0] for w in words) if len(words) >= 2 else None


def title_of(word: str) -> tuple[str, str | None] | None:
    """(display form, generic noun) of a title word; a British "Mr", "Dr" keeps the form written."""
    found = TITLES.get(word.lower().rstrip("."))
    if found is None and "-" in word:
        return _hyphenated_title(word)
    if found and not word.endswith(".") and found[0].lower() == word.lower() + ".":
        return found[0][:-1], found[1]
    return found


def _hyphenated_title(word: str) -> tuple[str, str | None] | None:
    """ "Lieutenant-General", "Secretary-General", "Vice-President": an office written as one word, shown
    as written; its noun the whole office ("vice president"), a military rank's its rank ("general")."""
    *quals, last = word.split("-")
    found = TITLES.get(last.lower().rstrip("."))
    if found is not None and [q.lower() for q in quals] == ["then"]:
        return found  # "then-Sen. Jim DeMint": the office he held then
    civil = last.lower() == "general" and all(q.lower() in CIVIL_GENERALS for q in quals)
    if found is None or not all(q[:1].isupper() for q in quals):
        return None
    if not civil and not all(q.lower() in OFFICE_QUALIFIERS for q in quals):
        return None
    noun = found[1]
    if noun is not None and (civil or noun not in MILITARY_RANKS):
        noun = " ".join([*(q.lower() for q in quals), "general" if civil else noun])
    return word, noun


# Entity labels a name the model mislabels may carry; articles; nouns of organisations ("the ministry").
NAME_LABELS = {"ORG", "NORP", "GPE", "FAC", "LOC"}
# dashes that set an aside off when spaces stand on both sides ("Florian Hamm - the club's investor - said")
DASHES = frozenset({"-", "–", "—", "--"})


def spaced_dash(tok) -> bool:
    """A dash with a space on both sides: it sets an aside off, it joins no words."""
    return tok.text in DASHES and bool(tok.whitespace_) and tok.i > 0 and bool(tok.doc[tok.i - 1].whitespace_)


DETS = {"the", "a", "an"}
GENERIC_ORG_NOUNS = vocab(
    "ministry department agency office council committee commission government police army court "
    "coalition alliance union association institute foundation bank company group party parliament "
    "startup nonprofit"
)

# nouns of a message: what a statement is made in, or is ("issued a statement", "a warning that")
# a question's words and part-of-speech tags: "did not say when", "Tariffs: How They Work", "…, who said"
QUESTION_WORDS = vocab("whether if why when how where what who which whom whose")
WH_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})
MESSAGE_NOUNS = vocab(
    "statement message comment comments remark remarks warning letter tweet post note email speech "
    "interview testimony claim question questions"
)
# verbs that take a hearer as their object ("told Reuters", "warned investors")
HEARER_VERBS = frozenset(
    {"tell", "inform", "assure", "reassure", "remind", "notify", "brief", "advise", "warn", "ask"}
)
# the last word of a body's name that the small model may tag as a person's ("Peter G. Peterson Foundation")
BODY_NOUNS = GENERIC_ORG_NOUNS | vocab(
    "center centre fund trust university college school society corporation inc library museum"
)
# a headline's label before a colon that names an event or a section, not a speaker ("GOP Debate: Is …?")
EVENT_LABELS = vocab(
    "debate hearing summit trial vote race primary analysis explainer editorial recap convention rally"
)
