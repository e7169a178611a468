import json
import os
from pathlib import Path

import pytest

from quotes.ingest import read_articles
from quotes.ingest.identity import article_id
from quotes.ingest.text import DecodeError, decode
from quotes.model import Article, Problem
from tests.conftest import SEEDS

STORY = "Bridge vote delayed again\n\n“We need more time,” Mayor Alma Reyes said on Tuesday.\n"


def read(*paths: Path) -> tuple[list[Article], list[Problem]]:
    items = list(read_articles(paths))
    return [a for a in items if isinstance(a, Article)], [
        p for p in items if isinstance(p, Problem)
    ]


def names(articles: list[Article]) -> list[str]:
    """The file each article was read from, by name: ids come from addresses or text."""
    return [Path(a.source or "").stem for a in articles]


def write_sidecar(folder: Path, entries: list[dict]) -> None:
    (folder / "sources.json").write_text(json.dumps(entries), encoding="utf-8")


def test_a_folder_is_read_recursively_in_name_order_folder_by_folder(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "c.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    articles, problems = read(tmp_path)
    assert names(articles) == ["a", "c", "two"]
    assert problems == []


def test_hidden_files_and_the_sidecar_are_not_articles(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    write_sidecar(tmp_path, [{"file": "story.txt", "outlet": "WWeek"}])
    articles, problems = read(tmp_path)
    assert names(articles) == ["story"] and problems == []


def test_sidecar_metadata_is_attached_and_unified(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    write_sidecar(
        tmp_path,
        [{"file": "story.txt", "url": "https://www.wweek.com/x/", "outlet": "WWeek",
          "published": "July 30, 2018", "title": "Vote delayed", "note": "a human note"}],
    )  # fmt: skip
    [article], _ = read(tmp_path)
    assert article == Article(
        id=article_id("https://wweek.com/x", None, ""),
        text=STORY.strip(),
        url="https://www.wweek.com/x/",
        outlet="Willamette Week",
        published="2018-07-30",
        title="Vote delayed",
        source=str(tmp_path / "story.txt"),
    )


def test_sidecar_values_win_over_inference_even_when_null(tmp_path: Path) -> None:
    text = "Bridge vote delayed\n\nBy Dana Whitfield\nPublished: March 4, 2021\n\nThe vote slipped."
    (tmp_path / "story.txt").write_text(text, encoding="utf-8")
    write_sidecar(tmp_path, [{"file": "story.txt", "published": None, "title": "Another"}])
    [article], _ = read(tmp_path)
    assert (article.published, article.title) == (None, "Another")


def test_without_a_sidecar_metadata_is_inferred_from_the_text(tmp_path: Path) -> None:
    text = (
        "Bridge vote delayed again\n\nBy Dana Whitfield\nPublished: March 4, 2021, 9:12pm\n\nText."
    )
    (tmp_path / "story.txt").write_text(text, encoding="utf-8")
    [article], _ = read(tmp_path)
    assert (article.published, article.title, article.outlet) == (
        "2021-03-04",
        "Bridge vote delayed again",
        None,
    )


def test_the_seeds_keep_their_sidecar_facts_and_the_saved_date_is_ignored() -> None:
    seeds = read(SEEDS)[0]
    articles = {name[:3]: a for a, name in zip(seeds, names(seeds), strict=True)}
    assert len(articles) == 5
    assert articles["001"].published == "2019-09-25"
    assert articles["003"].outlet == "Willamette Week"
    assert articles["003"].published == "2018-07-30"
    assert articles["000"].published is None


def test_a_broken_sidecar_is_reported_and_the_articles_still_read(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "sources.json").write_text('[{"file": "story.txt",', encoding="utf-8")
    articles, problems = read(tmp_path)
    assert names(articles) == ["story"]
    assert [p.source for p in problems] == [str(tmp_path / "sources.json")]
    assert "unusable sources.json" in problems[0].message


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty file"),
        (b"  \n\n \t\n", "empty file"),
        (b"\x00\x01\x02\x03binary", "binary file"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(1, 9)) * 40, "binary file"),
        (bytes(range(0x80, 0x100)) * 8, "undecodable"),
    ],
)
def test_bad_files_become_problems_and_the_rest_is_read(
    tmp_path: Path, content: bytes, message: str
) -> None:
    (tmp_path / "bad.txt").write_bytes(content)
    (tmp_path / "good.txt").write_text(STORY, encoding="utf-8")
    articles, problems = read(tmp_path)
    assert names(articles) == ["good"]
    assert [p.source for p in problems] == [str(tmp_path / "bad.txt")]
    assert message in problems[0].message


def test_a_missing_path_is_a_problem(tmp_path: Path) -> None:
    articles, problems = read(tmp_path / "nowhere.txt")
    assert articles == [] and problems == [
        Problem(str(tmp_path / "nowhere.txt"), "no such file or folder")
    ]


def test_an_unreadable_file_is_a_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text(STORY, encoding="utf-8")

    def refuse(self: Path, *args: object, **kwargs: object) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)
    articles, problems = read(locked)
    assert articles == []
    assert problems == [Problem(str(locked), "cannot read: Permission denied")]


def test_windows_line_ends_and_a_byte_order_mark_are_removed(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_bytes(b"\xef\xbb\xbf" + STORY.replace("\n", "\r\n").encode())
    [article], _ = read(tmp_path)
    assert article.text == STORY.strip()


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("cp1252", "“We will not build it,” Mayor Alma Reyes said at the café."),
        ("latin-1", "Señor Núñez said the café would reopen in June."),
        ("utf-16", "“Fine,” she said."),
        ("cp1251", "Мэр сказал, что новый мост не будет построен в этом году. " * 3),
    ],
)
def test_legacy_encodings_are_decoded(encoding: str, text: str) -> None:
    assert decode(text.encode(encoding)).endswith(text[-20:])


def test_utf8_with_a_stray_byte_keeps_the_rest_exact() -> None:
    raw = "“Fine,” she said. ".encode() * 5 + b"\xff" + "“Done,” he said.".encode()
    assert decode(raw).endswith("\ufffd“Done,” he said.")


def test_random_high_bytes_are_not_text() -> None:
    with pytest.raises(DecodeError, match="undecodable"):
        decode(bytes(range(0x80, 0x100)) * 8)


def test_a_file_of_unknown_type_or_a_page_saved_as_text_is_read_by_its_content(
    tmp_path: Path,
) -> None:
    (tmp_path / "story").write_text(STORY, encoding="utf-8")
    (tmp_path / "saved.txt").write_text(
        "<!DOCTYPE html><html><body><article><p>"
        + "Saved as text on Tuesday night. " * 5
        + "</p></article></body></html>",
        encoding="utf-8",
    )
    (tmp_path / "page.php").write_text(
        "<html><body><article><p>" + "The council met on Tuesday to vote. " * 5 + "</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    articles, problems = read(tmp_path)
    assert problems == []
    assert {name: a.text[:11] for a, name in zip(articles, names(articles), strict=True)} == {
        "page": "The council",
        "saved": "Saved as te",
        "story": "Bridge vote",
    }


def test_two_different_articles_with_one_file_name_keep_apart(tmp_path: Path) -> None:
    for folder, said in (("a", "“Yes,” she said."), ("b", "“No,” he said.")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(said, encoding="utf-8")
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "story.txt").write_text("“Yes,” she said.", encoding="utf-8")
    articles, _ = read(tmp_path)
    ids = [a.id for a in articles]
    assert ids[0] != ids[1] and ids[2] == ids[0]  # one text, one article, whatever the files
    assert ids == [a.id for a in read(tmp_path)[0]]  # the same id on every build


def test_files_named_one_by_one_still_get_their_sidecar_and_skip_it(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    write_sidecar(tmp_path, [{"file": "story.txt", "outlet": "OregonLive"}])
    articles, problems = read(*sorted(tmp_path.iterdir()))  # as a shell glob would name them
    assert [(n, a.outlet) for a, n in zip(articles, names(articles), strict=True)] == [
        ("story", "Oregon Live")
    ]
    assert problems == []


def test_without_its_sidecar_seed_001_dates_itself_by_its_published_line(tmp_path: Path) -> None:
    seed = next(SEEDS.glob("001_*.txt"))
    (tmp_path / seed.name).write_bytes(seed.read_bytes())
    [article], _ = read(tmp_path)
    assert article.text.startswith("Thursday,\u00a0 December 12 , 2024")
    assert article.published == "2019-09-25"


def test_without_its_sidecar_seed_003_has_no_date_from_its_update_note(tmp_path: Path) -> None:
    seed = next(SEEDS.glob("003_*.txt"))
    (tmp_path / seed.name).write_bytes(seed.read_bytes())
    [article], _ = read(tmp_path)
    assert "UPDATE 7/31/18" in article.text and article.published is None


def test_a_folder_that_cannot_be_listed_is_a_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "locked").mkdir()
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path: str) -> object:
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    articles, problems = read(tmp_path)
    assert names(articles) == ["story"]
    assert problems == [Problem(str(tmp_path / "locked"), "cannot list folder: Permission denied")]


def test_a_named_pipe_is_a_problem_not_a_hang(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    articles, problems = read(tmp_path)
    assert names(articles) == ["story"]
    assert problems == [Problem(str(tmp_path / "pipe.txt"), "not a regular file")]
