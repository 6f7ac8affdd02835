"""Loading the built-in bank and the small test bank: what a team and a script see."""

from __future__ import annotations

from innoscan.content.loader import builtin_bank_dir, load_bank

SECTION_ORDER = ["activity", "leadership", "collaboration", "roles", "climate", "last_mile"]
LATEST_INNOVATION = [
    "activity.novelty",
    "activity.initiators",
    "activity.latest_partners",
    "activity.value",
    "activity.funding",
    "activity.factor_employees",
    "activity.evaluated",
    "activity.spread",
]
TYPES = ("products", "services", "processes", "interaction")


def test_builtin_bank_has_the_six_sections_in_order():
    bank = load_bank()
    assert [s.id for s in bank.sections] == SECTION_ORDER
    assert bank.languages == ["nl", "en"]


def asked_of(answers: dict) -> list[str]:
    return [q.id for q in load_bank().asked(answers)]


def test_the_questions_on_each_path():
    """The latest innovation's questions are asked only of a team that has one, and what
    helped or hindered its collaboration only when it was made with others; a team with work
    under way is asked about that work, one with neither about its habits only."""
    innovating = {f"activity.{t}": "yes" for t in TYPES}
    with_others = {**innovating, "activity.latest_partners": ["own_organisation"]}
    alone = {**innovating, "activity.latest_partners": ["none"]}
    nothing = {f"activity.{t}": "no" for t in TYPES}
    under_way = {**nothing, "activity.underway": "yes"}
    not_innovating = {**nothing, "activity.underway": "no"}
    paths = (with_others, alone, under_way, not_innovating)
    assert [len(asked_of(a)) for a in paths] == [61, 59, 50, 36]
    # about 60 for a team that innovates: the role of companies only where companies took part
    with_companies = {**innovating, "activity.latest_partners": ["companies"]}
    assert len(asked_of(with_companies)) == 62


def test_every_builtin_text_is_in_dutch_and_english():
    bank = load_bank()
    for q in bank.questions:
        texts = [q.title, q.help] + [o.label for o in q.options or ()]
        for text in texts:
            assert set(text) == {"nl", "en"}, q.id
            assert text["nl"] != text["en"] or len(text["nl"]) < 4, q.id


def test_builtin_bank_offers_every_answer_kind():
    kinds = {q.kind for q in load_bank().questions}
    assert kinds >= {"likert", "yes_no", "single_choice", "multiple_choice", "text"}


def test_the_four_innovation_types_are_yes_no_with_dont_know():
    bank = load_bank()
    for slug in ("products", "services", "processes", "interaction"):
        q = bank.question(f"activity.{slug}")
        assert q.kind == "yes_no" and q.dont_know


def test_latest_innovation_questions_only_after_an_innovation():
    bank = load_bank()
    none = {f"activity.{t}": "no" for t in TYPES}
    some = {**none, "activity.services": "yes"}
    for qid in LATEST_INNOVATION:
        q = bank.question(qid)
        assert q not in bank.asked(none), qid
        assert q in bank.asked(some), qid
    underway = bank.question("activity.underway")
    assert underway in bank.asked(none)
    assert underway not in bank.asked(some)


def test_every_builtin_question_says_where_it_comes_from():
    assert [q.id for q in load_bank().questions if q.origin is None] == []


def test_what_hindered_a_collaboration_is_asked_only_of_one_made_with_others():
    innovating = {f"activity.{t}": "yes" for t in TYPES}
    factors = {"activity.factor_collaboration", "activity.factor_safe_operations"}
    for partners, asked in ((["companies"], True), (["none"], False), ("dont_know", False)):
        found = factors & set(asked_of({**innovating, "activity.latest_partners": partners}))
        assert found == (factors if asked else set()), partners


def test_initiators_allow_up_to_three():
    assert load_bank().question("activity.initiators").max_choices == 3


def test_answers_under_a_condition_that_fails_do_not_count():
    bank = load_bank()
    answers = {"activity.products": "no", "activity.novelty": "first"}
    assert "activity.novelty" not in bank.effective_answers(answers)
    answers["activity.products"] = "yes"
    assert bank.effective_answers(answers)["activity.novelty"] == "first"


def test_builtin_bank_is_found_from_the_package(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert (builtin_bank_dir() / "bank.toml").is_file()
    assert load_bank().id == "innovatiebarometer-team"


def test_mini_bank_loads_with_kinds_and_scoring(mini_bank):
    bank = load_bank(mini_bank)
    assert [q.id for q in bank.questions][:2] == ["alpha.did", "alpha.how"]
    assert bank.question("beta.blame").reverse
    assert bank.question("alpha.how").is_scored
    assert not bank.question("beta.note").is_scored
    assert bank.scale_of(bank.question("beta.agree")).max == 5
