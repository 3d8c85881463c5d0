"""Interview answers: under a question heading, the paragraphs that answer it; and the one a sentence of
narration says was asked ("Dr Fox was asked if …"), whose answer the quotations after it give (`was_asked`).

Step 3 of `speakers.attribution` (its docstring states the rule). The interviewee of a section is the
person most attributed in it; a section nobody speaks in borrows the person most attributed in the whole
source only when every section that has a voice has the same one (an interview). An explainer whose
question subheads each bring their own voices (BBC, gold_s13: "What did the prosecutors say?", then
"What charges does Assange face in the US?") leaves a silent section as narration. Pure: decisions in,
decisions updated in place.
"""

from __future__ import annotations

from collections import Counter

ANSWER_CUE = "answer under interview question"


def answers(decisions: list, by_para: dict, sections: list) -> None:
    """Step 3 of `speakers.attribution`: the unquoted, uncued paragraphs right after a question heading are
    the interviewee's answer (kind *reported*, cue ANSWER_CUE)."""
    if len(sections) < 2:
        return  # one question line in a news story is rhetorical, not an interview
    overall = Counter(id(d.record) for d in decisions if d.record is not None and d.record.kind == "person")
    people = {id(d.record): d.record for d in decisions if d.record is not None}
    counted = [_people_in(decisions, by_para, numbers) for _, numbers in sections]
    # an explainer's question subheads ("What did the prosecutors say?", "Who pays the cost of a tariff?")
    # each quote their own people, and the writer answers them: no section is anyone's answer
    if len({c.most_common(1)[0][0] for c in counted if c}) > 1:
        return
    # a report's subheads ("What drove the market?") over sections where several people are quoted, none
    # in most of them: the writer answers, nobody is interviewed
    if any(2 * c.most_common(1)[0][1] <= c.total() for c in counted if c):
        return
    for (_, numbers), counts in zip(sections, counted, strict=True):
        top = (counts or overall).most_common(1)
        if not top:
            continue
        interviewee = people[top[0][0]]
        for n in numbers:
            para = [decisions[i] for i in by_para.get(n, [])]
            if any(d.status != "none" for d in para):
                break
            for d in para:
                d.record, d.kind, d.cue, d.status = interviewee, "reported", ANSWER_CUE, "cued"


def _people_in(decisions, by_para, numbers) -> Counter:
    here = [decisions[i] for n in numbers for i in by_para.get(n, [])]
    return Counter(id(d.record) for d in here if d.record is not None and d.record.kind == "person")


_QUESTION_WORDS = frozenset({"if", "whether", "what", "why", "how", "when", "where", "who", "which"})


def was_asked(subj) -> bool:
    """ "Dr Fox was asked if he would say yes or no": a question put to the subject of the writer's own
    sentence, whose answer the quotations after it give (not "was asked to leave": an order)."""
    verb = subj.head
    if subj.dep_ != "nsubjpass" or verb.lemma_.lower() != "ask":
        return False
    question = [c for c in verb.children if c.dep_ in ("ccomp", "advcl")]
    asked_if = any(t.lower_ in _QUESTION_WORDS and t.i < c.i for c in question for t in c.subtree)
    about = any(c.dep_ == "prep" and c.lower_ in ("about", "on", "over") for c in verb.children)
    return asked_if or about
