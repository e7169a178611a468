"""An outlet facet for tables that name an article: quotes carry no outlet of their own.

Configured in metadata as `{outlet: article_id}` (the column holding the article id), or asked
for with `?_facet_outlet=article_id`. Choosing an outlet filters with `_where`, so it combines
with every other filter and facet.
"""

from __future__ import annotations

from typing import Any

from datasette.database import QueryInterrupted
from datasette.facets import Facet
from datasette.utils import escape_sqlite, path_with_added_args, path_with_removed_args


class OutletFacet(Facet):  # type: ignore[misc]
    """Counts rows by the outlet of the article named in one column."""

    type = "outlet"

    async def suggest(self) -> list[dict[str, Any]]:
        return []

    async def facet_results(self) -> tuple[list[dict[str, Any]], list[str]]:
        results, timed_out = [], []
        pairs = self.get_querystring_pairs()
        size = self.get_facet_size()
        for source_and_config in self.get_configs():
            config = source_and_config["config"]
            column = config.get("column") or config["simple"]
            sql = OUTLET_COUNTS_SQL.format(
                sql=self.sql, column=escape_sqlite(column), limit=size + 1
            )
            try:
                rows = await self.ds.execute(
                    self.database,
                    sql,
                    self.params,
                    truncate=False,
                    custom_time_limit=self.ds.setting("facet_time_limit_ms"),
                )
            except QueryInterrupted:
                timed_out.append("outlet")
                continue
            values = []
            for row in rows.rows[:size]:
                where = outlet_filter(column, row["value"])
                selected = ("_where", where) in pairs
                path = (
                    path_with_removed_args(self.request, {"_where": where})
                    if selected
                    else path_with_added_args(self.request, {"_where": where})
                )
                values.append(
                    {
                        "value": row["value"],
                        "label": row["value"],
                        "count": row["count"],
                        "toggle_url": self.ds.absolute_url(self.request, self.ds.urls.path(path)),
                        "selected": selected,
                    }
                )
            results.append(
                {
                    "name": "outlet",
                    "type": self.type,
                    "hideable": source_and_config["source"] != "metadata",
                    "toggle_url": self.ds.urls.path(
                        path_with_removed_args(self.request, {"_facet_outlet": column})
                    ),
                    "results": values,
                    "truncated": len(rows.rows) > size,
                }
            )
        return results, timed_out


def outlet_filter(column: str, outlet: str) -> str:
    """The `_where` clause keeping rows whose article is from `outlet` (quoted as SQL text)."""
    quoted = "'" + outlet.replace("'", "''") + "'"
    return f"{escape_sqlite(column)} in (select id from articles where outlet = {quoted})"


# Rows are counted per article first (from the index on the article column), so each article's
# outlet is looked up once, not once per row.
OUTLET_COUNTS_SQL = """
select articles.outlet as value, sum(shown.count) as count
from (select {column} as article_id, count(*) as count from ({sql}) group by {column}) as shown
join articles on articles.id = shown.article_id
where articles.outlet is not null
group by articles.outlet
order by count desc, value
limit {limit}
"""
