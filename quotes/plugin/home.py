"""The home page: what the data is, searches that return rows, and the most-spread quotations."""

from __future__ import annotations

from typing import Any

import regex

from quotes.plugin.links import cluster_url, query_url, speaker_url
from quotes.plugin.timeline import layout

SPREAD_SHOWN = 10  # quotations on the home page's chart

# A word worth searching for: letters only, long enough to be distinctive.
SEARCH_WORD = regex.compile(r"\p{L}{6,}")


async def home_context(datasette: Any, database: str) -> dict[str, Any]:
    """Totals, example links built from this database's own rows, and the spread chart."""
    db = datasette.get_database(database)
    totals = dict((await db.execute(TOTALS_SQL)).rows[0])
    spread = [dict(r) for r in await db.execute(SPREAD_SQL, {"limit": SPREAD_SHOWN})]
    examples = []
    if spread:
        top = spread[0]
        word = _search_word(top["canonical_text"])
        examples.append(
            {
                "url": cluster_url(datasette, database, top["id"]),
                "label": "the quotation carried by the most outlets",
                "detail": _excerpt(top["canonical_text"]),
            }
        )
        if word:
            examples.append(
                {
                    "url": query_url(datasette, database, "search_quotes", words=word),
                    "label": f"quotations mentioning “{word}”",
                    "detail": "full-text search over every quotation",
                }
            )
            examples.append(
                {
                    "url": query_url(datasette, database, "first_appearance", words=word),
                    "label": f"where quotations mentioning “{word}” first appeared",
                    "detail": "the earliest dated article carrying each",
                }
            )
    speaker = (await db.execute(TOP_SPEAKER_SQL)).rows
    if speaker:
        name = speaker[0]["name"]
        surname = name.split()[-1]
        examples.append(
            {
                "url": query_url(datasette, database, "speaker_quotes", speaker=surname),
                "label": f"everything said by speakers named “{surname}”",
                "detail": f"{name} is the most quoted person here",
            }
        )
        examples.append(
            {
                "url": speaker_url(datasette, database, speaker[0]["id"]),
                "label": f"{name}’s page",
                "detail": "their quotations by cluster and the outlets quoting them",
            }
        )
    return {
        "database": database,
        "totals": totals,
        "examples": examples,
        "chart": _spread_chart(datasette, database, spread, await _points(db, spread)),
    }


async def _points(db: Any, spread: list[dict[str, Any]]) -> list[dict[str, Any]]:
    ids = [c["id"] for c in spread]
    if not ids:
        return []
    marks = ", ".join(f":c{i}" for i in range(len(ids)))
    sql = SPREAD_POINTS_SQL.format(ids=marks)
    return [dict(r) for r in await db.execute(sql, {f"c{i}": v for i, v in enumerate(ids)})]


def _spread_chart(
    datasette: Any, database: str, spread: list[dict[str, Any]], points: list[dict[str, Any]]
) -> dict[str, Any] | None:
    rows = [
        {
            "key": c["id"],
            "label": f"{c['outlets']} outlets: {_excerpt(c['canonical_text'], 34)}",
            "url": cluster_url(datasette, database, c["id"]),
            "title": _excerpt(c["canonical_text"], 300),
        }
        for c in spread
    ]
    for p in points:
        p["row"] = p["cluster_id"]
    firsts = [(c["id"], c["first_published"]) for c in spread]
    return layout(rows, points, firsts)


def _search_word(text: str) -> str | None:
    """The longest distinctive word of a quotation, which full-text search will find."""
    words = SEARCH_WORD.findall(text or "")
    return max(words, key=len) if words else None


def _excerpt(text: str, length: int = 90) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


TOTALS_SQL = """
select (select count(*) from articles) as articles,
       (select count(*) from quotes) as quotes,
       (select count(*) from clusters) as clusters,
       (select count(*) from clusters where article_count > 1) as shared,
       (select count(*) from speakers) as speakers,
       (select count(distinct outlet) from articles) as outlets,
       (select min(published) from articles) as first_published,
       (select max(published) from articles) as last_published,
       (select count(*) from articles where published is null) as undated
"""

# The quotations carried by the most outlets (a quotation in one article has not spread),
# read in order from cluster_outlets' index.
SPREAD_SQL = """
select clusters.id, clusters.canonical_text, clusters.first_published, clusters.quote_count,
       cluster_outlets.outlet_count as outlets
from cluster_outlets
join clusters on clusters.id = cluster_outlets.cluster_id
where clusters.article_count > 1
order by cluster_outlets.outlet_count desc, cluster_outlets.quote_count desc, clusters.id
limit :limit
"""

SPREAD_POINTS_SQL = """
select quotes.cluster_id, articles.published as date, count(*) as n,
       case when quotes.text = coalesce(first.text, clusters.canonical_text) then 'same'
            else 'changed' end as kind
from clusters
left join quotes as first on first.id = clusters.first_quote_id
join quotes on quotes.cluster_id = clusters.id
join articles on articles.id = quotes.article_id
where clusters.id in ({ids})
group by 1, 2, 4  -- cluster, date and kind of wording (not the quote's own kind)
"""

# The person named by the most articles, summed over their quotations (cluster_speakers holds
# each cluster's speakers once, so no quote is counted here).
TOP_SPEAKER_SQL = """
select speakers.id, speakers.name from cluster_speakers
join speakers on speakers.id = cluster_speakers.speaker_id
where speakers.kind = 'person'
group by speakers.id
order by sum(cluster_speakers.articles) desc, speakers.name
limit 1
"""
