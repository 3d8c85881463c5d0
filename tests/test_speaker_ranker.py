"""The learned speaker ranker (speakers/ranker.py), the stricter threshold for bare learned cues
(speakers/cues.py) and the news-page scorer (scripts/score_news.py).

Real spaCy model and the shipped JSON weights. The training script runs on a PolNeAR-shaped corpus the
test writes into a temp folder (sentences, brat standoff and a minimal CoreNLP XML written here).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from askisk.models import Source
from askisk.nlp import pipeline
from askisk.speakers import cues, ranker
from askisk.speakers.corpus import analyse
from askisk.speakers.mention import Record, mention_role
from askisk.speakers.quotes import match_text, quote_mask

REPO = Path(__file__).resolve().parents[1]


def _attrs(body: str) -> dict[str, tuple[str | None, str]]:
    doc = analyse(Source(id="t", title="t", path="t.md", body=body))
    return {p.text: (a.speaker, a.kind) for p, a in zip(doc.passages, doc.attributions, strict=True)}


def test_pronoun_features_describe_agreement_recency_and_the_rules_choice():
    lane = Record("Mary Lane", "person", ("Mary", "Lane"), gender="f")
    lane.mention(1_000_003, subject=True)
    lane.mention(1_000_009)
    hart = Record("Tom Hart", "person", ("Tom", "Hart"))
    hart.mention(2_000_001)
    hart.mention(2_000_020)  # after the pronoun: not seen from it
    pool = [ranker.before(lane, 2_000_009), ranker.before(hart, 2_000_009)]
    assert (pool[1].last, pool[1].count) == (2_000_001, 1)
    f_lane = ranker.pronoun_features(pool[0], pool, "f", 2_000_009, lane)
    f_hart = ranker.pronoun_features(pool[1], pool, "f", 2_000_009, lane)
    assert {"g=same", "rule=True", "r=1", "sr=0", "cr=0"} <= set(f_lane)
    assert {"g=unk", "rule=False", "r=0", "sr=none", "spr=none", "ahead=True"} <= set(f_hart)
    assert "tok=8" in f_hart and not any(f.startswith("tok=") for f in f_lane)  # same paragraph only


def test_shipped_ranker_prefers_the_speaker_over_a_person_named_in_passing():
    body = (
        "Council member Ardel Quist spoke at length on Tuesday about the budget.\n\n"
        "Quist said the city would hire forty teachers after meeting Jorin Vale and Tomas Brill.\n\n"
        "“We cannot wait another year,” he said.\n"
    )
    got = _attrs(body)
    assert got["“We cannot wait another year,” he said."] == ("Ardel Quist", "quote")


def test_shipped_weights_load_without_scikit_learn():
    code = (
        "import sys; sys.modules['sklearn'] = None\n"
        "from askisk.speakers.ranker import pronoun_ranker, cue_ranker\n"
        "p, c = pronoun_ranker(), cue_ranker()\n"
        "better = p.score(['g=same', 'rule=True']) > p.score(['g=unk', 'rule=False'])\n"
        "print(len(p.weights), better, c is not None)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    n, prefers, cue = out.split()
    assert int(n) > 10 and prefers == "True" and cue == "True"
    raw = json.loads((REPO / "src/askisk/speakers/data/speaker_ranker.json").read_text(encoding="utf-8"))
    assert "PolNeAR" in raw["about"] and raw["models"]["pronoun"]["choices"] > 100


def test_tracing_records_each_pronoun_with_its_candidates():
    body = "Senator Ardel Quist met Jorin Vale on Monday.\n\nHe said the plan would create jobs.\n"
    with ranker.tracing() as (pronouns, _):
        doc = analyse(Source(id="t", title="t", path="t.md", body=body))
    pos, char, cands = pronouns[0]
    assert char == 0 and pos // 1_000_000 == doc.paragraphs[-1].number  # "He" opens the last paragraph
    assert {rec.display() for rec, _ in cands} == {"Sen. Ardel Quist", "Jorin Vale"}
    assert sum("rule=True" in f for _, f in cands) == 1


def test_a_bare_learned_verb_needs_the_stricter_threshold():
    doc = pipeline()(match_text("The company plans to reforest a million acres. Lane said the plan works."))
    inside = quote_mask(doc.text).inside
    by_text = {t.text: t for t in doc}
    assert cues.threshold(by_text["plans"], inside) == cues.CUE_AT_BARE
    assert cues.threshold(by_text["said"], inside) == cues.CUE_AT
    quoted = pipeline()(match_text("“The plan works,” Lane insisted."))
    assert cues.threshold(quoted[5], quote_mask(quoted.text).inside) == cues.CUE_AT


def _corenlp(text: str, chains: list[list[tuple[int, int, int, int]]]) -> str:
    """A minimal CoreNLP XML: one sentence per line, tokens split on spaces and punctuation; proper nouns
    are capitalised words not at a sentence start; chains of (sentence, start, end, head), 1-based."""
    sents = []
    offset = 0
    for sid, line in enumerate(text.split("\n"), 1):
        toks = []
        for i, m in enumerate(re.finditer(r"\w+|[^\w\s]", line)):
            pos = "NNP" if m.group()[:1].isupper() and i else "NN"
            toks.append(
                f"<token><word>{m.group()}</word><CharacterOffsetBegin>{offset + m.start()}"
                f"</CharacterOffsetBegin><CharacterOffsetEnd>{offset + m.end()}</CharacterOffsetEnd>"
                f"<POS>{pos}</POS></token>"
            )
        sents.append(f'<sentence id="{sid}"><tokens>{"".join(toks)}</tokens></sentence>')
        offset += len(line) + 1
    coref = "".join(
        "<coreference>"
        + "".join(
            f"<mention><sentence>{s}</sentence><start>{a}</start><end>{b}</end><head>{h}</head></mention>"
            for s, a, b, h in chain
        )
        + "</coreference>"
        for chain in chains
    )
    body = f"<sentences>{''.join(sents)}</sentences><coreference>{coref}</coreference>"
    return f"<root><document>{body}</document></root>"


def test_training_script_learns_from_a_polnear_shaped_corpus(tmp_path):
    folder = tmp_path / "data" / "train"
    for sub in ("text", "attributions", "corenlp"):
        (folder / sub).mkdir(parents=True)
    names = [
        ("Ardel", "Quist", "Jorin", "Vale"),
        ("Mirel", "Oskan", "Daven", "Pell"),
        ("Sorin", "Tamm", "Elko", "Brix"),
    ]
    for k in range(10):
        a, b, c, d = names[k % 3]
        text = f"Senator {a} {b} spoke after {c} {d} left.\nHe said the plan would create jobs."
        he = text.index("He said")
        (folder / "text" / f"a{k}.txt").write_text(text, encoding="utf-8")
        ann = (
            f"T1\tSource {he} {he + 2}\tHe\nT2\tCue {he + 3} {he + 7}\tsaid\n"
            f"T3\tContent {he + 8} {len(text) - 1}\tthe plan would create jobs\n"
            "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n"
        )
        (folder / "attributions" / f"a{k}_dddd.ann").write_text(ann, encoding="utf-8")
        xml = _corenlp(text, [[(1, 2, 4, 3), (2, 1, 2, 1)]])
        (folder / "corenlp" / f"a{k}.txt.xml").write_text(xml, encoding="utf-8")
    out = tmp_path / "ranker.json"
    proc = subprocess.run(
        [sys.executable, str(REPO / "scripts/train_speakers.py"), str(tmp_path), "--out", str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "pronoun: 8 fit, 2 held out" in proc.stderr
    model = ranker.load_ranker(json.dumps(json.loads(out.read_text(encoding="utf-8"))["models"]["pronoun"]))
    assert model.score(["sr=0", "r=1"]) > model.score(["sr=none", "r=0"])  # the subject, not the last named


def test_news_scorer_on_a_hand_annotated_page(tmp_path):
    page = (
        "Harbour to close\n\n"
        "The harbour will close for a week in March.\n\n"
        "Harbour master Ellen Voss said the repairs were overdue. “We have waited ten years,” she said.\n"
    )
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "harbour.txt").write_text(page, encoding="utf-8")

    def sentence(text, speaker, kind):
        return {"text": text, "speaker": speaker, "names": [speaker] if speaker else [], "kind": kind}

    gold = {
        "article": "pages/harbour.txt",
        "sentences": [
            sentence("The harbour will close for a week in March.", None, "narration"),
            sentence("Harbour master Ellen Voss said the repairs were overdue.", "Ellen Voss", "reported"),
            sentence("“We have waited ten years,” she said.", "Ellen Voss", "reported"),
        ],
    }
    (tmp_path / "gold.jsonl").write_text(json.dumps(gold) + "\n", encoding="utf-8")
    script = str(REPO / "scripts/score_news.py")
    proc = subprocess.run(
        [sys.executable, script, str(tmp_path / "gold.jsonl"), "--root", str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
    )
    got = json.loads(proc.stdout)
    # the last sentence is a quote, annotated "reported" on purpose: the scorer must count it wrong
    assert (got["passages"], got["right"]) == (3, 2)
    assert got["errors"] == {"wrong kind (reported read as quote)": 1}


def test_the_last_mention_s_grammatical_role_is_a_feature():
    body = "Monica Hall beat Rachel Green on Friday.\n\n“I was nervous at the start,” she said.\n"
    with ranker.tracing() as (pronouns, _):
        analyse(Source(id="t", title="t", path="t.md", body=body))
    feats = {rec.display(): f for rec, f in pronouns[0][2]}
    assert {"lr=main", "lr+r=main|1"} <= set(feats["Monica Hall"])
    assert {"lr=obj", "lr+r=obj|0"} <= set(feats["Rachel Green"])
    doc = pipeline()("The plan was drafted by Ardel Quist, whom Jorin Vale praised, and Tomas Brill's aide.")
    roles = {t.text: mention_role(t) for t in doc if t.text in ("Quist", "Vale", "Brill")}
    assert roles == {"Quist": "agent", "Vale": "subj", "Brill": "poss"}
