"""A corpus of hostile result files (issue 21): each a change to a good result of Team Data
2026, and the key that the one line refusing it must name (None: no key, or accepted).

`text_cases` are texts (written as a file anywhere); `special_cases` are things in place of a
file (a named pipe, a link to /dev/zero, a file of mode 000), made in a folder."""

from __future__ import annotations

import os
import random
import re
from collections.abc import Callable
from pathlib import Path

from answer_sets import STRONG

from innoscan.assess.merge import merge
from innoscan.content.bank import Bank
from innoscan.store.result import LoadedResult, Result

TEAM, YEAR = "Team Data", 2026
FILE_NAME = "team-data-2026.toml"  # the file innoscan gives Team Data 2026


def good_result(bank: Bank) -> str:
    """A complete result of Team Data 2026."""
    result = Result.new(bank, TEAM, YEAR, "en", organisation="Kadaster", status="complete")
    result.answers.update(STRONG)
    return result.to_toml()


def good_profile(bank: Bank) -> str:
    """A team profile merged from two respondents who disagree on leadership.vision."""
    loaded = []
    for name, vision in (("A", 1), ("B", 5)):
        result = Result.new(bank, TEAM, YEAR, "en", mode="individual", respondent=name)
        result.answers.update(STRONG, **{"leadership.vision": vision})
        loaded.append(LoadedResult(result, Path(f"{name}.toml")))
    return merge(bank, loaded).result.to_toml()


def _meta(key: str, value: str) -> Callable[[str], str]:
    """The result with `key = value` in its [meta] (in place of the key's line, if any)."""

    def change(text: str) -> str:
        text = re.sub(rf"^{key} = .*\n", "", text, flags=re.M)
        return text.replace("[meta]\n", f"[meta]\n{key} = {value}\n", 1)

    return change


def _merge(pattern: str, value: str) -> Callable[[str], str]:
    """The profile with the first line matching `pattern` (in [merge]) replaced by `value`."""

    def change(text: str) -> str:
        head, marker, tail = text.partition("[merge]")
        return head + marker + re.sub(pattern, value, tail, count=1, flags=re.M)

    return change


def _unknown_answers(count: int) -> Callable[[str], str]:
    def change(text: str) -> str:
        extra = "".join(f'"gone.q{i}" = 1\n' for i in range(count))
        return text.replace("[answers]\n", f"[answers]\n{extra}", 1)

    return change


def _garbage(_: str) -> bytes:
    return bytes(random.Random(21).randrange(256) for _ in range(4096))


# name: (made from the profile?, the change, the key its refusal names or None)
TEXT_CASES: dict[str, tuple[bool, Callable[[str], str | bytes], str | None]] = {
    "date_year_1": (False, _meta("updated", "0001-01-01T00:00:00"), "meta.updated"),
    "date_before_1970": (False, _meta("created", "1960-01-01T00:00:00Z"), "meta.created"),
    "date_far_future": (False, _meta("updated", "9999-12-31T23:59:59-23:00"), "meta.updated"),
    "date_as_huge_number": (False, _meta("updated", "1" + "0" * 18), "meta.updated"),
    "bank_version_5000_digits": (False, _meta("bank_version", f'"{"1" * 5000}"'), "meta.bank_version"),
    "team_5000_letters": (False, _meta("team", f'"{"a" * 5000}"'), "meta.team"),
    "answer_5000_digits": (
        False,
        lambda t: t.replace('"leadership.vision" = 5', '"leadership.vision" = ' + "1" * 5000),
        None,
    ),
    "answer_1e18": (
        False,
        lambda t: t.replace('"leadership.vision" = 5', '"leadership.vision" = 1000000000000000000'),
        "answers.leadership.vision",
    ),
    "respondents_1e18": (True, _meta("respondents", "1000000000000000000"), "meta.respondents"),
    "count_1e18": (
        True,
        _merge(r"^(\S+) = 1$", r"\1 = 1000000000000000000"),
        "merge.questions.",
    ),
    "disagreement_not_in_questions": (
        True,
        _merge(r"^disagreements = \[", 'disagreements = [\n    "activity.underway",'),
        "merge.disagreements",
    ),
    "settled_not_in_questions": (
        True,
        _merge(r"^disagreements = ", 'settled = ["gone.question"]\ndisagreements = '),
        "merge.settled",
    ),
    "300_unknown_answers": (False, _unknown_answers(300), None),
    "utf8_bom": (False, lambda t: "\ufeff" + t, None),
    "empty": (False, lambda t: "", None),
    "binary_garbage": (False, _garbage, None),
    "nested_3000_deep": (False, lambda t: t + "x = " + "[" * 3000 + "]" * 3000 + "\n", None),
    "not_a_result": (False, lambda t: 'title = "a shopping list"\n', None),
}


def text_case(bank: Bank, name: str) -> str | bytes:
    """The hostile file's contents."""
    from_profile, change, _ = TEXT_CASES[name]
    return change(good_profile(bank) if from_profile else good_result(bank))


def make_fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def make_dev_zero_link(path: Path) -> Path:
    path.symlink_to("/dev/zero")
    return path


def make_mode_000(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    path.chmod(0)
    return path
