"""`polder viz`: self-contained, offline, escaped pages, checked in headless Chromium.

The pages are served from a local http.server on 127.0.0.1; the browser's DevTools
performance log shows every request, so a request to any other host fails the test.
"""
from __future__ import annotations

import functools
import http.server
import json
import re
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from click.testing import CliRunner
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

from polder.extract.errors import PolderError
from polder.graph import viz
from polder.graph.cli import main
from test_analyze import XSS_ALT, XSS_LABEL, write_tiny_graph

OUTPUT = Path(__file__).resolve().parents[1] / "output"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--window-size=1280,900"]
CONSTRUCT = """CONSTRUCT { ?r polder:refersTo ?p . ?p eli:is_part_of ?law }
WHERE { ?r polder:refersTo ?p . OPTIONAL { ?p eli:is_part_of ?law } }"""


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> Path:
    return write_tiny_graph(tmp_path_factory.mktemp("tiny-viz"))


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """(folder, base URL) of a static server on 127.0.0.1 for the pages under test."""
    folder = tmp_path_factory.mktemp("site")
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield folder, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in CHROMIUM_FLAGS + [f"--user-data-dir={tmp_path_factory.mktemp('chromium')}"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


def open_page(browser, site, name: str, html: str) -> dict:
    """Serve `html`, load it, wait until the network is drawn; what the page showed and did."""
    folder, base = site
    (folder / name).write_text(html, encoding="utf-8")
    browser.get_log("performance"), browser.get_log("browser")  # start from empty logs
    started = time.perf_counter()
    browser.get(f"{base}/{name}")
    WebDriverWait(browser, 60).until(lambda d: d.execute_script("return !!(window.polder && window.polder.ready)"))
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "labels": browser.execute_script("return window.polder.nodes.get().map(n => n.label)"),
            "requests": requested_urls(browser), "errors": console_errors(browser)}


def requested_urls(browser) -> list[str]:
    urls = []
    for entry in browser.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def console_errors(browser) -> list[str]:
    return [e["message"] for e in browser.get_log("browser") if e["level"] == "SEVERE"]


def assert_offline_and_clean(result: dict, base: str) -> None:
    assert result["requests"], "the performance log saw no request at all"
    leaving = [u for u in result["requests"] if leaves_the_machine(u, base)]
    assert leaving == []
    assert any(u.startswith(base + "/") for u in result["requests"])
    assert result["errors"] == []


def leaves_the_machine(url: str, base: str) -> bool:
    """A network request not to our server (chrome:// and data: are the browser's own)."""
    scheme = urlsplit(url).scheme
    if scheme in ("data", "blob", "about", "chrome", "devtools"):
        return False
    return not url.startswith(base + "/")


def screenshot(browser, name: str) -> Path:
    OUTPUT.mkdir(exist_ok=True)
    target = OUTPUT / name
    browser.save_screenshot(str(target))
    assert target.stat().st_size > 1000
    return target


def outside_vis(html: str) -> str:
    """The page without the inlined vis-network library: what Polder itself wrote."""
    return html.replace(viz.VIS_JS.read_text(encoding="utf-8"), "")


# ---------------------------------------------------------------- the page as text

def test_page_is_self_contained_and_escaped(tiny):
    html = viz.render_view(tiny, focus=XSS_LABEL, depth=1)
    own = outside_vis(html)
    assert viz.VIS_JS.read_text(encoding="utf-8") in html
    assert not re.search(r"""<(script|link|img|iframe)[^>]*(src|href)=["']?(https?:)?//""", own, re.I)
    assert not re.search(r"<script[^>]*src=", own, re.I)
    assert "bootstrap" not in html.lower() and "cdn" not in own.lower()
    assert "<img" not in own and "</script><script>" not in own
    assert "&lt;img src=x onerror=window.polderXss=1&gt;" in own  # the heading, escaped


def test_legend_lists_the_classes_drawn_in_dutch(tiny):
    own = outside_vis(viz.render_view(tiny))
    legend = re.search(r'<ul class="legend">(.*?)</ul>', own, re.S).group(1)
    assert "Adviesorgaan" in legend and "Wetsartikel" in legend and "Persoon" in legend
    assert "Vermelding" not in legend  # Mentions are hidden by default


def test_big_views_are_reduced_and_say_so(tiny):
    view = viz.choose_view(viz.open_store(tiny), limit=3)
    assert len(view.graph) == 3
    assert any("3 van" in note for note in view.notes)
    own = outside_vis(viz.render_view(tiny, limit=3))
    assert "Grote graaf: 3 van" in own


def test_focus_view_keeps_to_its_depth(tiny):
    store = viz.open_store(tiny)
    near = {d["label"] for _, d in viz.choose_view(store, focus="Proefwet", depth=1).graph.nodes(data=True)}
    far = {d["label"] for _, d in viz.choose_view(store, focus="Proefwet", depth=2).graph.nodes(data=True)}
    assert near == {"Proefomstandighedenwet", "artikel 5 Proefomstandighedenwet"}
    assert far == near | {"Aanbeveling 1"}


def test_show_mentions_adds_the_evidence(tiny):
    store = viz.open_store(tiny)
    view = viz.choose_view(store, focus="BvP", depth=1, show_mentions=True)
    assert {d["cls"] for _, d in view.graph.nodes(data=True)} >= {"Mention", "Organisation"}


def test_query_must_construct(tiny):
    with pytest.raises(viz.NotAConstructQuery):
        viz.render_view(tiny, query="SELECT ?s WHERE { ?s ?p ?o }")
    with pytest.raises(PolderError, match="no-such-saved-query"):
        viz.render_view(tiny, query="no-such-saved-query")


def test_saved_construct_query_by_name(built):
    view = viz.choose_view(viz.open_store(built), query="entity-neighbourhood")  # default: the SER
    labels = {d["label"] for _, d in view.graph.nodes(data=True)}
    assert view.title.endswith("entity-neighbourhood") and "Sociaal-Economische Raad" in labels
    assert not {d["cls"] for _, d in view.graph.nodes(data=True)} & {"Mention"}


def test_cli_writes_the_page(tiny, tmp_path):
    target = tmp_path / "graph.html"
    result = CliRunner().invoke(main, ["viz", "-g", str(tiny), "--focus", "RvP", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert "Raad voor Proeven en omgeving" in target.read_text(encoding="utf-8")
    result = CliRunner().invoke(main, ["viz", "-g", str(tiny), "--focus", "Nergens", "-o", str(target)])
    assert result.exit_code == 2 and "no entity labelled" in result.output


# ---------------------------------------------------------------- in the browser

def test_whole_view_in_the_browser(browser, site, tiny):
    result = open_page(browser, site, "whole.html", viz.render_view(tiny))
    assert {"Raad voor Proeven", "Jan Jansen", "artikel 5 Proefomstandighedenwet", XSS_LABEL} <= set(result["labels"])
    assert_offline_and_clean(result, site[1])
    screenshot(browser, "viz_whole.png")


def test_focus_view_in_the_browser_keeps_html_inert(browser, site, tiny):
    result = open_page(browser, site, "focus.html", viz.render_view(tiny, focus=XSS_LABEL, depth=1))
    assert {XSS_LABEL, "Raad voor Proeven"} <= set(result["labels"])
    assert "Jan Jansen" not in result["labels"]  # two hops away
    assert_offline_and_clean(result, site[1])
    inert = browser.execute_script("""
        const tip = window.polder.nodes.get().find(n => n.label.startsWith('<img')).title;
        return {xss: window.polderXss || null, images: document.querySelectorAll('img').length,
                scripts: document.querySelectorAll('script').length, heading: document.querySelector('h1').textContent,
                tipText: tip.textContent, tipChildren: tip.children.length};""")
    assert inert["xss"] is None and inert["images"] == 0 and inert["scripts"] == 3
    assert XSS_LABEL in inert["heading"]
    assert XSS_LABEL in inert["tipText"] and XSS_ALT in inert["tipText"] and inert["tipChildren"] == 0
    screenshot(browser, "viz_focus_xss.png")


def test_query_view_in_the_browser(browser, site, tiny):
    result = open_page(browser, site, "query.html", viz.render_view(tiny, query=CONSTRUCT))
    assert set(result["labels"]) == {"Aanbeveling 1", "artikel 5 Proefomstandighedenwet", "Proefomstandighedenwet"}
    assert_offline_and_clean(result, site[1])
    edges = browser.execute_script("return window.polder.edges.get().map(e => e.label)")
    assert sorted(edges) == ["maakt deel uit van", "verwijst naar"]
    screenshot(browser, "viz_query.png")


def test_corpus_focus_view_load_time(browser, site, built):
    html = viz.render_view(built, focus="Arbowet", depth=2)
    result = open_page(browser, site, "corpus_arbowet.html", html)
    print(f"\npolder viz --focus Arbowet --depth 2 on the corpus: {len(result['labels'])} nodes, "
          f"loaded and drawn in {result['seconds']:.2f} s")
    assert "Arbeidsomstandighedenwet" in result["labels"]
    assert_offline_and_clean(result, site[1])
    screenshot(browser, "viz_corpus_arbowet.png")
