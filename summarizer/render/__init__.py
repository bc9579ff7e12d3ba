"""Render: a Brief as Markdown, JSON or one self-contained HTML page; pure functions.

`markdown` writes the Markdown and the JSON; `html` the page, from the
templates in `templates/`; `threads` one story across days from the archive.
"""

from summarizer.render.html import to_html
from summarizer.render.markdown import to_json, to_markdown
from summarizer.render.threads import thread_html, thread_markdown

__all__ = ["thread_html", "thread_markdown", "to_html", "to_json", "to_markdown"]
