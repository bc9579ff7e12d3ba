"""Errors a user can act on: each says what went wrong and what to do about it.

The CLI turns any of these into one line on stderr and exit status 2.
"""


class SummarizerError(Exception):
    """Base class: `str(error)` is the whole line shown to the user."""

    def __init__(self, problem: str, fix: str) -> None:
        self.problem = problem
        self.fix = fix
        super().__init__(f"{problem}. {fix}")


class InputError(SummarizerError):
    """A document path or file that cannot be read as a document."""


class ModelError(SummarizerError):
    """A model file that is missing, not GGUF, or fails to load or run."""


class BudgetError(SummarizerError):
    """Nothing fits the model's context window."""
