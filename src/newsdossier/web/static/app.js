// newsdossier web app. Article text is untrusted: it only ever enters the page through
// textContent / createTextNode / setAttribute on our own elements, never as markup.
"use strict";

const FILTERS = ["q", "date_from", "date_to", "actor", "country", "type", "status", "source", "min_confidence"];
const EXTRA = ["location"];  // filters set by clicking, not in the form
const SVG = "http://www.w3.org/2000/svg";
// Default views leave out events the coder is unsure of; the form's confidence control (or
// min_confidence=0 in the address) shows them.
const DEFAULT_MIN_CONFIDENCE = "0.5";
// One colour per PLOVER type, the same on every page: cooperation in blues and greens,
// verbal conflict in yellows and oranges, material conflict in reds, purples and browns.
const TYPE_COLOURS = {
  AGREE: "#4e79a7", CONSULT: "#a0cbe8", SUPPORT: "#59a14f", CONCEDE: "#8cd17d",
  COOPERATE: "#499894", AID: "#86bcb6", RETREAT: "#b6992d", REQUEST: "#f1ce63",
  ACCUSE: "#f28e2b", REJECT: "#ffbe7d", THREATEN: "#d37295", PROTEST: "#fabfd2",
  SANCTION: "#b07aa1", MOBILIZE: "#9d7660", COERCE: "#e15759", ASSAULT: "#8b0000",
};
const OTHER_COLOUR = "#79706e";

function typeColour(type) { return TYPE_COLOURS[type] || OTHER_COLOUR; }

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "onclick") node.addEventListener("click", value);
    else node.setAttribute(name, String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (name === "onclick") node.addEventListener("click", value);
    else node.setAttribute(name, String(value));
  }
  for (const child of children) {
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function route() {
  const hash = location.hash.replace(/^#\/?/, "") || "search";
  const [path, query] = hash.split("?");
  return { parts: path.split("/").map(decodeURIComponent), params: new URLSearchParams(query || "") };
}

function go(page, params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(addressParams(params || {}))) {
    if (value !== "" && value !== null && value !== undefined) query.set(key, value);
  }
  const text = query.toString();
  location.hash = "#/" + page + (text ? "?" + text : "");
}

function filterParams(params) {
  const out = {};
  for (const key of [...FILTERS, ...EXTRA]) if (params.get(key)) out[key] = params.get(key);
  if (!out.min_confidence) out.min_confidence = DEFAULT_MIN_CONFIDENCE;
  return out;
}

// The filters as the address keeps them: the default confidence floor is left implicit.
function addressParams(filters) {
  const out = { ...filters };
  if (out.min_confidence === DEFAULT_MIN_CONFIDENCE) delete out.min_confidence;
  return out;
}

async function api(path, params) {
  const query = new URLSearchParams(params || {}).toString();
  const response = await fetch("/api/" + path + (query ? "?" + query : ""));
  const body = await response.json().catch(() => ({ detail: response.statusText }));
  if (!response.ok) throw new Error(typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail));
  return body;
}

function articleLink(articleId, start, end, label) {
  const params = new URLSearchParams();
  if (start !== null && start !== undefined) params.set("start", start);
  if (end !== null && end !== undefined) params.set("end", end);
  const query = params.toString();
  return el("a", { href: "#/article/" + encodeURIComponent(articleId) + (query ? "?" + query : ""),
    class: "article-link" }, label);
}

function show(...nodes) {
  const main = document.getElementById("main");
  main.replaceChildren(...nodes);
}

function fail(error) {
  show(el("p", { class: "error", id: "error" }, "Error: " + error.message));
}

// --- filters form -----------------------------------------------------------------------

function fillSelect(id, values) {
  const select = document.getElementById(id);
  for (const value of values) select.append(el("option", { value }, value));
}

function syncForm(params) {
  for (const key of FILTERS) {
    const input = document.getElementById("f-" + key);
    if (!input) continue;
    const value = params.get(key) || (key === "min_confidence" ? DEFAULT_MIN_CONFIDENCE : "");
    if (input.tagName === "SELECT" && value && ![...input.options].some((o) => o.value === value)) {
      input.append(el("option", { value }, key === "min_confidence" ? "≥ " + value : value));
    }
    input.value = value;
  }
}

function formFilters() {
  const out = {};
  for (const key of FILTERS) {
    const value = document.getElementById("f-" + key).value.trim();
    if (value) out[key] = value;
  }
  return addressParams(out);
}

// --- pages --------------------------------------------------------------------------------

async function searchPage(params) {
  const filters = filterParams(params);
  if (!filters.q) {
    show(el("p", { class: "muted" }, "Type words in the search box and press Apply (FTS5; a trailing * matches a prefix)."));
    return;
  }
  const offset = Number(params.get("offset") || 0);
  const data = await api("search", { ...filters, limit: 20, offset });
  const [open, close] = data.marks;
  const facets = el("div", { class: "facets", id: "facets" });
  for (const [name, values] of Object.entries(data.facets)) {
    const box = el("div", { class: "facet", "data-facet": name }, el("h4", {}, name));
    for (const item of values.slice(0, 12)) {
      const filterName = name === "actor" ? "actor" : name;
      box.append(el("button", { type: "button", class: "facet-value", "data-value": item.value,
        onclick: () => go("search", addressParams({ ...filters, [filterName]: item.value })) },
      `${item.value} (${item.n})`));
    }
    facets.append(box);
  }
  const results = el("div", { id: "results" });
  for (const row of data.rows) {
    const snippet = el("p", { class: "snippet" });
    for (const [index, piece] of (row.snippet || "").split(open).entries()) {
      if (index === 0) { snippet.append(piece); continue; }
      const [marked, rest] = piece.split(close);
      snippet.append(el("mark", {}, marked), rest || "");
    }
    results.append(el("div", { class: "result" },
      el("h3", {}, articleLink(row.id, row.sentence_start, row.sentence_end, row.title || row.id)),
      el("div", { class: "muted" }, `${row.published || "undated"} · ${row.outlet || row.source || "unknown source"}`),
      snippet));
  }
  const exports = el("p", { id: "exports" }, "Export these articles: ");
  for (const format of ["csv", "jsonl", "parquet"]) {
    exports.append(el("a", { href: "/api/search?" + new URLSearchParams({ ...filters, format }).toString(), download: "articles." + format, class: "export" }, format.toUpperCase()), " ");
  }
  show(el("p", { id: "total" }, `${data.total} articles`), exports, facets, results,
    pager(data, (next) => go("search", addressParams({ ...filters, offset: next }))));
}

function pager(data, move) {
  const box = el("div", { class: "pager" });
  const last = Math.min(data.offset + data.limit, data.total);
  box.append(el("span", {}, `${data.total ? data.offset + 1 : 0}–${last} of ${data.total}`));
  if (data.offset > 0) box.append(el("button", { type: "button", id: "prev", onclick: () => move(Math.max(0, data.offset - data.limit)) }, "◀ previous"));
  if (last < data.total) box.append(el("button", { type: "button", id: "next", onclick: () => move(data.offset + data.limit) }, "next ▶"));
  return box;
}

const EVENT_TABLE = [
  ["date", "date", (r) => r.date || (r.published ? r.published.slice(0, 10) + "?" : "")],
  ["type", "type", (r) => r.type + (r.cameo ? ` (${r.cameo})` : "")],
  ["source", "source", (r) => who(r.source_name, r.source_code)],
  ["target", "target", (r) => who(r.target_name, r.target_code)],
  ["location", "location", (r) => r.location_name || ""],
  ["status", "status", (r) => r.status],
  ["dead", "dead", (r) => r.dead ?? ""],
  ["confidence", "conf.", (r) => (r.confidence === null || r.confidence === undefined ? "" : r.confidence.toFixed(2))],
];

function who(name, code) { return name ? name + (code ? ` [${code}]` : "") : ""; }

async function eventsPage(params) {
  const filters = filterParams(params);
  const sort = params.get("sort") || "date";
  const order = params.get("order") || "desc";
  const offset = Number(params.get("offset") || 0);
  const data = await api("events", { ...filters, sort, order, limit: 50, offset });
  const head = el("tr");
  for (const [key, label] of EVENT_TABLE) {
    const sorted = key === sort;
    head.append(el("th", { class: "sortable" + (sorted ? " sorted " + order : ""), "data-sort": key,
      onclick: () => go("events", addressParams({ ...filters, sort: key, order: sorted && order === "desc" ? "asc" : "desc" })) }, label));
  }
  head.append(el("th", {}, "sentence"));
  const body = el("tbody");
  for (const row of data.rows) {
    const tr = el("tr", { class: "event-row" });
    for (const [, , value] of EVENT_TABLE) tr.append(el("td", {}, value(row)));
    tr.append(el("td", { class: "sentence" }, articleLink(row.article_id, row.sentence_start, row.sentence_end,
      `“${(row.sentence || row.trigger_text).trim()}”`),
    el("div", { class: "muted" }, `${row.title || row.article_id} · ${row.outlet || "unknown source"} · ${(row.published || "undated").slice(0, 10)}`)));
    body.append(tr);
  }
  const exports = el("p", { id: "exports" }, "Export this view: ");
  for (const format of ["csv", "jsonl", "parquet"]) {
    const query = new URLSearchParams({ ...filters, sort, order, format }).toString();
    exports.append(el("a", { href: "/api/events?" + query, download: "events." + format, class: "export" }, format.toUpperCase()), " ");
  }
  show(el("p", { id: "total" }, `${data.total} events`), await hiddenNote("events", filters, data.total), exports,
    el("table", { id: "events" }, el("thead", {}, head), body),
    pager(data, (next) => go("events", addressParams({ ...filters, sort, order, offset: next }))));
}

// "12 events below confidence 0.5 are hidden — show them": the control that lifts the floor.
async function hiddenNote(page, filters, shown) {
  const floor = Number(filters.min_confidence || 0);
  const note = el("p", { id: "confidence-note", class: "muted" });
  if (!floor) {
    note.append("Showing events of every confidence. ",
      el("a", { href: "#/" + page + "?" + new URLSearchParams(addressParams({ ...filters, min_confidence: DEFAULT_MIN_CONFIDENCE })).toString(), id: "hide-low" },
        `hide those below ${DEFAULT_MIN_CONFIDENCE}`));
    return note;
  }
  const [everything, selected] = await Promise.all([
    api("events", { ...filters, min_confidence: 0, limit: 1 }),
    shown === undefined ? api("events", { ...filters, limit: 1 }) : { total: shown }]);
  const hidden = everything.total - selected.total;
  note.append(hidden ? `${hidden} events below confidence ${floor} are hidden. ` : `No event here is below confidence ${floor}. `,
    el("a", { href: "#/" + page + "?" + new URLSearchParams({ ...filters, min_confidence: "0" }).toString(), id: "show-low" }, hidden ? "show them" : "show every confidence"));
  return note;
}

async function timelinePage(params) {
  const filters = filterParams(params);
  const bucket = params.get("bucket") || "day";
  const rows = await api("timeline", { ...filters, bucket });
  const periods = [...new Set(rows.map((r) => r.period))];
  const types = [...new Set(rows.map((r) => r.type))].sort();
  const totals = {};
  for (const row of rows) totals[row.period] = (totals[row.period] || 0) + row.n;
  const max = Math.max(1, ...Object.values(totals));
  // Labels carry the year ("2026-03-09", "2020-W01") and stand on end under their bar.
  const step = 24, top = 24, bottom = 80;
  const width = Math.max(400, periods.length * step + 60), height = 300;
  const chart = svg("svg", { id: "timeline", width, height, viewBox: `0 0 ${width} ${height}`, role: "img" });
  periods.forEach((period, index) => {
    const x = 40 + index * step;
    let y = height - bottom;
    for (const row of rows.filter((r) => r.period === period)) {
      const h = (row.n / max) * (height - bottom - top);
      y -= h;
      chart.append(svg("rect", { x, y, width: step - 5, height: h, fill: typeColour(row.type), class: "bar",
        "data-period": period, "data-type": row.type, "data-colour": typeColour(row.type),
        onclick: () => go("events", { ...filters, type: row.type, date_from: row.start, date_to: row.end }) },
      svg("title", {}, `${period} (${row.start} to ${row.end}) · ${row.type}: ${row.n}`)));
    }
    const lx = x + (step - 5) / 2, ly = height - bottom + 8;
    chart.append(svg("text", { x: lx, y: ly, "text-anchor": "end", class: "bar-label period-label",
      transform: `rotate(-60 ${lx} ${ly})` }, period));
  });
  chart.append(svg("text", { x: 4, y: 16, class: "bar-label" }, `max ${max} events per ${bucket === "week" ? "ISO week" : "day"}`));
  const legend = el("p", { class: "legend", id: "legend" });
  for (const type of types) {
    legend.append(el("span", { class: "legend-item", "data-type": type },
      el("b", { class: "swatch", "data-color": typeColour(type) }, "■ "), type));
  }
  const switcher = el("p", {}, "per ",
    el("button", { type: "button", id: "by-day", onclick: () => go("timeline", { ...filters, bucket: "day" }) }, "day"), " ",
    el("button", { type: "button", id: "by-week", onclick: () => go("timeline", { ...filters, bucket: "week" }) }, "ISO week"));
  show(switcher, await hiddenNote("timeline", filters), rows.length ? chart : el("p", {}, "No dated events."), legend);
  // colours through the DOM, not inline style attributes (the CSP allows no inline styles)
  legend.querySelectorAll(".swatch").forEach((node) => { node.style.color = node.dataset.color; });
}

function project(lat, lon, width, height) {
  return [((lon + 180) / 360) * width, ((90 - lat) / 180) * height];
}

async function mapPage(params) {
  const filters = filterParams(params);
  const [points, base] = await Promise.all([api("map", filters), api("basemap")]);
  const width = 900, height = 450;
  const map = svg("svg", { id: "map", width, height, viewBox: `0 0 ${width} ${height}`, role: "img" });
  const cell = width / 360;
  const land = base.cells.map(([lat, lon]) => {
    const [x, y] = project(lat + 0.5, lon - 0.5, width, height);
    return `M${x.toFixed(1)} ${y.toFixed(1)}h${cell.toFixed(2)}v${cell.toFixed(2)}h-${cell.toFixed(2)}z`;
  }).join("");
  if (land) map.append(svg("path", { d: land, fill: "#e3e7ec", id: "land" }));
  for (let lon = -180; lon <= 180; lon += 30) {
    const [x] = project(0, lon, width, height);
    map.append(svg("line", { x1: x, y1: 0, x2: x, y2: height, stroke: "#e5e8ec" }));
  }
  for (let lat = -90; lat <= 90; lat += 30) {
    const [, y] = project(lat, 0, width, height);
    map.append(svg("line", { x1: 0, y1: y, x2: width, y2: y, stroke: lat === 0 ? "#c9ced6" : "#e5e8ec" }));
  }
  const detail = el("div", { class: "side", id: "map-detail" }, el("p", { class: "muted" }, "Click a place to list its events."));
  const max = Math.max(1, ...points.map((p) => p.n));
  for (const point of points) {
    const [x, y] = project(point.lat, point.lon, width, height);
    map.append(svg("circle", { cx: x, cy: y, r: 3 + 9 * Math.sqrt(point.n / max), fill: "#c0392b",
      "fill-opacity": 0.6, stroke: "#7b241c", class: "place", "data-name": point.name || "",
      onclick: () => placeDetail(point, filters, detail) },
    svg("title", {}, `${point.name} (${point.country || "?"}): ${point.n} events`)));
    map.append(svg("text", { x: x + 6, y: y - 4, class: "bar-label" }, point.name || ""));
  }
  show(el("p", { id: "total" }, `${points.length} places with events`), await hiddenNote("map", filters), map, detail);
}

async function placeDetail(point, filters, box) {
  const data = await api("events", { ...filters, location: point.name || "", limit: 100 });
  const list = el("ul", { id: "place-events" });
  for (const row of data.rows) {
    list.append(el("li", {}, `${row.date || ""} ${row.type} `, articleLink(row.article_id, row.sentence_start, row.sentence_end, `“${row.trigger_text}” · ${row.title || row.article_id}`)));
  }
  const more = data.total > data.rows.length ? el("a", { href: "#/events?" + new URLSearchParams({ ...filters, location: point.name || "" }).toString() }, `all ${data.total} events`) : null;
  box.replaceChildren(el("h3", {}, `${point.name} (${point.country || "?"})`), list, more);
}

async function networkPage(params) {
  const filters = filterParams(params);
  const kind = params.get("kind") || "all";
  const data = await api("network", { ...filters, kind });
  const size = 560, center = size / 2, radius = size / 2 - 90;
  const graph = svg("svg", { id: "network", width: size, height: size, viewBox: `0 0 ${size} ${size}`, role: "img" });
  const nodes = data.nodes.slice(0, 40);
  const at = {};
  nodes.forEach((node, index) => {
    const angle = (2 * Math.PI * index) / Math.max(1, nodes.length);
    at[node.id] = [center + radius * Math.cos(angle), center + radius * Math.sin(angle)];
  });
  const maxWeight = Math.max(1, ...data.edges.map((e) => e.weight));
  for (const edge of data.edges) {
    if (!at[edge.source] || !at[edge.target]) continue;
    const [x1, y1] = at[edge.source], [x2, y2] = at[edge.target];
    graph.append(svg("line", { x1, y1, x2, y2, stroke: typeColour(edge.type), "data-type": edge.type,
      "stroke-width": 1 + 5 * (edge.weight / maxWeight), "stroke-opacity": 0.7, class: "edge" },
    svg("title", {}, `${edge.source_name} → ${edge.type} → ${edge.target_name}: ${edge.weight}`)));
  }
  for (const node of nodes) {
    const [x, y] = at[node.id];
    graph.append(svg("circle", { cx: x, cy: y, r: 5 + Math.min(12, node.weight), fill: "#1f5fa8", class: "node",
      onclick: () => go("events", { ...filters, actor: node.id }) }, svg("title", {}, `${node.name} [${node.id}]`)));
    graph.append(svg("text", { x: x + 8, y: y + 4, class: "bar-label" }, node.id));
  }
  const table = el("table", { id: "edges" }, el("thead", {}, el("tr", {}, el("th", {}, "source"), el("th", {}, "event type"), el("th", {}, "target"), el("th", {}, "events"))));
  const body = el("tbody");
  for (const edge of data.edges) {
    body.append(el("tr", {}, el("td", {}, `${edge.source_name} [${edge.source}]`), el("td", {}, edge.type),
      el("td", {}, `${edge.target_name} [${edge.target}]`),
      el("td", {}, el("a", { href: "#/events?" + new URLSearchParams({ ...filters, actor: edge.source, type: edge.type }).toString() }, edge.weight))));
  }
  table.append(body);
  const kinds = el("p", {}, "show: ");
  for (const option of ["all", "accuse", "attack", "meet"]) {
    kinds.append(el("button", { type: "button", id: "kind-" + option, onclick: () => go("network", { ...filters, kind: option }) }, option), " ");
  }
  show(kinds, await hiddenNote("network", filters), graph, el("div", { class: "side" }, table));
}

async function threadsPage(params) {
  const about = params.get("about") || "", search = params.get("search") || "";
  const rows = await api("threads", { about, search });
  const list = el("div", { id: "threads" });
  for (const row of rows) {
    list.append(el("div", { class: "result thread" },
      el("h3", {}, el("a", { href: "#/thread/" + row.thread_id, class: "thread-link" }, row.label)),
      el("div", { class: "muted" }, `${row.members} claims in ${row.articles} articles · ${row.first_published || "?"} → ${row.last_published || "?"} · parties ${row.parties || "-"}`),
      el("div", {}, `${row.alleges} alleges · ${row.denies} denies · ${row.disputes} disputes · ${row.supports} supports`)));
  }
  show(el("p", { id: "total" }, `${rows.length} claim threads across articles`), list);
}

async function threadPage(id) {
  const data = await api("threads/" + encodeURIComponent(id));
  const list = el("div", { id: "claims" });
  const numbers = {};
  data.claims.forEach((claim, index) => { numbers[claim.claim_id + "@" + claim.article_id] = index + 1; });
  data.claims.forEach((claim, index) => {
    const answered = claim.responds_to ? numbers[claim.responds_to + "@" + claim.article_id] : null;
    const box = el("div", { class: "claim" + (claim.responds_to ? " answer" : ""), "data-stance": claim.stance },
      el("span", { class: "stance stance-" + claim.stance }, claim.stance.toUpperCase()), " ",
      el("b", {}, `${index + 1}. ${claim.claimant_name || "unattributed"}`),
      claim.claimant_code ? ` [${claim.claimant_code}]` : "",
      el("span", { class: "muted" }, ` · ${claim.published || "undated"} · ${claim.source || "?"}`),
      el("div", {}, articleLink(claim.article_id, claim.content_start, claim.content_end, claim.content_text)));
    if (answered) box.append(el("div", { class: "muted" }, `↳ answers ${answered}`));
    if (claim.evidence && claim.evidence.length) {
      box.append(el("div", { class: "evidence" }, "evidence: " + claim.evidence.map((e) => e.text).join("; ")));
    }
    list.append(box);
  });
  show(el("h2", {}, data.label), el("p", { class: "muted" }, `${data.members} claims · parties ${data.parties || "-"}`), list);
}

async function articlePage(id, params) {
  const data = await api("articles/" + encodeURIComponent(id));
  const focusStart = params.has("start") ? Number(params.get("start")) : null;
  const focusEnd = params.has("end") ? Number(params.get("end")) : null;
  const spans = [];
  for (const event of data.events) if (!event.background) spans.push([event.trigger_start, event.trigger_end, "span-event", `${event.type} (${event.status})`]);
  for (const quote of data.quotes) spans.push([quote.content_start, quote.content_end, "span-quote", `quote · ${quote.speaker_name || "?"} · ${quote.stance}`]);
  for (const place of data.places) spans.push([place.start, place.end, "span-place", `${place.name} (${place.country || "?"}) ${place.lat},${place.lon}`]);
  if (focusStart !== null && focusEnd !== null) spans.push([focusStart, focusEnd, "span-focus", "the sentence this row comes from"]);
  const text = data.text;
  const cuts = new Set([0, text.length]);
  for (const [start, end] of spans) { cuts.add(Math.max(0, Math.min(text.length, start))); cuts.add(Math.max(0, Math.min(text.length, end))); }
  const points = [...cuts].sort((a, b) => a - b);
  const body = el("div", { class: "article-text", id: "article-text" });
  let focusNode = null;
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    const covering = spans.filter(([s, e]) => s <= start && end <= e);
    if (!covering.length) { body.append(text.slice(start, end)); continue; }
    const node = el("span", { class: covering.map((c) => c[2]).join(" "), title: covering.map((c) => c[3]).join(" | ") }, text.slice(start, end));
    if (!focusNode && covering.some((c) => c[2] === "span-focus")) { node.id = "focus"; focusNode = node; }
    body.append(node);
  }
  const meta = el("p", { class: "muted", id: "article-meta" }, `${data.published || "undated"} · ${data.outlet || data.source || "unknown source"} · `);
  if (data.url) meta.append(el("a", { href: data.url, rel: "noopener noreferrer nofollow", target: "_blank", id: "source-url" }, "original"));
  const legend = el("p", { class: "legend" }, el("span", { class: "span-event" }, "event trigger"),
    el("span", { class: "span-quote" }, "quotation"), el("span", { class: "span-place" }, "place"),
    el("span", { class: "span-focus" }, "the row's sentence"));
  const claims = el("ul", { id: "article-claims" });
  for (const claim of data.claims) {
    claims.append(el("li", {}, el("span", { class: "stance stance-" + claim.stance }, claim.stance), " ",
      claim.claimant_name || "unattributed", " ",
      claim.thread_id !== null ? el("a", { href: "#/thread/" + claim.thread_id }, "thread") : ""));
  }
  show(el("h2", { id: "article-title" }, data.title || data.id), meta, legend, body,
    el("h3", {}, `${data.events.length} events · ${data.quotes.length} quotes · ${data.claims.length} claims · ${data.places.length} places`), claims);
  if (focusNode) focusNode.scrollIntoView({ block: "center" });
}

// --- routing --------------------------------------------------------------------------------

// "claims" is the page's name in the menu; "threads" its older address: both work.
const PAGES = { search: searchPage, events: eventsPage, timeline: timelinePage, map: mapPage, network: networkPage, claims: threadsPage, threads: threadsPage };
const MENU = { threads: "claims", thread: "claims", claim: "claims" };

async function unknownPage(page) {
  show(el("p", { id: "not-found", class: "error" }, `There is no page “${page}”. `,
    el("a", { href: "#/search" }, "Go to Search"), " or pick a page above."));
}

let renderCount = 0;

async function render() {
  // Only the latest navigation may mark the page ready; an older, slower render must not.
  const ticket = ++renderCount;
  document.body.dataset.ready = "";
  const { parts, params } = route();
  const page = parts[0];
  document.querySelectorAll("#nav a").forEach((a) => a.classList.toggle("active", a.dataset.page === (MENU[page] || page)));
  syncForm(params);
  document.body.dataset.page = page;
  try {
    if (page === "article") await articlePage(parts.slice(1).join("/"), params);
    else if (page === "thread" || page === "claim") await threadPage(parts[1]);
    else if (PAGES[page]) await PAGES[page](params);
    else await unknownPage(page);
    if (ticket !== renderCount) return;
    document.body.dataset.readyMs = String(Math.round(performance.now()));
    document.body.dataset.ready = page;
  } catch (error) {
    if (ticket !== renderCount) return;
    fail(error);
    document.body.dataset.ready = "error";
  }
}

async function start() {
  const overview = await api("overview");
  fillSelect("f-country", overview.countries);
  fillSelect("f-type", overview.types);
  fillSelect("f-status", overview.statuses);
  fillSelect("f-source", overview.sources);
  const c = overview.counts;
  document.getElementById("counts").textContent = `${c.articles} articles · ${c.events} events · ${c.claims} claims · ${c.places} places`;
  document.getElementById("filters").addEventListener("submit", (event) => {
    event.preventDefault();
    const { parts } = route();
    const page = PAGES[parts[0]] ? parts[0] : "search";
    const target = formFilters().q && page !== "events" && page !== "timeline" && page !== "map" && page !== "network" ? "search" : page;
    go(target, formFilters());
  });
  document.getElementById("clear").addEventListener("click", () => {
    const { parts } = route();
    go(PAGES[parts[0]] ? parts[0] : "search", {});
  });
  window.addEventListener("hashchange", render);
  await render();
}

document.addEventListener("DOMContentLoaded", () => { start().catch(fail); });
