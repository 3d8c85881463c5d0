"""Learned fusion (issue 17): the signals of search/learned.py on the real seed index, the shipped model
file, the `hybrid+learned` configuration through `search` on both stores, and the training script's
reading of a truncated SQuAD file."""

from __future__ import annotations

import importlib.util
import json

import numpy as np
import pytest

from askisk.models import OPEN_SCOPE
from askisk.search import learned
from askisk.search.fusion import ALPHA, CONFIGS, search
from askisk.speakers.query import speakers_in_query
from tests.conftest import ROOT


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("When was IS-K founded?", "date"),
        ("In what year did the Crocus City Hall attack happen?", "date"),
        ("How many militant organisations operate on Afghan soil?", "number"),
        ("How much of the country does the group control?", "number"),
        ("In which countries did IS-K claim attacks?", "place"),
        ("Where does IS-K recruit?", "place"),
        ("What legal order do the militants want to impose?", None),
        ("Who created IS-K, and where?", None),
    ],
)
def test_the_answer_type_comes_from_the_questions_first_words(question, kind):
    assert learned.answer_type(question) == kind


def _features(service, question):
    store = service.store(refresh=False)
    qvec = service.encoder().encode([question])[0]
    boosted = set(speakers_in_query(question, store.speakers))
    rows, cos, bm, feats = learned.gather(store, question, qvec, 50, OPEN_SCOPE, boosted, ALPHA)
    texts = [store.rows[int(r)][0].text for r in rows]
    return store, rows, texts, feats, boosted


def col(name: str) -> int:
    return learned.FEATURES.index(name)


def test_signals_on_the_seed_index(seed_service):
    question = "How many people did the IS-K bombing in Kabul kill?"
    store, rows, texts, feats, _ = _features(seed_service, question)
    assert feats.shape == (len(rows), len(learned.FEATURES)) and len(rows) > 10
    for name in ("dense", "bm25", "bm25_context", "coverage"):
        assert feats[:, col(name)].min() >= 0.0 and feats[:, col(name)].max() <= 1.0 + 1e-9, name
    assert feats[:, col("dense")].max() == pytest.approx(1.0)
    # a "how many" question: a sentence with a number matches its type, one without does not
    kabul = texts.index("In May 2021, an IS-K bombing killed 90 in Kabul.")
    assert feats[kabul, col("answer_type")] == 1.0
    assert any(
        feats[i, col("answer_type")] == -1.0 for i, t in enumerate(texts) if not any(c.isdigit() for c in t)
    )
    # every content word of the question but "many"/"people" is in that sentence
    assert feats[kabul, col("coverage")] > 0.5
    assert feats[kabul, col("coverage")] == feats[:, col("coverage")].max()


def test_coverage_reads_the_resolved_context_of_a_pronoun_sentence(seed_service):
    store, rows, texts, feats, _ = _features(seed_service, "What tactics can IS-K use?")
    i = next(i for i, t in enumerate(texts) if "they can use the tactics of so-called sleeper cells" in t)
    assert "IS-K" not in texts[i]
    # "tactics", "can", "use" are in the sentence and "IS-K" only in its context; "what" is no BM25 stop word
    assert feats[i, col("coverage")] == pytest.approx(5 / 6)
    assert feats[i, col("coverage")] == feats[:, col("coverage")].max()


def test_speaker_and_neighbour_signals(seed_service):
    store, rows, texts, feats, boosted = _features(
        seed_service, "How does Azizi rate the risk of terrorist attacks?"
    )
    assert boosted
    speakers = [store.rows[int(r)][1].speaker for r in rows]
    assert all((feats[i, col("speaker")] == 1.0) == (s in boosted) for i, s in enumerate(speakers))
    assert any(s in boosted for s in speakers) and not all(s in boosted for s in speakers)
    # neighbour: the best convex score of another candidate in the same paragraph, 0 when alone
    convex = ALPHA * feats[:, col("dense")] + (1 - ALPHA) * feats[:, col("bm25_context")]
    paragraph = [(store.rows[int(r)][0].source_id, store.rows[int(r)][0].paragraph) for r in rows]
    for i, key in enumerate(paragraph):
        others = [convex[j] for j, k in enumerate(paragraph) if k == key and j != i]
        assert feats[i, col("neighbour")] == pytest.approx(max(others) if others else 0.0)


def test_the_shipped_model_matches_the_code():
    model = learned.load_model()
    assert len(model.weights) == len(model.mean) == len(model.scale) == len(learned.FEATURES)
    assert all(s > 0 for s in model.scale)
    data = json.loads(learned.MODEL_FILE.read_text(encoding="utf-8"))
    assert data["trained_on"]["squad"]  # provenance travels with the weights


def test_a_model_file_for_other_features_is_refused(tmp_path):
    data = json.loads(learned.MODEL_FILE.read_text(encoding="utf-8"))
    data["features"] = data["features"][::-1]
    path = tmp_path / "m.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match="features"):
        learned.load_model(path)


def test_learned_search_returns_exact_sentences_ordered_by_the_model(store_service):
    store = store_service.store(refresh=False)
    question = "What tactics can IS-K use in Central Asia?"
    qvec = store_service.encoder().encode([question])[0]
    hits, _ = search(store, question, qvec, top_k=10, config=CONFIGS["hybrid+learned"])
    assert len(hits) == 10
    texts = {p.text for p, _ in store.rows}
    assert all(h.text in texts for h in hits)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert any("sleeper cells" in h.text for h in hits[:3]), [h.text[:60] for h in hits[:3]]
    # the scores are the model's: recompute them from the signals
    boosted = set(speakers_in_query(question, store.speakers))
    rows, _, _, feats = learned.gather(store, question, qvec, 50, OPEN_SCOPE, boosted, ALPHA)
    expected = dict(zip((int(r) for r in rows), learned.score(learned.load_model(), feats), strict=True))
    row_of = {p.id: i for i, (p, _) in enumerate(store.rows)}
    assert [h.score for h in hits] == pytest.approx([round(expected[row_of[h.passage_id]], 6) for h in hits])


def test_the_service_keeps_one_token_memo_per_loaded_store(seed_copy):
    from askisk.config import Paths
    from askisk.service import Askisk

    service = Askisk(Paths(*seed_copy))
    question = "What tactics can IS-K use in Central Asia?"
    assert service.row_tokens() == {}
    first = service.ask(question, top_k=10, config=CONFIGS["hybrid+learned"])
    memo = service.row_tokens()
    filled = len(memo)
    assert filled > 10 and service.row_tokens() is memo
    assert "sleeper" in memo[next(i for i, (p, _) in enumerate(service.store().rows) if "sleeper" in p.text)]
    again = service.ask(question, top_k=10, config=CONFIGS["hybrid+learned"])
    assert again == first and len(memo) == filled  # the same rows: nothing tokenised twice
    # without the service's memo, `search` tokenises afresh and ranks the same
    store = service.store()
    qvec = service.embed_query(question)
    hits, _ = search(store, question, qvec, top_k=10, config=CONFIGS["hybrid+learned"])
    assert tuple(hits) == first.results
    # the default fusion does not touch it
    other = Askisk(Paths(*seed_copy))
    other.ask(question, top_k=10)
    assert other._row_tokens is None
    # a new loaded store gets a new memo, as it gets new alias groups
    service.rebuild()
    assert service.row_tokens() == {} and service.row_tokens() is not memo


def test_an_off_topic_question_finds_nothing_with_the_learned_fusion(seed_service):
    store = seed_service.store(refresh=False)
    question = "What is the weather forecast for tomorrow?"
    qvec = seed_service.encoder().encode([question])[0]
    hits, _ = search(store, question, qvec, top_k=5, config=CONFIGS["hybrid+learned"])
    assert hits == []


def _train_script():
    spec = importlib.util.spec_from_file_location("train_fusion", ROOT / "scripts" / "train_fusion.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_training_script_reads_a_truncated_squad_file_up_to_its_last_complete_article(tmp_path):
    full = {
        "data": [
            {"title": "A", "paragraphs": [{"context": "Alpha is first.", "qas": []}]},
            {"title": "B", "paragraphs": [{"context": "Beta is second.", "qas": []}]},
        ]
    }
    text = json.dumps(full)
    cut = text[: text.index("Beta") + 2]  # the file ends inside article B
    path = tmp_path / "train.json"
    path.write_text(cut, encoding="utf-8")
    articles = _train_script().squad_articles(path)
    assert [a["title"] for a in articles] == ["A"]
    path.write_text(text, encoding="utf-8")
    assert [a["title"] for a in _train_script().squad_articles(path)] == ["A", "B"]


def test_climate_fever_retrieval_splits_the_even_dev_half_and_refuses_the_odd_one():
    from askisk.errors import InputError
    from askisk.evaluate import cf_retrieval as cfr
    from tests.test_context import CF_FIXTURE

    ids = {
        split: [q.id for q, _ in cfr.questions(CF_FIXTURE, split)]
        for split in ("even-dev-fit", "even-dev-cal")
    }
    assert ids == {
        "even-dev-fit": ["cf2"],
        "even-dev-cal": ["cf6"],
    }  # 2 mod 8 trained the fusion; 6 mod 8 not
    with pytest.raises(InputError, match="held out"):
        cfr.check_split("odd")


def test_the_listwise_fit_learns_which_signal_marks_the_relevant_candidate():
    rng = np.random.default_rng(0)
    sets = []
    for _ in range(60):
        feats = rng.random((12, 3))
        labels = np.zeros(12, dtype=bool)
        labels[int(np.argmax(feats[:, 1]))] = True  # the second signal decides; the others are noise
        sets.append(("toy", feats, labels))
    script = _train_script()
    mean, scale = np.full(3, 0.5), np.full(3, 0.3)
    weights = script.fit_listwise(sets, mean, scale, 0.01)
    assert weights[1] > 3 * max(abs(weights[0]), abs(weights[2]))
    mrr, r1 = script.mrr(sets, weights, mean, scale)
    assert r1 >= 0.95 and mrr >= 0.95  # near-ties of random signals may swap a pair
