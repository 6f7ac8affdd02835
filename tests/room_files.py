"""Individual result files of a workshop under way, as `serve` leaves them in the folder."""

from __future__ import annotations

from innoscan.store.result import Result
from innoscan.store.session import ResultsFolder

# Four people so far: vision split (a disagreement), products mostly yes, services only two.
ANSWERS = [
    {"activity.products": "yes", "activity.services": "no", "leadership.vision": 5},
    {"activity.products": "yes", "activity.services": "yes", "leadership.vision": 1},
    {"activity.products": "yes", "leadership.vision": 2},
    {"activity.products": "no", "leadership.vision": 4},
]


def save_individuals(
    bank, folder: ResultsFolder, answers=ANSWERS, team="Team Data", year=2026, first=0
) -> None:
    """A file per person in `answers` (numbered from `first`), with a name that the room
    view must never show."""
    folder.path.mkdir(parents=True, exist_ok=True)
    for number, given in enumerate(answers, start=first):
        result = Result.new(bank, team, year, "en", mode="individual", respondent=f"Person {number}")
        result.answers.update(given)
        result.save(folder.path_for(team, year, f"p-{team[:4].lower()}{number}"))
