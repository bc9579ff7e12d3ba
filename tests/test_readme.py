"""The README's CLI reference is generated from --help; it must not drift."""

from __future__ import annotations

from pathlib import Path

from cogapp import Cog

README = Path(__file__).parent.parent / "README.md"


def test_readme_cli_reference_matches_help() -> None:
    cog = Cog()
    cog.options.check = True
    cog.options.verbosity = 0
    assert cog.main(["cog", "--check", str(README)]) == 0, "run: cog -r README.md"
