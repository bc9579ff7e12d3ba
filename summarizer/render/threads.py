"""One story across days (`summarizer thread ID`), as Markdown or one self-contained page."""

from __future__ import annotations

from markupsafe import escape

from summarizer.render.html import asset, content_security_policy
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
    days = []
    for day in thread["days"]:
        items = "".join(
            f"<li>{escape(item['text'])}"
            f"{'' if item.get('new', True) else ' <em>(told before)</em>'}<ul>"
            + "".join(f"<li><q>{escape(c['cited_text'])}</q> ({escape(c['doc_id'])}, chars "
                      f"{c['start']}-{c['end']}{'' if c.get('resolves') else ', does not resolve'})"
                      "</li>" for c in item["citations"])
            + "</ul></li>" for item in day["items"])
        days.append(f"<section><h2>{escape(day['date'])}: {escape(day['headline'])}</h2>"
                    f"<ul>{items}</ul></section>")
    title = f"Thread {thread['id']}: {thread['headline']}"
    css = asset("brief.css")
    return (f"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<meta http-equiv=\"Content-Security-Policy\" content=\""
            f"{content_security_policy(css, '')}\"><title>{escape(title)}</title>"
            f"<style>{css}</style></head><body><main><h1>{escape(title)}</h1>"
            f"{''.join(days)}</main></body></html>\n")
