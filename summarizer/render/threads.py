"""One story across days (`summarizer thread ID`), as Markdown or one self-contained page."""

from __future__ import annotations

from markupsafe import Markup

from summarizer.render.html import asset, content_security_policy, environment
from summarizer.render.markdown import _plain


def thread_markdown(thread: dict) -> str:
    """One story across days (`summarizer thread ID`): each day's items with their citations,
    each marked by whether it still resolves against the archive's copy of its document."""
    lines = [f"# Thread {thread['id']}: {_plain(thread['headline'])}", ""]
    for day in thread["days"]:
        lines += [f"## {day['date']} (brief {day['brief_id']}): {_plain(day['headline'])}", ""]
        for item in day["items"]:
            cites = "; ".join(
                f"{c['doc_id']} chars {c['start']}-{c['end']}"
                f"{'' if c.get('resolves') else ' (does not resolve)'}"
                for c in item["citations"])
            told = "" if item.get("new", True) else " _(told before)_"
            lines.append(f"- {_plain(item['text'])} [{cites}]{told}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def thread_html(thread: dict) -> str:
    """One story across days as a self-contained page: each day's items and the exact words
    each cites, from the archive's copies of the documents."""
    css = asset("brief.css")
    return environment().from_string(asset("thread.html.j2")).render(
        title=f"Thread {thread['id']}: {thread['headline']}", days=thread["days"],
        css=Markup(css), csp=content_security_policy(css, ""))
