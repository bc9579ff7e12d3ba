"""The house: a package per stage, data flowing one way, no import circles.

Read from the code's own imports (every `import` and `from ... import`, the
ones inside functions too), so that a new arrow that breaks the layout fails
here before anyone has to find it in the tree.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Bottom to top: a module may import its own package and the layers below it only.
LAYERS = (
    ("summarizer", "summarizer.models", "summarizer.errors", "summarizer.settings",
     "summarizer.progress"),
    ("summarizer.language",),
    ("summarizer.ingest",),
    ("summarizer.segment",),
    # Below stories: grouping asks the verifier whether two sentences say the same thing.
    ("summarizer.verifier",),
    ("summarizer.stories",),
    ("summarizer.draft",),
    ("summarizer.archive",),
    ("summarizer.render",),
    ("summarizer.pipeline",),
    ("summarizer.cli",),
)
STAGES = ("ingest", "segment", "verifier", "stories", "draft", "archive", "render")
# Packages whose modules others use directly: a library layer, not a stage.
OPEN_PACKAGES = ("summarizer.language",)


def module_files() -> dict[str, Path]:
    """Dotted name -> file, for the product and its eval harness."""
    out = {}
    for top in ("summarizer", "evals"):
        for path in (ROOT / top).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            out[name] = path
    return out


MODULES = module_files()


def imports_of(name: str, path: Path) -> set[str]:
    """Every module of ours that `name` imports, resolved to the module, not the package,
    where a name imported from a package is one of its submodules."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                found.add(sub if sub in MODULES else base)
    return {m for m in found if m in MODULES or m.split(".")[0] not in ("summarizer", "evals")}


GRAPH = {name: imports_of(name, path) for name, path in MODULES.items()}


def layer(name: str) -> int:
    for i, members in enumerate(LAYERS):
        if any(name == m or (m != "summarizer" and name.startswith(m + ".")) for m in members):
            return i
    raise AssertionError(f"{name} is in no layer: add it to LAYERS")


def package_of(name: str) -> str:
    parts = name.split(".")
    return ".".join(parts[:2]) if parts[0] == "summarizer" and len(parts) > 2 else name


def test_no_import_circles() -> None:
    ours = {n: {m for m in deps if m in MODULES and m != n} for n, deps in GRAPH.items()}
    circles = []
    state: dict[str, int] = {}

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(ours[node]):
            # A package's __init__ re-exports its submodules; a submodule importing a
            # sibling through the package is reported, not the re-export itself.
            if state.get(nxt) == 1:
                circles.append(" -> ".join([*stack[stack.index(nxt):], nxt]))
            elif nxt not in state:
                visit(nxt, [*stack, nxt])
        state[node] = 2

    for start in sorted(ours):
        if start not in state:
            visit(start, [start])
    assert circles == []


@pytest.mark.parametrize("name", sorted(n for n in MODULES if n.startswith("summarizer")))
def test_data_flows_one_way(name: str) -> None:
    """A module imports the core, its own package and the stages before it only."""
    upward = [m for m in GRAPH[name] if m.startswith("summarizer")
              and package_of(m) != package_of(name) and layer(m) > layer(name)]
    assert upward == []


@pytest.mark.parametrize("name", sorted(n for n in MODULES if n.startswith("summarizer")))
def test_stages_are_entered_by_their_front_door(name: str) -> None:
    """Another stage's modules are reached through its `__init__`, never directly."""
    side_doors = [m for m in GRAPH[name] if m.startswith("summarizer.") and m.count(".") >= 2
                  and package_of(m) != package_of(name)
                  and package_of(m) not in OPEN_PACKAGES]
    assert side_doors == []


def test_only_the_cli_knows_click_and_only_draft_knows_llama_cpp() -> None:
    click = sorted(n for n, deps in GRAPH.items()
                   if n.startswith("summarizer") and "click" in {d.split(".")[0] for d in deps})
    llama = sorted(n for n, deps in GRAPH.items()
                   if "llama_cpp" in {d.split(".")[0] for d in deps})
    assert click == ["summarizer.cli"]
    assert llama and all(n.startswith("summarizer.draft.") for n in llama)


def test_the_tree_is_small_at_the_top_and_in_each_room() -> None:
    top = sorted(p.name for p in (ROOT / "summarizer").glob("*.py"))
    assert len(top) <= 8, top
    for stage in (*STAGES, "language"):
        assert (ROOT / "summarizer" / stage / "__init__.py").is_file()
        long = {p.name: n for p in (ROOT / "summarizer" / stage).glob("*.py")
                if (n := len(p.read_text(encoding="utf-8").splitlines())) >= 400}
        assert long == {}, stage


def test_tests_mirror_the_stages() -> None:
    for stage in (*STAGES, "language"):
        assert list((ROOT / "tests" / stage).glob("test_*.py")), f"tests/{stage}/ has no tests"


@pytest.mark.parametrize("stage", STAGES)
def test_no_export_is_named_like_a_module(stage: str) -> None:
    """`from summarizer.verifier import verify` must give the function whatever was imported
    before: a submodule of the same name would take its place once loaded."""
    package = __import__(f"summarizer.{stage}", fromlist=["__all__"])
    modules = {p.stem for p in (ROOT / "summarizer" / stage).glob("*.py")}
    assert set(package.__all__) & modules == set()
