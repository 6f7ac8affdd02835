"""The cycle collector in a command: what lives to the end is made without it, then frozen."""

from __future__ import annotations

import gc

from innoscan.collector import kept_to_the_end, release


def test_kept_to_the_end_freezes_what_is_made_and_leaves_the_collector_as_it_was():
    assert gc.isenabled()
    before = gc.get_freeze_count()
    try:
        with kept_to_the_end():
            assert not gc.isenabled()
            made = [[] for _ in range(100)]
        assert gc.isenabled()
        assert gc.get_freeze_count() >= before + len(made)
        gc.disable()
        with kept_to_the_end():
            pass
        assert not gc.isenabled()  # left off, as it was
    finally:
        gc.enable()
        release()
    assert gc.get_freeze_count() == 0
