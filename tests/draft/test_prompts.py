"""The Jinja2 prompt templates: a golden rendering, strict variables, the sandbox."""

from __future__ import annotations

import os
from pathlib import Path

import jinja2
import pytest
from jinja2.exceptions import SecurityError

from summarizer.draft import prompts
from summarizer.draft.drafting import TEMPLATE
from summarizer.errors import SummarizerError

GOLDEN = Path(__file__).parents[1] / "golden" / "draft.txt"

# Two seed sentences, verbatim (curly quotes and all).
SENTENCES = [
    {
        "label": 1,
        "text": "“The missile and shell production sector is of paramount importance in "
        "bolstering up the war deterrent,” he was quoted as saying.",
    },
    {
        "label": 2,
        "text": "He characterized the missile and shell production sector as being of "
        '"paramount importance in strengthening deterrence."',
    },
]


def test_draft_template_golden() -> None:
    rendered = prompts.render(TEMPLATE, sentences=SENTENCES)
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(rendered + "\n", encoding="utf-8")
    assert rendered + "\n" == GOLDEN.read_text(encoding="utf-8")


def test_draft_template_lists_every_sentence_under_its_label() -> None:
    rendered = prompts.render(
        TEMPLATE, sentences=[{"label": i, "text": f"S{i}."} for i in (1, 2, 3)]
    )
    lines = rendered.splitlines()
    assert [x for x in lines if x.startswith("[")] == ["[1] S1.", "[2] S2.", "[3] S3."]
    assert rendered == rendered.strip()
    assert "{{" not in rendered and "{#" not in rendered  # the comment is not rendered


def test_missing_variable_raises() -> None:
    with pytest.raises(jinja2.UndefinedError, match="sentences"):
        prompts.render(TEMPLATE)


def test_missing_field_raises() -> None:
    with pytest.raises(jinja2.UndefinedError, match="label"):
        prompts.render(TEMPLATE, sentences=[{"text": "Kim spoke."}])


def test_missing_template_is_a_summarizer_error() -> None:
    with pytest.raises(SummarizerError, match=r"prompt template nope\.j2 not found") as info:
        prompts.render("nope.j2")
    assert "SUMMARIZER_PROMPTS" in info.value.fix


def test_environment_is_strict_and_sandboxed(tmp_path: Path) -> None:
    env = prompts.environment(tmp_path)
    assert env.undefined is jinja2.StrictUndefined
    assert not env.autoescape
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ missing }}").render()
    with pytest.raises(SecurityError):
        env.from_string("{{ ''.__class__.__mro__ }}").render()
    # plain text is not HTML-escaped
    assert env.from_string("{{ x }}").render(x="<b>&") == "<b>&"


def test_templates_load_from_the_given_folder(tmp_path: Path) -> None:
    (tmp_path / "t.j2").write_text("Hello {{ name }}!\n", encoding="utf-8")
    assert prompts.environment(tmp_path).get_template("t.j2").render(name="Kim") == "Hello Kim!"
