"""Four kinds of team, worked out by hand as a domain expert would read them, in Dutch and
English: the status of each success factor with the answers that decided it, and the flags.

- STRONG: an executive agency that innovates well: every factor present, no flag.
- CHAIN_NOT_READY: a forensic institute, strong in every factor; its risk is the chain partner
  that must take the innovation over and is not ready (capacity, systems, mandate), and it
  keeps no overview of stopped or failed innovations.
- STOPPED: a core-ministry department that stopped innovating because innovation was cut
  first: nothing in use, nothing under way, every factor absent; the root cause right after
  the finding, and no flag from the last mile of innovations it does not have.
- PILOT_STUCK: a municipal team whose pilot is done but that nobody pays for afterwards: the
  pilot paradox, no owner, the benefits in another organisation's wallet, and work under way
  instead of "not innovating".
"""

from __future__ import annotations

import pytest
from answer_sets import FOUR_TEAMS
from processes import run_process
from test_plain import lines_for

from innoscan.assess.flags import flags
from innoscan.assess.scoring import score
from innoscan.content.loader import load_bank
from innoscan.locales import word
from innoscan.render.report import factor_reason

BANK = load_bank()

EXPECTED = {
    "strong": {
        "factors": {
            "leadership": (
                "present",
                "Leadership's vision: Strongly agree (5); Innovation strategy: Yes, written down "
                "and actually used",
                "Visie van de leiding: Helemaal eens (5); Innovatiestrategie: Ja, vastgelegd en "
                "ook echt in gebruik",
            ),
            "collaboration": (
                "present",
                "Partners outside the organisation: Other government organisations; Partners in "
                "the delivery chain; Universities, universities of applied sciences or research "
                "institutes; Citizens or users",
                "Partners buiten de organisatie: Andere overheidsorganisaties; Ketenpartners; "
                "Kennisinstellingen (universiteiten, hogescholen, onderzoeksinstituten); Burgers "
                "of gebruikers",
            ),
            "roles": ("present", "Innovation role: yes", "Innovatierol: ja"),
        },
        "flags": [],
    },
    "chain_not_ready": {
        "factors": {
            "leadership": (
                "present",
                "Leadership's vision: Agree (4); Innovation strategy: Yes, written down and "
                "actually used",
                "Visie van de leiding: Eens (4); Innovatiestrategie: Ja, vastgelegd en ook echt "
                "in gebruik",
            ),
            "collaboration": (
                "present",
                "Partners outside the organisation: Other government organisations; Partners in "
                "the delivery chain; Universities, universities of applied sciences or research "
                "institutes",
                "Partners buiten de organisatie: Andere overheidsorganisaties; Ketenpartners; "
                "Kennisinstellingen (universiteiten, hogescholen, onderzoeksinstituten)",
            ),
            "roles": ("present", "Innovation role: yes", "Innovatierol: ja"),
        },
        "flags": [
            (
                "adopters_not_ready",
                "Those who must take the innovation over are not ready for it",
                "Wie de innovatie moet overnemen, is er nog niet klaar voor",
            ),
            (
                "no_failure_log",
                "No overview of stopped or failed innovations",
                "Geen overzicht van gestopte of mislukte innovaties",
            ),
        ],
    },
    "stopped": {
        "factors": {
            "leadership": (
                "absent",
                "Leadership's vision: Disagree (2); Innovation strategy: Yes, but mainly on "
                "paper; it is hardly used; Choosing innovations: Choices are made informally, "
                "case by case; Tracking and deciding: Disagree (2) (needed for present)",
                "Visie van de leiding: Oneens (2); Innovatiestrategie: Ja, maar vooral op papier; "
                "er wordt weinig mee gedaan; Keuze van innovaties: Er wordt informeel gekozen, per "
                "geval; Innovaties volgen en besluiten: Oneens (2) (nodig voor aanwezig)",
            ),
            "collaboration": (
                "absent",
                "Partners outside the organisation: Other government organisations",
                "Partners buiten de organisatie: Andere overheidsorganisaties",
            ),
            "roles": (
                "absent",
                "Innovation role: no; Catalyst unit or lab: Yes, but our team does not use it "
                "(needed for present)",
                "Innovatierol: nee; Aanjaagunit of lab: Ja, maar ons team maakt er geen gebruik "
                "van (nodig voor aanwezig)",
            ),
        },
        "flags": [
            ("not_innovating", "No innovation put into use", "Geen innovatie in gebruik genomen"),
            (
                "cut_first",
                "Innovation is cut first under budget pressure",
                "Innovatie wordt als eerste wegbezuinigd",
            ),
            (
                "lessons_hidden",
                "Failures and lessons are not shared",
                "Mislukkingen en lessen worden niet gedeeld",
            ),
            (
                "no_failure_log",
                "No overview of stopped or failed innovations",
                "Geen overzicht van gestopte of mislukte innovaties",
            ),
            (
                "accountability_misfit",
                "Accountability rules do not fit innovation",
                "Verantwoordingsregels passen niet bij innoveren",
            ),
        ],
    },
    "pilot_stuck": {
        "factors": {
            "leadership": (
                "partly",
                "Innovation strategy: It is being drawn up; Choosing innovations: Choices are "
                "made informally, case by case; Tracking and deciding: Neither agree nor disagree "
                "(3) (needed for present)",
                "Innovatiestrategie: Die wordt nu opgesteld; Keuze van innovaties: Er wordt "
                "informeel gekozen, per geval; Innovaties volgen en besluiten: Neutraal (3) "
                "(nodig voor aanwezig)",
            ),
            "collaboration": (
                "present",
                "Partners outside the organisation: Other government organisations; Citizens or "
                "users; Civil society organisations",
                "Partners buiten de organisatie: Andere overheidsorganisaties; Burgers of "
                "gebruikers; Maatschappelijke organisaties",
            ),
            "roles": ("partly", "Innovation role: yes", "Innovatierol: ja"),
        },
        "flags": [
            (
                "pilot_paradox",
                "Pilots without permanent funding or scaling (the pilot paradox)",
                "Pilots zonder structurele financiering of opschaling (pilotparadox)",
            ),
            ("no_owner", "No owner after the hand-over", "Geen eigenaar na de overdracht"),
            (
                "nothing_in_use_yet",
                "Innovation work under way, but nothing put into use yet",
                "Innovatiewerk loopt, maar er is nog niets in gebruik genomen",
            ),
            (
                "wrong_wallet",
                "The benefits land with a party that does not invest",
                "De baten komen terecht bij een partij die niet investeert",
            ),
            (
                "no_failure_log",
                "No overview of stopped or failed innovations",
                "Geen overzicht van gestopte of mislukte innovaties",
            ),
        ],
    },
}


@pytest.mark.parametrize("team", EXPECTED)
def test_each_factor_with_the_answers_that_decided_it_in_both_languages(team):
    factors = {f.id: f for f in score(BANK, FOUR_TEAMS[team]).factors}
    for factor_id, (status, english, dutch) in EXPECTED[team]["factors"].items():
        assert factors[factor_id].status == status
        assert factor_reason(BANK, factors[factor_id], "en") == english
        assert factor_reason(BANK, factors[factor_id], "nl") == dutch


@pytest.mark.parametrize("team", EXPECTED)
def test_the_flags_a_domain_expert_would_raise_in_both_languages(team):
    fired = flags(BANK, FOUR_TEAMS[team])
    assert [
        (f.rule.id, BANK.text(f.rule.title, "en"), BANK.text(f.rule.title, "nl")) for f in fired
    ] == EXPECTED[team]["flags"]


@pytest.mark.slow
@pytest.mark.parametrize("team", EXPECTED)
def test_each_team_through_the_plain_mode_from_a_pipe_gives_its_dutch_report(team, tmp_path):
    lines = "".join(f"{line}\n" for line in lines_for(FOUR_TEAMS[team]))
    run = run_process(
        "run",
        "--plain",
        "--team",
        team,
        "--year",
        "2026",
        "--lang",
        "nl",
        cwd=tmp_path,
        stdin=lines,
    )
    assert run.code == 0 and run.err == "", run.err
    report = next((tmp_path / "innoscan-results").glob("*.md")).read_text(encoding="utf-8")
    for status, _, dutch in EXPECTED[team]["factors"].values():
        assert f"| {word(f'factor.{status}', 'nl')} |" in report
        assert dutch in report
    for _, _, title in EXPECTED[team]["flags"]:
        assert title in report
    if not EXPECTED[team]["flags"]:
        assert word("risks_none", "nl") in report
