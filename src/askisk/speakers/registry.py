"""The per-source registry of who can speak: people, groups and documents, read from the parsed text.

Owns: turning a mention (a spaCy token: "Azizi", "the expert", "she", "the report", "Tajikistan's
authorities") into one record with a canonical display name, aliases and a role. Works on spaCy tokens
handed to it but never imports spaCy; never hard-codes a name (rules.py holds the vocabulary it uses).
"""

from __future__ import annotations

from askisk.speakers import anaphora, animacy, credits, descriptions, formats, misparse, name_clues, referents
from askisk.speakers.documents import author_name, author_of, document_name, entity_of, named_documents
from askisk.speakers.group_pronoun import group_pronoun, one_of_them
from askisk.speakers.mention import Record, describes_another, find_person, mention_role, relative
from askisk.speakers.name_bounds import (
    first_names,
    generation,
    given_names,
    name_tokens,
    organisation_words,
    without_glued_word,
    without_suffix,
)
from askisk.speakers.name_clues import possessive_before, title_gender, titled_name, which_follows
from askisk.speakers.names import appositive_name, place_word, website
from askisk.speakers.persons import named_group, person_name, who_named
from askisk.speakers.phrases import (
    clean_words,
    named_head,
    np_text,
    np_tokens,
    qualified_np_text,
    quantifier_phrase,
)
from askisk.speakers.roles import (
    former_office,
    office_title,
    office_words,
    one_person,
    plural_for_one,
    read_roles,
    story_subject,
    with_portfolio,
)
from askisk.speakers.rules import (
    DEMONYM_NOUNS,
    DOCUMENT_NOUNS,
    GENERIC_ORG_NOUNS,
    GROUP_PRONOUNS,
    NAME_LABELS,
    NOT_SPEAKERS,
    PERSON_PRONOUNS,
    acronym,
    census_genders,
    title_of,
)


class Registry:
    def __init__(self, headline: str = "") -> None:
        self.records: list[Record] = []
        # the words of the title and of a headline opening the body: whom the lede's description is of
        self.headline = frozenset(w.strip(".,:;'\"‘’“”-") for w in headline.split())

    # -- people and organisations introduced in the text ------------------------------------------

    def observe(self, doc, base: int, inside: tuple[bool, ...]) -> None:
        """Register the people and organisations a paragraph names outside quotations."""
        dateline = formats.dateline_end(doc.text)  # "Hong Kong (CNN)A Canadian pastor …": a place, no one
        for ent in doc.ents:
            if inside[ent.start_char] or ent.end_char <= dateline:
                continue
            teaser = person_name(ent) and formats.other_story(ent.sent.text)  # its names: no one here
            if teaser or titled_name(ent.root) is not None or credits.in_credit(doc.text, ent.start_char):
                continue  # "Fools" of "Only Fools and Horses star David Jason"; "(AP Photo/Name)"
            if person_name(ent):
                rec = self._person(ent, base)
                if rec is not None and story_subject(ent.root):
                    rec.subject = max(rec.subject, base + ent.start)
                    rec.subjects.append(base + ent.start)
            elif (ent.label_ == "ORG" or named_group(ent)) and self._surname(ent[0]) is None:
                group = self._group(ent, base)
                group.org = group.org or ent.label_ == "ORG"
                if ent.root.dep_ in ("nsubj", "nsubjpass"):
                    group.subjects.append(base + ent.start)
        self._bare_surnames(doc, base, inside)
        for tok, author in named_documents(doc, inside):  # so "the report" can refer back to it
            self._named_document(tok, author_name(author), base + tok.i)

    def _bare_surnames(self, doc, base: int, inside: tuple[bool, ...]) -> None:
        """A surname the small model leaves unlabelled ("Melzer has now beaten Agassi") is a mention of the
        person already named by it: without it a later "he said" finds only the other one."""
        for tok in doc:
            if (rec := None if inside[tok.idx] else self._surname(tok, base + tok.i)) is None:
                continue
            rec.mention(base + tok.i, role=mention_role(tok))
            rec.count += 1
            rec.thing = rec.thing or len(rec.tokens) == 1 and which_follows(tok)
            if story_subject(tok):
                rec.subject = max(rec.subject, base + tok.i)
                rec.subjects.append(base + tok.i)

    def _surname(self, tok, pos: int = -1) -> Record | None:
        """The person whose surname this lone capitalised word is, when the model gave it no PERSON label
        (none, or a one-word ORG / GPE: "Melzer has now beaten Agassi")."""
        if not animacy.proper_word(tok) or not tok.text[:1].isupper() or tok.dep_ == "compound":
            return None
        if tok.ent_type_ == "PERSON" or (
            tok.ent_iob_ == "B" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].ent_iob_ == "I"
        ):
            return None
        if tok.ent_iob_ == "I" or title_of(tok.text) is not None or place_word(tok):
            return None
        rec = find_person(self.records, [tok.text], before=pos)
        return rec if rec is not None and rec.tokens[-1] == tok.text else None

    def _person(self, ent, base: int) -> Record | None:
        doc = ent.doc
        titles: list = []
        i = ent.start - 1
        while i >= 0 and title_of(doc[i].text) and doc[i].text[:1].isupper():  # "captain Desailly": a role
            titles.insert(0, doc[i])
            i -= 1
        words: list[str] = []
        for t in [*first_names(ent), *name_tokens(ent)]:
            if not words and title_of(t.text):
                titles.append(t)
            elif not words and (t.pos_ == "VERB" or t.lower_ in ("said", "says")):
                continue  # 'Said Varga: ...' read as one name
            else:
                words.append(t.text)
        titles = office_words(doc, titles)
        # "Patrick Carlineo Jr." is later "Carlineo"
        heir = generation(clean_words(words))
        words = without_suffix(without_glued_word(clean_words(words)))
        if not words:
            return None
        if len(words) == 1 and (kin := name_clues.kin_surname(ent.root)):
            words = [*words, kin]  # "Trump's oldest son, Eric": Eric Trump
        lone = len(words) == 1 and not titles and not find_person(self.records, words)
        if lone and (ent.root.dep_ in ("compound", "amod") or ent.root.pos_ != "PROPN"):
            return None  # "Tajik militants": an adjective, not a person
        if lone and ent.start > 0 and doc[ent.start - 1].lower_ == "the":
            return None  # "according to the Chronicle": a newspaper's short name, not a person's
        if lone and words[0].lower() in DEMONYM_NOUNS:
            return None  # "The Scot initially defended Beattie": a description of someone named before
        if lone and words[0] in census_genders() and animacy.names_a_thing(ent.root):
            return None  # "the Dawn spacecraft … Dawn is expected to …": a craft, however female it sounds
        # a surname two people bear ("Williams" after "Serena Williams" and "Richard Williams") is the one
        # the story named last, not the one the registry met last; "Donald Trump Jr." is not his father
        rec = find_person(self.records, words, title_gender(titles), base + ent.start, heir)
        if rec is not None and len(words) > len(rec.tokens):
            if rec.gender and census_genders().get(words[0]) not in (None, rec.gender):
                rec = None  # "Mr. Obama" … "Michelle Obama": his wife, not him with a first name
            else:
                rec.tokens, rec.heir = tuple(words), heir
        if rec is None:
            name = " ".join([*words, heir] if heir else words)
            rec = self._add(Record(name=name, kind="person", tokens=tuple(words), heir=heir))
        if titles and rec.title is None:
            title = office_title(titles)
            if title and title[1] and former_office(doc, titles, title[1]):
                # "former President Bill Clinton" is no president: not shown so, not "the president"
                rec.nouns.add(f"former {title[1]}")
                rec.role = rec.role or f"former {title[1]}"
            elif title:
                rec.title = with_portfolio(doc, titles, title)
                if title[1]:
                    rec.nouns.add(title[1])
        rec.gender_named([t.lower_.rstrip(".") for t in titles])
        read_roles(rec, ent, titles)
        rec.thing = rec.thing or len(rec.tokens) == 1 and which_follows(ent.root)
        if not describes_another(ent):  # "Obama campaign manager Jim Messina" names Messina, not Obama
            rec.mention(base + ent.start, role=mention_role(ent.root))
        rec.count += 1
        return rec

    def named(self, text: str) -> Record | None:
        """A person named in plain text (a signature, a transcript label): found, else registered."""
        words = [w.strip(".,;:") for w in text.split()]
        title = None
        while words and title_of(words[0]) is not None:
            title = title_of(words.pop(0))
        shouted = any(w.isupper() and len(w) > 2 for w in words)
        words = [w.capitalize() if w.isupper() and len(w) > 2 else w for w in words if w]
        if not words or len(words) > 5:
            return None
        rec = find_person(self.records, words) or self._find_group(" ".join(words))
        # a label in capitals ("COOPER:") that the small model also read as an organisation is a person
        if rec is None or (rec.kind == "group" and shouted and rec.name.isupper()):
            rec = Record(name=" ".join(words), kind="person", tokens=tuple(words), title=title)
            self.records.append(rec)
        return rec

    def _group(self, ent, base: int, name: str | None = None) -> Record:
        words, article = organisation_words(ent)
        name = name or " ".join(words)
        rec = self._find_group(name, documents=False)  # "Democrats say" after "the Democrats bill": the party
        if rec is not None and article:
            rec.aliases.add(f"the {name}")
        if rec is None:
            rec = Record(name=name[:1].upper() + name[1:], kind="group")
            rec.nouns.update(w.lower() for w in words if w.lower() in GENERIC_ORG_NOUNS)
            short = acronym(name)
            if short:
                rec.aliases.add(short)
            doc = ent.doc
            if ent.end + 2 < len(doc) and doc[ent.end].text == "(" and doc[ent.end + 2].text == ")":
                rec.aliases.add(doc[ent.end + 1].text)
            if article or words[:1] == ["The"]:
                rec.aliases.add(f"the {name}" if article else " ".join(words[1:]))
            self.records.append(rec)
        for noun, role in descriptions.appositive_nouns(ent.root):
            rec.nouns.add(noun)
            rec.role = rec.role or role
        rec.last = max(rec.last, base + ent.start)
        rec.seen.append(base + ent.start)
        return rec

    def _add(self, rec: Record) -> Record:
        self.records.append(rec)
        return rec

    def _find_group(self, name: str, documents: bool = True) -> Record | None:
        key = name.lower()
        for rec in self.records:
            named = rec.name.lower() == key
            found = named or key in (a.lower() for a in rec.aliases)
            if found and rec.kind != "person" and (documents or named or rec.kind != "document"):
                return rec
        return None

    # -- resolving a mention -----------------------------------------------------------------------

    def resolve(self, tok, base: int, recent: Record | None = None) -> Record | None:
        """The record a subject or 'according to' object refers to, creating it when the text names it."""
        low = tok.lower_
        if low in PERSON_PRONOUNS:
            gender = PERSON_PRONOUNS[low]
            main = anaphora.sentence_subject(tok)
            rec = find_person(self.records, [main.text], before=base + main.i + 1) if main else None
            if rec is not None and rec.gender in (gender, None):
                rec.gender = gender
                return rec
            return anaphora.person_pronoun(self.records, tok, gender, base)
        if low in GROUP_PRONOUNS:
            return group_pronoun(self, tok, base, recent)
        if low == "one" and (group := one_of_them(tok, recent)) is not None:
            return referents.member_of(self.records, group)
        if website(tok.text):  # the parser has no part of speech for "gulfstream.com"
            return self._find_group(tok.text) or self._add(Record(name=tok.text, kind="group"))
        if (crowd := quantifier_phrase(tok)) is not None:  # "Most of the residents said"
            return self._find_group(crowd) or self._add(Record(name=crowd, kind="group"))
        if (misread := misparse.misread_name(tok)) is not None:  # '"…," said Skelly'; "Ask Jeeves said"
            if tok.pos_ == "ADV":
                return self.named(misread)  # a surname the parser read as an adverb
            return self._find_group(misread) or self._add(Record(name=misread, kind="group"))
        if (named := appositive_name(tok)) is not None:
            return self.resolve(named, base, recent)  # "His lawyer, Per Olsen, said": Per Olsen
        not_one = low in NOT_SPEAKERS and not (animacy.person_figure(tok) or animacy.law_text(tok))
        if (tok.pos_ == "PRON" or not_one) and not misparse.title_mid_sentence(tok):
            return None
        tok = titled_name(tok) or named_head(tok)
        if tok.text[:1].isupper() and tok.dep_ != "compound":
            # a known surname, whatever label the model gives it ("Ivanka Trump" with "Trump" alone
            # labelled is not the Donald Trump named before)
            given = given_names(tok)
            words = [*(t.text for t in given), tok.text]
            owner = title_gender(list(tok.children)) or possessive_before(tok)
            known = find_person(self.records, words, owner, before=base + tok.i)
            if known is not None:
                return known
            if given and find_person(self.records, [tok.text]) is not None:
                return self._add(relative(words, base + tok.i))
        ent = entity_of(tok)
        if ent is not None and person_name(ent):
            rec = self._person(ent, base)
            if rec is not None:
                return rec
        if tok.pos_ == "PROPN":
            rec = find_person(self.records, [tok.text], before=base + tok.i)
            if rec is not None:
                return rec
        # "said the 74-year-old comedian": the story's subject
        if descriptions.is_description(tok, self.records):
            rec = anaphora.introduced(self.records, tok) or anaphora.described(
                self.records, tok, base + tok.i, recent, self.headline
            )
            if rec is not None and not plural_for_one(rec, tok):
                rec.describe(tok.lemma_.lower(), descriptions.marks(tok))
                rec.nouns.add(descriptions.office_noun(tok))  # "the prime minister" again is the same one
                return rec
        if tok.lemma_.lower() in DOCUMENT_NOUNS:
            return self._document(tok, base)
        if ent is not None and (ent.label_ in NAME_LABELS or named_group(ent)) and tok.pos_ == "PROPN":
            return self._group(ent, base)
        det = [c for c in tok.children if c.dep_ == "det"]
        if det and det[0].lower_ == "the" and len(np_tokens(tok)) == 2:
            rec = self.by_noun(tok.lemma_.lower()) or referents.the_firm(self.records, tok, base)
            if rec is not None and not plural_for_one(rec, tok):
                return one_person(rec, tok) if rec.kind != "person" else rec
        if tok.pos_ not in ("NOUN", "PROPN") or not animacy.can_speak(tok):  # "the attack raised fears that"
            return None if (alt := animacy.other_subject(tok)) is None else self.resolve(alt, base, recent)
        if (person := self._unlabelled_person(tok, base) or who_named(self, tok, base)) is not None:
            return person
        if det and det[0].lower_ == "the" and (met := referents.one_met(self.records, tok)) is not None:
            return met
        name, owned = referents.owner_named(self.records, tok, qualified_np_text(tok), base)
        rec = self._find_group(name)
        if rec is None:
            rec = Record(name=name[:1].upper() + name[1:], kind="group", aliases=owned)
            first = np_tokens(tok)[0]
            if first.pos_ not in ("PROPN", "DET") and first.dep_ != "poss":
                rec.aliases.add(f"the {name[:1].lower()}{name[1:]}")
            elif first.lower_ == "the" and tok.pos_ == "NOUN":
                rec.nouns.add(tok.lemma_.lower())  # "the port authority" is later "the authority"
            self.records.append(rec)
        return one_person(rec, tok)

    def narrated_subject(self, doc, s: int, e: int, inside, base: int):
        """ "He is now winding down his career in Qatar. So he is full of admiration …": the person a he/she
        subject of the writer's own sentence stands for stays the one a later "he said" stands for. Returns
        (subject token, record) when the subject names someone, else None."""
        for tok in doc:
            if (
                s <= tok.idx < e
                and tok.dep_ in ("nsubj", "nsubjpass")
                and tok.head.dep_ == "ROOT"
                and not inside[tok.idx]
            ):
                if tok.lower_ in ("he", "she"):
                    rec = self.resolve(tok, base)
                else:  # "a delighted Every was left to …", "Obama's position has evolved": who it is about
                    poss = next((c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
                    named = tok if tok.pos_ == "PROPN" else poss
                    if named is not None:
                        rec = find_person(self.records, [named.text], before=base + named.i)
                    else:  # "The video included …. It said …"
                        rec = anaphora.the_noun_of(self.records, tok)
                if rec is not None:
                    rec.mention(base + tok.i, subject=True)
                return (tok, rec) if rec is not None else None
        return None

    def _unlabelled_person(self, tok, base: int) -> Record | None:
        """ "Marcel Desailly insists …", no entity label: a first name the census knows before a surname."""
        given = given_names(tok) if tok.pos_ == "PROPN" else []
        courtesy = tok.i > 0 and tok.doc[tok.i - 1].head.i == tok.i and title_of(tok.doc[tok.i - 1].text)
        if courtesy and courtesy[1] is None and not given and tok.pos_ == "PROPN":
            given = [tok.doc[tok.i - 1]]  # "Ms Detakats said" (no entity label, "plural"): a title, a person
        elif not given or given[0].text not in census_genders() or tok.tag_ == "NNPS":
            return None
        first = given[0].i
        title = [tok.doc[first - 1].text] if first and title_of(tok.doc[first - 1].text) else []
        rec = self.named(" ".join([*title, *(t.text for t in given), tok.text]))
        if rec is not None:
            rec.mention(base + tok.i)
        return rec

    def by_noun(self, noun: str, one: bool = False) -> Record | None:  # one: "the report", not "two reports"
        return referents.by_noun(self.records, noun, one)

    def _document(self, tok, base: int) -> Record | None:
        noun = tok.lemma_.lower()
        author = author_of(tok)
        if author is None:
            kinds = [c for c in tok.children if c.dep_ in ("det", "poss", "compound", "amod", "nummod")]
            polls = tok.tag_ == "NNS" and noun in ("poll", "survey")  # "Polls show …" (the golds' 6.6)
            if tok.tag_ == "NNS" and not kinds and not polls:
                return None  # "according to reports": no source, even after "a report" was named
            rec = self.by_noun(noun, one=tok.tag_ == "NN")
            words = {c.lower_ for c in kinds if c.dep_ in ("compound", "amod")}
            if rec is not None and not words <= set(rec.name.lower().split()):
                rec = None  # "court documents" are not the "U.S. Navy documents" named before
            # "…, says a report." / "The report says …": a document the text never named, not "reports"
            named = tok.tag_ == "NN" and any(c.dep_ == "det" for c in tok.children)
            if rec is None and (named or kinds or polls):
                rec = Record(name=np_text(tok)[:1].upper() + np_text(tok)[1:], kind="document", nouns={noun})
                self.records.append(rec)
            if rec is None or rec.kind != "document":
                return None
            rec.last = max(rec.last, base + tok.i)
            return rec
        return self._named_document(tok, author_name(author) or np_text(author), base + tok.i)

    def _named_document(self, tok, who: str, pos: int) -> Record:
        noun = tok.lemma_.lower()
        name = document_name(who, tok.lower_)  # "U.S. Navy documents", as written
        rec = self._find_group(name)
        if rec is None:
            rec = Record(name=name, kind="document")
            short = acronym(who)
            rec.aliases.update({who, f"{who}'{'' if who.endswith('s') else 's'} {noun}"})
            rec.aliases.update({short, f"{short} {noun}"} if short else ())
            self.records.append(rec)
        rec.nouns.add(noun)
        rec.last = max(rec.last, pos)
        return rec
