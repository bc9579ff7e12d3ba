"""Build the third adversarial suite: template edits of DUC 2003 newswire, hand-checked.

The verifier's rules and its learned model were never tuned on DUC 2003. Each
row edits one source sentence by a template of one of SummEdits' edit kinds
that the verifier is weakest on, and every row was read by hand before the
suite was frozen (`KEPT` and `REJECTED` say which stayed):

- attribution_dropped (false): "X said Y" / "Y, X said." claimed as plain "Y";
- antonym (false): one word replaced by its opposite, from the pairs below
  (written for this suite; the verifier's own opposites come from elsewhere);
- entity_swap (false): a name replaced by another name of the same document
  that the sentence does not hold;
- role_swap (false): who did what to whom reversed, written by hand (`ROLE_SWAPS`):
  no template found enough sentences it could swap safely;
- controls (true): the attribution kept in other words ("According to X,
  Y."), and the sentence without its dateline (`control_verbatim`).

Written once to `evals/adversarial/duc.jsonl`, in a commit of its own before
any change to the verifier that it measures, and then kept as it is.
`python -m evals.verifier` scores it beside the other suites, per kind.

Run: `python -m evals.adversarial_duc [--per-kind N]`.
"""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from pathlib import Path

import pysbd

from evals.verifier import EVALDATA, build_suite
from summarizer.language.lemmas import getAllLemmas

ROOT = Path(__file__).resolve().parent.parent
DUC = EVALDATA.parent / "duc2003" / "duc2003_task4_clusters.jsonl"
OUT = ROOT / "evals" / "adversarial" / "duc.jsonl"
SEED = 2003
_SEG = pysbd.Segmenter(language="en", clean=False)

# Opposites for this suite only: a word and the word that reverses what it says.
PAIRS = [
    ("increased", "decreased"), ("rose", "fell"), ("raised", "lowered"), ("won", "lost"),
    ("approved", "rejected"), ("accepted", "rejected"), ("expanded", "reduced"),
    ("higher", "lower"), ("supported", "opposed"),
    ("allowed", "banned"), ("opened", "closed"), ("began", "ended"), ("strong", "weak"),
    ("guilty", "innocent"), ("larger", "smaller"), ("gained", "lost"), ("agreed", "refused"),
    ("success", "failure"), ("successful", "unsuccessful"), ("increase", "decrease"),
    ("lifted", "imposed"), ("confirmed", "denied"), ("passed", "defeated"),
    ("acquitted", "convicted"), ("legal", "illegal"), ("public", "private"),
    ("rising", "falling"), ("maximum", "minimum"), ("best", "worst"), ("north", "south"),
    ("east", "west"), ("victory", "defeat"), ("ally", "enemy"), ("increases", "decreases"),
    ("rises", "falls"), ("wins", "loses"), ("easier", "harder"),
]
OPPOSITE = {**{a: b for a, b in PAIRS}, **{b: a for a, b in PAIRS}}
SPEECH = r"(?:said|says|told reporters|reported|announced|claimed|alleged|charged|insisted)"
DATELINE = re.compile(
    r"^[A-Z][A-Z.'\- ]+(?:,\s+[A-Z][\w.]*(?:\s+[\w.]+){0,2})?\s*(?:\([\w. ]+\)\s*)?"
    r"(?:--|—|–|-|_|:)\s+")
# "Y, X said." with X a short noun phrase; "X said (that) Y."
_TRAILING_SPEAKER = re.compile(
    rf"^(?P<y>[A-Z].{{30,}}?),\s+"
    rf"(?P<x>(?:[A-Z][\w.'-]*\s?){{1,4}}|(?:the |an? )?[a-z][\w ]{{2,40}}?)"
    rf"\s+{SPEECH}(?:\s+(?:on\s+)?\w+day)?\.$")
_LEADING_SPEAKER = re.compile(
    rf"^(?P<x>(?:[A-Z][\w.'-]*\s){{1,4}})(?:\w+day\s)?{SPEECH}\s+(?:that\s+)?(?P<y>[a-z].{{30,}}\.)$")
_NAME = re.compile(r"(?<![\w.])(?:[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2})")
# Who did what to whom, reversed, written by hand on sentences of DUC 2003: (docno, sentence
# number among the document's sentences, the claim).
ROLE_SWAPS = [
    ("NYT19990125.0491", 17, "The Supreme Court's decision marked a victory for the Clinton "
     "administration, which sued the House and 16 people."),
    ("NYT20000102.0104", 82, "The Red Baron and the cat next door challenged Snoopy."),
    ("NYT19980610.0296", 19, "Washington State beat Michigan in the Rose Bowl."),
    ("NYT20000831.0392", 35, "On Saturday, James Arvaluk, 52, the education minister, arrested "
     "Royal Canadian Mounted Police officers and charged them with assault."),
    ("NYT20000722.0003", 6, "In September, Danforth appointed Reno special counsel to "
     "investigate Waco."),
    ("APW19981215.0027", 34, "Some officials have urged Hodler to investigate alleged "
     "malpractice cited by the IOC in the election campaigns of Atlanta (1996), Nagano, "
     "Sydney (2000) and Salt Lake City."),
    ("NYT20000304.0128", 25, "Under party rules, only the votes of party members will count in "
     "selecting delegates for each party, and McCain has consistently led Bush 2-1 among "
     "Republican voters."),
    ("XIE19970711.0148", 0, "The U.S. government has urged Kenya to refrain from accusing it "
     "over the recent confrontations between Kenyan police and opposition supporters, "
     "according to local press reports today."),
    ("NYT20000304.0128", 103, "In September, polls showed that Bradley led Gore 40 percent to "
     "36 percent."),
    ("NYT19990504.0015", 30, "No. 1-ranked Florida State beat Tennessee, 23-16, in the Fiesta "
     "Bowl."),
    ("APW19981124.0186", 0, "The Czech Republic's defense minister praised Britain on Tuesday "
     "for progress toward NATO membership."),
    ("NYT20000304.0128", 72, "In 1992, they helped President Bush beat Ross Perot in the "
     "state's general election."),
    ("XIE20000229.0043", 2, "McCain won victories in New Hampshire, Michigan and Arizona "
     "primaries, but McCain defeated Bush in Iowa, Delaware and South Carolina."),
    ("XIE19980527.0288", 0, "Monica Lewinsky has asked Independent Counsel Kenneth Starr to be "
     "fingerprinted and to give voice and handwriting samples in the next few days, news "
     "reports said on Tuesday."),
    ("APW19990914.0157", 19, "That about-face sparked congressional outrage and led former Sen. "
     "John Danforth to appoint Reno as an outside investigator."),
    ("XIE19970101.0084", 2, "India had accused Bangladesh of withdrawing the Ganges water at "
     "the upper stream, thus greatly reducing the water flowing into India during the dry "
     "season beginning in January."),
    ("APW19981214.0766", 8, "The Salt Lake bid committee accused Hodler of operating a fund "
     "that provided nearly dlrs 400,000 in aid to 13 people, including six relatives of IOC "
     "members."),
    ("APW20000622.0173", 24, "The U.S. District Court for the District of Columbia asked "
     "Justice to dismiss or delay proceedings in the case."),
]
# Read by hand. Antonyms and entity swaps: the template made as many unfair rows as fair ones
# (an opposite that breaks the grammar, "lost't"; a person swapped for a place), so only the
# rows listed here, by (doc, sentence number), were kept.
KEPT = {
    "entity_swap": {
        ("NYT19990623.0447", 1), ("NYT20000304.0128", 1), ("NYT19990728.0230", 0),
        ("NYT19980730.0279", 1), ("XIE19980918.0054", 1), ("APW20000622.0173", 0),
        ("NYT19991101.0326", 1), ("XIE19990127.0051", 1), ("NYT19990702.0224", 13),
        ("APW19990103.0102", 0), ("XIE19980123.0254", 1), ("XIE19981220.0057", 0),
        ("XIE20000628.0243", 4), ("NYT19990125.0292", 0), ("NYT19991111.0082", 0)},
    "antonym": {
        ("XIE19980822.0106", 0), ("NYT19990426.0135", 1), ("APW19981210.1323", 0),
        ("APW19990814.0103", 1), ("APW19980923.1314", 4), ("XIE19970413.0069", 0),
        ("NYT19990403.0136", 0), ("XIE20000415.0005", 3), ("XIE19990827.0075", 2),
        ("XIE19990420.0347", 3), ("NYT19980605.0006", 3), ("XIE19960509.0108", 0),
        ("NYT19990401.0358", 0), ("NYT20000403.0201", 0), ("NYT19980727.0091", 3),
        ("APW20000713.0031", 4), ("APW19990903.0089", 0), ("APW19981026.1082", 0),
        ("APW19981216.0232", 0), ("XIE20000308.0022", 0), ("APW19990909.0130", 0),
        ("APW19991026.0100", 1), ("APW20000225.0055", 1), ("NYT19991018.0232", 1),
        ("NYT19990305.0115", 3), ("NYT19981026.0419", 2), ("XIE19990313.0229", 6),
        ("APW19981022.0553", 2), ("XIE19980501.0006", 0), ("XIE19970101.0084", 0),
        ("NYT19990520.0513", 1)},
}
# Attribution rows thrown out after reading (with their controls), and why.
REJECTED: dict[tuple[str, int], str] = {
    ("NYT19990608.0435", 18): "'she' in the claim: who she is was in the speaker",
    ("XIE19990322.0049", 8): "the cut left 'That ...' with no main clause",
    ("XIE19980209.0051", 2): "the speaker pattern cut the sentence in the wrong place",
    ("APW19981223.0206", 2): "'he' in the claim: who he is was in the speaker",
    ("NYT19990812.0015", 6): "'he' in the claim: who he is was in the speaker",
}


def sentences(text: str) -> list[str]:
    out = []
    for s in _SEG.segment(text):
        s = s.strip()
        if s and any(c.isalpha() for c in s):
            out.append(s)
    return out


def undated(text: str) -> str:
    m = DATELINE.match(text)
    return text[m.end():] if m else text


def _upper(text: str) -> str:
    return text[0].upper() + text[1:]


_PRONOUN_START = re.compile(r"^(?:he|she|it|its|they|their|his|her|we|i|last|this|in an)\b",
                            re.IGNORECASE)


def attribution(s: str) -> tuple[str, str] | None:
    """(claim without the speaker, claim with it in other words), or None. A claim that
    would open with a pronoun or keeps a second speaker is not made: it would not be fair."""
    if '"' in s or "``" in s or "''" in s or re.search(r"\b(?:added|says)\b", s):
        return None  # a quotation, or a second speaker, is a different edit
    pair = _attribution(s)
    if pair is None or _PRONOUN_START.match(pair[0]):
        return None
    return pair


def _attribution(s: str) -> tuple[str, str] | None:
    if m := _TRAILING_SPEAKER.match(s):
        y, x = m.group("y"), m.group("x").strip()
    elif m := _LEADING_SPEAKER.match(s):
        x, y = m.group("x").strip(), m.group("y")[:-1]
    else:
        return None
    x = re.sub(r"^(?:But|And|So)\s+", "", x)
    if x.lower() in {"he", "she", "they", "it", "we", "i"}:
        return None  # who says it is in another sentence
    return f"{_upper(y)}.", f"According to {x}, {_lower_first(y)}."


_FUNCTION_WORDS = set("the a an although though despite with under in on at as for after before "
                      "while there this that these those some many most all ultimately".split())
_PLACES = {"china", "india", "japan", "turkey", "chile", "jordan"}


def _lower_first(y: str) -> str:
    """The sentence's first word in lower case where it is a common word, not a name."""
    first = re.sub(r"(?:'s|’s|,)$", "", y.split()[0]).lower()
    common = first in _FUNCTION_WORDS or (getAllLemmas(first) and first not in _PLACES)
    return y[0].lower() + y[1:] if common else y


def antonym(s: str, rng: random.Random) -> str | None:
    words = [(m.start(), m.group()) for m in re.finditer(r"(?<![\w-])[a-z]+(?![\w-])", s)
             if m.group() in OPPOSITE]
    if not words:
        return None
    at, word = rng.choice(words)
    return s[:at] + OPPOSITE[word] + s[at + len(word):]


_NOT_NAMES = set("They He She It We I The A An In On At This That Monday Tuesday Wednesday "
                 "Thursday Friday Saturday Sunday January February March April May June July "
                 "August September October November December Mr Mrs Ms Dr".split())


_ORG_WORDS = set("Bureau Department Committee Court Party Union Commission Council Association "
                 "Organization Agency Senate House Congress Company Inc Corp University "
                 "Institute Administration Ministry Board Bank Service Society Foundation "
                 "Church Army Force Navy Police Assembly Parliament Federation".split())
_FIRST_NAMES = {line.split("\t")[0] for line in (
    ROOT / "summarizer" / "language" / "first_names.txt").read_text(encoding="utf-8").splitlines()}


def kind_of(name: str, text: str) -> str | None:
    """person, organisation or place, from the name and how the document uses it; else None."""
    words = name.split()
    if set(words) & _ORG_WORDS:
        return "organisation"
    if words[0] in _FIRST_NAMES and len(words) > 1:
        return "person"
    if re.search(rf"\b(?:in|from|to|near) {re.escape(name)}\b", text):
        return "place"
    return None


def entity_swap(s: str, names: list[str], text: str, rng: random.Random) -> str | None:
    """A name of two or three words replaced by another of the document's names of the same
    kind (person, organisation, place) that the sentence does not hold."""
    own = [m for m in _NAME.finditer(s) if m.start() > 0 and len(m.group().split()) > 1
           and not set(m.group().split()) & _NOT_NAMES]
    rng.shuffle(own)
    for m in own:
        kind = kind_of(m.group(), text)
        same = [n for n in names if n not in s and not set(n.split()) & _NOT_NAMES
                and kind is not None and kind_of(n, text) == kind]
        if same:
            return s[:m.start()] + rng.choice(same) + s[m.end():]
    return None


def build(per_kind: int) -> list[dict]:
    rng = random.Random(SEED)
    rows: list[dict] = []
    made: Counter[str] = Counter()
    docs = []
    for row in (json.loads(line) for line in DUC.open(encoding="utf-8")):
        for d in row["documents"]:
            docs.append((d["docno"], [undated(s) for s in sentences(d["text"])]))
    rng.shuffle(docs)
    # Role swaps are rare in a form a template can swap safely: written by hand instead.
    by_doc = dict(docs)
    for docno, i, claim in ROLE_SWAPS:
        sents = by_doc[docno]
        rows.append({"claim": claim, "evidence": sents[max(0, i - 1): i + 2], "label": False,
                     "kind": "role_swap", "doc": docno, "sentence": i,
                     "note": f"from: {sents[i]}"})
        made["role_swap"] += 1
    for docno, sents in docs:
        seen = Counter(m.group() for s in sents for m in _NAME.finditer(s) if m.start() > 0)
        names = sorted(n for n, k in seen.items() if k >= 2)  # said twice: a name, not a title
        for i, s in enumerate(sents):
            if not 8 <= len(s.split()) <= 45 or not s.endswith("."):
                continue
            evidence = sents[max(0, i - 1): i + 2]
            made_here = []
            if (pair := attribution(s)) and made["attribution_dropped"] < per_kind:
                made_here += [("attribution_dropped", pair[0], False),
                              ("control_attributed", pair[1], True)]
            elif (flipped := antonym(s, rng)) and made["antonym"] < per_kind:
                made_here.append(("antonym", flipped, False))
            elif (other := entity_swap(s, names, " ".join(sents), rng)) and (
                    made["entity_swap"] < per_kind):
                made_here.append(("entity_swap", other, False))
            elif made["control_verbatim"] < per_kind and i % 7 == 3:
                made_here.append(("control_verbatim", s, True))
            for kind, claim, label in made_here:
                rows.append({"claim": claim, "evidence": evidence, "label": label,
                             "kind": kind, "doc": docno, "sentence": i, "note": f"from: {s}"})
                made[kind] += 1
            if made_here:
                break  # one edited sentence a document: the suite spreads over many
    return [r for r in rows if (r["doc"], r["sentence"]) not in REJECTED
            and (r["kind"] not in KEPT or (r["doc"], r["sentence"]) in KEPT[r["kind"]])]


if __name__ == "__main__":
    build_suite(build, OUT, 40, __doc__.split("\n")[0])
