"""The service's query caches (`search.lru.Lru`): least recently used goes first, a hit computes nothing,
and many threads at once never grow it past its size."""

from __future__ import annotations

import threading

from askisk.search.lru import Lru


def test_the_least_recently_used_entry_goes_first():
    cache: Lru[str, int] = Lru(2)
    cache.put("a", 1)
    cache.put("b", 2)
    assert cache.get("a") == 1  # "a" is now the most recent
    cache.put("c", 3)
    assert "b" not in cache and cache.get("a") == 1 and cache.get("c") == 3
    assert len(cache) == 2


def test_a_hit_computes_nothing():
    cache: Lru[str, str] = Lru(4)
    calls: list[str] = []

    def compute() -> str:
        calls.append("x")
        return "value"

    assert cache.get_or_compute("q", compute) == "value"
    assert cache.get_or_compute("q", compute) == "value"
    assert calls == ["x"]
    cache.clear()
    assert cache.get_or_compute("q", compute) == "value" and calls == ["x", "x"]


def test_many_threads_never_grow_it_past_its_size():
    cache: Lru[int, int] = Lru(8)

    def work(offset: int) -> None:
        for i in range(500):
            key = (offset * 7 + i) % 40
            assert cache.get_or_compute(key, lambda key=key: key * 2) == key * 2

    threads = [threading.Thread(target=work, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(cache) == 8
