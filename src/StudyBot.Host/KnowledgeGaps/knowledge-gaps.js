"use strict";

const form = document.getElementById("gaps-form");
const since = document.getElementById("since");

function cell(row, text, href) {
  const td = row.insertCell();
  if (href) {
    const a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    td.append(a);
  } else {
    td.textContent = text;
  }
  return td;
}

function list(td, items) {
  const ul = document.createElement("ul");
  for (const item of items) {
    const li = document.createElement("li");
    li.textContent = item;
    ul.append(li);
  }
  td.append(ul);
}

async function load() {
  const error = document.getElementById("gaps-error");
  error.hidden = true;
  const query = since.value ? `?since=${encodeURIComponent(since.value)}` : "";
  const response = await fetch(`/api/admin/knowledge-gaps${query}`, { credentials: "same-origin" });
  if (!response.ok) {
    error.textContent = `Could not load the report (${response.status}).`;
    error.hidden = false;
    return;
  }
  const report = await response.json();
  if (!since.value) since.value = report.since.slice(0, 10);

  const pages = document.getElementById("pages");
  pages.replaceChildren();
  for (const page of report.pages) {
    const row = pages.insertRow();
    cell(row, page.title || page.link, page.url);
    cell(row, page.source);
    cell(row, Object.entries(page.signals).map(([kind, n]) => `${kind}: ${n}`).join(", "));
    cell(row, Object.entries(page.reasons).map(([reason, n]) => `${reason}: ${n}`).join(", "));
    list(row.insertCell(), page.examples);
  }
  document.getElementById("pages-empty").hidden = report.pages.length > 0;

  const unanswered = document.getElementById("unanswered");
  unanswered.replaceChildren();
  for (const q of report.unanswered) {
    const row = unanswered.insertRow();
    cell(row, q.question);
    cell(row, String(q.times));
    cell(row, new Date(q.lastAsked).toLocaleString());
    cell(row, q.channels.join(", "));
  }
  document.getElementById("unanswered-empty").hidden = report.unanswered.length > 0;
}

form.addEventListener("submit", event => {
  event.preventDefault();
  load();
});
load();
