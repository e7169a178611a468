import pytest

from quotes.outlets import canonical_outlet, domain_of, outlet_from_url, outlet_name


@pytest.mark.parametrize(
    "written",
    ["Willamette Week", "WW", "WWeek", "Williamette Week", "The Williamette Week", "wweek.com",
     "WWeek's", "WWeek’s", "https://www.wweek.com/news/", "WILLAMETTE WEEK"],
)  # fmt: skip
def test_every_spelling_of_willamette_week_is_one_outlet(written: str) -> None:
    assert canonical_outlet(written) == "Willamette Week"


@pytest.mark.parametrize(
    "written",
    ["Oregon Live", "OregonLive", "The Oregonian", "the Oregonian", "the Oregonian/OregonLive",
     "oregonlive.com", "Oregonian"],
)  # fmt: skip
def test_oregon_live_and_the_oregonian_are_one_outlet(written: str) -> None:
    assert canonical_outlet(written) == "Oregon Live"


@pytest.mark.parametrize(
    "written",
    ["Dailycaller.com", "The Daily Caller", "Daily Caller", "Daily Caller News Foundation"],
)
def test_daily_caller_spellings_are_one_outlet(written: str) -> None:
    assert canonical_outlet(written) == "The Daily Caller"


def test_a_double_name_whose_halves_are_one_outlet_is_that_outlet() -> None:
    assert canonical_outlet("OregonLive/The Oregonian") == "Oregon Live"


def test_a_double_name_of_two_outlets_is_not_known() -> None:
    assert canonical_outlet("WWeek/OregonLive") is None


def test_unknown_names_and_blanks_are_not_outlets() -> None:
    assert canonical_outlet("Chris Crane") is None
    assert canonical_outlet("  ") is None


def test_outlet_name_gives_an_unknown_outlet_one_spelling() -> None:
    assert outlet_name("  The   Riverton  Ledger ") == "Riverton Ledger"
    assert outlet_name("Riverton Ledger's") == "Riverton Ledger"
    assert outlet_name("the Tribune") == "The Tribune"
    assert outlet_name("Riverton Ledger") == "Riverton Ledger"


def test_outlet_name_gives_a_web_address_as_its_domain() -> None:
    assert outlet_name("https://www.RivertonLedger.example/news") == "rivertonledger.example"


def test_outlet_from_url_knows_outlets_by_their_domain() -> None:
    assert outlet_from_url("https://www.wweek.com/news/courts/2018/07/30/x/") == "Willamette Week"
    assert outlet_from_url("https://www.oregonlive.com/portland/2019/09/x.html") == "Oregon Live"
    assert outlet_from_url("https://dailycaller.com/2018/07/30/x/") == "The Daily Caller"
    assert outlet_from_url("https://www.lawenforcementtoday.com/x/") == "Law Enforcement Today"
    assert outlet_from_url("https://thepeoplesvoice.tv/x/") == "The People's Voice"
    assert outlet_from_url("https://abcnews.go.com/US/story") == "ABC News"


def test_outlet_from_url_of_an_unknown_site_is_its_tidy_domain() -> None:
    assert (
        outlet_from_url("https://m.news.kellvalleycourier.example/2021/x")
        == "kellvalleycourier.example"
    )
    assert outlet_from_url("not a url") is None


def test_domain_of_keeps_the_country_suffix_of_british_sites() -> None:
    assert domain_of("https://www.bbc.co.uk/news/uk-1") == "bbc.co.uk"
    assert domain_of("https://www.theguardian.com/uk") == "theguardian.com"


@pytest.mark.parametrize("bare", ["Hill", "Guardian", "Independent", "Times"])
def test_outlets_named_by_a_common_word_need_their_the(bare: str) -> None:
    assert canonical_outlet(bare) is None
    assert canonical_outlet("The " + bare) is not None
