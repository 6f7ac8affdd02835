"""The kinds of question: one pydantic model per kind, told apart by `kind`.

A kind owns all that differs between kinds: its fields and their checks, the answers it takes
(and how they are typed or picked), its points, its merge rule, and its words in the bank
listing, the answer sheet and the plain mode. The TUI has a widget per kind
(innoscan/tui/widgets/answers.py). `Question` is any of the kinds.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from innoscan.content.kinds.base import (
    DONT_KNOW,
    NOT_APPLICABLE,
    NOT_REAL,
    QUESTION_KINDS,
    BaseQuestion,
    NotAnAnswer,
    Origin,
    TeamAnswer,
    show_value,
)
from innoscan.content.kinds.options import (
    MultipleChoiceQuestion,
    Option,
    OptionsQuestion,
    SingleChoiceQuestion,
    TooManyChoices,
)
from innoscan.content.kinds.picked import (
    LikertQuestion,
    NotAChoice,
    PickedQuestion,
    Scale,
    YesNoQuestion,
)
from innoscan.content.kinds.typed import (
    AmbiguousNumber,
    NotANumber,
    NumberQuestion,
    TextQuestion,
    TypedQuestion,
)

Question = Annotated[
    LikertQuestion
    | YesNoQuestion
    | SingleChoiceQuestion
    | MultipleChoiceQuestion
    | NumberQuestion
    | TextQuestion,
    Field(discriminator="kind"),
]

__all__ = [
    "DONT_KNOW",
    "NOT_APPLICABLE",
    "NOT_REAL",
    "QUESTION_KINDS",
    "AmbiguousNumber",
    "BaseQuestion",
    "LikertQuestion",
    "MultipleChoiceQuestion",
    "NotAChoice",
    "NotANumber",
    "NotAnAnswer",
    "NumberQuestion",
    "Option",
    "OptionsQuestion",
    "Origin",
    "PickedQuestion",
    "Question",
    "Scale",
    "SingleChoiceQuestion",
    "TeamAnswer",
    "TextQuestion",
    "TooManyChoices",
    "TypedQuestion",
    "YesNoQuestion",
    "show_value",
]
