"""The runtime's caches: computed once however many views ask at once, bounded, per runtime."""

from __future__ import annotations


def test_the_runtime_memo_computes_once_for_parallel_askers_and_forgets_the_oldest():
    import threading
    import time

    from dashboard.web.runtime import Memo

    memo, calls = Memo(kept_per_name=2), []

    def slow():
        calls.append(1)
        time.sleep(0.05)
        return object()

    results = []
    threads = [threading.Thread(target=lambda: results.append(memo.get("a", 1, slow))) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(calls) == 1 and all(r is results[0] for r in results)
    memo.get("a", 2, object)
    memo.get("a", 3, object)  # keeps two: key 1 is forgotten
    assert memo.get("a", 1, slow) is not results[0] and len(calls) == 2
