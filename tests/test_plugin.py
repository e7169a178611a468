"""The Datasette plugin and metadata: cluster pages, cell links, descriptions and canned queries."""

from __future__ import annotations

import re
from html import unescape as html_unescape
from pathlib import Path

import pytest
import yaml
from datasette.app import Datasette
from sqlite_utils import Database

from quotes import db as store
from quotes import plugin
from quotes.model import Alteration, Article, Citation, Cluster, Edge, Quote, Speaker
from quotes.pipeline import build
from quotes.plugin.cluster import cluster_context
from tests.conftest import SEEDS
from tests.newsroom import BUDGET, PLEDGES, build_newsroom

METADATA_PATH = Path(__file__).resolve().parent.parent / "quotes" / "metadata.yml"
METADATA = yaml.safe_load(METADATA_PATH.read_text(encoding="utf-8"))
DATABASE = METADATA["database"]


async def serve(db_path: Path) -> Datasette:
    """Datasette as `make serve` runs it: the plugin supplies the metadata."""
    datasette = Datasette([str(db_path)])
    await datasette.invoke_startup()
    return datasette


@pytest.fixture
def newsroom(db_path: Path) -> Path:
    build_newsroom(db_path).close()
    return db_path


@pytest.mark.asyncio
async def test_plugin_is_installed(newsroom: Path) -> None:
    response = await (await serve(newsroom)).client.get("/-/plugins.json")
    assert response.status_code == 200
    plugin = next(p for p in response.json() if p["name"] == "quotes")
    assert {"register_routes", "render_cell"} <= set(plugin["hooks"])
    assert plugin["templates"]


def test_every_hook_has_a_test() -> None:
    hooks = [name for name, f in vars(plugin).items() if hasattr(f, "datasette_impl")]
    assert hooks
    for hook in hooks:
        assert f"test_hook_{hook}" in globals(), f"hook {hook} has no test_hook_{hook}"


@pytest.mark.asyncio
async def test_hook_get_metadata(newsroom: Path, tmp_path: Path) -> None:
    """Served under any file name, the database keeps its descriptions, facets and queries."""
    renamed = newsroom.rename(tmp_path / "ferry-vote.db")
    other = tmp_path / "other.db"
    Database(other)["things"].insert({"id": 1})
    datasette = await serve_all([renamed, other])
    clusters = (await datasette.client.get("/ferry-vote/clusters")).text
    assert "One quotation as it travelled between articles" in clusters
    assert 'data-column="speaker_id"' in clusters  # the speaker facet
    query = await datasette.client.get("/ferry-vote/speaker_quotes.json?_shape=array&speaker=Ruiz")
    assert query.status_code == 200 and query.json()
    assert (await datasette.client.get("/other/speaker_quotes")).status_code == 404
    assert "ferry-vote" in (await datasette.client.get("/-/metadata.json")).json()["databases"]
    assert "other" not in (await datasette.client.get("/-/metadata.json")).json()["databases"]


async def serve_all(paths: list[Path]) -> Datasette:
    datasette = Datasette([str(p) for p in paths])
    await datasette.invoke_startup()
    return datasette


@pytest.mark.asyncio
async def test_hook_register_facet_classes(newsroom: Path) -> None:
    """Quotes facet by the outlet of their article, and choosing one filters the table."""
    datasette = await serve(newsroom)
    page = (await datasette.client.get("/quotes/quotes.json?_size=0")).json()
    outlets = {r["value"]: r for r in page["facet_results"]["outlet"]["results"]}
    assert {name: r["count"] for name, r in outlets.items()} == {
        "Harbor Gazette": 3,
        "River Times": 2,
        "Plain Post": 2,
        "Daily Ledger": 1,
    }
    chosen = outlets["River Times"]["toggle_url"].replace("http://localhost", "")
    filtered = (await datasette.client.get(chosen)).json()
    assert filtered["filtered_table_rows_count"] == 2
    assert [r["selected"] for r in filtered["facet_results"]["outlet"]["results"]] == [True]


@pytest.mark.asyncio
async def test_hook_extra_css_urls(newsroom: Path) -> None:
    datasette = await serve(newsroom)
    page = (await datasette.client.get("/quotes/quotes")).text
    assert "/-/static-plugins/quotes/quotes.css" in page
    css = await datasette.client.get("/-/static-plugins/quotes/quotes.css")
    assert css.status_code == 200 and "quotes-cosmetic" in css.text


@pytest.mark.asyncio
async def test_hook_extra_template_vars(newsroom: Path) -> None:
    """The home page says what the data is and offers searches that find something."""
    datasette = await serve(newsroom)
    for page in ["/", "/quotes"]:
        html = (await datasette.client.get(page)).text
        assert "What you are looking at" in html, page
        assert "4 news articles from 4 outlets" in " ".join(html.split())
        assert "The most-spread quotations over time" in html and "<svg" in html
    examples = html[html.index("Try:") :].split("</ul>")[0]
    links = re.findall(r'<li><a href="([^"]+)">', examples)
    assert len(links) == 5
    for link in links:
        response = await datasette.client.get(html_unescape(link))
        assert response.status_code == 200, link
        if "?" in link:
            json_link = html_unescape(link).replace("?", ".json?_shape=array&", 1)
            assert (await datasette.client.get(json_link)).json(), f"{link} finds nothing"


@pytest.mark.asyncio
async def test_hook_register_routes(newsroom: Path) -> None:
    response = await (await serve(newsroom)).client.get("/-/quotes/quotes/cluster/pledge")
    assert response.status_code == 200
    html = response.text
    assert "We will not sign a contract that leaves the ferry unfunded for a decade," in html
    assert "<strong>Ana Ruiz</strong></a> by most articles" in html
    assert "<strong>Harbor Gazette</strong>, 2024-03-04" in html
    for outlet in ["Harbor Gazette", "River Times", "Daily Ledger", "Plain Post"]:
        assert outlet in html
    assert '<del class="quotes-substitution" title="substitution">contract</del>' in html
    assert '<ins class="quotes-substitution" title="substitution">deal</ins>' in html
    assert '<del class="quotes-truncated_end" title="truncated_end">for a decade</del>' in html
    assert "substitution: “contract” → “deal”" in html
    first_row = html[html.index('id="wording-1"') :].split("</tr>")[0]
    assert "first appearance" in first_row and "canonical wording" in first_row
    # The River Times and the Plain Post print the same words: one row, both outlets.
    assert html.count('id="wording-') == 3
    assert "2 quotes in 2 outlets:" in html
    assert "<svg" in html and "first appearance</title>" in html
    # The legend is drawn with the very marks the wordings use.
    legend = html[html.index('<p class="quotes-legend quotes-marks">') :].split("</p>")[0]
    assert "<del>" in legend and "<ins>" in legend and 'class="quotes-cosmetic"' in legend


@pytest.mark.asyncio
async def test_speaker_page_lists_outlets_quoting_them_and_others_named_for_their_words(
    newsroom: Path,
) -> None:
    datasette = await serve(newsroom)
    ruiz = next(Database(newsroom).query("select id from speakers where name = 'Ana Ruiz'"))["id"]
    html = (await datasette.client.get(f"/-/quotes/quotes/speaker/{ruiz}")).text
    outlets = html[html.index("Outlets quoting") : html.index("<h2>Quotations")]
    for outlet in ["Harbor Gazette", "River Times", "Plain Post"]:
        assert f"<td>{outlet}</td>" in outlets
    assert "Daily Ledger" not in outlets
    assert '<a href="/-/quotes/quotes/cluster/pledge">We will not sign' in html
    assert "<td>Tom Bell</td>" in html  # the Ledger gave the same words to Tom Bell
    assert "described as <strong>Mayor</strong>" in html


@pytest.mark.asyncio
async def test_cluster_page_hangs_each_wording_under_the_wording_it_was_copied_from(
    newsroom: Path,
) -> None:
    html = (await (await serve(newsroom)).client.get("/-/quotes/quotes/cluster/pledge")).text
    tree = html[html.index('id="tree"') :]
    # The River Times copied the Gazette's wording; the Plain Post copied the River Times word
    # for word, so it is counted on the River Times' row rather than drawn under it.
    gazette, changed = tree.index("#wording-1"), tree.index("#wording-2")
    assert gazette < changed
    assert 'margin-left: 1.5em">' in tree[gazette : changed + 40]
    assert "(credits Harbor Gazette; confidence 0.90)" in tree[changed:]
    assert "1 word-for-word copy of this wording (same changed word; same truncation)" in tree


@pytest.mark.asyncio
async def test_cluster_page_links_a_splice_to_the_other_quotation(newsroom: Path) -> None:
    splice = {"quote_id": BUDGET[1].id, "source_quote_id": PLEDGES[0].id, "kind": "splice"}
    Database(newsroom)["provenance"].insert({**splice, "evidence": "shared words", "confidence": 1})
    html = (await (await serve(newsroom)).client.get("/-/quotes/quotes/cluster/budget")).text
    assert "splices in words of another quotation" in html
    assert '<a href="/-/quotes/quotes/cluster/pledge">&ldquo;We will not sign' in html


@pytest.mark.asyncio
async def test_every_seed_cluster_page_renders_with_its_changes_marked_in_place(
    db_path: Path,
) -> None:
    build([SEEDS], db_path)
    datasette = await serve(db_path)
    ids = [r["id"] for r in Database(db_path)["clusters"].rows]
    assert ids
    for cluster_id in ids:
        page = await datasette.client.get(f"/-/quotes/quotes/cluster/{cluster_id}")
        assert page.status_code == 200, cluster_id
        context = await cluster_context(datasette.get_database("quotes"), cluster_id)
        assert context is not None
        misplaced = [w["text"] for w in context["wordings"] if w["segments"] is None]
        assert not misplaced, f"alteration positions do not fit {misplaced}"


@pytest.mark.asyncio
async def test_cluster_page_is_not_found_for_unknown_cluster_or_database(newsroom: Path) -> None:
    datasette = await serve(newsroom)
    assert (await datasette.client.get("/-/quotes/quotes/cluster/nope")).status_code == 404
    assert (await datasette.client.get("/-/quotes/nope/cluster/pledge")).status_code == 404


@pytest.mark.asyncio
async def test_cluster_page_obeys_the_permission_to_view_clusters(newsroom: Path) -> None:
    private = {"databases": {"quotes": {"tables": {"clusters": {"allow": {"id": "editor"}}}}}}
    datasette = Datasette([str(newsroom)], metadata=private)
    await datasette.invoke_startup()
    path = "/-/quotes/quotes/cluster/pledge"
    assert (await datasette.client.get(path)).status_code == 403
    cookies = {"ds_actor": datasette.sign({"a": {"id": "editor"}}, "actor")}
    assert (await datasette.client.get(path, cookies=cookies)).status_code == 200


@pytest.mark.asyncio
async def test_hook_render_cell(newsroom: Path) -> None:
    datasette = await serve(newsroom)
    link = '<a href="/-/quotes/quotes/cluster/pledge">'
    clusters = (await datasette.client.get("/quotes/clusters")).text
    assert link + "We will not sign a contract" in clusters
    for view in ["uncredited_reuse", "possible_misattributions", "substantively_altered_clusters"]:
        assert link + "pledge</a>" in (await datasette.client.get(f"/quotes/{view}")).text
    query = (await datasette.client.get("/quotes/speaker_quotes?speaker=Ruiz")).text
    assert link + "pledge</a>" in query


HOSTILE = '<script>alert("quote")</script>'


def add_hostile_cluster(db: Database) -> None:
    """A cluster whose every piece of text is markup, as scraped pages can carry."""
    text = f"{HOSTILE} we said"
    articles = [
        Article(
            "evil1",
            f'"{text}"',
            url="javascript:alert(1)",
            outlet="<b>Evil</b> Post",
            published="2024-01-01",
            title="<i>t</i>",
        ),
        Article(
            "evil2",
            f'"{HOSTILE}"',
            url="https://ok.example/<x>",
            outlet="Copy<script>",
            published="2024-01-02",
        ),
    ]
    speaker = Speaker('<img src=x onerror="alert(2)">', "person")
    quotes = [Quote(a.id, a.text[1:-1], 1, len(a.text) - 1, "direct", speaker) for a in articles]
    cluster = Cluster(
        "<evil>",
        [q.id for q in quotes],
        text,
        quotes[0].id,
        speaker,
        [quotes[0].id],
        "2024-01-01",
        alterations=[Alteration(quotes[1].id, "truncated_end", "we said", "", 4, 6, 4, 4)],
        edges=[Edge(quotes[1].id, quotes[0].id, "<b>same</b>", 0.5)],
    )
    store.save_articles(db, articles)
    store.save_quotes(db, quotes, [cluster])
    store.save_citations(db, [Citation("evil1", "<b>Cite</b>", '"', 0, 1)])
    store.ensure_db_shape(db)


@pytest.mark.asyncio
async def test_quote_text_is_escaped_on_every_page(newsroom: Path) -> None:
    add_hostile_cluster(Database(newsroom))
    datasette = await serve(newsroom)
    db = Database(newsroom)
    speaker = next(db.query("select id from speakers where name like '<img%'"))["id"]
    quote_ids = [r["id"] for r in db.query("select id from quotes where cluster_id = '<evil>'")]
    pages = [
        "/-/quotes/quotes/cluster/~3Cevil~3E",
        f"/-/quotes/quotes/speaker/{speaker}",
        "/-/quotes/quotes/article/evil1",
        "/-/quotes/quotes/article/evil2",
        "/",
        "/quotes",
        "/quotes/clusters/~3Cevil~3E",
        "/quotes/articles/evil1",
        f"/quotes/speakers/{speaker}",
        *(f"/quotes/quotes/{quote_id}" for quote_id in quote_ids),
        "/quotes/citations",
        "/quotes/articles",
        "/quotes/clusters",
        "/quotes/quotes",
        "/quotes/possible_misattributions",
        "/quotes/uncredited_reuse",
        "/quotes/substantively_altered_clusters",
        "/quotes/who_said_what",
        *(f"/quotes/{name}?speaker=img&words=alert" for name in DATABASE["queries"]),
    ]
    for page in pages:
        response = await datasette.client.get(page)
        assert response.status_code == 200, page
        html = response.text
        assert "<script>alert" not in html, page
        assert "<img src=x" not in html, page
        assert "<b>" not in html, page
        assert "<i>t" not in html, page
        assert 'href="javascript:' not in html, page
    cluster_page = (await datasette.client.get(pages[0])).text
    assert "&lt;script&gt;alert(&#34;quote&#34;)&lt;/script&gt; we said" in cluster_page
    assert "&lt;b&gt;same&lt;/b&gt;" in cluster_page
    assert 'title="truncated_end">we said</del>' in cluster_page
    article_page = (await datasette.client.get("/-/quotes/quotes/article/evil1")).text
    assert '<mark id="quote-' in article_page and "&lt;script&gt;alert" in article_page
    assert 'title="credits &lt;b&gt;Cite&lt;/b&gt;"' in article_page


@pytest.mark.asyncio
async def test_every_table_view_and_column_has_a_description(newsroom: Path) -> None:
    db = Database(newsroom)
    described = DATABASE["tables"]
    hidden = {t for t in db.table_names() if "_fts" in t or t.startswith("sqlite_")}
    for name in [*db.table_names(), *db.view_names()]:
        if name in hidden:
            continue
        assert described.get(name, {}).get("description"), f"{name} has no description"
        columns = described[name].get("columns", {})
        for column in db[name].columns_dict:
            assert columns.get(column), f"{name}.{column} has no description"
        assert set(columns) <= set(db[name].columns_dict), f"{name} describes missing columns"


def test_facets_sorts_and_labels_name_real_columns(newsroom: Path) -> None:
    db = Database(newsroom)
    for name, table in DATABASE["tables"].items():
        columns = set(db[name].columns_dict)
        facets = [
            f if isinstance(f, str) else next(iter(f.values())) for f in table.get("facets", [])
        ]
        named = [*facets, *table.get("sortable_columns", [])]
        named += [table[k] for k in ("label_column", "sort_desc", "sort") if k in table]
        assert set(named) <= columns, name


QUERY_ARGS = "?_shape=array&speaker=Ruiz&words=ferry"


@pytest.mark.asyncio
@pytest.mark.parametrize("name", list(DATABASE["queries"]))
async def test_canned_query_runs(newsroom: Path, name: str) -> None:
    response = await (await serve(newsroom)).client.get(f"/quotes/{name}.json{QUERY_ARGS}")
    assert response.status_code == 200, response.text
    assert response.json(), f"{name} found nothing in the newsroom"


@pytest.mark.asyncio
async def test_canned_queries_answer_the_questions_they_name(newsroom: Path) -> None:
    datasette = await serve(newsroom)

    async def rows(name: str) -> list[dict]:
        return (await datasette.client.get(f"/quotes/{name}.json{QUERY_ARGS}")).json()

    assert {r["outlet"] for r in await rows("speaker_quotes")} == {
        "Harbor Gazette",
        "River Times",
        "Plain Post",
    }
    assert {r["quote"] for r in await rows("search_quotes")} == {
        "Ferry service will resume in May,",
        PLEDGES[0].text,
        PLEDGES[1].text,
        PLEDGES[2].text,
    }
    first = await rows("first_appearance")
    assert {(r["cluster_id"], r["first_outlet"], r["first_published"]) for r in first} == {
        ("pledge", "Harbor Gazette", "2024-03-04"),
        ("ferry", "Harbor Gazette", "2024-03-04"),
    }
    spread = await rows("widest_spread")
    assert (spread[0]["cluster_id"], spread[0]["outlets"]) == ("pledge", 4)
    changes = await rows("substantive_alterations")
    assert {(r["op"], r["outlet"]) for r in changes} == {
        ("substitution", "River Times"),
        ("truncated_end", "River Times"),
        ("substitution", "Plain Post"),
        ("truncated_end", "Plain Post"),
    }


@pytest.mark.asyncio
async def test_a_wording_whose_outlets_are_unknown_counts_no_outlets(tmp_path: Path) -> None:
    lines = [
        '{"id": "a1", "published": "2024-05-01", "text": "The mayor spoke on Monday.\\n\\n'
        '\\u201cThe bridge will open in June, whatever it costs us,\\u201d Mayor Lena Park said."}',
        '{"id": "a2", "published": "2024-05-02", "text": "Crews worked late.\\n\\n'
        '\\u201cThe bridge will open in June, whatever it costs us,\\u201d Mayor Lena Park said."}',
    ]
    corpus = tmp_path / "crawl.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db_path = tmp_path / "q.db"
    build([corpus], db_path)
    cluster_id = Database(db_path).execute("select id from clusters").fetchone()[0]
    response = await (await serve(db_path)).client.get(f"/-/quotes/q/cluster/{cluster_id}")
    assert response.status_code == 200
    assert "2 quotes: unknown outlet (2)" in response.text
    assert "0 outlets" not in response.text
