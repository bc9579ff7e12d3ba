"""Story clustering on small hand-made corpora, and the one-source-per-wire-text rule."""

from __future__ import annotations

import json
from pathlib import Path

from summarizer.ingest.files import ingest
from summarizer.models import Document
from summarizer.pipeline import segment_shapes
from summarizer.progress import Timer
from summarizer.stories import Budget, plan_stories
from summarizer.stories.cluster import cluster_documents

# Two stories of two outlets each, shared with tests/test_cli_stories.py.
TWO_STORIES = json.loads((Path(__file__).parents[1] / "fixtures" / "two_stories.json")
                         .read_text(encoding="utf-8"))
KIM = [tuple(pair) for pair in TWO_STORIES["kim"]]
SWEDEN = [tuple(pair) for pair in TWO_STORIES["sweden"]]


def documents(pairs: list[tuple[str, str]]) -> list[Document]:
    return [
        Document(doc_id=f"d{i}", path=f"d{i}.txt", title=title, sha256="0" * 64,
                 text=f"{title}\n{text}\n")
        for i, (title, text) in enumerate(pairs)
    ]


def stories_of(docs: list[Document]) -> list[set[str]]:
    corpus = segment_shapes(docs)
    return [set(s.doc_ids) for s in cluster_documents(docs, corpus)]


def test_two_unrelated_stories_are_split() -> None:
    docs = documents([KIM[0], SWEDEN[0], KIM[1], SWEDEN[1]])
    assert sorted(stories_of(docs), key=min) == [{"d0", "d2"}, {"d1", "d3"}]


def test_paraphrased_headlines_of_one_event_are_one_story() -> None:
    # The two headlines share no content word; the leads and names say it is one event.
    docs = documents([KIM[0], KIM[1]])
    assert stories_of(docs) == [{"d0", "d1"}]


def test_a_document_about_two_stories_goes_to_the_one_it_is_mostly_about() -> None:
    mostly_kim = (
        "Kim inspects munitions plants as North Korea expands missile output",
        "Kim Jong Un inspected munitions enterprises in Pyongyang and ordered more missile "
        "factories, KCNA said. Kim told officials the missile sector must grow. KCNA said new "
        "munitions factories will be built next year.\nIn other news, Sweden topped the Good "
        "Country Index.",
    )
    docs = documents([*KIM, *SWEDEN, mostly_kim])
    found = stories_of(docs)
    assert {"d0", "d1", "d4"} in found
    assert {"d2", "d3"} in found


def test_story_ids_and_order_are_stable() -> None:
    docs = documents([SWEDEN[0], KIM[0], SWEDEN[1], KIM[1]])
    first = cluster_documents(docs, segment_shapes(docs))
    assert first == cluster_documents(docs, segment_shapes(docs))
    assert [s.story_id for s in first] == ["story001", "story002"]
    assert set(first[0].doc_ids) == {"d0", "d2"}


def test_wire_copy_is_one_text_one_source_with_both_outlets(tmp_path: Path) -> None:
    wire = KIM[0][1] + " The factories will open next year, officials added in Pyongyang."
    rows = [
        {"title": KIM[0][0], "text": wire, "url": "https://www.yahoo.com/news/kim-factories"},
        {"title": "Kim wants more missiles", "text": wire,
         "url": "https://www.washingtonpost.com/world/kim-missiles"},
        {"title": KIM[1][0], "text": KIM[1][1], "url": "https://apnews.com/article/kim"},
    ]
    path = tmp_path / "export.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    docs = ingest([path])
    assert len(docs) == 2  # the wire text is kept once
    (copied,) = [d for d in docs if d.copies]
    assert {copied.outlet, *copied.copies} == {"yahoo.com", "washingtonpost.com"}
    main, also, omitted = plan_stories(segment_shapes(docs), Budget(), Timer())
    (story,) = main
    assert (also, omitted) == ([], [])
    assert story.sources == 2  # the wire text and AP: two sources, not three
    assert story.outlets == ("apnews.com", "washingtonpost.com", "yahoo.com")


def test_single_source_stories_go_to_also_reported_and_bounds_are_listed() -> None:
    docs = documents([*KIM, SWEDEN[0]])
    main, also, omitted = plan_stories(segment_shapes(docs), Budget(items_per_story=1),
                                       Timer())
    assert [set(p.docs.doc_ids) for p in main] == [{"d0", "d1"}]
    assert [p.docs.doc_ids for p in also] == [("d2",)]
    assert len(main[0].plan.facts) == 1 and len(also[0].plan.facts) == 1
    reasons = set(main[0].plan.omitted.values())
    assert "beyond --items-per-story 1" in reasons
    main, also, omitted = plan_stories(segment_shapes(docs), Budget(max_stories=1),
                                       Timer())
    assert len(main) == 1 and len(also) == 1 and omitted == []


def test_stories_beyond_max_stories_are_omitted_with_reason() -> None:
    docs = documents([*KIM, *SWEDEN])
    main, _, omitted = plan_stories(segment_shapes(docs), Budget(max_stories=1), Timer())
    assert len(main) == 1
    (left,) = omitted
    assert left.kind == "story" and left.reason == "beyond --max-stories 1"
    assert left.story_id not in {p.docs.story_id for p in main}


def test_a_document_left_alone_joins_the_story_of_its_closest_document() -> None:
    import numpy as np
    from scipy.sparse import csr_matrix

    from summarizer.stories.cluster import JOIN_SINGLE, _join_singles

    # Documents 0 and 1 are one story; 2 is close to 1 only; 3 is close to nothing;
    # 4 and 5 are each other's closest, and join.
    sim = np.zeros((6, 6))
    for i, j, v in [(0, 1, 0.4), (1, 2, JOIN_SINGLE + 0.01), (0, 3, JOIN_SINGLE - 0.05),
                    (4, 5, JOIN_SINGLE + 0.02)]:
        sim[i, j] = sim[j, i] = v
    labels = _join_singles(csr_matrix(sim), np.array([0, 0, 1, 2, 3, 4]))
    assert labels[2] == labels[0] and labels[3] not in (labels[0], labels[4])
    assert labels[4] == labels[5]


def test_a_page_that_speaks_to_its_reader_is_left_out_as_no_news() -> None:
    from summarizer.stories.ranking import NOT_NEWS

    notice = ("Almost there", "Your custom domain mapping may take up to 24 hours to resolve. "
              "If you need more help, see our guide. You can check the status in your account.")
    docs = documents([*KIM, notice, SWEDEN[0]])
    main, also, omitted = plan_stories(segment_shapes(docs), Budget(), Timer())
    assert [set(p.docs.doc_ids) for p in main] == [{"d0", "d1"}]
    assert [p.docs.doc_ids for p in also] == [("d3",)]  # a news report of one source stays
    (left,) = omitted
    assert left.reason == NOT_NEWS and left.text


def test_a_notice_that_opens_the_page_is_no_headline() -> None:
    from summarizer.stories.headlines import usable_title

    player = Document(doc_id="p", path="p.txt", sha256="0" * 64,
                      title="Media playback is unsupported on your device",
                      text="Media playback is unsupported on your device\nThe search resumed.\n")
    assert not usable_title(player)
    assert usable_title(documents(KIM)[0])
