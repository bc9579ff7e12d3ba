"""Draft: the model writes each planned fact as one cited sentence.

`draft(plan, corpus, model)` is the stage. `backend` is the one way in to a
model (llama-cpp-python in process; nothing else imports llama_cpp), `prompts`
renders the Jinja2 templates of `prompts/`, `drafting` builds the prompt, the
citation grammar and the candidate, `judge` asks the model whether evidence
supports a claim, and `doctor` with `smoke` checks the model and its build.
"""

from summarizer.draft.backend import Backend
from summarizer.draft.doctor import diagnose
from summarizer.draft.drafting import MAX_NEW_TOKENS, Drafter, draft
from summarizer.draft.judge import apply_judge

__all__ = ["MAX_NEW_TOKENS", "Backend", "Drafter", "apply_judge", "diagnose", "draft"]
