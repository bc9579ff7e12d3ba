"""Acronyms against the words they abbreviate: "ICBM" and "intercontinental ballistic missile".

Pure functions over word lists, so that coverage and name matching share them.
"""

from __future__ import annotations

# Small words an expansion may skip: "Ministry of Defence" is "MoD", "MD" alike.
_ACRONYM_GLUE = frozenset("of and the for & de".split())


def _spells(acronym: str, words: list[str], i: int, first: bool = True) -> int:
    """End index of a run of `words` from `i` whose initials spell `acronym`, or -1."""
    if not acronym:
        return i
    if i >= len(words):
        return -1
    word = words[i]
    if not first and word in _ACRONYM_GLUE and (end := _spells(acronym, words, i + 1, False)) > 0:
        return end
    if word[0] != acronym[0]:
        return -1
    if (end := _spells(acronym[1:], words, i + 1, False)) > 0:
        return end
    # Two letters from one word: "KCNA" spells "Korean Central News Agency", "UNSC"
    # may take "un" from "United".
    if len(acronym) > 1 and acronym[1] in word[1:]:
        return _spells(acronym[2:], words, i + 1, False)
    return -1


def acronym_runs(acronym: str, words: list[str]) -> list[tuple[int, int]]:
    """[start, end) runs of two or more words that `acronym` abbreviates.

    >>> acronym_runs("icbm", "the intercontinental ballistic missiles".split())
    [(1, 4)]
    """
    runs = []
    for i in range(len(words)):
        if words[i][0] == acronym[0] and (end := _spells(acronym, words, i)) - i >= 2:
            runs.append((i, end))
    return runs


def bare_acronym(word: str) -> str:
    """The acronym without a plural "s": "icbms" -> "icbm"; two-letter ones are left alone."""
    return word.removesuffix("s") if len(word) > 2 else word
