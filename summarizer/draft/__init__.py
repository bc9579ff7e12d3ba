"""Draft: the model writes each planned fact as one cited sentence.

`draft_all(stories, model, parallel)` is the stage (`draft` for one story).
`backend` runs a GGUF model in process (nothing else imports llama_cpp) and
`server` asks an OpenAI-compatible model server instead, `prompts`
renders the Jinja2 templates of `prompts/`, `drafting` builds the prompt, the
citation grammar and the candidate, `judge` asks the model whether evidence
supports a claim, and `doctor` with `smoke` checks the model and its build.
"""

from summarizer.draft.backend import Backend
from summarizer.draft.doctor import Finding, diagnose, fitness
from summarizer.draft.drafting import MAX_NEW_TOKENS, Drafter, draft, draft_all
from summarizer.draft.judge import apply_judge
from summarizer.draft.server import ServerBackend

__all__ = [
    "MAX_NEW_TOKENS", "Backend", "Drafter", "Finding", "ServerBackend", "apply_judge",
    "diagnose", "draft", "draft_all", "fitness",
]
