"""The cache of validated banks (content/bank_cache.py): a bank validated once is read back
only as it was validated; any change, damage or stranger's hand and it is loaded in full."""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import sys
from pathlib import Path

import pytest

from innoscan.content import bank_cache, loader
from innoscan.content.loader import load_bank
from innoscan.content.problems import InputError


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("INNOSCAN_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def full_loads(monkeypatch) -> list[Path]:
    """The bank folders loaded in full (not from the cache), in order."""
    seen: list[Path] = []
    original = loader._validated_bank

    def counting(root: Path):
        seen.append(root)
        return original(root)

    monkeypatch.setattr(loader, "_validated_bank", counting)
    return seen


def cache_files(cache: Path) -> list[Path]:
    return sorted((cache / "banks").glob("*.pickle"))


def test_a_bank_validated_once_comes_back_from_the_cache_as_it_was(cache, mini_bank, full_loads):
    first = load_bank(mini_bank)
    second = load_bank(mini_bank)
    assert full_loads == [mini_bank]
    assert len(cache_files(cache)) == 1
    assert second == first
    assert second.model_dump() == first.model_dump()
    assert second.question("alpha.how").options[0].id == "well"
    assert second.path == mini_bank


def test_the_built_in_bank_from_the_cache_scores_as_the_full_load(cache, full_loads):
    from answer_sets import STRONG

    from innoscan.assess.flags import flags
    from innoscan.assess.scoring import score

    first, second = load_bank(), load_bank()
    assert len(full_loads) == 1
    assert score(second, STRONG) == score(first, STRONG)
    assert [f.rule.id for f in flags(second, STRONG)] == [f.rule.id for f in flags(first, STRONG)]


def test_a_changed_bank_file_is_read_again(cache, mini_bank, full_loads):
    load_bank(mini_bank)
    section = mini_bank / "sections" / "alpha.toml"
    section.write_text(section.read_text().replace('en = "Alpha"', 'en = "Alpha, changed"'))
    changed = load_bank(mini_bank)
    assert changed.section("alpha").title["en"] == "Alpha, changed"
    assert load_bank(mini_bank).section("alpha").title["en"] == "Alpha, changed"
    assert full_loads == [mini_bank, mini_bank]


def test_a_file_added_to_the_bank_is_read(cache, mini_bank, full_loads):
    assert load_bank(mini_bank).changes == []
    (mini_bank / "changes.toml").write_text(
        '[[changes]]\nversion = "1"\nquestions = ["alpha.did"]\n'
        'note = { en = "Asked otherwise.", nl = "Anders gevraagd." }\n'
    )
    assert [c.questions for c in load_bank(mini_bank).changes] == [["alpha.did"]]
    assert len(full_loads) == 2


def test_a_broken_bank_is_never_cached(cache, mini_bank, full_loads):
    (mini_bank / "sections" / "beta.toml").write_text("[section]\nid = 3\n")
    for _ in range(2):
        with pytest.raises(InputError):
            load_bank(mini_bank)
    assert len(full_loads) == 2
    assert cache_files(cache) == []


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"",
        lambda data: b"not a cache at all",
        lambda data: data[: len(data) // 2],  # cut short
        lambda data: data[:-10] + bytes(10),  # its data changed, its hash not
    ],
    ids=["empty", "foreign", "truncated", "changed"],
)
def test_a_damaged_cache_is_passed_by_and_made_again(cache, mini_bank, full_loads, damage):
    expected = load_bank(mini_bank)
    [path] = cache_files(cache)
    path.write_bytes(damage(path.read_bytes()))
    assert load_bank(mini_bank) == expected
    assert len(full_loads) == 2
    assert load_bank(mini_bank) == expected  # the cache was written again, whole
    assert len(full_loads) == 2


class _Runs:
    """A pickle that would run a command when loaded by an unpickler that allowed it."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def test_a_cache_that_would_run_code_is_refused(cache, mini_bank, full_loads, tmp_path):
    expected = load_bank(mini_bank)
    [path] = cache_files(cache)
    marker = tmp_path / "ran"
    payload = pickle.dumps(_Runs(marker))
    key = bank_cache.bank_key(mini_bank)  # a forger who knows the key and the hash
    path.write_bytes(bank_cache._MAGIC + key + hashlib.sha256(payload).digest() + payload)
    assert load_bank(mini_bank) == expected
    assert not marker.exists()
    assert len(full_loads) == 2


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX file modes")
def test_a_cache_others_may_write_is_not_trusted(cache, mini_bank, full_loads):
    load_bank(mini_bank)
    [path] = cache_files(cache)
    assert path.stat().st_mode & 0o777 == 0o600
    path.chmod(0o666)
    load_bank(mini_bank)
    assert len(full_loads) == 2


def test_the_key_holds_innoscans_content_models(cache, mini_bank, tmp_path, monkeypatch):
    code = tmp_path / "content"
    shutil.copytree(bank_cache._CODE, code, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(bank_cache, "_CODE", code)
    before = bank_cache.bank_key(mini_bank)
    kinds = code / "kinds" / "base.py"
    kinds.write_text(kinds.read_text() + "\n# a model changed\n")
    assert bank_cache.bank_key(mini_bank) != before


def test_the_same_bank_by_another_path_keeps_the_path_given(cache, mini_bank, monkeypatch):
    load_bank(mini_bank)
    monkeypatch.chdir(mini_bank.parent)
    again = load_bank(Path(mini_bank.name))
    assert again.path == Path(mini_bank.name)


def test_no_cache_when_it_is_switched_off_or_cannot_be_written(
    tmp_path, mini_bank, monkeypatch, full_loads
):
    monkeypatch.setenv("INNOSCAN_CACHE_DIR", "")
    load_bank(mini_bank)
    load_bank(mini_bank)
    assert len(full_loads) == 2
    blocked = tmp_path / "a file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("INNOSCAN_CACHE_DIR", str(blocked / "cache"))
    assert load_bank(mini_bank).id
    assert len(full_loads) == 3


@pytest.mark.parametrize(
    ("platform", "environ", "expected"),
    [
        ("win32", {"LOCALAPPDATA": r"C:\Users\an\AppData\Local"}, "innoscan/Cache"),
        ("darwin", {"HOME": "/Users/an"}, "/Users/an/Library/Caches/innoscan"),
        ("linux", {"HOME": "/home/an"}, "/home/an/.cache/innoscan"),
        ("linux", {"HOME": "/home/an", "XDG_CACHE_HOME": "/var/c"}, "/var/c/innoscan"),
        ("linux", {"INNOSCAN_CACHE_DIR": "/x"}, "/x"),
    ],
)
def test_the_cache_folder_of_each_system(monkeypatch, platform, environ, expected):
    monkeypatch.setattr(sys, "platform", platform)
    found = bank_cache.cache_dir(environ)
    assert found is not None
    assert found.as_posix().endswith(expected)
    if platform == "win32":
        assert str(found).startswith(environ["LOCALAPPDATA"])


def test_no_cache_folder_on_windows_without_localappdata(monkeypatch):
    monkeypatch.setattr(sys, "platform", "win32")
    assert bank_cache.cache_dir({}) is None
    assert bank_cache.cache_dir({"INNOSCAN_CACHE_DIR": ""}) is None


def test_the_built_in_words_come_with_the_bank_and_their_files_are_in_the_key(
    cache, mini_bank, tmp_path, monkeypatch
):
    from innoscan import locales

    expected = locales.builtin_catalogues()
    load_bank(mini_bank)
    monkeypatch.setattr(locales, "_builtin", {})
    monkeypatch.setattr(locales.tomllib, "loads", None)  # a catalogue read again would fail
    load_bank(mini_bank)
    assert locales.builtin("nl") == expected["nl"]
    assert locales.word("yes", "nl") == expected["nl"]["yes"]
    monkeypatch.undo()
    words = tmp_path / "locales"
    shutil.copytree(locales.FOLDER, words, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    monkeypatch.setenv("INNOSCAN_CACHE_DIR", str(cache))
    monkeypatch.setattr(bank_cache, "_WORDS", words)
    before = bank_cache.bank_key(mini_bank)
    (words / "en.toml").write_text((words / "en.toml").read_text() + '\nextra = "word"\n')
    assert bank_cache.bank_key(mini_bank) != before
