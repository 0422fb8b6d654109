"""What every toxicity scorer provides, so the pipeline can use any of them the same way."""

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

# Label names follow detoxify's, so scores from any model line up in one table.
KNOWN_LABELS = (
    "toxicity",
    "severe_toxicity",
    "obscene",
    "threat",
    "insult",
    "identity_attack",
    "sexual_explicit",
)


@runtime_checkable
class Scorer(Protocol):
    """A toxicity model.

    `score` returns a DataFrame with a RangeIndex aligned with `texts` and one float column in
    [0, 1] per label in `labels`. A label the model does not predict is absent, never zero.
    `languages` (ISO codes from moderator.language, or None) lets a model route by language.
    """

    name: str
    labels: tuple[str, ...]

    def score(self, texts: Sequence[str], languages: Sequence[str] | None = None): ...
