"""Keep each article's extraction in the database, so a build extracts only new or changed ones.

Table `extractions`: one row per article holding what extraction found in it (quotes and
citations as JSON, before speakers are unified across the corpus; the quotes' ids, each a hash
that loading a corpus would compute again, as a line of them) and a fingerprint of
everything the result depends on: the article's id, text and metadata, and the extractor's own
source code, and that code's version alone. An article whose fingerprint matches its row is not
extracted again; any change to the article or to the extractor gives a new fingerprint. Articles
a build did not read are as stored: their row stands when this extractor's version wrote it, and
their text is not hashed again. Rows of articles no longer stored go. A failed extraction is
not kept: it is tried, and reported, again by the next build.

Deleting an article: remove its file (or its record from the file) and build again with the
folder (or the file) among the inputs. A file re-read without the article drops it; a file gone
from a folder the build reads drops all its articles (see vanished_files).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Collection, Iterable, Iterator, Sequence, Set
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from sqlite_utils import Database

from quotes import db as store
from quotes.ingest import file_of
from quotes.model import Article, Citation, Problem, Quote, Speaker, quote_id
from quotes.parallel import Extracted, extract_each
from quotes.views import where_in

TABLE = "extractions"
COLUMNS = {
    "article_id": str, "fingerprint": str, "quotes": str, "citations": str, "version": str,
    "reprint": str, "ids": str,
}  # fmt: skip
BATCH = 1000  # rows written per statement batch
Frozen = TypeVar("Frozen")

_PACKAGE = Path(__file__).resolve().parent
# The code whose output is stored: changing any of it makes every stored extraction stale.
_EXTRACTOR = ("extract", "outlets.py", "model.py", "parallel.py")
# The same for the clusters' rows.
_CLUSTERER = ("cluster", "outlets.py", "model.py", "db.py", "sync.py")


def extract_stored(
    db: Database,
    articles: Sequence[Article],
    progress: bool = False,
    read: Set[str] | None = None,
) -> Iterator[Extracted]:
    """What extract_one gives for each article, in order: read from `extractions` when the
    article is unchanged, extracted (in parallel when many) and stored otherwise.

    `read`: the articles this build read (every one when None); the others are as stored, so
    their row stands when this extractor wrote it, and their text is not hashed again (nor read:
    `articles` may come without texts, see db.load_articles)."""
    table = db.table(TABLE)
    table.create(COLUMNS, pk="article_id", if_not_exists=True)
    for column in ("version", "reprint", "ids"):  # a database from before rows held them
        if column not in table.columns_dict:
            table.add_column(column, str)
    table.create_index(["reprint"], if_not_exists=True)
    version = extractor_version()
    stored = {
        article_id: (print_, written == version)
        for article_id, print_, written in db.execute(
            f"select article_id, fingerprint, version from [{TABLE}]"
        )
    }
    hashed = [  # the others are as stored: their text is not even read
        i
        for i, a in enumerate(articles)
        if read is None or a.id in read or not stored.get(a.id, (None, False))[1]
    ]
    articles = with_texts(db, articles, hashed)
    prints: dict[int, str] = {}
    confirmed = []  # rows of this extractor that an older build wrote without its version
    for i in hashed:
        a = articles[i]
        print_, current = stored.get(a.id, (None, False))
        prints[i] = fingerprint(a)
        if prints[i] == print_:
            del prints[i]
            if not current:
                confirmed.append(a.id)
    for lo in range(0, len(confirmed), BATCH):
        chunk = confirmed[lo : lo + BATCH]
        db.execute(
            f"update [{TABLE}] set version = ? where article_id in ({', '.join('?' * len(chunk))})",
            [version, *chunk],
        )
    reprints = {i: reprint_key(articles[i]) for i in prints}
    copied = _stored_reprints(db, set(reprints.values()))
    table.insert_all(  # a stored reprint's extraction is this article's (reprint_key)
        (
            {"article_id": articles[i].id, "fingerprint": prints.pop(i), "version": version}
            | {"reprint": key, "quotes": copied[key][0], "citations": copied[key][1]}
            | {"ids": _ids(articles[i].id, json.loads(copied[key][0]))}
            for i, key in reprints.items()
            if key in copied
        ),
        pk="article_id",
        replace=True,
        batch_size=BATCH,
    )
    fresh = dict(
        zip(prints, extract_reprints_once([articles[i] for i in prints], progress), strict=True)
    )
    table.insert_all(
        (
            _row(articles[i], prints[i], reprints[i], found)
            for i, found in fresh.items()
            if found[2] is None
        ),
        pk="article_id",
        replace=True,
        batch_size=BATCH,
    )
    _forget_others(db, {a.id for a in articles})
    kept = {i for i in range(len(articles)) if i not in fresh}
    cached = _load(db, {articles[i].id for i in kept})
    for i, article in enumerate(articles):
        yield fresh[i] if i in fresh else cached[article.id]


def with_texts(db: Database, articles: Sequence[Article], at: Sequence[int]) -> list[Article]:
    """The articles, those at positions `at` with their stored text when they came without."""
    missing = {articles[i].id for i in at if not articles[i].text}
    texts = store.article_texts(db, missing) if missing else {}
    out = list(articles)
    for i in at:
        if out[i].id in texts:
            out[i] = replace(out[i], text=texts[out[i].id])
    return out


def extract_reprints_once(articles: Sequence[Article], progress: bool = False) -> list[Extracted]:
    """What extract_one gives for each article, extracting each distinct one once: wire copy
    reprinted word for word under other ids has the same quotes, moved to each reprint's id."""
    first: dict[tuple[str | None, ...], int] = {}
    original = [first.setdefault(_reprint_key(a), i) for i, a in enumerate(articles)]
    distinct = sorted(first.values())
    found = dict(
        zip(distinct, extract_each([articles[i] for i in distinct], progress), strict=True)
    )
    return [found[j] if i == j else _moved(found[j], articles[i]) for i, j in enumerate(original)]


def _reprint_key(article: Article) -> tuple[str | None, ...]:
    """What extraction reads of an article besides its id: text, title, own outlet (from the
    url only when no outlet is given, see extract/citations.py)."""
    url = None if article.outlet else article.url
    return (article.text, article.title, article.outlet, url)


def reprint_key(article: Article) -> str:
    """A digest of what this extractor reads of an article besides its id (_reprint_key): a
    stored extraction under the same digest is this article's, moved to its id."""
    payload = json.dumps([extractor_version(), *_reprint_key(article)], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()


def _stored_reprints(db: Database, keys: Collection[str]) -> dict[str, tuple[str, str]]:
    """Stored extractions (quotes and citations as stored) by reprint_key, for these keys."""
    out: dict[str, tuple[str, str]] = {}
    for where, chunk in where_in("reprint", keys):
        rows = db.execute(f"select reprint, quotes, citations from [{TABLE}] where {where}", chunk)
        out.update((key, (quotes, citations)) for key, quotes, citations in rows)
    return out


def _moved(found: Extracted, article: Article) -> Extracted:
    """One article's extraction given to a word-for-word reprint of it."""
    quotes, citations, problem = found
    return (
        [replace(q, article_id=article.id) for q in quotes],
        [replace(c, article_id=article.id) for c in citations],
        None if problem is None else Problem(article.source or article.id, problem.message),
    )


def fingerprint(article: Article) -> str:
    """Changes whenever the article's extraction could: its id, text, metadata or the extractor."""
    fields = [article.id, article.text, article.title, article.outlet, article.url]
    fields.append(article.published)
    payload = json.dumps([extractor_version(), *fields], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()


def extractor_version() -> str:
    """A hash of the extractor's source files, so a new version never reuses old results."""
    return _version(_EXTRACTOR)


def clusterer_version() -> str:
    """A hash of the source files clusters and their rows are made by."""
    return _version(_CLUSTERER)


@lru_cache(maxsize=2)
def _version(names: tuple[str, ...]) -> str:
    digest = hashlib.sha256()
    for name in names:
        path = _PACKAGE / name
        for file in sorted(path.rglob("*.py")) if path.is_dir() else [path]:
            digest.update(file.relative_to(_PACKAGE).as_posix().encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()


def _row(article: Article, print_: str, reprint: str, found: Extracted) -> dict[str, Any]:
    quotes, citations, _ = found
    return {
        "article_id": article.id,
        "fingerprint": print_,
        "version": extractor_version(),
        "reprint": reprint,
        "quotes": json.dumps([_quote_fields(q) for q in quotes], ensure_ascii=False),
        "ids": " ".join(q.id for q in quotes),
        "citations": json.dumps([[c.outlet, c.text, c.start, c.end] for c in citations]),
    }


def _ids(article_id: str, stored: list[list[Any]]) -> str:
    """The ids of an article's stored quotes (_quote_fields), as the column holds them."""
    return " ".join(quote_id(article_id, f[1], f[2]) for f in stored)


def _quote_fields(q: Quote) -> list[Any]:
    s = q.speaker
    speaker = [s.name, s.kind, s.description] if s else None
    return [q.text, q.start, q.end, q.kind, speaker, q.cue, q.credit, q.rule]


def _load(db: Database, ids: set[str]) -> dict[str, Extracted]:
    """The stored extractions of these articles. Each distinct stored list is decoded once (a
    text reprinted by many articles is stored as many equal lists)."""
    out: dict[str, Extracted] = {}
    if not ids:
        return out
    decoded: dict[str, list[dict[str, Any]]] = {}
    cited: dict[str, list[list[Any]]] = {}
    for article_id, quotes, citations, stored_ids in db.execute(
        f"select article_id, quotes, citations, ids from [{TABLE}]"
    ):
        if article_id not in ids:
            continue
        fields = decoded.get(quotes)
        if fields is None:
            fields = decoded[quotes] = [_fields(f) for f in json.loads(quotes)]
        credits = cited.get(citations)
        if credits is None:
            credits = cited[citations] = json.loads(citations)
        own = (
            stored_ids.split()
            if stored_ids is not None
            else [quote_id(article_id, f["start"], f["end"]) for f in fields]
        )
        out[article_id] = (
            _quotes(article_id, fields, own),
            [Citation(article_id, *c) for c in credits],
            None,
        )
    return out


def _quotes(article_id: str, fields: list[dict[str, Any]], ids: list[str]) -> list[Quote]:
    """Quotes of these attributes (_fields) in this article, knowing their ids: made as _made
    makes them, inline, as a stored corpus has hundreds of thousands."""
    out = []
    new = object.__new__
    for f, i in zip(fields, ids, strict=True):
        q = new(Quote)
        held = q.__dict__
        held.update(f)
        held["article_id"] = article_id
        held["id"] = i
        out.append(q)
    return out


def _fields(stored: list[Any]) -> dict[str, Any]:
    """A stored quote's attributes as a Quote holds them, but for its article's id."""
    text, start, end, kind, speaker, cue, credit, rule = stored
    who = _speaker(*speaker) if speaker else None
    return vars(Quote("", text, start, end, kind, who, cue, credit, rule))


def _made(cls: type[Frozen], fields: dict[str, Any], **more: Any) -> Frozen:
    """An instance of a frozen dataclass holding these values of all its fields, made without
    its __init__, which sets each field through object.__setattr__: four times the cost, the
    most of loading a stored corpus."""
    made = object.__new__(cls)
    made.__dict__.update(fields, **more)
    return made


@lru_cache(maxsize=1 << 14)
def _speaker(name: str, kind: str, description: str | None) -> Speaker:
    """One Speaker for a name quoted in many stored articles."""
    return Speaker(name, kind, description)


def _forget_others(db: Database, ids: set[str]) -> None:
    """Drop the stored extractions of articles that are no longer in the database."""
    gone = [row[0] for row in db.execute(f"select article_id from [{TABLE}]") if row[0] not in ids]
    for lo in range(0, len(gone), BATCH):
        chunk = gone[lo : lo + BATCH]
        db.execute(
            f"delete from [{TABLE}] where article_id in ({', '.join('?' * len(chunk))})", chunk
        )


def vanished_files(db: Database, inputs: Iterable[str | Path]) -> set[str]:
    """Stored articles' files that lay in a folder among `inputs` and are gone from it: the build
    counts them as read, and empty, so their articles and problems are dropped."""
    folders = [str(Path(p)) + os.sep for p in inputs if Path(p).is_dir()]
    if not folders or "articles" not in db.table_names():
        return set()
    files = {file_of(row[0]) for row in db.execute("select source from articles") if row[0]}
    return {f for f in files if any(f.startswith(d) for d in folders) and not Path(f).exists()}
