"""Contextual retrieval (issue 17): pronouns resolved to the group they stand for, a BM25 over sentences
with their context, the text of a hit still the exact sentence, and Climate-FEVER evidence retrieval."""

from __future__ import annotations

import json

import pytest

from askisk.models import Source
from askisk.search.fusion import CONFIGS, SearchConfig, search
from askisk.speakers.context import subject_resolution
from askisk.speakers.corpus import analyse, embed_text, lexical_text
from askisk.speakers.query import alias_expansion
from tests.conftest import FIXTURES, run_cli

CF_FIXTURE = FIXTURES / "climate-fever" / "climate-fever.jsonl"


def _contexts(body: str, title: str = "Notes") -> dict[str, str]:
    doc = analyse(Source(id="notes", title=title, path="notes.md", body=body))
    return {p.text: doc.context(i) for i, p in enumerate(doc.passages)}


def test_they_is_resolved_to_the_group_named_before_with_its_long_form():
    contexts = _contexts(
        "The Northern Liberation Front (NLF) was founded in 1990 by students.\n\n"
        "Officials say they now recruit in the mountain villages."
    )
    first, second = contexts.values()
    assert first == ""  # names what it is about: nothing to add
    assert "NLF" in second and "Northern Liberation Front" in second


def test_a_sentence_without_a_pronoun_gets_no_context():
    contexts = _contexts(
        "The Northern Liberation Front (NLF) was founded in 1990. Farmers grow wheat in the valley."
    )
    assert list(contexts.values()) == ["", ""]


TWO_GROUPS = (
    "The Northern Liberation Front (NLF) was founded in 1990 by students. The NLF is the largest armed "
    "group in the north, and the NLF recruits in the valleys.\n\n"
    "The Western Alliance (WA) signed a truce with the government in 2001. Officials say they now recruit "
    "in the mountain villages."
)


def test_they_resolves_to_the_subject_of_the_nearest_sentence_naming_a_group_not_the_most_mentioned():
    doc = analyse(Source(id="notes", title="Notes", path="notes.md", body=TWO_GROUPS))
    i, p = next((i, p) for i, p in enumerate(doc.passages) if p.text.startswith("Officials say they"))
    assert "WA" in doc.context(i) and "Western Alliance" in doc.context(i)
    assert "NLF" not in doc.context(i)  # mentioned three times, but not what "they" stands for here
    # the encoder reads the name in place of the pronoun; the passage itself is untouched
    assert doc.resolved_text(i) == p.text.replace("they", "WA", 1)
    assert "Officials say WA now recruit" in embed_text(p, doc.attributions[i], doc.resolved_text(i))
    assert p.text.startswith("Officials say they")


def test_a_description_and_a_possessive_are_resolved_in_place():
    doc = analyse(
        Source(
            id="notes",
            title="The Northern Liberation Front",
            path="notes.md",
            body="The Northern Liberation Front (NLF) was founded in 1990. "
            "The group recruits in the valleys. Its leader was arrested in 2004.",
        )
    )
    resolved = [doc.resolved_text(i) for i in range(len(doc.passages))]
    assert resolved == ["", "NLF recruits in the valleys.", "NLF's leader was arrested in 2004."]
    # the verifier reads a resolution only where the group stands as a noun: "its leader" is the leader
    texts = [p.text for p in doc.passages]
    kept = [subject_resolution(text, r) for text, r in zip(texts, resolved, strict=True)]
    assert kept == ["", "NLF recruits in the valleys.", ""]


def test_an_it_that_stands_for_no_one_gets_no_context():
    contexts = _contexts(
        "The Northern Liberation Front (NLF) was founded in 1990. "
        "It is to be noted that the harvest was poor."
    )
    assert list(contexts.values()) == ["", ""]


def test_a_pronoun_with_an_antecedent_inside_its_sentence_is_left_alone():
    contexts = _contexts(
        "The Coastal Defence League (CDL) campaigned for a new barrier. The CDL met in May.\n\n"
        "The wall held for ninety years, but it was never built for tides like these."
    )
    assert list(contexts.values())[-1] == ""  # "it" is the wall, not the league


def test_a_second_name_given_with_or_joins_the_group_and_the_question_side_uses_it():
    doc = analyse(
        Source(
            id="notes",
            title="Notes",
            path="notes.md",
            body="The Northern Liberation Front (NLF) was founded in 1990. NLF group, or Red Banner, is "
            "active in the north.",
        )
    )
    [group] = doc.entities
    assert group[0] == "NLF" and {"Northern Liberation Front", "Red Banner"} <= set(group)
    extra = alias_expansion("Who founded Red Banner?", doc.entities)
    assert "NLF" in extra and "Northern Liberation Front" in extra and "Red Banner" not in extra
    assert alias_expansion("Who grows wheat?", doc.entities) == ""


def test_a_question_naming_one_alias_finds_sentences_that_use_another(seed_service):
    index = seed_service.store(refresh=False)
    names = next(g for g in seed_service.alias_groups() if "IS-K" in g)
    assert any("Daesh" in n for n in names)  # "IS-K group, or Daesh–Khorasan," declared it, in the text
    question = "Daesh-Khorasan"
    plain, _ = search(index, question, None, top_k=10, config=SearchConfig("bm25", speaker_boost=False))
    expanded = seed_service.ask(
        question, top_k=10, config=SearchConfig("bm25", speaker_boost=False, aliases=True)
    )

    def other_name_only(text: str) -> bool:
        return "IS-K" in text and "Daesh" not in text and "Khorasan" not in text

    assert not any(other_name_only(h.text) for h in plain)  # the sentence BM25 alone sees one spelling
    assert any(other_name_only(h.text) for h in expanded.results)


def test_seed_pronoun_sentences_carry_the_group(seed_service):
    index = seed_service.store(refresh=False)
    doc = next(iter(index.docs.values()))
    by_text = {p.text: doc.context(i) for i, p in enumerate(doc.passages)}
    for start in ("Accordingly, they can use the tactics", "The expert notes that they are a continuation"):
        text = next(t for t in by_text if t.startswith(start))
        assert "IS-K" in by_text[text], (text, by_text[text])
        assert "IS-K" not in text  # the sentence itself never names it: only the context does


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("What methods may IS-K use in the region?", "they can use the tactics of so-called sleeper cells"),
    ],
)
def test_the_issue_pronoun_sentence_is_found_by_its_question(store_service, question, answer):
    index = store_service.store(refresh=False)  # the context BM25 of each store (Milvus: its own field)
    qvec = store_service.encoder().encode([question])[0]
    hits, _ = search(index, question, qvec, top_k=5, config=CONFIGS["bm25+context"])
    assert any(answer in h.text for h in hits), [h.text[:60] for h in hits]
    # the sentence-only BM25 cannot see it: the question's name is not in the sentence
    plain, _ = search(index, question, qvec, top_k=5, config=CONFIGS["bm25"])
    assert not any(answer in h.text for h in plain)


def test_context_never_leaks_into_the_text_of_a_hit(seed_built, seed_service):
    kb, index = seed_built
    body = (kb / "isk-central-asia.md").read_text(encoding="utf-8")
    loaded = seed_service.store(refresh=False)
    doc = next(iter(loaded.docs.values()))
    context_of = {p.id: doc.context(i) for i, p in enumerate(doc.passages)}
    question = "What tactics can IS-K use?"
    proc = run_cli("ask", "--json", "--kb", str(kb), "--index", str(index), "--top-k", "10", question)
    assert proc.returncode == 0, proc.stderr
    results = json.loads(proc.stdout.splitlines()[0])["results"]
    assert any(context_of[h["passage_id"]] for h in results)  # some hits do carry a context
    for hit in results:
        assert hit["text"] in body  # the exact source sentence, nothing added
        if context_of[hit["passage_id"]]:
            assert context_of[hit["passage_id"]] not in hit["text"]


def test_lexical_text_adds_context_section_and_title_but_the_passage_keeps_its_text(seed_service):
    index = seed_service.store(refresh=False)
    doc = next(iter(index.docs.values()))
    i, p = next((i, p) for i, p in enumerate(doc.passages) if doc.context(i))
    words = lexical_text(p, doc.context(i), doc.source.title)
    assert words.startswith(p.text) and doc.context(i) in words and doc.source.title in words
    assert doc.context(i) not in p.text


# -- Climate-FEVER evidence retrieval -------------------------------------------------------------------
def _cf_eval(tmp_path, *extra: str):
    return run_cli(
        "eval",
        "--dataset",
        "climate-fever",
        str(CF_FIXTURE),
        "--index",
        str(tmp_path / "cf"),
        "--json",
        "--config",
        "bm25",
        "bm25+context",
        "hybrid+context",
        *extra,
        timeout=900,  # a fresh index with the real model, on a shared machine
    )


def test_climate_fever_eval_ranks_each_claims_evidence(tmp_path):
    proc = _cf_eval(tmp_path, "--split", "even-dev", "-v")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    [report] = out["reports"]
    assert report["split"] == "even-dev"
    assert report["answerable"] == 2  # claims 2 and 6; claim 10 has no supporting/refuting evidence
    assert [c["config"] for c in report["configs"]] == ["bm25", "bm25+context", "hybrid+context"]
    for c in report["configs"]:
        assert c["metrics"]["recall@10"] == 1.0
    details = {r["id"]: r for r in out["details"]["bm25+context"]}
    assert set(details) == {"cf2", "cf6"}
    assert details["cf6"]["first_relevant_rank"] == 1
    assert len(details["cf2"]["relevant"]) == 2  # both glacier sentences, "They are expected…" too
    kb_titles = {
        p.read_text().split("title: ", 1)[1].split("\n", 1)[0] for p in (tmp_path / "cf" / "kb").glob("*.md")
    }
    assert "Volcanic winter" not in kb_titles  # the odd claim's evidence never reaches the kb
    assert "Coral reef" in kb_titles  # even-test evidence is a distractor


@pytest.mark.parametrize("split", ["odd", "all", "dev"])
def test_climate_fever_eval_refuses_held_out_and_unknown_splits(tmp_path, split):
    proc = _cf_eval(tmp_path, "--split", split)
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr and proc.stderr.strip().count("\n") <= 1, proc.stderr
    assert not (tmp_path / "cf" / "kb").exists()


@pytest.mark.parametrize(
    ("title", "topic"),
    [
        ("Antarctica", "Antarctica"),
        ("Sea level rise", "Sea level rise"),
        ("Mercury (planet)", "Mercury"),
        ("IS-K and Central Asia: an expert on the threat to Tajikistan", ""),
        ("Officials say the northern front recruits again in the valleys", ""),
    ],
)
def test_a_title_that_names_one_thing_is_a_topic_and_a_headline_is_not(title, topic):
    from askisk.speakers.context import topic_name

    assert topic_name(title) == topic


def test_the_encoder_reads_the_articles_topic_after_a_sentence_that_leaves_it_unsaid():
    from askisk.speakers.corpus import retrieval_texts

    doc = analyse(
        Source(
            id="antarctica",
            title="Antarctica",
            path="antarctica.md",
            body="The mass balance of the East Antarctic Ice Sheet is thought to be slightly positive.\n\n"
            "Antarctica is the coldest of Earth's continents.",
        )
    )
    texts = {p.text: embedded for p, embedded, _ in retrieval_texts(doc)}
    assert texts["The mass balance of the East Antarctic Ice Sheet is thought to be slightly positive."] == (
        "The mass balance of the East Antarctic Ice Sheet is thought to be slightly positive. (Antarctica)"
    )
    assert (
        texts["Antarctica is the coldest of Earth's continents."]
        == "Antarctica is the coldest of Earth's continents."
    )
    assert [p.text for p in doc.passages] == list(texts)  # the passages themselves are untouched


def test_a_headline_title_adds_nothing_to_what_the_encoder_reads(seed_built):
    from askisk.sources.kb import load_sources
    from askisk.speakers.context import topic_name
    from askisk.speakers.corpus import retrieval_texts

    kb, _ = seed_built
    for source in load_sources(kb):
        assert topic_name(source.title) == ""
        doc = analyse(source)
        embedded = [e for _, e, _ in retrieval_texts(doc)]
        assert embedded and not any(e.endswith(f"({source.title})") for e in embedded)
        plain = [
            embed_text(p, a, doc.resolved_text(i))
            for i, (p, a) in enumerate(zip(doc.passages, doc.attributions, strict=True))
            if p.searchable
        ]
        assert embedded == plain


@pytest.mark.parametrize(
    ("front", "embedded_tail"),
    [
        ("title: Notes\n", " (Notes)"),  # not given: a short title is taken as the topic
        ("title: Notes\ntopic: false\n", ""),  # turned off
        ("title: Field notes from the east, week two\ntopic: Antarctica\n", " (Antarctica)"),
    ],
)
def test_the_front_matter_topic_decides_what_the_encoder_adds(tmp_path, front, embedded_tail):
    from askisk.sources.kb import read_source
    from askisk.speakers.corpus import retrieval_texts

    sentence = "The mass balance of the ice sheet is thought to be slightly positive."
    path = tmp_path / "notes.md"
    path.write_text(f"---\n{front}---\n{sentence}\n", encoding="utf-8")
    doc = analyse(read_source(path))
    [(_, embedded, _)] = retrieval_texts(doc)
    assert embedded == sentence + embedded_tail


def test_a_topic_that_is_not_a_name_is_one_line_and_no_traceback(tmp_path):
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "bad.md").write_text("---\ntitle: Notes\ntopic: [a, b]\n---\nSome text here.\n", encoding="utf-8")
    proc = run_cli("index", "--kb", str(kb), "--index", str(tmp_path / "index"))
    assert proc.returncode != 0
    assert "bad.md: bad front matter: 'topic' must be a short name" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_add_keeps_the_topic_given_on_the_command_line_or_in_the_file(tmp_path):
    from askisk.sources.kb import load_sources

    kb = tmp_path / "kb"
    kb.mkdir()
    note = tmp_path / "notes.txt"
    note.write_text("The ice sheet is thought to be slightly positive.\n", encoding="utf-8")
    page = tmp_path / "page.md"
    page.write_text("---\ntitle: Notes on ice\ntopic: false\n---\nThe sheet grows.\n", encoding="utf-8")
    for args in (("--topic", "Antarctica", str(note)), (str(page),)):
        proc = run_cli("add", "--kb", str(kb), "--index", str(tmp_path / "index"), *args)
        assert proc.returncode == 0, proc.stderr
    topics = {s.title: s.topic for s in load_sources(kb)}
    assert topics == {"notes": "Antarctica", "Notes on ice": ""}
