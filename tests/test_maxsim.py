"""Late interaction in the default fusion (issue 17, session 46): each word piece of the question matched to
its closest in the passage (MaxSim, IDF-weighted), from vectors the build stores and the query's own encoder
pass; on the real seed index, with the real ONNX encoder."""

from __future__ import annotations

import dataclasses
import json

import numpy as np
import pytest
from conftest import ROOT, run_cli

from askisk.config import Paths
from askisk.encoder import tokens as tk
from askisk.index import token_store
from askisk.index.layout import current_build_dir
from askisk.search.fusion import CONFIGS, DEFAULT_CONFIG, MAXSIM_WEIGHT
from askisk.service import Askisk
from askisk.speakers.corpus import retrieval_texts

SOURCE = CONFIGS["hybrid+context+types+tmm+source"]
FOUNDERS = "Were the people who founded the group Taliban defectors?"
CREATED = "The group was created in January 2015 by disaffected Taliban in eastern Afghanistan"


def test_the_default_is_the_source_fusion_plus_maxsim():
    maxsim = CONFIGS["hybrid+context+types+tmm+source+maxsim"]
    assert 0 < maxsim.maxsim == MAXSIM_WEIGHT == DEFAULT_CONFIG.maxsim
    assert dataclasses.replace(maxsim, maxsim=0.0) == SOURCE


def test_a_rare_word_matched_counts_more_than_a_common_one():
    axis = np.eye(4, dtype=np.float32)
    query = tk.TokenVectors(np.array([0, 1], dtype=np.int32), axis[:2])
    idf = np.array([3.0, 0.5, 1.0, 1.0], dtype=np.float32)  # word piece 0 is rare in the kb, 1 is common
    rare = np.round(axis[[0, 2]] * tk.SCALE).astype(np.int8)
    common = np.round(axis[[1, 3]] * tk.SCALE).astype(np.int8)
    scores = tk.maxsim(query, idf, [rare, common])
    assert scores[0] == pytest.approx(3.0 / 3.5, abs=0.01)
    assert scores[1] == pytest.approx(0.5 / 3.5, abs=0.01)
    assert tk.over_floor(scores, 0.1).tolist() == pytest.approx([1.0, (scores[1] - 0.1) / (scores[0] - 0.1)])


def test_a_word_piece_past_the_kbs_ids_weighs_as_the_rarest():
    query = tk.TokenVectors(np.array([0, 9], dtype=np.int32), np.eye(2, dtype=np.float32))
    passage = np.round(np.eye(2) * tk.SCALE).astype(np.int8)
    idf = np.array([1.0, 4.0], dtype=np.float32)
    assert tk.maxsim(query, idf, [passage])[0] == pytest.approx(1.0, abs=0.01)


def test_the_build_stores_each_rows_word_pieces_as_the_query_encoder_reads_them(seed_service):
    store = seed_service.store()
    tokens = store.tokens
    assert tokens is not None and len(tokens.offsets) == len(store.rows) + 1
    doc = next(iter(store.docs.values()))
    passage, embedded, _ = retrieval_texts(doc)[3]
    row = next(i for i, (p, _) in enumerate(store.rows) if p.id == passage.id)
    stored = tokens.row(row)
    _, query = seed_service.encoder().encode_query(embedded)
    assert stored.ids.tolist() == query.ids.tolist()
    assert np.abs(stored.vectors.astype(np.float32) / tk.SCALE - query.vectors).max() < 0.01
    pieces = seed_service.encoder().tokenizer.decode(stored.ids.tolist())
    words = [w for w in embedded.lower().split() if w.isalpha() and len(w) > 3]
    assert "," not in pieces and "." not in pieces and all(w in pieces for w in words)


def test_a_paraphrase_finds_its_sentence_by_its_word_pieces(seed_service):
    plain = seed_service.ask(FOUNDERS, top_k=3, config=SOURCE).results
    late = seed_service.ask(FOUNDERS, top_k=3).results
    assert not plain[0].text.startswith(CREATED)
    assert late[0].text.startswith(CREATED)
    assert 0 < late[0].scores["maxsim"] < 1


def test_the_query_vector_is_the_same_with_or_without_its_word_pieces(seed_service):
    vector, tokens = seed_service.embed_query_tokens("Who created IS-K?")
    alone = seed_service.encoder().encode(["Who created IS-K?"])[0]
    assert np.allclose(vector, alone, atol=1e-6)
    assert tokens is not None and len(tokens.ids) == len(tokens.vectors) >= 4


def test_a_build_without_word_pieces_searches_as_the_source_fusion(seed_copy):
    kb, index = seed_copy
    build = current_build_dir(index)
    assert build is not None
    for name in token_store.FILES:
        (build / name).unlink()
    service = Askisk(Paths(kb, index))
    assert service.store().tokens is None
    for question in (FOUNDERS, "When was IS-K created?", "What did McKenzie tell lawmakers?"):
        default = service.ask(question, top_k=5).results
        source = service.ask(question, top_k=5, config=SOURCE).results
        assert [h.passage_id for h in default] == [h.passage_id for h in source]
        assert all("maxsim" not in h.scores for h in default)


def test_a_new_build_reuses_the_word_pieces_and_restores_missing_ones(seed_copy):
    from askisk.encoder.embeddings import sentence_transformer_encoder
    from askisk.index.build import build_index

    kb, index = seed_copy
    old = current_build_dir(index)
    assert old is not None
    stored = np.load(old / token_store.VECTORS)
    np.save(old / token_store.VECTORS, -stored)  # marked: a build that re-encoded would not carry the sign
    build_index(Paths(kb, index), sentence_transformer_encoder)
    again = current_build_dir(index)
    assert again is not None and again != old
    assert np.array_equal(np.load(again / token_store.VECTORS), -stored)
    for name in token_store.FILES:
        (again / name).unlink()
    build_index(Paths(kb, index), sentence_transformer_encoder)
    restored = current_build_dir(index)
    assert restored is not None
    assert np.array_equal(np.load(restored / token_store.VECTORS), stored)


@pytest.mark.parametrize("damage", ["truncated", "foreign"])
def test_damaged_word_pieces_leave_the_answers_of_the_source_fusion(seed_copy, damage):
    """A cut or foreign token file only turns MaxSim off: ask answers as without it, with no traceback."""
    kb, index = seed_copy
    build = current_build_dir(index)
    assert build is not None
    if damage == "truncated":
        data = (build / token_store.VECTORS).read_bytes()
        (build / token_store.VECTORS).write_bytes(data[: len(data) // 2])
    else:  # the offsets of a kb with one row fewer
        offsets = np.load(build / token_store.OFFSETS)
        np.save(build / token_store.OFFSETS, offsets[:-1])
    service = Askisk(Paths(kb, index))
    assert service.store().tokens is None
    default = [h.passage_id for h in service.ask(FOUNDERS, top_k=5).results]
    assert default == [h.passage_id for h in service.ask(FOUNDERS, config=SOURCE).results]
    cli = run_cli("ask", "--kb", str(kb), "--index", str(index), "--json", FOUNDERS)
    assert cli.returncode == 0 and "Traceback" not in cli.stderr
    assert [h["passage_id"] for h in json.loads(cli.stdout)["results"]] == default


def test_an_index_from_before_the_word_pieces_is_rebuilt_with_them(seed_copy):
    """PIPELINE_VERSION 63: a build of 62 has no token files, counts as stale; the next ask rebuilds it."""
    from askisk.config import PIPELINE_VERSION

    kb, index = seed_copy
    build = current_build_dir(index)
    assert build is not None and PIPELINE_VERSION >= 63
    for name in token_store.FILES:
        (build / name).unlink()
    manifest = json.loads((build / "manifest.json").read_text(encoding="utf-8"))
    (build / "manifest.json").write_text(json.dumps({**manifest, "pipeline_version": 62}), encoding="utf-8")
    heard: list[str] = []
    service = Askisk(Paths(kb, index), notify=heard.append)
    late = service.ask(FOUNDERS, top_k=3).results
    assert any("older askisk" in line for line in heard)
    assert current_build_dir(index) != build and service.store().tokens is not None
    assert late[0].text.startswith(CREATED) and "maxsim" in late[0].scores


class _CountingEncoder:
    """The real encoder, with a count of each kind of call (what `askisk eval` pays per question)."""

    def __init__(self, real) -> None:
        self.real, self.batches, self.queries = real, 0, 0

    def encode(self, texts, batch_size=64):
        self.batches += 1
        return self.real.encode(texts, batch_size)

    def encode_query(self, text):
        self.queries += 1
        return self.real.encode_query(text)


def test_eval_reads_each_question_once_for_its_vector_and_word_pieces(seed_built):
    from askisk.evaluate.retrieval import build_qrels, load_questions, run_questions

    kb, index = seed_built
    service = Askisk(Paths(kb, index))
    counting = _CountingEncoder(service.encoder())
    service._encoder = counting
    answerable = [q for q in load_questions(ROOT / "kb" / "eval") if q.answerable][:5]
    qrels = build_qrels(answerable, [(p.id, p.text) for p, _ in service.store().rows])
    default = "hybrid+context+types+tmm+source+maxsim"
    report = run_questions(service, answerable, qrels, "seed", configs=[default, "dense"])
    assert (counting.batches, counting.queries) == (0, len(answerable))
    assert len(report.details[default]) == len(answerable)
