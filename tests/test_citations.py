import pytest

from quotes.extract.citations import extract_citations, outlet_in
from quotes.model import Citation
from tests.conftest import FIXTURES, article


def credits(text: str, outlet: str | None = None, url: str | None = None) -> list[tuple[str, str]]:
    """(outlet, words as written) for each credit in a short article."""
    return [(c.outlet, c.text) for c in extract_citations(article(text, outlet=outlet, url=url))]


def test_outlet_then_reported_credits_that_outlet_with_offsets() -> None:
    text = "“We were trapped,” said the union president, WWeek reported Monday."
    [citation] = extract_citations(article(text))
    assert citation == Citation("a1", "Willamette Week", "WWeek reported", 45, 59)
    assert text[citation.start : citation.end] == citation.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "According to Oregon Live, the contract ran to 2020.",
            ("Oregon Live", "According to Oregon Live"),
        ),
        (
            "The Williamette Week reports, “Police refused to respond.”",
            ("Willamette Week", "The Williamette Week reports"),
        ),
        (
            "Dailycaller.com reports: Protesters set up tents outside.",
            ("The Daily Caller", "Dailycaller.com reports"),
        ),
        (
            "The deal ran to 2020, the Oregonian/OregonLive reported .",
            ("Oregon Live", "the Oregonian/OregonLive reported"),
        ),
        (
            "The vote count was first reported by KOIN 6 on Tuesday.",
            ("KOIN", "first reported by KOIN 6"),
        ),
        (
            "“It is over,” the coach told The Associated Press.",
            ("Associated Press", "told The Associated Press"),
        ),
        (
            "In an interview with OPB, the chief said she had no choice.",
            ("Oregon Public Broadcasting", "In an interview with OPB"),
        ),
        (
            "Oregon Live first reported the contract in March.",
            ("Oregon Live", "Oregon Live first reported"),
        ),
        (
            "According to a report in The New York Times, talks collapsed.",
            ("The New York Times", "According to a report in The New York Times"),
        ),
        ("WWeek’s story drew wide attention at City Hall.", ("Willamette Week", "WWeek’s story")),
        ("“We are done,” reported The Oregonian.", ("Oregon Live", "reported The Oregonian")),
        ("NBC News was first to report the firing.", ("NBC News", "NBC News was first to report")),
        ("The memo, obtained by Politico, lists six names.", ("Politico", "obtained by Politico")),
        (
            "The Oregonian, which first reported the story, said talks failed.",
            ("Oregon Live", "The Oregonian, which first reported"),
        ),
        (
            "The plan was reported Monday by Willamette Week.",
            ("Willamette Week", "reported Monday by Willamette Week"),
        ),
        (
            "An Oregonian analysis of the records found gaps.",
            ("Oregon Live", "An Oregonian analysis"),
        ),
        (
            "The union, citing the Seattle Times, called it a mistake.",
            ("The Seattle Times", "citing the Seattle Times"),
        ),
    ],
)
def test_common_credit_wordings_name_the_unified_outlet(text: str, expected: tuple) -> None:
    assert credits(text) == [expected]


def test_an_unknown_outlet_counts_when_its_name_reads_like_a_newspaper() -> None:
    assert credits("The Tribune reported the deal late Tuesday.") == [
        ("The Tribune", "The Tribune reported")
    ]
    assert credits("The Kell Valley Courier first reported the vote.") == [
        ("Kell Valley Courier", "The Kell Valley Courier first reported")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Smith reported the error to his manager.",
        "Police reported two arrests on Sunday.",
        "Michael Bloomberg said he would run again.",
        "Hill said the bill was dead.",
        "He told reporters on Monday that he was done.",
        "He told Congress the plan was sound.",
        "The senator told the Senate Judiciary Committee nothing.",
        "According to the police report, two men fled.",
        "According to Smith, the deal is off.",
        "A Senate report found gaps in the records.",
        "The theft was reported by phone.",
        "The Portland Police Bureau said in a statement that it regretted the delay.",
    ],
)
def test_people_and_institutions_are_not_credited_as_outlets(text: str) -> None:
    assert credits(text) == []


def test_a_sentence_break_does_not_glue_a_word_onto_an_outlet() -> None:
    assert credits("It was Monday. The Tribune reported that the mayor quit.") == [
        ("The Tribune", "The Tribune reported")
    ]
    assert credits("On Monday The Tribune reported that the mayor quit.") == [
        ("The Tribune", "The Tribune reported")
    ]


def test_an_article_does_not_credit_its_own_outlet() -> None:
    text = "“It was chaos,” the officer tells WW. An email obtained by WW shows it."
    assert credits(text, outlet="Willamette Week") == []
    assert credits(text, url="https://www.wweek.com/news/x/") == []
    assert [o for o, _ in credits(text, outlet="Eagle Rising")] == ["Willamette Week"] * 2


def test_credits_work_across_non_breaking_spaces() -> None:
    assert credits("The camp closed, The Daily Caller News Foundation\u00a0reported.") == [
        ("The Daily Caller", "The Daily Caller News Foundation\u00a0reported")
    ]


def test_credits_come_in_text_order() -> None:
    text = "Oregon Live reported the vote. Later, according to WWeek, the mayor relented."
    assert [o for o, _ in credits(text)] == ["Oregon Live", "Willamette Week"]


def test_outlet_in_requires_known_one_word_names_as_written() -> None:
    assert outlet_in("Reuters") == "Reuters"
    assert outlet_in("Hill") is None
    assert outlet_in("the Hill") == "The Hill"
    assert outlet_in("riverton-ledger.com") == "riverton-ledger.com"


def test_a_whole_article_credits_its_sources_and_nobody_else() -> None:
    text = (FIXTURES / "ingest.credits.txt").read_text(encoding="utf-8")
    found = extract_citations(article(text, outlet="The Riverton Ledger"))
    assert [(c.outlet, c.text) for c in found] == [
        ("Kell Valley Courier", "the Kell Valley Courier reported"),
        ("Willamette Week", "obtained by Willamette Week"),
        ("Willamette Week", "told WWeek"),
        ("Oregon Live", "According to The Oregonian/OregonLive"),
        ("Oregon Public Broadcasting", "in an interview with OPB"),
        ("Associated Press", "The Associated Press contributed to this report"),
    ]
    assert all(text[c.start : c.end] == c.text for c in found)
