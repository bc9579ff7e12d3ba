// Opens a source document beside the brief with the cited characters highlighted.
// Without this script every marker is a plain link to its numbered note, and the
// full source texts follow the brief, so the page reads the same with it off.
(() => {
  "use strict";
  document.documentElement.classList.add("js");
  const viewer = document.getElementById("viewer");
  const heading = document.getElementById("viewer-h");
  const closeButton = viewer.querySelector(".close");
  closeButton.hidden = false;
  let opener = null;

  function clear() {
    for (const el of viewer.querySelectorAll(".hl")) {
      el.classList.remove("hl", "first");
      el.removeAttribute("tabindex");
    }
    for (const el of viewer.querySelectorAll(".doc.current")) el.classList.remove("current");
    if (opener) opener.removeAttribute("aria-current");
  }

  // The spans of `doc` that lie inside [a, b): the page cut the text at a and b.
  function spansWithin(doc, a, b) {
    return Array.from(doc.querySelectorAll(".text [data-a]")).filter(
      (span) => Number(span.dataset.a) >= a && Number(span.dataset.b) <= b);
  }

  function open(link) {
    const doc = document.getElementById("doc-" + link.dataset.doc);
    if (!doc || !doc.querySelector(".text")) return false;  // the link's own target stands in
    clear();
    doc.classList.add("current");
    viewer.classList.add("open");
    document.body.classList.add("viewing");
    heading.textContent = link.dataset.label || "Source";
    let target = doc;
    if (link.dataset.a !== undefined) {
      const spans = spansWithin(doc, Number(link.dataset.a), Number(link.dataset.b));
      for (const span of spans) span.classList.add("hl");
      if (spans.length) {
        target = spans[0];
        target.classList.add("first");
      }
    }
    // On a phone the panel covers the lower part of the page: keep the marker above it.
    const panel = viewer.getBoundingClientRect();
    const from = link.getBoundingClientRect();
    if (from.right > panel.left && from.bottom > panel.top) {
      window.scrollBy(0, from.bottom - panel.top + 16);
    }
    target.tabIndex = -1;
    target.scrollIntoView({ block: "center" });
    target.focus({ preventScroll: true });
    opener = link;
    link.setAttribute("aria-current", "true");
    return true;
  }

  function close() {
    clear();
    viewer.classList.remove("open");
    document.body.classList.remove("viewing");
    if (opener) opener.focus();
    opener = null;
  }

  document.addEventListener("click", (event) => {
    const link = event.target.closest("a.cite, a.open-doc");
    if (link && open(link)) event.preventDefault();
  });
  closeButton.addEventListener("click", close);
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && viewer.classList.contains("open")) {
      event.preventDefault();
      close();
    }
  });
})();
