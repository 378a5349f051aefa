"""`polder serve`: the SPARQL 1.1 Protocol through SPARQLWrapper, the errors, the pages,
and the offline editor in headless Chromium."""
from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
from SPARQLWrapper import CSV, JSON, TSV, TURTLE, XML, SPARQLWrapper

from polder import queries

DOCUMENTS = "PREFIX polder: <https://w3id.org/polder/def#> SELECT ?d WHERE { ?d a polder:Document } ORDER BY ?d"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
POLDER = str(Path(sys.executable).with_name("polder"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"server at {url} did not start")


@pytest.fixture(scope="module")
def endpoint(built):
    port = free_port()
    process = subprocess.Popen([POLDER, "serve", "-g", str(built), "--port", str(port), "--disk",
                                "--timeout", "2", "--max-rows", "1000"])
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base + "/queries.json")
        yield base
    finally:
        process.terminate()
        process.wait(10)


@pytest.fixture(scope="module")
def documents(built) -> list[str]:
    return sorted(json.loads((built / "manifest.json").read_text())["documents"])


def client(endpoint: str, query: str, fmt, method: str = "GET") -> SPARQLWrapper:
    sparql = SPARQLWrapper(endpoint + "/sparql")
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    sparql.setMethod(method)
    return sparql


def stem(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_select_json(endpoint, documents, method):
    data = client(endpoint, DOCUMENTS, JSON, method).query().convert()
    assert sorted(stem(b["d"]["value"]) for b in data["results"]["bindings"]) == documents


def test_select_xml_csv_tsv(endpoint, documents):
    xml = client(endpoint, DOCUMENTS, XML).query().convert()
    assert len(xml.getElementsByTagName("result")) == len(documents)
    csv_text = client(endpoint, DOCUMENTS, CSV).query().convert().decode()
    assert sorted(stem(line) for line in csv_text.split()[1:]) == documents
    tsv_text = client(endpoint, DOCUMENTS, TSV).query().convert().decode()
    assert tsv_text.splitlines()[0] == "?d" and len(tsv_text.splitlines()) == len(documents) + 1


def test_ask(endpoint):
    assert client(endpoint, "ASK { ?s a <https://w3id.org/polder/def#Document> }", JSON).query().convert()["boolean"] is True
    assert client(endpoint, "ASK { ?s a <urn:nothing> }", JSON).query().convert()["boolean"] is False


@pytest.mark.parametrize("accept,fmt", [("text/turtle", ox.RdfFormat.TURTLE),
                                        ("application/n-triples", ox.RdfFormat.N_TRIPLES),
                                        ("application/ld+json", ox.RdfFormat.JSON_LD)])
def test_construct_in_each_graph_format(endpoint, built, accept, fmt):
    query = "CONSTRUCT { ?d a <https://w3id.org/polder/def#Document> } WHERE { ?d a <https://w3id.org/polder/def#Document> }"
    sparql = client(endpoint, query, TURTLE)
    sparql.addCustomHttpHeader("Accept", accept)
    response = sparql.query().response
    assert response.headers["Content-Type"].startswith(accept)
    triples = list(ox.parse(response.read(), format=fmt))
    assert len(triples) == len(json.loads((built / "manifest.json").read_text())["documents"])


def post(endpoint: str, body: bytes, content_type: str) -> tuple[int, str]:
    request = urllib.request.Request(endpoint + "/sparql", data=body, headers={"Content-Type": content_type})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def still_answers(endpoint: str) -> bool:
    status, text = post(endpoint, b"ASK { ?s ?p ?o }", "application/sparql-query")
    return status == 200 and json.loads(text)["boolean"] is True


@pytest.mark.parametrize("body,content_type", [
    (b"update=DROP+ALL", "application/x-www-form-urlencoded"),
    (b"DROP ALL", "application/sparql-update"),
    (b"INSERT DATA { <urn:a> <urn:b> <urn:c> }", "application/sparql-query"),
])
def test_update_is_refused(endpoint, body, content_type):
    status, text = post(endpoint, body, content_type)
    assert status == 403 and "read-only" in text
    assert still_answers(endpoint)


def test_service_is_refused(endpoint):
    status, text = post(endpoint, b"SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
                        "application/sparql-query")
    assert status == 403 and "--allow-service" in text
    assert still_answers(endpoint)


def test_query_past_the_time_limit(endpoint):
    started = time.monotonic()
    status, text = post(endpoint, SLOW.encode(), "application/sparql-query")
    assert status == 503 and "time limit" in text
    assert time.monotonic() - started < 15
    assert still_answers(endpoint)


def test_memory_copy_serves_the_same_answers_and_the_time_limit(built, endpoint):
    port = free_port()
    process = subprocess.Popen([POLDER, "serve", "-g", str(built), "--port", str(port), "--memory",
                                "--workers", "1", "--timeout", "2"], stdout=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base + "/queries.json")
        assert "into memory" in process.stdout.readline()
        for query in (DOCUMENTS, queries.catalogue()["stance-counts"].bind()):
            assert client(base, query, JSON).query().convert() == client(endpoint, query, JSON).query().convert()
        status, text = post(base, SLOW.encode(), "application/sparql-query")
        assert status == 503 and "time limit" in text
        assert still_answers(base)  # the replacement worker loaded its copy before answering
    finally:
        process.terminate()
        process.wait(10)


def test_small_graphs_are_served_from_memory_by_default(built, tmp_path):
    from polder.graph.store import available_memory, small_enough_for_memory

    assert available_memory() > 0
    assert small_enough_for_memory(built, copies=2)  # the corpus
    manifest = json.loads((built / "manifest.json").read_text(encoding="utf-8"))
    (tmp_path / "manifest.json").write_text(json.dumps({**manifest, "triples": 2_000_000}))
    gigabyte = 1 << 30
    assert small_enough_for_memory(tmp_path, copies=1, available=8 * gigabyte)  # 1 GB of 2 GB allowed
    assert not small_enough_for_memory(tmp_path, copies=2, available=6 * gigabyte)  # 2 GB of 1.5 GB allowed
    assert not small_enough_for_memory(tmp_path / "nothing-here")
    port = free_port()
    process = subprocess.Popen([POLDER, "serve", "-g", str(built), "--port", str(port), "--workers", "1"],
                               stdout=subprocess.PIPE, text=True)
    try:
        wait_for(f"http://127.0.0.1:{port}/queries.json")
        assert "into memory" in process.stdout.readline()
    finally:
        process.terminate()
        process.wait(10)


def test_terminated_server_stops_quietly_with_its_workers(built):
    port = free_port()
    process = subprocess.Popen([POLDER, "serve", "-g", str(built), "--port", str(port), "--disk"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wait_for(f"http://127.0.0.1:{port}/queries.json")
    children = Path(f"/proc/{process.pid}/task/{process.pid}/children").read_text().split()
    assert len(children) >= 2  # the query workers (and multiprocessing's resource tracker)
    process.terminate()
    assert process.wait(10) == 0
    assert "Traceback" not in process.stderr.read()
    deadline = time.monotonic() + 5
    while any(Path(f"/proc/{pid}").exists() for pid in children) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(Path(f"/proc/{pid}").exists() for pid in children)


def test_result_size_cap(endpoint):
    status, text = post(endpoint, b"SELECT * WHERE { ?s ?p ?o }", "application/sparql-query")
    assert status == 413 and "1000" in text
    assert still_answers(endpoint)


def test_syntax_error_is_400(endpoint):
    status, text = post(endpoint, b"SELEKT nothing", "application/sparql-query")
    assert status == 400 and "syntax" in text.lower()


def test_saved_query_pages(endpoint):
    listing = urllib.request.urlopen(endpoint + "/queries").read().decode()
    assert all(f'href="/queries/{name}"' in listing for name in queries.names())
    page = urllib.request.urlopen(endpoint + "/queries/documents-by-kind").read().decode()
    assert page.count("/entity?iri=") > 0 and "<table" in page


def test_entity_page_escapes_and_links(endpoint):
    iri = urllib.parse.quote("https://w3id.org/polder/id/org/ser", safe="")
    page = urllib.request.urlopen(f"{endpoint}/entity?iri={iri}").read().decode()
    assert "<h2>Facts</h2>" in page and "<h2>Mentions</h2>" in page and "/entity?iri=" in page
    bad = urllib.parse.quote('<script>alert(1)</script>', safe="")
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{endpoint}/entity?iri={bad}")
    assert refused.value.code == 400


def get_status(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as refused:
        return refused.code, refused.read().decode()


def test_graph_views_are_served(endpoint):
    status, page = get_status(f"{endpoint}/graph?focus=Arbowet&depth=2")
    assert status == 200 and "Arbeidsomstandighedenwet" in page and "vis-network" in page.lower()
    status, page = get_status(f"{endpoint}/graph?query=entity-neighbourhood")
    assert status == 200 and "<html" in page.lower()
    assert "/graph?query=entity-neighbourhood" in get_status(f"{endpoint}/queries")[1]
    assert "/graph?focus=" in get_status(f"{endpoint}/entity?iri=https%3A%2F%2Fw3id.org%2Fpolder%2Fid%2Forg%2Fser")[1]


@pytest.mark.parametrize("query, status", [("query=no-such-query", 404), ("focus=Nothing-Like-This", 400),
                                            ("focus=SER&depth=99", 400)])
def test_bad_graph_requests_are_clear_errors(endpoint, query, status):
    assert get_status(f"{endpoint}/graph?{query}")[0] == status
    assert still_answers(endpoint)


def test_editor_runs_a_saved_query_in_headless_chromium(endpoint, tmp_path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 f"--user-data-dir={tmp_path}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.get(endpoint + "/")
        WebDriverWait(driver, 30).until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "yes")
        Select(driver.find_element(By.ID, "saved")).select_by_value("documents-by-kind")
        driver.find_element(By.ID, "run").click()
        WebDriverWait(driver, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, "table.results tbody tr"))
        rows = driver.find_elements(By.CSS_SELECTOR, "table.results tbody tr")
        headers = [th.text for th in driver.find_elements(By.CSS_SELECTOR, "table.results th")]
    finally:
        driver.quit()
    expected = client(endpoint, queries.get("documents-by-kind").bind(), JSON).query().convert()
    assert len(rows) == len(expected["results"]["bindings"]) > 0
    assert headers == expected["head"]["vars"]
