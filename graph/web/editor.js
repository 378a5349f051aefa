// The query editor: plain JavaScript, no external files, so it works offline.
"use strict";

const $ = (id) => document.getElementById(id);
let saved = {};

function cell(binding) {
  const td = document.createElement("td");
  if (!binding) return td;
  if (binding.type === "uri") {
    const a = document.createElement("a");
    a.href = "/entity?iri=" + encodeURIComponent(binding.value);
    a.textContent = binding.value;
    td.appendChild(a);
  } else {
    td.textContent = binding.value;  // textContent: document text is never parsed as HTML
  }
  return td;
}

function showTable(data) {
  const table = document.createElement("table");
  table.className = "results";
  const head = table.createTHead().insertRow();
  for (const v of data.head.vars) {
    const th = document.createElement("th");
    th.textContent = v;
    head.appendChild(th);
  }
  const body = table.createTBody();
  for (const b of data.results.bindings) {
    const row = body.insertRow();
    for (const v of data.head.vars) row.appendChild(cell(b[v]));
  }
  $("results").replaceChildren(table);
  $("status").textContent = data.results.bindings.length + " rows";
}

function showText(text) {
  const pre = document.createElement("pre");
  pre.textContent = text;
  $("results").replaceChildren(pre);
}

async function run() {
  $("status").textContent = "running…";
  const response = await fetch("/sparql", {
    method: "POST",
    headers: {"Content-Type": "application/sparql-query",
              "Accept": "application/sparql-results+json, text/turtle;q=0.9"},
    body: $("sparql").value,
  });
  const text = await response.text();
  if (!response.ok) {
    $("status").textContent = "Error " + response.status;
    showText(text);
    return;
  }
  if ((response.headers.get("Content-Type") || "").startsWith("application/sparql-results+json")) {
    const data = JSON.parse(text);
    if ("boolean" in data) { showText(String(data.boolean)); $("status").textContent = "done"; }
    else showTable(data);
  } else {
    showText(text);
    $("status").textContent = "done";
  }
}

function choose(name) {
  const query = saved[name];
  $("description").textContent = query ? query.description : "";
  if (query) $("sparql").value = query.sparql;
}

async function init() {
  const response = await fetch("/queries.json");
  for (const query of await response.json()) {
    saved[query.name] = query;
    const option = document.createElement("option");
    option.value = query.name;
    option.textContent = query.title;
    $("saved").appendChild(option);
  }
  $("saved").addEventListener("change", (e) => choose(e.target.value));
  $("run").addEventListener("click", run);
  const params = new URLSearchParams(location.search);
  if (params.get("query") && saved[params.get("query")]) {
    $("saved").value = params.get("query");
    choose(params.get("query"));
    if (params.get("run")) run();
  }
  document.body.dataset.ready = "yes";
}

init();
