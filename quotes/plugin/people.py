"""What a speaker's page and an article's page show, read from the database."""

from __future__ import annotations

from typing import Any

from quotes.plugin.links import web_url

PAGE_SIZE = 100  # clusters per page of a speaker


async def speaker_context(db: Any, speaker_id: str, page: int = 1) -> dict[str, Any] | None:
    """The speaker, the outlets quoting them and their quotations grouped by cluster."""
    params: dict[str, Any] = {"id": speaker_id}
    rows = (await db.execute("select * from speakers where id = :id", params)).rows
    if not rows:
        return None
    speaker = dict(rows[0])
    totals = dict((await db.execute(SPEAKER_TOTALS_SQL, params)).rows[0])
    pages = max(1, -(-totals["clusters"] // PAGE_SIZE))
    page = min(max(page, 1), pages)
    clusters = await db.execute(
        SPEAKER_CLUSTERS_SQL, {**params, "limit": PAGE_SIZE, "offset": (page - 1) * PAGE_SIZE}
    )
    return {
        "speaker": speaker,
        "totals": totals,
        "outlets": [dict(r) for r in await db.execute(SPEAKER_OUTLETS_SQL, params)],
        "clusters": [dict(r) for r in clusters],
        "page": page,
        "pages": pages,
    }


async def article_context(db: Any, article_id: str, page: int = 1) -> dict[str, Any] | None:
    """The article, its text cut into runs with each quotation and citation marked."""
    params = {"id": article_id}
    rows = (await db.execute("select * from articles where id = :id", params)).rows
    if not rows:
        return None
    article = dict(rows[0])
    article["url"] = web_url(article["url"])
    quotes = [dict(r) for r in await db.execute(ARTICLE_QUOTES_SQL, params)]
    citations = [dict(r) for r in await db.execute(ARTICLE_CITATIONS_SQL, params)]
    return {
        "article": article,
        "quotes": quotes,
        "citations": citations,
        "runs": text_runs(article["text"] or "", quotes, citations),
    }


def text_runs(
    text: str, quotes: list[dict[str, Any]], citations: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The text as runs of plain words, quotations and citations, in order and never overlapping.

    A quotation nested in another (a quote within a quote) is listed under the text but not
    marked twice; spans outside the text are ignored, since offsets come from the build.
    """
    spans = [(q["start"], q["end"], "quote", q) for q in quotes]
    spans += [(c["start"], c["end"], "citation", c) for c in citations]
    spans.sort(key=lambda s: (s[0], -s[1], s[2] != "quote"))
    runs: list[dict[str, Any]] = []
    at = 0
    for start, end, kind, item in spans:
        if start < at or not 0 <= start < end <= len(text):
            continue
        if start > at:
            runs.append({"kind": "plain", "text": text[at:start]})
        runs.append({"kind": kind, "text": text[start:end], "item": item})
        at = end
    if at < len(text):
        runs.append({"kind": "plain", "text": text[at:]})
    return runs


# The speaker's quotes are read from idx_quotes_by_speaker (speaker, cluster, article), and
# their articles' outlets and dates from idx_articles_outlet, so a speaker quoted a hundred
# thousand times is summed up from indexes alone.
SPEAKER_TOTALS_SQL = """
select count(*) as quotes, count(distinct quotes.cluster_id) as clusters,
       count(distinct quotes.article_id) as articles
from quotes where quotes.speaker_id = :id
"""

SPEAKER_OUTLETS_SQL = """
select coalesce(articles.outlet, 'unknown outlet') as outlet, sum(mine.quotes) as quotes,
       min(articles.published) as first_published, max(articles.published) as last_published
from (
  select article_id, count(*) as quotes from quotes where speaker_id = :id group by article_id
) as mine
cross join articles on articles.id = mine.article_id
group by articles.outlet
order by sum(mine.quotes) desc, articles.outlet
"""

# Each cluster the speaker is quoted in, with the others the same quotation is attributed to
# (looked up for the clusters of the page only).
SPEAKER_CLUSTERS_SQL = """
select shown.*,
       (select group_concat(name, '; ') from (
          select distinct others.name from quotes as other
          join speakers as others on others.id = other.speaker_id
          where other.cluster_id = shown.id and other.speaker_id is not :id
          order by others.name limit 5)) as also_attributed_to
from (
  select clusters.id, clusters.canonical_text, clusters.quote_count, clusters.article_count,
         clusters.first_published, mine.by_speaker,
         clusters.speaker_id is not :id as majority_elsewhere
  from (
    select cluster_id, count(*) as by_speaker from quotes
    where speaker_id = :id and cluster_id is not null
    group by cluster_id
  ) as mine
  join clusters on clusters.id = mine.cluster_id
  order by clusters.first_published is null, clusters.first_published, clusters.id
  limit :limit offset :offset
) as shown
order by shown.first_published is null, shown.first_published, shown.id
"""

ARTICLE_QUOTES_SQL = """
select quotes.*, speakers.name as speaker, speakers.kind as speaker_kind,
       clusters.quote_count, clusters.article_count, clusters.speaker_id as cluster_speaker_id
from quotes
left join speakers on speakers.id = quotes.speaker_id
left join clusters on clusters.id = quotes.cluster_id
where quotes.article_id = :id
order by quotes.start
"""

ARTICLE_CITATIONS_SQL = """
select * from citations where article_id = :id order by start
"""
