"""Interface words as data: every word the code asks for is in every catalogue, no catalogue
holds a word nobody asks for, and a language added by files alone runs a whole questionnaire."""

from __future__ import annotations

import ast
import re
import shutil
import tomllib
import typing
from pathlib import Path

import pytest
import tomli_w
from answer_sets import STRONG
from processes import run_process
from test_plain import lines_for

from innoscan.content.figures import ORG_TYPES, Figure
from innoscan.content.kinds import QUESTION_KINDS, Origin
from innoscan.content.loader import builtin_bank_dir, load_bank
from innoscan.content.risks import Severity
from innoscan.content.scoring_rules import FactorStatus
from innoscan.locales import DEFAULT, LANGUAGES, builtin, placeholders
from innoscan.render.formats import FORMATS
from innoscan.render.overview_report import SKIP_REASONS
from innoscan.store.result import Action, Meta, Status

PACKAGE = Path(__file__).parents[1] / "innoscan"

# Functions that take a word's key as their first argument, and what they put before it.
WORD_CALLS = {
    **{"word": "", "w": "", "has_word": "", "_tell": "", "_rescue": "", "t": "sheet."},
    "Said": "",  # a word said later, in the reader's language
}


def _calls(folder: Path):
    for path in folder.rglob("*.py"):
        if path.parent.name != "locales":
            yield from (n for n in ast.walk(ast.parse(path.read_text())) if isinstance(n, ast.Call))


def _literals(annotation) -> tuple[str, ...]:
    """The strings of a Literal[...] (also inside Optional)."""
    found = [a for a in typing.get_args(annotation) if isinstance(a, str)]
    for inner in typing.get_args(annotation):
        found += _literals(inner)
    return tuple(found)


def _binding_actions() -> set[str]:
    """The actions of the TUI's key bindings: their footer words are key.ACTION, keys.ACTION."""
    actions = set()
    for call in _calls(PACKAGE / "tui"):
        if getattr(call.func, "id", None) != "Binding":
            continue
        given = {k.arg: k.value for k in call.keywords}
        if isinstance(given.get("id"), ast.Constant):  # the footer's word is key.ID
            actions.add(given["id"].value)
        action = call.args[1] if len(call.args) > 1 else given.get("action")
        if isinstance(action, ast.JoinedStr):  # f"pick({n})"
            action = action.values[0]
        if isinstance(action, ast.Constant):
            actions.add(action.value.split("(")[0].removeprefix("app.").removeprefix("screen."))
    return actions


# Keys built in code (f"factor.{status}"): the prefix, and every suffix it can get.
DYNAMIC = {
    "kind.": tuple(QUESTION_KINDS),  # every kind a bank may use, not only the built-in one's
    "status.": _literals(Status) + _literals(Action.model_fields["status"].annotation),
    "mode.": _literals(Meta.model_fields["mode"].annotation),
    "factor.": _literals(FactorStatus),
    "severity.": _literals(Severity),
    "q.": _literals(Figure.model_fields["qualifier"].annotation),
    "org_type.": (*ORG_TYPES, "unknown"),
    "origin.": _literals(Origin),
    "tui.notes": ("", "_own"),
    "tui.notes_hint": ("", "_own"),
    "tui.welcome_back": ("", "_own"),
    "sheet.": (),  # the keys given to template's t(), found as literals
    "format.": tuple(FORMATS),
    "skip.": SKIP_REASONS,
    "skipped.": SKIP_REASONS,
}
def _textual_actions() -> set[str]:
    """Textual's own bindings (Tab, copy, the palette): their words are key.ACTION too."""
    from textual.app import App
    from textual.screen import Screen

    bindings = [*App.BINDINGS, *Screen.BINDINGS]
    actions = {b.action.split(".")[-1] for b in bindings if b.description}
    return actions | {"command_palette"}  # the binding Textual adds for App.COMMAND_PALETTE_BINDING


ACTIONS = _binding_actions() | _textual_actions()
OPTIONAL = {"key.": ACTIONS, "keys.": ACTIONS}  # has_word() guards them


def _branches(node: ast.expr):
    """`a if c else b` is two keys."""
    if isinstance(node, ast.IfExp):
        yield from _branches(node.body)
        yield from _branches(node.orelse)
    else:
        yield node


def _keys_in_calls() -> tuple[set[str], set[str]]:
    """Literal keys given to word() and its wrappers, and the prefixes of keys built there."""
    literal, prefixes = set(), set()
    for call in _calls(PACKAGE):
        name = getattr(call.func, "id", None) or getattr(call.func, "attr", None)
        if name not in WORD_CALLS or not call.args:
            continue
        for arg in _branches(call.args[0]):
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                literal.add(WORD_CALLS[name] + arg.value)
            elif isinstance(arg, ast.JoinedStr) and isinstance(arg.values[0], ast.Constant):
                prefixes.add(arg.values[0].value)
            elif isinstance(arg, ast.BinOp) and isinstance(arg.left, ast.Constant):
                prefixes.add(arg.left.value)
    return literal, prefixes


def _dotted_literals() -> set[str]:
    """Every string in the code shaped like a word's dotted key ("help.start", "cmp.new"),
    wherever it stands: keys handed around before they reach word()."""
    families = {key.split(".")[0] for key in builtin(DEFAULT) if "." in key}
    found = set()
    for path in PACKAGE.rglob("*.py"):
        if path.parent.name == "locales":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                head, dot, rest = node.value.partition(".")
                is_file = rest in ("tcss", "toml", "md", "py")  # "merge.tcss" is a file name
                if dot and head in families and re.fullmatch(r"[a-z0-9_.\-]+", rest) and not is_file:
                    found.add(node.value)
    return found


def _used_keys() -> set[str]:
    literal, _ = _keys_in_calls()
    built = {prefix + suffix for prefix, suffixes in DYNAMIC.items() for suffix in suffixes}
    return literal | built | _dotted_literals()


def test_every_key_built_in_code_has_its_suffixes_listed_here():
    _, prefixes = _keys_in_calls()
    assert prefixes <= set(DYNAMIC) | set(OPTIONAL), "add the new prefix to DYNAMIC"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_word_the_code_uses_is_in_every_catalogue(lang):
    assert sorted(_used_keys() - set(builtin(lang))) == []


def test_no_catalogue_holds_a_word_nobody_uses():
    optional = {p + action for p, actions in OPTIONAL.items() for action in actions}
    assert sorted(set(builtin(DEFAULT)) - _used_keys() - optional - {"language.name"}) == []


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != DEFAULT])
def test_every_catalogue_has_the_same_keys_and_placeholders(lang):
    reference, words = builtin(DEFAULT), builtin(lang)
    assert sorted(set(reference) ^ set(words)) == []
    different = [k for k in reference if placeholders(reference[k]) != placeholders(words[k])]
    assert different == []


def test_the_built_in_languages_are_the_catalogues_beside_the_package():
    assert set(LANGUAGES) == {"nl", "en"} and DEFAULT in LANGUAGES
    assert builtin("nl")["language.name"] == "Nederlands"


def test_a_bank_word_that_is_wrong_is_named_with_its_file(cli, mini_bank):
    (mini_bank / "locales").mkdir()
    (mini_bank / "locales" / "nl.toml").write_text(
        'plain.first = "Eerste!"\ntypo.word = "x"\nn_of_m = "{n} van {total}"\nyes = 1\n'
    )
    result = cli("validate", mini_bank)
    assert result.code == 2 and result.out == ""
    path = mini_bank / "locales" / "nl.toml"
    assert result.err.splitlines() == [
        f"innoscan: {path}: yes: must be a text in quotes",
        f"innoscan: {path}: typo.word: not a word innoscan uses",
        f"innoscan: {path}: n_of_m: must use the same {{names}} as the built-in word: {{m}}, {{n}}",
    ]


# ── a third language, from files only ──────────────────────────────────────────────────────

PSEUDO = "xx"
TELLTALES = [  # English interface words a whole run and its report show
    "Why we ask:",
    "Choose 1-",
    "Type a number",
    "Type your answer",
    "Summary",
    "Scores per section",
    "Reference figures",
    "Last-mile risks",
    "Appendix: all answers",
]


def _pseudo(text: str) -> str:
    return f"[{PSEUDO}] {text}"


def _add_pseudo_texts(data):
    """Every text ({nl = ..., en = ...}, or an option's {id = ..., nl = ..., en = ...}) given
    an xx text too."""
    if isinstance(data, dict):
        texts = {key: _add_pseudo_texts(value) for key, value in data.items()}
        if isinstance(data.get("en"), str) and isinstance(data.get("nl"), str):
            texts[PSEUDO] = _pseudo(data["en"])
        return texts
    if isinstance(data, list):
        return [_add_pseudo_texts(item) for item in data]
    return data


@pytest.fixture(scope="module")
def pseudo_bank(tmp_path_factory) -> Path:
    """The built-in bank with a language xx added: texts and interface words, no Python."""
    bank = tmp_path_factory.mktemp("pseudo") / "bank"
    shutil.copytree(builtin_bank_dir(), bank)
    for path in bank.rglob("*.toml"):
        data = _add_pseudo_texts(tomllib.loads(path.read_text()))
        if path.name == "bank.toml":
            data["languages"].append(PSEUDO)
        path.write_text(tomli_w.dumps(data))
    words = {key: _pseudo(text) for key, text in builtin("en").items()}
    (bank / "locales").mkdir()
    (bank / "locales" / f"{PSEUDO}.toml").write_text(tomli_w.dumps(words))
    return bank


def _untranslated(text: str) -> list[str]:
    text = text.replace("\\[", "[").replace("\\]", "]")  # Markdown's escapes (a chart's alt text)
    return [t for t in TELLTALES if re.search(rf"(?<!\[{PSEUDO}\] ){re.escape(t)}", text)]


def test_a_language_added_by_files_alone_runs_a_questionnaire_and_a_report(tmp_path, pseudo_bank):
    lines = "".join(f"{line}\n" for line in lines_for(STRONG))
    common = ("--bank", pseudo_bank, "--lang", PSEUDO)
    run = run_process(
        *common, "run", "--plain", "--team", "T", "--year", "2026", "--dir", "out", cwd=tmp_path, stdin=lines
    )
    assert run.code == 0, run.err
    assert run.err == ""
    assert re.search(r"^\[xx\] Question 1 of \d+ · section 1 of \d+: \[xx\] Innovation activity$", run.out, re.M)
    assert "[xx] Why we ask: [xx] " in run.out
    assert _untranslated(run.out) == []

    result = tmp_path / "out" / "t-2026.toml"
    assert tomllib.loads(result.read_text())["meta"]["language"] == PSEUDO
    report = run_process(*common, "report", result, cwd=tmp_path)
    assert report.code == 0, report.err
    assert report.out.startswith("# [xx] Innovation scan: T")
    assert "## [xx] Summary" in report.out and "[xx] Last-mile risks" in report.out
    assert _untranslated(report.out) == []
    # without --lang, a report is in the language the result was made in
    assert run_process("--bank", pseudo_bank, "report", result, cwd=tmp_path).out == report.out


def test_the_last_mile_is_called_as_the_banks_section_is_in_dutch():
    section = load_bank().section("last_mile")
    assert section is not None and section.title["nl"] == "De laatste kilometer"
    assert not [k for k, text in builtin("nl").items() if "laatste mijl" in text]
