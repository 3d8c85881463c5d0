"""Whether a word of a sentence is negated: its own "not", a negated verb it modifies or is joined to, a
negated thinking verb whose clause it heads, a verb that negates its object ("lacks", "failed to"); and
where a negation stops ("until July", "not too high, but acceptable"). Pure: spaCy tokens in, booleans out.
"""

from __future__ import annotations

# fmt: off
# Verbs whose negation belongs to the clause they govern: "I don't think it is typical" says "it is not
# typical", "he doesn't expect it to be disbanded" that it will not be.
NEG_RAISING = frozenset(["think", "believe", "expect", "suppose", "imagine", "seem", "appear", "anticipate"])
# Verbs whose object carries the meaning, so their negation is the object's: "never did any harm" says
# "never harmed", "didn't make a decision" "didn't decide".
OBJECT_VERBS = frozenset(["do", "make", "have", "cause", "pose", "take", "give", "pay"])
# Verbs of will whose negation is their complement's: "do not want to be content" says they will not be,
# "did not try to hide it" that they did not hide it.
VOLITION = frozenset(["want", "wish", "intend", "plan", "seek", "try", "attempt", "aim"])
# Verbs that negate their object ("lacks the resources") or what they fail to do ("failed to pay").
NEGATING_VERBS = frozenset(["lack"])
FAILING_VERBS = frozenset(["fail", "refuse", "decline", "stop", "cease", "quit", "escape", "avoid", "evade"])
# "stopped being", "ceased to be", "quit smoking", "escaped being killed", "avoided capture"
_HALTING = frozenset(["stop", "cease", "quit", "escape", "avoid", "evade"])
# Words that negate the word they attach to.
NEGATORS = frozenset(["not", "n't", "no", "never", "nor", "neither", "cannot"])
# fmt: on


def negated(token) -> bool:
    """The word is negated: its own "not"/"no", a negated verb it modifies ("not quite stable"), a negated
    verb it is joined to without a subject of its own ("won't attack and wage"), or a negated NEG_RAISING
    verb whose clause it heads ("doesn't think the department will be disbanded")."""
    return _own_negation(token) or _raised_negation(token)


def _raised_negation(token) -> bool:
    t = token
    for _ in range(3):
        if t.dep_ in ("ccomp", "xcomp") and t.head.lemma_.lower() in NEG_RAISING:
            return _own_negation(t.head)
        if _misparsed_raiser(t):
            return True
        if t.dep_ in ("auxpass", "aux", "acomp", "attr") or (
            t.dep_ == "conj" and _same_pos(t.head, t) and not _contrasted(t)
        ):
            t = t.head
        else:
            return False
    return False


def _misparsed_raiser(clause) -> bool:
    """ "although he doesn't think the abuses are typical": the parser hangs the negated "think", with no
    clause of its own, on the clause it governs, as an adverbial before it."""
    return any(
        c.dep_ == "advcl" and c.i < clause.i and c.lemma_.lower() in NEG_RAISING and _own_negation(c)
        and not any(g.dep_ in ("ccomp", "xcomp") for g in c.children)
        for c in clause.children
    )  # fmt: skip


def _own_negation(token) -> bool:
    t = token
    for _ in range(4):
        if any(c.dep_ == "neg" or c.lower_ in NEGATORS for c in t.children):
            return not until(t)
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in t.children)
        joined = t.dep_ == "conj" and not own_subject and _same_pos(t.head, t) and not _contrasted(t)
        # "be content": the small tagger reads some complements of "be" as nouns; "acomp" says what they are
        adjectival = t.pos_ in ("ADJ", "ADV") or t.dep_ == "acomp"
        modifies = adjectival and t.head.pos_ in ("VERB", "AUX", "ADJ") and t.head is not t
        modifies = modifies and not (t.dep_ == "conj" and _contrasted(t))
        carried = (t.dep_ == "dobj" and t.head.lemma_.lower() in OBJECT_VERBS) or (
            t.dep_ == "xcomp" and t.head.lemma_.lower() in ("get", "go", *VOLITION)  # "doesn't get to eat"
        )
        if _lexically_negated(t):
            return True
        if joined or modifies or carried:
            t = t.head
        else:
            return False
    return False


def _same_pos(a, b) -> bool:
    """Conjuncts of one kind; a verb and "be" are both verbs ("not join … and be content")."""
    verbal = ("VERB", "AUX")
    return a.pos_ == b.pos_ or (a.pos_ in verbal and b.pos_ in verbal)


_CONTRAST = frozenset({"but", "yet"})


def _contrasted(conj) -> bool:
    """ "not too high, but acceptable": a conjunct joined by "but" or "yet" is what the negated one is set
    against, so the negation does not carry over to it."""
    return any(c.dep_ == "cc" and c.lower_ in _CONTRAST and c.i < conj.i for c in conj.head.children)


def _lexically_negated(t) -> bool:
    """ "lacks the resources to wage a war" says "does not have the resources", "cannot wage"; "failed to
    pay" says "did not pay": the verb's meaning negates its object or complement."""
    head = t.head
    if t.dep_ == "acl" and head.dep_ == "dobj":  # "resources to wage": what the lacking stops
        t, head = head, head.head
    elif t.dep_ in ("attr", "acomp") and head.lemma_.lower() == "be" and head.dep_ == "xcomp":
        t, head = head, head.head  # "stopped being a hotbed": what it is no longer
    lemma = head.lemma_.lower()
    gerund = t.tag_ == "VBG" or t.lemma_.lower() == "be" or any(c.lower_ == "being" for c in t.children)
    if lemma in _HALTING and not gerund:
        return False  # "stopped to eat" says why they stopped, not that they did not eat
    return (t.dep_ in ("dobj", "xcomp") and lemma in NEGATING_VERBS) or (
        t.dep_ == "xcomp" and lemma in FAILING_VERBS
    )


_OTHER_CLAUSES = frozenset({"conj", "ccomp", "parataxis", "relcl"})


def until(verb) -> bool:
    """ "will not melt until July", "won't leave until he is paid", "does not leave to go swimming until
    …": the negation says when, not whether. Only the verb's own clause counts ("did not comment, and the
    talks went on until midnight" still negates "comment")."""
    stack = list(verb.children)
    while stack:
        t = stack.pop()
        if t.lower_ == "until" and t.dep_ in ("prep", "mark"):
            return True
        if t.dep_ not in _OTHER_CLAUSES:
            stack.extend(t.children)
    return False
