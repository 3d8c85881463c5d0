"""Index builds: back-to-back builds get distinct folders, and the live pointer always names a whole build."""

from __future__ import annotations

from askisk.config import Paths
from askisk.encoder.embeddings import sentence_transformer_encoder
from askisk.index.layout import current_build_dir
from askisk.index.select import backend_for


def test_back_to_back_builds_in_one_second_do_not_collide(store_copy, store):
    kb, index = store_copy
    paths = Paths(kb, index)
    backend = backend_for(store)
    reports = [backend.build(paths, sentence_transformer_encoder) for _ in range(3)]
    assert len({r.build_id for r in reports}) == 3
    assert all(r.embedded == 0 for r in reports)  # nothing changed: everything reused
    assert current_build_dir(index).name == reports[-1].build_id
    assert backend.load(paths).manifest["build_id"] == reports[-1].build_id
    kept = [p.name for p in (index / "builds").iterdir()]
    assert reports[-1].build_id in kept and not [n for n in kept if n.startswith(".tmp-")]
