"""Build the table of opposites the verifier reads, from WordNet 3.0's antonym relations.

A hand-written list of opposites ("rose"/"fell", "expand"/"cut") knows only the
pairs someone thought of; WordNet's lexical antonym pointers ("!") relate about
7,000 word pairs across adjectives, verbs, nouns and adverbs, none of them
chosen for this project's test cases. Single words only (a multi-word lemma
such as "set_up" is skipped), lower case, each pair once; written to
`summarizer/language/antonyms.tsv` ("word<TAB>word<TAB>pos" a line), with
WordNet's licence beside it in `summarizer/language/WORDNET-LICENSE` (WordNet 3.0
licence: use, copy, modify and distribute with the copyright notice kept).

Run once: `apt-get install wordnet-base` (Debian ships the WordNet 3.0 database in
/usr/share/wordnet), then `python -m training.wordnet_antonyms [WORDNET-DIR]`. The
product reads only the table.
"""

from __future__ import annotations

import sys
from pathlib import Path

LANGUAGE = Path(__file__).resolve().parent.parent / "summarizer" / "language"
DEST = LANGUAGE / "antonyms.tsv"
LICENSE = LANGUAGE / "WORDNET-LICENSE"
POS = {"adj": "a", "verb": "v", "noun": "n", "adv": "r"}
COPYRIGHT = Path("/usr/share/doc/wordnet-base/copyright")


def synset_words(line: str) -> list[str]:
    """The words of one data-file line, in order (word numbers count from 1)."""
    fields = line.split()
    count = int(fields[3], 16)
    return [fields[4 + 2 * i].split("(")[0].lower() for i in range(count)]


def pairs(folder: Path) -> set[tuple[str, str, str]]:
    """(word, opposite, pos) for every lexical antonym pointer between single words."""
    out = set()
    for name, pos in POS.items():
        data = (folder / f"data.{name}").read_bytes()
        for raw in data.splitlines():
            line = raw.decode("utf-8", "replace")
            if line.startswith(" "):  # the licence header
                continue
            fields = line.split()
            words = synset_words(line)
            at = 4 + 2 * len(words)
            for p in range(int(fields[at])):
                symbol, offset, _, where = fields[at + 1 + 4 * p: at + 5 + 4 * p]
                if symbol != "!":
                    continue
                source, target = int(where[:2], 16), int(where[2:], 16)
                target_line = data[int(offset):data.index(b"\n", int(offset))].decode()
                word, opposite = words[source - 1], synset_words(target_line)[target - 1]
                if "_" not in word and "_" not in opposite and word != opposite:
                    out.add((*sorted((word, opposite)), pos))  # type: ignore[arg-type]
    return out


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/usr/share/wordnet")
    if not (folder / "data.adj").is_file():
        raise SystemExit(f"no WordNet database at {folder}: apt-get install wordnet-base, or "
                         "pass the folder that holds data.adj")
    found = sorted(pairs(folder))
    DEST.write_text("".join(f"{a}\t{b}\t{pos}\n" for a, b, pos in found), encoding="utf-8")
    copyright_file = COPYRIGHT if COPYRIGHT.is_file() else folder.parent / "doc" / (
        "wordnet-base") / "copyright"
    if copyright_file.is_file():
        text = copyright_file.read_text(encoding="utf-8")
        LICENSE.write_text(text.split("\nFiles: debian/*")[0] + "\n", encoding="utf-8")
    print(f"{len(found)} pairs written to {DEST}")


if __name__ == "__main__":
    main()
