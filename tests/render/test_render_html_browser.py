"""The HTML brief of the seeds in a real browser: headless Chromium driven by Playwright.

The brief comes from the real CLI with the real default model, once per module.
Skipped, with the reason, where Playwright or Chromium is not installed.
Screenshots are kept in tests/artifacts/.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from summarizer.cli import cli
from summarizer.models import DocumentRef

ROOT = Path(__file__).parents[2]
ARTIFACTS = Path(__file__).parents[1] / "artifacts"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}

# What the page shows now: the highlighted text, whether its first piece is on screen and
# not covered, whether it has the focus, and whether the text before it is in view too.
HIGHLIGHT = """() => {
  const hl = Array.from(document.querySelectorAll('#viewer .hl'));
  const docs = document.querySelector('#viewer .docs').getBoundingClientRect();
  const inView = (el) => {
    const r = el.getClientRects()[0];
    return !!r && r.top >= docs.top && r.bottom <= Math.min(docs.bottom, innerHeight)
      && r.left >= docs.left - 1 && r.right <= docs.right + 1;
  };
  if (!hl.length) return {text: '', visible: false, focused: false, context: false};
  const r = hl[0].getClientRects()[0];
  const atCentre = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  const chunks = Array.from(hl[0].closest('.doc').querySelectorAll('[data-a]'));
  const before = chunks.slice(0, chunks.indexOf(hl[0])).reverse()
    .find((el) => el.textContent.trim());
  return {
    text: hl.map((el) => el.textContent).join(''),
    visible: inView(hl[0]) && (atCentre === hl[0] || hl[0].contains(atCentre)),
    focused: document.activeElement === hl[0],
    context: !before || inView(before),
  };
}"""


def chromium_path() -> str | None:
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium",
                      shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="Playwright is not installed (pip install playwright)")
    path = chromium_path()
    if path is None:
        pytest.skip("no Chromium to run the browser test: apt-get install chromium")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def run(*args: str) -> None:
    """The CLI run from the repository, so that the page names `seeds/...` as a user's would."""
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def seeds_json(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("brief") / "seeds.json"
    run("brief", "seeds", "--format", "json", "--out", str(out))
    return out


@pytest.fixture(scope="module")
def seeds_page(seeds_json: Path) -> Path:
    page = seeds_json.with_suffix(".html")
    run("render", str(seeds_json), "--format", "html", "--out", str(page))
    return page


@pytest.fixture(scope="module")
def cited(seeds_json: Path) -> dict[tuple[str, int, int], str]:
    brief = json.loads(seeds_json.read_text(encoding="utf-8"))
    return {(c["doc_id"], c["start"], c["end"]): c["cited_text"]
            for item in brief["items"] for c in item["citations"]}


@contextmanager
def opened(browser: Any, path: Path, viewport: dict[str, int], **options: Any) -> Iterator[Any]:
    """A fresh page at `path` that records dialogs, requests and script errors."""
    context = browser.new_context(viewport=viewport, **options)
    page = context.new_page()
    page.events = {"dialogs": [], "requests": [], "loaded": [], "failed": [], "errors": [],
                   "console": []}
    page.on("dialog", lambda d: (page.events["dialogs"].append(d.message), d.dismiss()))
    page.on("request", lambda r: page.events["requests"].append(r.url))
    page.on("requestfinished", lambda r: page.events["loaded"].append(r.url))
    page.on("requestfailed", lambda r: page.events["failed"].append(r.failure))
    page.on("pageerror", lambda e: page.events["errors"].append(str(e)))
    page.on("console", lambda m: page.events["console"].append(m.text))
    page.goto(path.as_uri())
    try:
        yield page
    finally:
        context.close()


def marker_key(marker: Any) -> tuple[str, int, int]:
    return (marker.get_attribute("data-doc"), int(marker.get_attribute("data-a")),
            int(marker.get_attribute("data-b")))


def screenshot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name))
    assert (ARTIFACTS / name).stat().st_size > 10_000


def test_each_marker_opens_its_source_with_the_cited_words_highlighted(
    browser: Any, seeds_page: Path, cited: dict[tuple[str, int, int], str]
) -> None:
    with opened(browser, seeds_page, DESKTOP) as page:
        markers = page.locator(".items a.cite")
        assert markers.count() >= len(cited) >= 5
        for i in range(markers.count()):
            marker = markers.nth(i)
            marker.click()
            shown = page.evaluate(HIGHLIGHT)
            assert shown["text"] == cited[marker_key(marker)]
            assert shown["visible"] and shown["focused"] and shown["context"], shown
            if i == 2:
                page.mouse.move(0, 0)  # no tooltip over the picture
                screenshot(page, "brief-desktop.png")
        assert page.events["dialogs"] == [] and page.events["errors"] == []
        assert page.events["requests"] == [seeds_page.as_uri()]  # nothing else, ever


def test_keyboard_tab_enter_escape(browser: Any, seeds_page: Path,
                                   cited: dict[tuple[str, int, int], str]) -> None:
    with opened(browser, seeds_page, DESKTOP) as page:
        for _ in range(80):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.matches('.items a.cite')"):
                break
        marker = page.locator(":focus")
        key = marker_key(marker)
        tip = page.locator(":focus + .tip")
        assert tip.is_visible() and cited[key] in tip.inner_text()
        assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
        page.keyboard.press("Enter")
        shown = page.evaluate(HIGHLIGHT)
        assert shown["text"] == cited[key] and shown["focused"]
        page.keyboard.press("Escape")
        assert not page.locator("#viewer").is_visible()
        assert marker_key(page.locator(":focus")) == key


def test_phone_width_dark_scheme_and_print(browser: Any, seeds_page: Path,
                                           cited: dict[tuple[str, int, int], str]) -> None:
    with opened(browser, seeds_page, PHONE, is_mobile=True, has_touch=True) as page:
        marker = page.locator(".items a.cite").nth(1)
        marker.tap()
        shown = page.evaluate(HIGHLIGHT)
        assert shown["text"] == cited[marker_key(marker)] and shown["visible"], shown
        assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
        screenshot(page, "brief-phone.png")
    backgrounds = []
    for scheme in ("light", "dark"):
        with opened(browser, seeds_page, DESKTOP, color_scheme=scheme) as page:
            backgrounds.append(page.evaluate("getComputedStyle(document.body).backgroundColor"))
            if scheme == "dark":
                screenshot(page, "brief-dark.png")
    assert backgrounds[0] != backgrounds[1]
    with opened(browser, seeds_page, DESKTOP) as page:
        page.emulate_media(media="print")
        assert not page.locator("#viewer").is_visible()
        notes = page.locator("#notes li")
        assert notes.count() >= len(cited) and notes.first.is_visible()


def test_without_javascript_a_marker_leads_to_its_quoted_note(
    browser: Any, seeds_page: Path, cited: dict[tuple[str, int, int], str]
) -> None:
    with opened(browser, seeds_page, DESKTOP, java_script_enabled=False) as page:
        marker = page.locator(".items a.cite").first
        marker.click()
        note = page.locator(marker.get_attribute("href"))
        assert note.locator("mark").inner_text() == " ".join(cited[marker_key(marker)].split())
        assert note.locator("mark").is_visible() and page.locator("#viewer .noise").count() > 0
        assert page.locator("#viewer .doc .text").first.is_visible()  # the full texts follow


HOSTILE = '<script>window.__pwned = 1; alert("script")</script>'
ONERROR = '<img src=x onerror="window.__pwned = 1; alert(\'img\')">'


def hostile_brief(seeds_json: Path, folder: Path) -> tuple[Path, str, str]:
    """The seeds brief with one more document, and an item citing it, full of markup."""
    brief = json.loads(seeds_json.read_text(encoding="utf-8"))
    text = (f"Officials said the plant {HOSTILE} would open.\r\n"
            f"A caption {ONERROR} \U0001F680 ends here. More text follows.\n")
    start = text.index(HOSTILE)
    end = text.index("ends here.") + len("ends here.")
    doc = {**brief["documents"][0], "doc_id": "hostile001", "path": f"{HOSTILE}.txt",
           "title": ONERROR, "sha256": "0" * 64, "date": None, "text": text}
    if "outlet" in DocumentRef.model_fields:
        doc["outlet"] = HOSTILE
    citation = {"doc_id": "hostile001", "sentence_id": "hostile001-s000", "start": start,
                "end": end, "cited_text": text[start:end]}
    item = {**brief["items"][0], "text": f"The plant {HOSTILE} would open.",
            "citations": [citation], "sources": 1}
    brief["documents"].append(doc)
    brief["items"].append(item)
    brief["dropped"].append({"text": ONERROR, "citations": [citation], "reasons": [HOSTILE]})
    saved = folder / "hostile.json"
    saved.write_text(json.dumps(brief), encoding="utf-8")
    page = folder / "hostile.html"
    run("render", str(saved), "--format", "html", "--out", str(page))
    return page, text[start:end], ONERROR


def test_markup_in_a_document_is_shown_as_text_and_runs_nothing(
    browser: Any, seeds_json: Path, tmp_path: Path
) -> None:
    path, span, title = hostile_brief(seeds_json, tmp_path)
    with opened(browser, path, DESKTOP) as page:
        page.locator('.items a.cite[data-doc="hostile001"]').click()
        shown = page.evaluate(HIGHLIGHT)
        assert shown["text"] == span and shown["visible"]  # CRLF and emoji kept exact
        assert page.locator("#t-hostile001").inner_text() == title
        page.wait_for_timeout(300)  # an onerror would have fired by now
        assert page.evaluate("window.__pwned") is None
        assert page.evaluate("document.querySelectorAll('img, script').length") == 1
        assert page.events["dialogs"] == [] and page.events["errors"] == []
        assert page.events["requests"] == [path.as_uri()]


def test_the_policy_blocks_markup_that_escaped_escaping(browser: Any, seeds_page: Path,
                                                       tmp_path: Path) -> None:
    html = seeds_page.read_text(encoding="utf-8")
    injected = tmp_path / "injected.html"
    remote = '<img src="https://example.com/tracker.png">'
    injected.write_text(html.replace("<body>", f"<body>{HOSTILE}{ONERROR}{remote}", 1),
                        encoding="utf-8")
    with opened(browser, injected, DESKTOP) as page:
        page.wait_for_timeout(300)
        assert page.evaluate("window.__pwned") is None
        assert page.events["dialogs"] == []
        assert any("Content Security Policy" in m for m in page.events["console"])
        assert page.events["loaded"] == [injected.as_uri()]
        assert page.events["failed"] == ["csp", "csp"]  # both images, refused before loading


@pytest.mark.model
def test_brief_format_html_is_the_rendered_json(seeds_page: Path, tmp_path: Path) -> None:
    out = tmp_path / "brief.html"
    run("brief", "seeds", "--format", "html", "--out", str(out))
    assert out.read_bytes() == seeds_page.read_bytes()
