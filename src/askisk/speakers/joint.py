"""Speakers named together: "Mr. Grassley and Mr. Leahy say …", "India and Pakistan spar over …". The
speaker of such a cue is both of them, one group record named after its members ("Charles E. Grassley and
Patrick Leahy"), which a later "they say" stands for and a question naming either finds; each member stays
a record of its own for "he" and "she". Only names join: "RT and its defenders" stays RT (who the
defenders are, the text does not say).
"""

from __future__ import annotations

from askisk.speakers.mention import Record
from askisk.speakers.names import name_head


def conjuncts(subj) -> list:
    """The names joined to a subject by "and" ("Leahy" of "Grassley and Leahy", "B" and "C" of "A, B and
    C"), or [] when any of them is not a name or the words join by "or"."""
    out: list = []
    todo = [subj]
    while todo:
        tok = todo.pop()
        for c in tok.children:
            if c.dep_ == "cc" and c.lower_ != "and":
                return []
            # "Eric Cantona, Ole Gunnar Solskjaer and Sir Alex Ferguson" read as a name with an apposition
            listed = (
                c.dep_ == "appos"
                and tok is subj
                and c.pos_ == "PROPN"
                and c.i < subj.head.i  # before the verb: not "Trump … endorsed Paul Ryan, John McCain and …"
                and any(g.dep_ == "conj" for g in c.children)
            )
            if c.dep_ == "conj" or listed:
                if c.pos_ != "PROPN":
                    return []
                out.append(c)
                todo.append(c)
    return sorted(out, key=lambda t: t.i)


def joint_speaker(registry, subj, rec: Record | None, base: int) -> Record | None:
    """The group record of a subject and the names joined to it, or `rec` unchanged when the subject is
    no name, stands alone, or a conjunct resolves to no person or group of its own."""
    if rec is None or rec.kind not in ("person", "group"):
        return rec
    if (listed := listed_group(registry, subj, base)) is not None:
        return listed
    # "Coons and Lankford wrote": the parser may read a sentence's first surname as a plural noun
    if not _named(subj) and not (subj.text[:1].isupper() and subj.text in rec.name.split()):
        return rec
    others = conjuncts(subj)
    members = [rec]
    for tok in others:
        if any(c.lower_ == "other" for c in tok.children):
            return rec  # "Cornyn and other Republicans argue": the one named speaks for them
        other = registry.resolve(tok, base) if _named(tok) else None
        if other is None or other.kind not in ("person", "group"):
            return rec
        if any(other is m or name_head(other.display()) == name_head(m.display()) for m in members):
            return rec  # "Matt Braynard … Braynard and Chrabaszcz": one of them named twice
        members.append(other)
    if len(members) < 2:
        return rec
    names = [m.display() for m in members]
    name = f"{', '.join(names[:-1])} and {names[-1]}"
    joint = next((r for r in registry.records if r.kind == "group" and r.name == name), None)
    if joint is None:
        joint = Record(name=name, kind="group", members=members)
        registry.records.append(joint)
    joint.last = max(joint.last, base + subj.i)
    joint.seen.append(base + subj.i)
    return joint


_POSSESSIVES = frozenset({"its", "their", "his", "her"})


def listed_group(registry, subj, base: int) -> Record | None:
    """ "Airlines, industry officials and even health experts say", "Democrats, Hollywood and companies such
    as Google had urged": a list with a common plural noun in it speaks as one group, named as written;
    None for names alone (`joint_speaker` names their members) and for "RT and its defenders" (whose
    defenders, the text does not say)."""
    parts = [subj]
    for tok in parts:
        parts += [c for c in tok.children if c.dep_ == "conj"]
        if any(c.dep_ == "cc" and c.lower_ != "and" for c in tok.children):
            return None
    common = any(t.pos_ == "NOUN" and t.tag_ == "NNS" for t in parts)
    if len(parts) < 2 or not common or any(t.pos_ not in ("NOUN", "PROPN") for t in parts):
        return None
    if any(c.lower_ in _POSSESSIVES for t in parts for c in t.children):
        return None
    end = subj.right_edge.i + 1
    while end > subj.i + 1 and subj.doc[end - 1].is_punct:
        end -= 1  # "said Doyle and others, would be": the parser hangs the closing comma on the name
    span = subj.doc[subj.left_edge.i : end]
    if len(span) > 16 or any(t.pos_ in ("VERB", "AUX") or t.text in ('"', "“", "”", "(") for t in span):
        return None
    name = span.text[:1].upper() + span.text[1:]
    group = next((r for r in registry.records if r.kind == "group" and r.name == name), None)
    if group is None:
        group = Record(name=name, kind="group")
        registry.records.append(group)
    group.last = max(group.last, base + subj.i)
    group.seen.append(base + subj.i)
    return group


def _named(tok) -> bool:
    """A name the entity model knows: a person, an organisation, a place, or a plural of a party or a
    nation ("Democrats and Republicans"); not a title left without its name ("Former Pennsylvania Gov.")
    nor a party's adjective ("… and Republican")."""
    if tok.pos_ != "PROPN":
        return False
    return tok.ent_type_ in ("PERSON", "ORG", "GPE") or (tok.ent_type_ == "NORP" and tok.tag_ == "NNPS")


def joint_cue(cue: str, subj, rec: Record | None) -> str:
    """The cue with every member named ("India have said" -> "India and Pakistan have said"), for a joint
    speaker or a list named as written ("Airlines say" -> "Airlines, industry officials and … say"); else
    the cue as it is."""
    listed = subj.doc[subj.left_edge.i : subj.right_edge.i + 1].text
    head = subj.doc[subj.left_edge.i : subj.i + 1].text  # "The owners" of "The owners and the workers"
    a_list = any(c.dep_ == "conj" for c in subj.children) and head in cue and listed not in cue
    if rec is not None and not rec.members and rec.name.lower() == listed.lower() and a_list:
        return cue.replace(head, listed, 1)
    others = conjuncts(subj) if rec is not None and rec.members else []
    if not others:
        return cue
    return cue.replace(subj.text, subj.doc[subj.i : others[-1].i + 1].text, 1)
