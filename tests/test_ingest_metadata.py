import datetime

import pytest

from quotes.ingest.dates import date_from_url, iso_date
from quotes.ingest.metadata import infer_published, infer_title, make_article


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-09-25", "2019-09-25"),
        ("2019-09-25T21:12:00-07:00", "2019-09-25"),
        ("2021-04-09 14:02:11", "2021-04-09"),
        ("September 25, 2019", "2019-09-25"),
        ("Sept. 25, 2019, 9:12pm", "2019-09-25"),
        ("Thursday,  December 12 , 2024", "2024-12-12"),
        ("25 September 2019", "2019-09-25"),
        ("Wed, 25 Sep 2019 21:12:00 GMT", "2019-09-25"),
        ("9/25/2019", "2019-09-25"),
        ("7/31/18", "2018-07-31"),
        (1569445920, "2019-09-25"),
        ("1569445920000", "2019-09-25"),
        (datetime.date(2019, 9, 25), "2019-09-25"),
        ("February 30, 2019", None),
        ("last Tuesday", None),
        ("", None),
        (None, None),
    ],
)
def test_iso_date_reads_the_ways_news_writes_dates(value: object, expected: str | None) -> None:
    assert iso_date(value) == expected


def test_a_published_label_gives_the_date_not_the_saved_date_above_it() -> None:
    text = (
        "Thursday,  December 12 , 2024\n\nNews / Northwest\n\nPolice halt ICE training\n\n"
        "By Associated Press\nPublished: September 25, 2019, 9:12pm\n\nPORTLAND (AP) — The..."
    )
    assert infer_published(text) == "2019-09-25"


def test_an_update_note_is_not_the_publication_date() -> None:
    text = (
        "Police refused to respond\n\nThe union says...\n\nUPDATE 7/31/18: This post was updated."
    )
    assert infer_published(text) is None


def test_last_updated_labels_are_not_publication_dates() -> None:
    assert infer_published("Last updated: March 9, 2021\n\nThe council met.") is None
    assert infer_published("Updated March 9, 2021\nPosted March 4, 2021\n\nText.") == "2021-03-04"


def test_a_dateline_gives_the_publication_date() -> None:
    assert infer_published("WASHINGTON, Sept. 25, 2019 — The House voted.") == "2019-09-25"
    assert infer_published("March 4, 2021 (Reuters) - Shares fell.") == "2021-03-04"


def test_a_date_alone_beside_a_byline_is_the_publication_date() -> None:
    assert (
        infer_published("Vote delayed\n\nBy Dana Whitfield\nMarch 4, 2021\n\nText.") == "2021-03-04"
    )


def test_a_lone_date_without_byline_or_label_is_not_trusted() -> None:
    assert infer_published("Thursday, December 12, 2024\n\nThe council met on Tuesday.") is None


def test_dates_in_the_story_body_are_not_publication_dates() -> None:
    text = "The contract was signed on September 19, 2019, and ran to August 2020.\n\nMore."
    assert infer_published(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Council rejects river bridge plan\n\nThe council...",
            "Council rejects river bridge plan",
        ),
        ("Will the bridge ever be built?\n\nText.", "Will the bridge ever be built?"),
        ("PORTLAND, Or. – The bureau had signed a contract.\n\nText.", None),
        ("Thursday, December 12, 2024\n\nText.", None),
        ("Published: September 25, 2019\n\nText.", None),
        ("By Dana Whitfield\n\nText.", None),
        ("Home\n\nText.", None),
    ],
)
def test_the_first_line_is_the_title_only_when_it_reads_like_a_headline(
    text: str, expected: str | None
) -> None:
    assert infer_title(text) == expected


def test_make_article_prefers_sidecar_then_given_then_text_then_fallback() -> None:
    text = "Bridge vote delayed\n\nPublished: March 4, 2021\n\nText."
    article = make_article(
        text,
        "x.txt",
        given={"title": "From the page", "url": "https://www.oregonlive.com/x"},
        sidecar={"title": "From sources.json"},
        fallback={"published": "2024-12-12"},
    )
    assert (article.title, article.published, article.outlet) == (
        "From sources.json",
        "2021-03-04",
        "Oregon Live",
    )
    undated = make_article("Just text.", "y.txt", fallback={"published": "2024-12-12"})
    assert undated.published == "2024-12-12"


def test_placeholder_and_far_future_years_are_not_dates() -> None:
    assert iso_date("0001-01-01") is None
    assert iso_date("2999-01-01") is None
    assert iso_date(0) == "1970-01-01"


def test_an_unreadable_given_date_falls_back_to_the_text() -> None:
    text = "Vote delayed\n\nPublished: March 4, 2021\n\nText."
    article = make_article(text, "x.jsonl#1", given={"published": "yesterday"})
    assert article.published == "2021-03-04"


def test_a_time_may_come_between_the_label_and_the_date() -> None:
    assert infer_published("Posted 9:12 PM PDT Sep 25, 2019\n\nText.") == "2019-09-25"
    assert infer_published("Published by the city on March 4, 2021\n\nText.") is None


def test_a_date_at_the_end_of_the_byline_is_the_publication_date() -> None:
    assert infer_published("By Dana Whitfield | March 4, 2021 9:12 pm\n\nText.") == "2021-03-04"
    assert infer_published("By Dana Whitfield, who covered the March 4, 2021 vote\n\nText.") is None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "https://www.rivertonledger.example/news/courts/2018/07/30/council-delays-vote/",
            "2018-07-30",
        ),
        ("https://www.kellvalleycourier.example/news/2019/sep/25/ferry-returns/", "2019-09-25"),
        ("https://news.example/2021-03-04/library-hours", "2021-03-04"),
        ("https://news.example/archive/20210304/library-hours", "2021-03-04"),
        ("https://news.example/portland-ends-contract-with-ice/", None),
        ("https://news.example/2021/13/45/not-a-date", None),
    ],
)
def test_dates_in_article_addresses(url: str, expected: str | None) -> None:
    assert date_from_url(url) == expected


def test_an_address_date_comes_after_the_text_and_before_the_capture_date() -> None:
    url = "https://news.example/2019/sep/25/ferry/"
    assert (
        make_article("Text.", "a", {"url": url}, fallback={"published": "2024-12-12"}).published
        == "2019-09-25"
    )
    dated = "Ferry returns\n\nPublished: Sept. 24, 2019\n\nText."
    assert make_article(dated, "b", {"url": url}).published == "2019-09-24"
    assert make_article("Text.", "c", {"url": url}, sidecar={"published": None}).published is None
