"""A result a team lead can trust (issue 12), one finding of the trial at a time: no score
for not knowing, factors read from what defines them, questions only where they apply, the
last-mile risks real teams run into, depth over breadth, innoscan's conventions said as such."""

from __future__ import annotations

import json

import pytest
from answer_sets import CHAIN_NOT_READY, PILOT_STUCK, STOPPED, STRONG

from innoscan.assess.flags import flags
from innoscan.assess.readings import readings
from innoscan.assess.scoring import question_score, score
from innoscan.content.bank import DONT_KNOW, NOT_APPLICABLE
from innoscan.content.loader import load_bank
from innoscan.content.problems import InputError
from innoscan.render.report import factor_reason
from innoscan.store.result import Result, load_result

TYPES = ("products", "services", "processes", "interaction")


def fired(bank, answers) -> list[str]:
    return [f.rule.id for f in flags(bank, answers)]


def factor(bank, answers, factor_id):
    return next(f for f in score(bank, answers).factors if f.id == factor_id)


# ── 1. not knowing never raises a score ──────────────────────────────────────────────────


def test_dont_know_on_a_lead_a_unit_and_a_budget_scores_as_not_having_them(bank):
    base = {k: v for k, v in STRONG.items() if not k.startswith("roles.")}
    rest = {"roles.calls": "yes", "roles.days": "yes", "roles.specialists": ["data"]}
    unsure = {**base, **rest, "roles.lead": DONT_KNOW, "roles.unit": DONT_KNOW}
    unsure["roles.budget"] = DONT_KNOW
    sure = {**base, **rest, "roles.lead": "no", "roles.unit": "none", "roles.budget": "no"}
    assert score(bank, unsure).sections["roles"].score == score(bank, sure).sections["roles"].score
    assert score(bank, unsure).sections["roles"].dont_know == 3
    assert factor(bank, unsure, "roles").status == factor(bank, sure, "roles").status


def test_dont_know_on_the_four_types_scores_as_no_and_never_lifts_the_average(bank):
    others = {k: v for k, v in STOPPED.items() if not k.startswith("activity.")}
    no = {**others, **{f"activity.{t}": "no" for t in TYPES}, "activity.underway": "no"}
    unsure = {**others, **{f"activity.{t}": DONT_KNOW for t in TYPES}}
    assert score(bank, unsure).sections["activity"].score == 0.0
    assert score(bank, no).sections["activity"].score == 0.0
    assert score(bank, unsure).sections["activity"].dont_know == 4
    # not knowing keeps the questions on the team's innovations open: the last mile, asked
    # and unanswered, has no score, so there is no average rather than a higher one
    assert score(bank, no).index is not None and score(bank, unsure).index is None


def test_every_scored_question_that_offers_dont_know_says_what_it_counts_as(bank):
    # an opinion with "don't know" left out could raise a score: the bank has none
    for q in bank.questions:
        if q.is_scored and q.dont_know:
            assert q.dont_know_as is not None, q.id
            assert bank.question(q.id).points(DONT_KNOW, bank.scales) == min(
                p
                for v in q.answer_values(bank.scales)
                if (p := q.points(v, bank.scales)) is not None
            ), q.id


def test_a_counts_as_answer_that_would_raise_a_score_is_refused(mini_bank):
    path = mini_bank / "sections" / "alpha.toml"
    text = path.read_text()
    path.write_text(
        text.replace("dont_know = true\n", 'dont_know = true\ndont_know_counts_as = "yes"\n', 1)
    )
    with pytest.raises(InputError, match="more than the lowest answer"):
        load_bank(mini_bank)


# ── 2. a success factor is read from what defines it ────────────────────────────────────


def test_no_lead_and_no_unit_is_not_present_whatever_the_mean(bank):
    # a lab the team does not use, a fund, calls, innovation days and specialists:
    # (0 + 40 + 100 + 100 + 100 + 30 + 30 + 40) / 6 = 440 / 6 = 73.3, but no lead and no unit
    # the team works with
    answers = {
        "roles.lead": "no",
        "roles.unit": "exists",
        "roles.budget": "yes",
        "roles.calls": "yes",
        "roles.days": "yes",
        "roles.specialists": ["data", "design", "legal"],
    }
    roles = factor(bank, answers, "roles")
    assert roles.score == 73.3 and roles.status == "partly" and roles.held_down
    assert factor_reason(bank, roles, "en") == (
        "Innovation role: no; Catalyst unit or lab: Yes, but our team does not use it "
        "(needed for present)"
    )
    assert factor_reason(bank, roles, "nl") == (
        "Innovatierol: nee; Aanjaagunit of lab: Ja, maar ons team maakt er geen gebruik van "
        "(nodig voor aanwezig)"
    )
    assert factor(bank, {**answers, "roles.lead": "yes"}, "roles").status == "present"


def test_leadership_needs_a_vision_and_some_innovation_management(bank):
    managed = {k: v for k, v in STRONG.items() if k.startswith("leadership.")}
    no_vision = {**managed, "leadership.vision": 3}
    assert factor(bank, managed, "leadership").status == "present"
    lead = factor(bank, no_vision, "leadership")
    assert lead.status == "partly" and lead.held_down
    assert lead.decided_by == [("leadership.vision", 3)]
    unmanaged = {
        **managed,
        "leadership.strategy": "paper",
        "leadership.portfolio": "overview",
        "leadership.steering": 3,
    }
    assert [q for q, _ in factor(bank, unmanaged, "leadership").decided_by] == [
        "leadership.strategy",
        "leadership.portfolio",
        "leadership.steering",
    ]


def test_collaboration_needs_partners_outside(bank):
    inside = {k: v for k, v in STRONG.items() if k.startswith("collaboration.")}
    inside["collaboration.partners"] = ["none"]
    result = factor(bank, inside, "collaboration")
    assert result.status != "present"
    assert factor_reason(bank, result, "en").startswith(
        "Partners outside the organisation: No one outside our organisation"
    )


# ── 3. questions only where they apply ───────────────────────────────────────────────────


def test_the_stopped_department_is_not_asked_about_innovations_it_does_not_have(bank):
    asked = {q.id for q in bank.asked(STOPPED)}
    for qid in (
        "activity.novelty",
        "collaboration.phases",
        "collaboration.companies_role",
        "last_mile.chain_partners",
        "last_mile.owner",
    ):
        assert qid not in asked
    companies = next(
        r
        for r in readings(bank, STOPPED, bank.indicators)
        if r.indicator.id == "companies_positive"
    )
    assert companies.team is None and not companies.applies
    # its root cause comes right after the finding itself
    assert fired(bank, STOPPED)[:2] == ["not_innovating", "cut_first"]


def test_low_answers_to_questions_not_asked_fire_nothing(bank):
    leftovers = {
        **STOPPED,
        "last_mile.chain_partners": 1,
        "last_mile.plan_b": 1,
        "last_mile.owner": "no",
    }
    assert fired(bank, leftovers) == fired(bank, STOPPED)


def test_does_not_apply_scores_nothing_and_fires_nothing(bank):
    answers = {**CHAIN_NOT_READY, "last_mile.chain_partners": 1}
    assert "missing_at_table" in fired(bank, answers)
    answers["last_mile.chain_partners"] = NOT_APPLICABLE
    assert "missing_at_table" not in fired(bank, answers)
    last_mile = score(bank, answers).sections["last_mile"]
    assert (last_mile.total, last_mile.not_applicable) == (14, 1)  # 15 scored, 1 does not apply
    assert question_score(bank, bank.question("last_mile.chain_partners"), NOT_APPLICABLE) is None


def test_does_not_apply_is_offered_after_dont_know_and_saved(bank, tmp_path):
    q = bank.question("last_mile.adopters_ready")
    values, labels = q.choices(bank, "nl")
    assert values[-1] == NOT_APPLICABLE and labels[-1] == "Niet van toepassing"
    assert q.read_line(str(len(values)), bank, "en") == NOT_APPLICABLE
    assert bank.answer_problem(bank.question("last_mile.owner"), NOT_APPLICABLE) is not None
    result = Result.new(bank, "T", 2026, "en")
    result.answers.update({"activity.products": "yes", "last_mile.adopters_ready": NOT_APPLICABLE})
    result.save(tmp_path / "r.toml")
    loaded = load_result(tmp_path / "r.toml", bank)
    assert loaded.result.answers["last_mile.adopters_ready"] == NOT_APPLICABLE


# ── 4. 5. 6. the last-mile risks real teams run into ────────────────────────────────────


def test_a_chain_partner_that_is_not_ready_is_flagged_with_its_timing_pattern(bank):
    flag = flags(bank, CHAIN_NOT_READY)[0]
    assert flag.rule.id == "adopters_not_ready" and flag.rule.pattern == "duiker"
    assert flag.evidence == [("last_mile.adopters_ready", 2)]
    assert "no_failure_log" in fired(bank, CHAIN_NOT_READY)


def test_the_timing_pattern_is_used_by_a_rule(bank):
    assert "duiker" in {r.pattern for r in bank.rules}


def test_work_under_way_gets_its_own_flag_not_the_advice_to_start(bank):
    ids = fired(bank, PILOT_STUCK)
    assert "nothing_in_use_yet" in ids and "not_innovating" not in ids


def test_benefits_for_the_public_are_not_the_wrong_wallet(bank):
    base = {"activity.products": "yes"}
    for where in ("own", "public", "shared"):
        assert "wrong_wallet" not in fired(bank, {**base, "last_mile.benefits": where})
    assert "wrong_wallet" in fired(bank, {**base, "last_mile.benefits": "other_org"})


# ── 7. depth, not breadth ────────────────────────────────────────────────────────────────


def test_novelty_describes_and_scores_nothing(bank):
    novelty = bank.question("activity.novelty")
    assert not novelty.is_scored
    first = score(bank, {**STRONG, "activity.novelty": "first"})
    copied = score(bank, {**STRONG, "activity.novelty": "copied"})
    assert first == copied


def test_one_partner_in_every_phase_can_reach_present(bank):
    points = lambda qid, value: question_score(bank, bank.question(qid), value)  # noqa: E731
    assert points("collaboration.partners", ["chain_partners"]) == 100
    every = [o.id for o in bank.question("collaboration.phases").options if o.id != "none"]
    assert points("collaboration.phases", every) == 100
    assert points("last_mile.scaling", ["in"]) == 100
    deep = {
        "activity.products": "yes",
        "collaboration.diverse_teams": 4,
        "collaboration.partners": ["chain_partners"],
        "collaboration.phases": every,
        "collaboration.boundaries": 5,
        "collaboration.users": 3,
        "collaboration.pooling": 3,
        "collaboration.networks": "yes",
    }
    assert factor(bank, deep, "collaboration").status == "present"


# ── 8. 9. whose conventions, and merged results ─────────────────────────────────────────


def test_the_average_is_not_named_like_a_barometer_figure(bank):
    for lang in bank.languages:
        title = bank.text(bank.scoring.index.title, lang).lower()
        assert "index" not in title and "innoscan" in title
    assert len(bank.scoring.conventions) >= 4


def test_a_merged_profile_says_so_and_counts_what_is_still_to_settle(cli, bank, tmp_path):
    paths = []
    for name, owner in (("a", "yes"), ("b", "no")):
        result = Result.new(bank, "T", 2026, "en", mode="individual", respondent=name)
        result.answers.update({**STRONG, "last_mile.owner": owner, "roles.lead": owner})
        result.save(tmp_path / f"{name}.toml")
        paths.append(tmp_path / f"{name}.toml")
    assert cli("merge", *paths, "-o", tmp_path / "team.toml").code == 0
    md = cli("report", tmp_path / "team.toml").out
    assert "| Answered by | 2 respondents, merged |" in md
    # the lead is left open (1 yes, 1 no); unit, budget, calls, days and specialists 100 each
    assert "| Innovation roles and units | 100 | ██████████ | 5 of 6 · 1 to settle |" in md
    data = json.loads(cli("report", tmp_path / "team.toml", "--format", "json").out)
    assert data["scores"]["last_mile"]["to_settle"] == 1
    assert data["success_factor_reasons"]["roles"]["to_settle"] == 1
    assert data["scores"]["climate"]["to_settle"] == 0


def test_a_change_maps_old_answers_only_onto_answers_of_the_new_question(mini_bank):
    (mini_bank / "changes.toml").write_text(
        '[[changes]]\nversion = "1"\nquestions = ["alpha.old"]\nreplaced_by = "alpha.how"\n'
        'map = { good = "well", bad = "poorly" }\nnote = { nl = "x", en = "x" }\n'
    )
    with pytest.raises(InputError, match=r"map.bad: unknown option 'poorly'"):
        load_bank(mini_bank)


def test_rules_and_factors_are_checked_against_the_questions(mini_bank):
    (mini_bank / "scoring.toml").write_text(
        '[[success_factors]]\nid = "f"\nsection = "alpha"\ntitle = { nl = "F", en = "F" }\n'
        'present_at = 70\npartly_at = 40\n'
        'requires = { question = "alpha.did", equals = "maybe" }\n'
    )
    with pytest.raises(InputError) as caught:
        load_bank(mini_bank)
    messages = [p.message for p in caught.value.problems]
    assert any("requires: equals on alpha.did" in m for m in messages)
    assert any("no short name for 'alpha.did'" in m for m in messages)
