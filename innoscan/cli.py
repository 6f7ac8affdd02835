"""The `innoscan` command line. Subcommands that need no TUI never import textual."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from innoscan import __version__
from innoscan.cli_serve import add_serve_command, serve, warm_process
from innoscan.collector import kept_to_the_end, release
from innoscan.content.figures import ORG_TYPES
from innoscan.content.problems import InputError, system_problem
from innoscan.content.visible import data_safe, visible
from innoscan.locales import DEFAULT, Said, detect_language, languages, use_bank_words, word
from innoscan.render import formats
from innoscan.render.formats import DEFAULT as DEFAULT_FORMAT
from innoscan.store import system

EXIT_BAD_INPUT = 2
_OUTPUT = "write to FILE, not stdout"
_FORCE = "with -o: write over a result or input file, through a link, into a pipe (never a device)"


def _common() -> argparse.ArgumentParser:
    """--lang and --bank, before or after the subcommand (SUPPRESS: one never undoes the other)."""
    common = argparse.ArgumentParser(add_help=False, argument_default=argparse.SUPPRESS)
    common.add_argument(
        "--lang",
        metavar="LANG",
        help=f"language: {', '.join(languages())} or one the bank adds (default: the "
        f"language of LC_ALL/LANG if innoscan has its words, else {DEFAULT})",
    )
    bank = "use the question bank in DIR instead of the built-in one"
    common.add_argument("--bank", metavar="DIR", type=Path, help=bank)
    return common


def build_parser() -> argparse.ArgumentParser:
    """The parser with every subcommand, one line of help each."""
    common = _common()
    parser = argparse.ArgumentParser(
        prog="innoscan",
        description="A government team's self-assessment of its innovation capacity. "
        "Without a subcommand, innoscan starts the workshop TUI.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"innoscan {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")

    def sub(name: str, help: str, **more) -> argparse.ArgumentParser:
        return subparsers.add_parser(name, parents=[common], help=help, **more)

    p = sub("questions", "print the question bank (readable, or --json)")
    p.add_argument("--json", action="store_true", help="print the bank as JSON for other tools")
    p.set_defaults(func=cmd_questions)

    p = sub("validate", "check a question bank and summarise it, or list its problems")
    where = "bank folder (default: built-in)"
    p.add_argument("dir", nargs="?", type=Path, metavar="DIR", help=where)
    p.set_defaults(func=cmd_validate)

    p = sub("template", "write an answer sheet to fill in with a text editor")
    p.add_argument("--team", default="", help="team name to put in the sheet")
    _org_options(p, "organisation to put in the sheet")
    _year_option(p)
    _output_options(p)
    p.set_defaults(func=cmd_template)

    lang = "Without --lang, the report is in the language the result was made in."
    p = sub("report", "scores, benchmarks and risk flags of a result file", description=lang)
    p.add_argument("result", type=Path, metavar="RESULT.toml", help="a result file")
    _format_option(p, formats.FORMATS)
    _output_options(p)
    more = "add your own reference figures from FILE"
    p.add_argument("--benchmarks", type=Path, metavar="FILE", help=more)
    p.set_defaults(func=cmd_report)

    years = "compare results between years: scores, factors, flags, moved answers, actions"
    p = sub("compare", years)
    p.add_argument("results", nargs="+", type=Path, metavar="RESULT.toml", help="two or more")
    _format_option(p, formats.COMPARE_FORMATS)
    _output_options(p)
    p.set_defaults(func=cmd_compare)

    p = sub("overview", "all team results in DIR, side by side")
    p.add_argument("folder", nargs="?", type=Path, default=Path("innoscan-results"), metavar="DIR")
    p.add_argument("--year", type=_year, help="the year shown (default: the latest in DIR)")
    p.add_argument("--anonymise", action="store_true", help='name teams "Team A", "Team B", ...')
    _format_option(p, formats.OVERVIEW_FORMATS)
    _output_options(p)
    p.set_defaults(func=cmd_overview)

    p = sub("merge", "merge individual answers into a team profile")
    files = dict(nargs="+", type=Path, metavar="RESULT.toml")
    p.add_argument("results", **files, help="individual results")
    _output_options(
        p,
        "merge results of different years, teams or bank versions, and write over a result "
        "file or a link (-o over the team profile merge made before keeps its actions)",
    )
    names = "keep respondents' names in the profile (default: not)"
    p.add_argument("--names", action="store_true", help=names)
    p.set_defaults(func=cmd_merge)

    p = sub("run", "go straight to a team's first open question (the TUI, or --plain prompts)")
    p.add_argument("--team", required=True, help="team name")
    _org_options(p, "organisation")
    _year_option(p)
    plain = "plain numbered prompts on stdin/stdout (screen readers, braille, piped answers)"
    p.add_argument("--plain", action="store_true", help=plain)
    p.add_argument(
        "--individual",
        action="store_true",
        help="answer alone, in your own result file, to be merged into the team profile",
    )
    p.add_argument("--name", default="", help="with --individual: your name (default: anonymous)")
    p.add_argument("--participant", help=argparse.SUPPRESS)  # a browser's id, from `serve`
    p.add_argument("--warm", action="store_true", help=argparse.SUPPRESS)  # serve/warm.py
    _dir_option(p)
    p.set_defaults(func=cmd_run)

    p = add_serve_command(subparsers, common)  # cli_serve.py: `innoscan serve`, room view
    _year_option(p)
    _dir_option(p)
    p.set_defaults(func=cmd_serve)
    _dir_option(parser)
    return parser


def _year(text: str) -> int:
    """A year results can hold; anything else is refused by argparse (exit status 2)."""
    from innoscan.store.result import FIRST_YEAR, LAST_YEAR

    if not text.strip().isdigit() or not FIRST_YEAR <= int(text) <= LAST_YEAR:
        raise argparse.ArgumentTypeError(f"{text!r} is not a year from {FIRST_YEAR} to {LAST_YEAR}")
    return int(text)


def _year_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--year", type=_year, default=date.today().year, help="year (default: this year)"
    )


def _org_options(parser: argparse.ArgumentParser, org_help: str) -> None:
    parser.add_argument("--org", default="", help=org_help)
    parser.add_argument("--org-type", choices=ORG_TYPES, help="the kind of organisation")


def _format_option(parser: argparse.ArgumentParser, known: dict[str, formats.Format]) -> None:
    default = f"default: {DEFAULT_FORMAT}"
    parser.add_argument("--format", choices=list(known), default=DEFAULT_FORMAT, help=default)
    help = "with -o FILE, Markdown has its charts in FILE-charts/ (none when printed): skip them"
    parser.add_argument("--no-charts", action="store_true", help=help)


def _output_options(parser: argparse.ArgumentParser, force: str = _FORCE) -> None:
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", help=_OUTPUT)
    parser.add_argument("--force", action="store_true", help=force)


def _dir_option(parser: argparse.ArgumentParser) -> None:
    what, folder = "results folder (default: innoscan-results/ here)", Path("innoscan-results")
    parser.add_argument("--dir", type=Path, default=folder, metavar="DIR", help=what)


def cmd_tui(args: argparse.Namespace) -> int:
    """`innoscan` with no subcommand: the start screen."""
    from innoscan.tui.factory import make_app

    bank = _bank(args)
    return make_app(bank, args.lang, args.dir, lang_given=args.lang_given).run_to_end()


def cmd_run(args: argparse.Namespace) -> int:
    """`innoscan run`: a team's (or with --individual, one person's) first open question."""
    _team_given(args.team)
    bank = _bank(args)
    details = dict(team=args.team, year=args.year, organisation=args.org, org_type=args.org_type)
    if args.individual:
        details.update(mode="individual", respondent=args.name, participant=args.participant)
    elif args.name or args.participant:
        raise InputError.single("--name", "fits only with --individual")
    if args.plain:
        from innoscan.plain.prompts import run_plain
        from innoscan.store.session import ResultsFolder

        return run_plain(bank, ResultsFolder(args.dir), args.lang, **details)
    from innoscan.tui.factory import make_app

    if args.warm:  # `serve`'s warm process: each browser's app forked from it
        return warm_process(bank, args, details)
    return make_app(bank, args.lang, args.dir, lang_given=args.lang_given, **details).run_to_end()


def cmd_serve(args: argparse.Namespace) -> int:
    _team_given(args.team)
    return serve(_bank(args), args)  # a broken bank is named now, not in every browser


def cmd_questions(args: argparse.Namespace) -> int:
    from innoscan.render.bank_listing import bank_json, bank_text

    bank = _bank(args)
    if args.json:
        print(data_safe(json.dumps(bank_json(bank, args.lang), ensure_ascii=False, indent=2)))
    else:
        print(visible(bank_text(bank, args.lang), lines=True), end="")
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from innoscan.render.bank_listing import bank_summary

    bank = _bank(args, args.dir)
    print(visible(bank_summary(bank, args.lang), lines=True), end="")
    return 0


def cmd_template(args: argparse.Namespace) -> int:
    from innoscan.render.template import answer_sheet
    from innoscan.store.result import Result

    bank = _bank(args)
    org = {"organisation": args.org, "org_type": args.org_type}
    result = Result.new(bank, args.team, args.year, args.lang, **org)
    _emit(answer_sheet(bank, result, args.lang), args)
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from innoscan.content.loader import load_benchmark_file
    from innoscan.render.report import build_report
    from innoscan.store.result import load_result

    bank = _bank(args)
    loaded = load_result(args.result, bank)
    _warn(loaded.warnings, args.lang)
    indicators = load_benchmark_file(args.benchmarks, bank) if args.benchmarks else None
    lang = args.lang
    if not args.lang_given and loaded.result.meta.language in languages():
        lang = loaded.result.meta.language
    report = build_report(bank, loaded, lang, indicators)
    _output_allowed(args, [args.result])  # before any chart is drawn beside it
    content = formats.report_file(report, args.format, args.output, not args.no_charts)
    _emit(content, args, [args.result])
    return 0


def cmd_compare(args: argparse.Namespace) -> int:
    from innoscan.assess.compare import compare_results

    bank = _bank(args)
    loaded = _load_all(bank, args.results, args.lang)
    comparison = compare_results(bank, loaded)
    _output_allowed(args, args.results)
    charts = not args.no_charts
    content = formats.compare_file(comparison, args.lang, args.format, args.output, charts)
    _emit(content, args, args.results)
    return 0


def cmd_overview(args: argparse.Namespace) -> int:
    from innoscan.assess.overview import build_overview
    from innoscan.render.overview_report import left_out

    with kept_to_the_end():  # the results read, as the bank
        ov = build_overview(_bank(args), args.folder, args.year, args.anonymise)
    _output_allowed(args)  # before any chart is drawn beside it
    _emit(formats.overview_file(ov, args.lang, args.format, args.output, not args.no_charts), args)
    sys.stderr.writelines(f"innoscan: {visible(line)}\n" for line in left_out(ov, args.lang))
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    from innoscan.assess.merge import merge, merged_before

    bank = _bank(args)
    loaded = _load_all(bank, args.results, args.lang)
    merged = merge(bank, loaded, force=args.force, names=args.names)
    earlier = merged_before(bank, args.output, merged.result) if args.output else None
    if earlier is not None:  # merged again (late respondents): the team's actions stay
        merged.result.actions = earlier.actions
        merged.result.meta.created = earlier.meta.created
    _warn(merged.warnings, args.lang)
    _emit(merged.result.to_toml(), args, args.results, replace_result=earlier is not None)
    info, lang = merged.result.merge, args.lang
    found = dict(count=len(info.disagreements), questions=", ".join(info.disagreements) or "-")
    _say(lang, "cli.merged", respondents=info.respondents, **found)
    if earlier is not None:
        _say(lang, "cli.kept_actions", count=len(earlier.actions), path=args.output)
    return 0


def _load_all(bank, paths: list[Path], lang: str):
    """Every result file read and checked (all their problems together); warnings said."""
    from innoscan.store.result import load_results

    loaded = load_results(paths, bank)
    _warn([warning for item in loaded for warning in item.warnings], lang)
    return loaded


def _output_allowed(args: argparse.Namespace, inputs: Sequence[Path] = ()) -> None:
    """Refuse a -o that may not be written (store/output.py) before anything is made for it."""
    if args.output is not None:
        from innoscan.store.output import checked_output

        checked_output(args.output, args.force, inputs)


def _emit(
    text: str | bytes, args: argparse.Namespace, inputs: Sequence[Path] = (), replace_result=False
) -> None:
    """Print (bytes into a pipe or file only), or write to -o (store/output.py: what it never
    overwrites); say where it went."""
    if args.output is None and isinstance(text, bytes) and sys.stdout.isatty():
        raise InputError.single("--format", "a binary file: give -o FILE, or redirect")
    if args.output is None:
        sys.stdout.buffer.write(text) if isinstance(text, bytes) else sys.stdout.write(text)
        return
    from innoscan.store.output import write_output

    write_output(args.output, text, args.force, inputs, replace_result)
    _say(args.lang, "cli.wrote", path=args.output)


def _team_given(team: str) -> None:
    """A team's results need its name: an empty or blank --team is refused."""
    from innoscan.store.names import is_blank

    if is_blank(team):
        raise InputError.single("--team", "is empty: give the team's name")


def _warn(warnings: list[Said], lang: str) -> None:
    """Warnings on standard error in `lang`, a line each."""
    for warning in warnings:
        _say(lang, "cli.warning", text=warning.text(lang))


def _say(lang: str, key: str, **values) -> None:
    """A line on stderr in the reader's language, control characters from files made visible."""
    print(visible(word(key, lang, **values)), file=sys.stderr)


def _bank(args: argparse.Namespace, folder: Path | None = None):
    """The bank (`folder`, --bank or the built-in one) with its words; then args.lang is one
    that has words, or a one-line problem."""
    from innoscan.content.loader import load_bank, load_words

    with kept_to_the_end():
        bank = load_bank(folder or args.bank)
        use_bank_words(load_words(bank.path))
    known = languages(bank.languages)
    if not args.lang_given:
        args.lang = detect_language()  # the bank's words may have added the locale's language
    elif args.lang not in known:
        problem = f"no interface words for {args.lang!r}; known: {', '.join(known)}"
        raise InputError.single("--lang", problem)
    return bank


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; bad input gives one line per problem and exit status 2."""
    system.never_unprintable(sys.stdout, sys.stderr)
    args = build_parser().parse_args(argv)
    args.lang = getattr(args, "lang", None)
    args.bank = getattr(args, "bank", None)
    args.lang_given = args.lang is not None
    args.lang = detect_language(args.lang)
    func: Callable[[argparse.Namespace], int] | None = getattr(args, "func", None)
    try:
        return (func or cmd_tui)(args)
    except InputError as exc:
        sys.stderr.writelines(f"innoscan: {problem}\n" for problem in exc.problems)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader went away (`| head`): stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except OSError as exc:  # the system refused (a folder not to be looked into): one line
        print(f"innoscan: {system_problem(exc)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as exc:  # a bug: say so in one line (INNOSCAN_DEBUG=1 shows the traceback)
        if os.environ.get("INNOSCAN_DEBUG"):
            raise
        bug = f"unexpected error ({type(exc).__name__}: {visible(exc)}); please report it"
        print(f"innoscan: {bug}", file=sys.stderr)
        return 1
    finally:
        release()  # main called in a process that goes on (the tests): collected again
