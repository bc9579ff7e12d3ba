"""Dictionary forms of words (lemminflect's `getAllLemmas`), imported without spaCy.

lemminflect imports spaCy whenever spaCy is installed, only to add methods to
spaCy's tokens, which nothing here uses. That import costs about half a second
of every run, and most runs never parse a sentence: `roles.py` imports spaCy
itself when a claim needs it. While lemminflect loads, an import finder answers
its `import spacy` as if spaCy were absent.
"""

from __future__ import annotations

import sys
from importlib.abc import MetaPathFinder


class _NoSpacy(MetaPathFinder):
    def find_spec(self, name: str, path: object, target: object = None) -> None:
        if name == "spacy":
            raise ModuleNotFoundError("spaCy is imported where it is used", name=name)


if "lemminflect" not in sys.modules and "spacy" not in sys.modules:
    _finder = _NoSpacy()
    sys.meta_path.insert(0, _finder)
    try:
        from lemminflect import getAllLemmas
    finally:
        sys.meta_path.remove(_finder)
else:
    from lemminflect import getAllLemmas

__all__ = ["getAllLemmas"]
