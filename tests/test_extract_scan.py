import regex

from quotes.extract.cues import CUE
from quotes.extract.scan import Scanner, trie

ARTICLE = (
    "The mayor said Monday that the budget was fine. Critics, who were quoted as saying it was "
    "not, went on to say the council essays nothing. “We will see,” Lee told reporters, and she "
    "later shot back at her critics. Unsaid things stay unsaid."
)


def test_trie_writes_shared_prefixes_once():
    assert trie(["say", "says", "saying"]) == "say(?:ing|s)?"


def test_trie_word_with_a_follower_only_counts_before_it():
    pattern = regex.compile(trie(["is"], {"is": r"\s+quoted"}))
    assert pattern.match("is quoted")
    assert not pattern.match("is fine")


def test_cue_scanner_finds_what_the_exact_pattern_finds():
    exact = [m.span() for m in CUE.exact.finditer(ARTICLE)]
    assert [m.span() for m in CUE.finditer(ARTICLE)] == exact
    assert [m[0] for m in CUE.finditer(ARTICLE)] == [
        "said",
        "were quoted as saying",
        "went on to say",
        "told reporters",
        "shot back",
    ]


def test_scanner_search_respects_bounds():
    start = ARTICLE.index("Critics")
    assert CUE.search(ARTICLE, start)[0] == "were quoted as saying"
    assert CUE.search(ARTICLE, 0, 10) is None


def test_cased_scanner_finds_capitalised_and_capital_words():
    scanner = Scanner(regex.compile(r"\baccording\s+to\b", regex.I), "according", cased=True)
    text = "According to Lee, and ACCORDING TO Kim, and according to Ruiz"
    assert len(list(scanner.finditer(text))) == 3
