"""Render: a Brief as Markdown, JSON or one self-contained HTML page; pure functions.

`markdown` writes the Markdown and the JSON; `html` the page, from the
templates in `templates/`.
"""

from summarizer.render.html import to_html
from summarizer.render.markdown import to_json, to_markdown

__all__ = ["to_html", "to_json", "to_markdown"]
