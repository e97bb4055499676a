"""A reproducible spot-check of a database's events by a human reader.

    .venv/bin/python benchmarks/spotcheck.py --db DB [-n 60] [--seed S] [--out SHEET.csv|.html]
                                             [--min-confidence X]
    .venv/bin/python benchmarks/spotcheck.py --score SHEET.csv [--db DB] [--json]

Drawing: the analyst's events table (`dossier export --table events`: foreground PLOVER
events; `--min-confidence` as in `dossier events`) is ordered by article and event id and
`-n` events are drawn with Python's `random.Random(seed)`; the same database, seed and `n`
always give the same sample. The sheet (CSV, or an HTML page that saves the same CSV) holds
per event its article, sentence and every extracted field, and empty columns for the
reviewer's verdict (benchmarks/README.md, "Spot-check", says how to fill them).

Scoring: the share of reviewed events that are acceptable and that have every field right
(with a 95 % Wilson interval), per-field accuracy, the share placed among events whose
sentence gives a place, and, with `--db`, the share of the database's events with a date and
with a place, each against the bars of issue 18.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import html
import json
import math
import random
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from newsdossier.export import event_rows
from newsdossier.web.queries import Filters, connect

INFO_COLUMNS = [
    "no", "article_id", "event_id", "outlet", "published", "title", "url", "sentence",
    "trigger", "type", "cameo", "mode", "status", "confidence", "source", "target",
    "attributed_to", "date", "date_precision", "date_basis", "place", "place_basis", "dead",
    "injured", "size",
]
# What the reviewer fills in: yes/no for the first two and for text_has_place,
# right/wrong (or n/a) for each field, free text for notes.
VERDICT_COLUMNS = ["acceptable", "all_fields_right", "type_ok", "source_ok", "target_ok",
                   "date_ok", "place_ok", "figures_ok", "text_has_place", "notes"]
FIELDS = ("type", "source", "target", "date", "place", "figures")
SHEET_COLUMNS = INFO_COLUMNS + VERDICT_COLUMNS
BARS = {"acceptable": 0.80, "all_fields_right": 0.60, "dated": 0.60, "placed": 0.40}

YES = {"yes", "y", "1", "true", "ok", "right", "r", "✓"}
NO = {"no", "n", "0", "false", "wrong", "w", "✗"}


# --- drawing -------------------------------------------------------------------------------


def _party(name: Any, code: Any, country: Any = None, sector: Any = None) -> str:
    if not name:
        return ""
    details = ", ".join(str(part) for part in (code, country, sector) if part)
    return f"{name} [{details}]" if details else str(name)


def _place(row: dict[str, Any]) -> str:
    if not row.get("location_name"):
        return ""
    where = f"{row['location_name']} ({row.get('location_country') or '?'})"
    if row.get("lat") is not None:
        where += f" {row['lat']:.3f},{row['lon']:.3f}"
    return where


def _number(value: Any) -> str:
    if value is None:
        return ""
    return f"{value:g}" if isinstance(value, float) else str(value)


def sheet_row(number: int, row: dict[str, Any]) -> dict[str, Any]:
    """An event of the analyst's table as a line of the review sheet, verdicts empty."""
    return {
        "no": number, "article_id": row["article_id"], "event_id": row["event_id"],
        "outlet": row.get("outlet") or "", "published": row.get("published") or "",
        "title": row.get("title") or "", "url": row.get("url") or "",
        "sentence": " ".join(str(row.get("sentence") or "").split()),
        "trigger": row.get("trigger_text") or "", "type": row.get("type") or "",
        "cameo": row.get("cameo") or "", "mode": row.get("mode") or "",
        "status": row.get("status") or "",
        "confidence": "" if row.get("confidence") is None else f"{row['confidence']:.2f}",
        "source": _party(row.get("source_name"), row.get("source_code"),
                         row.get("source_country"), row.get("source_sector")),
        "target": _party(row.get("target_name"), row.get("target_code"),
                         row.get("target_country"), row.get("target_sector")),
        "attributed_to": _party(row.get("attributed_name"), row.get("attributed_code")),
        "date": row.get("date") or "", "date_precision": row.get("date_precision") or "",
        "date_basis": row.get("date_basis") or "", "place": _place(row),
        "place_basis": row.get("location_basis") or "", "dead": _number(row.get("dead")),
        "injured": _number(row.get("injured")), "size": _number(row.get("size")),
        # offsets of the trigger in the sentence, for the HTML sheet's highlight
        "_trigger_at": (row["trigger_start"] - row["sentence_start"],
                        row["trigger_end"] - row["sentence_start"]),
        "_sentence_raw": row.get("sentence") or "",
        **{column: "" for column in VERDICT_COLUMNS},
    }


def draw(db: Path, n: int, seed: int, min_confidence: float | None = None,
         exclude: frozenset[str] = frozenset()) -> list[dict[str, Any]]:
    """`n` events drawn reproducibly from the analyst's table, as sheet rows in reading
    order (by publication, article and place in the text); articles in `exclude` (those
    whose events trained the confidence model) are left out."""
    conn = connect(db)
    try:
        rows = list(event_rows(conn, Filters(min_confidence=min_confidence or None),
                               sort="date", order="asc"))
    finally:
        conn.close()
    rows = [row for row in rows if row["article_id"] not in exclude]
    rows.sort(key=lambda row: (row["article_id"], row["event_id"]))
    drawn = random.Random(seed).sample(rows, min(n, len(rows)))
    drawn.sort(key=lambda row: (row.get("published") or "", row["article_id"],
                                row["sentence_start"], row["trigger_start"]))
    return [sheet_row(number, row) for number, row in enumerate(drawn, start=1)]


def write_csv(rows: list[dict[str, Any]], out: Any) -> None:
    writer = csv.DictWriter(out, fieldnames=SHEET_COLUMNS, lineterminator="\n",
                            extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)


_HTML_STYLE = """
body { font: 14px/1.45 system-ui, sans-serif; margin: 1.5rem auto; max-width: 60rem; }
.item { border: 1px solid #d9dde3; padding: .6rem .9rem; margin: .8rem 0; background: #fff; }
.sentence { font-size: 15px; margin: .4rem 0; } mark { background: #ffe58a; }
table { border-collapse: collapse; } td, th { padding: .1rem .5rem; text-align: left; }
th { color: #6b7280; font-weight: normal; } .verdict label { margin-right: .8rem; }
.verdict { margin-top: .4rem; display: flex; flex-wrap: wrap; gap: .3rem 1rem; }
textarea { width: 100%; } .muted { color: #6b7280; }
"""

_HTML_SCRIPT = """
const rows = JSON.parse(document.getElementById("rows").textContent);
const columns = JSON.parse(document.getElementById("columns").textContent);
const key = "spotcheck:" + document.body.dataset.sample;
const saved = JSON.parse(localStorage.getItem(key) || "{}");
for (const input of document.querySelectorAll("[data-no]")) {
  const value = (saved[input.dataset.no] || {})[input.name];
  if (value !== undefined) input.value = value;
  input.addEventListener("change", () => {
    saved[input.dataset.no] = saved[input.dataset.no] || {};
    saved[input.dataset.no][input.name] = input.value;
    localStorage.setItem(key, JSON.stringify(saved));
  });
}
function cell(value) {
  const text = String(value ?? "");
  return /[",\\n\\r]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
}
function verdictsCsv() {
  const lines = [columns.join(",")];
  for (const row of rows) {
    const inputs = document.querySelectorAll(`[data-no="${row.no}"]`);
    for (const input of inputs) row[input.name] = input.value;
    lines.push(columns.map((c) => cell(row[c])).join(","));
  }
  return lines.join("\\n") + "\\n";
}
document.getElementById("save").addEventListener("click", () => {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([verdictsCsv()], { type: "text/csv" }));
  link.download = document.body.dataset.sample + "-verdicts.csv";
  link.click();
});
"""


def _select(number: int, name: str, options: Iterable[str]) -> str:
    choices = "".join(f'<option value="{o}">{o or "–"}</option>' for o in ("", *options))
    return (f'<label>{html.escape(name)} <select name="{name}" data-no="{number}">{choices}'
            "</select></label>")


def write_html(rows: list[dict[str, Any]], out: Any, title: str, sample: str) -> None:
    """A page to review the sample in a browser: each event with its sentence (the trigger
    marked) and fields, menus for the verdicts (kept in the browser as they are chosen), and
    a button that saves them as the CSV sheet `--score` reads."""
    parts = [f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>"
             f"{html.escape(title)}</title><style>{_HTML_STYLE}</style></head>"
             f"<body data-sample='{html.escape(sample, quote=True)}'><h1>{html.escape(title)}</h1>"
             "<p class='muted'>Judge each event against its sentence (and the article when "
             "needed): see benchmarks/README.md, “Spot-check”. Your choices stay in this "
             "browser; <button id='save' type='button'>save the verdicts as CSV</button> "
             "and score them with <code>spotcheck.py --score FILE</code>.</p>"]
    for row in rows:
        sentence, (start, end) = row["_sentence_raw"], row["_trigger_at"]
        marked = (html.escape(sentence[:start]) + "<mark>" + html.escape(sentence[start:end])
                  + "</mark>" + html.escape(sentence[end:]))
        fields = "".join(
            f"<tr><th>{label}</th><td>{html.escape(str(value))}</td></tr>"
            for label, value in (
                ("type", f"{row['type']} (CAMEO {row['cameo'] or '-'})"
                 + (f", mode {row['mode']}" if row["mode"] else "")),
                ("source", row["source"] or "–"), ("target", row["target"] or "–"),
                ("date", f"{row['date'] or '–'} {row['date_precision']} "
                         f"{('· ' + row['date_basis']) if row['date_basis'] else ''}"),
                ("place", f"{row['place'] or '–'} "
                          f"{('· ' + row['place_basis']) if row['place_basis'] else ''}"),
                ("figures", ", ".join(f"{k} {row[k]}" for k in ("dead", "injured", "size")
                                      if row[k]) or "–"),
                ("status", f"{row['status']}" + (f" · says {row['attributed_to']}"
                                                 if row["attributed_to"] else "")),
                ("confidence", row["confidence"]),
            ))
        link = (f"<a href='{html.escape(row['url'], quote=True)}' rel='noreferrer'>"
                f"{html.escape(row['title'] or row['article_id'])}</a>"
                if row["url"].startswith(("http://", "https://"))
                else html.escape(row["title"] or row["article_id"]))
        number = row["no"]
        verdicts = "".join([
            _select(number, "acceptable", ("yes", "no")),
            _select(number, "all_fields_right", ("yes", "no")),
            *(_select(number, f"{field}_ok", ("right", "wrong", "n/a")) for field in FIELDS),
            _select(number, "text_has_place", ("yes", "no")),
        ])
        parts.append(
            f"<div class='item' id='e{number}'><b>{number}.</b> {html.escape(row['outlet'])}, "
            f"{html.escape(row['published'])} — {link} <span class='muted'>"
            f"({html.escape(row['article_id'])} / {html.escape(row['event_id'])})</span>"
            f"<p class='sentence'>“{marked}”</p><table>{fields}</table>"
            f"<div class='verdict'>{verdicts}</div><textarea name='notes' data-no='{number}' "
            "rows='1' placeholder='notes'></textarea></div>")
    data = json.dumps([{c: row[c] for c in SHEET_COLUMNS} for row in rows],
                      ensure_ascii=False).replace("<", "\\u003c")
    parts.append(f"<script type='application/json' id='rows'>{data}</script>"
                 f"<script type='application/json' id='columns'>{json.dumps(SHEET_COLUMNS)}"
                 f"</script><script>{_HTML_SCRIPT}</script></body></html>")
    out.write("\n".join(parts) + "\n")


# --- scoring -------------------------------------------------------------------------------


def verdict(value: str | None) -> bool | None:
    """A reviewer's yes/right (True), no/wrong (False) or nothing (None: blank, n/a, -)."""
    text = (value or "").strip().lower()
    if text in YES:
        return True
    if text in NO:
        return False
    return None


def wilson(successes: int, total: int, z: float = 1.96) -> tuple[float, float]:
    """The 95 % Wilson score interval of a proportion."""
    if not total:
        return 0.0, 0.0
    share = successes / total
    denominator = 1 + z * z / total
    centre = (share + z * z / (2 * total)) / denominator
    spread = z * math.sqrt(share * (1 - share) / total + z * z / (4 * total * total))
    return max(0.0, centre - spread / denominator), min(1.0, centre + spread / denominator)


def _rate(values: list[bool]) -> dict[str, Any]:
    right = sum(values)
    low, high = wilson(right, len(values))
    return {"right": right, "n": len(values), "rate": right / len(values) if values else None,
            "ci95": [round(low, 3), round(high, 3)]}


def _field_verdicts(row: dict[str, str]) -> dict[str, bool | None]:
    return {field: verdict(row.get(f"{field}_ok")) for field in FIELDS}


CORE = ("type", "source", "target")


def _overall(row: dict[str, str], column: str, fields: tuple[str, ...]) -> bool | None:
    """The reviewer's overall verdict; when left blank, what the per-field verdicts imply:
    any of `fields` wrong → no; type, source and target right and none wrong → yes (a field
    marked n/a, e.g. figures where there are none, is no error)."""
    given = verdict(row.get(column))
    if given is not None:
        return given
    judged = _field_verdicts(row)
    if any(judged[field] is False for field in fields):
        return False
    if all(judged[field] is True for field in CORE):
        return True
    return None


def score(rows: list[dict[str, str]]) -> dict[str, Any]:
    acceptable = [v for row in rows if (v := _overall(row, "acceptable", CORE)) is not None]
    every = [v for row in rows if (v := _overall(row, "all_fields_right", FIELDS)) is not None]
    fields = {field: _rate([v for row in rows if (v := _field_verdicts(row)[field]) is not None])
              for field in FIELDS}
    with_place = [row for row in rows if verdict(row.get("text_has_place")) is True]
    return {
        "rows": len(rows), "reviewed": len(acceptable),
        "acceptable": _rate(acceptable), "all_fields_right": _rate(every), "fields": fields,
        "sample_dated": _rate([bool(row.get("date")) for row in rows]),
        "sample_placed": _rate([bool(row.get("place")) for row in rows]),
        "placed_where_text_gives_place": _rate([bool(row.get("place")) for row in with_place]),
    }


def database_shares(db: Path, min_confidence: float | None = None) -> dict[str, Any]:
    conn = connect(db)
    try:
        rows = list(event_rows(conn, Filters(min_confidence=min_confidence or None)))
    finally:
        conn.close()
    return {"events": len(rows), "dated": _rate([bool(row["date"]) for row in rows]),
            "placed": _rate([bool(row["location_name"]) for row in rows])}


def _line(label: str, rate: dict[str, Any], bar: float | None = None) -> str:
    if not rate["n"]:
        return f"  {label:<34} not judged"
    text = (f"  {label:<34} {rate['right']:>4}/{rate['n']:<4} {100 * rate['rate']:5.1f} %  "
            f"(95 % CI {100 * rate['ci95'][0]:.0f}–{100 * rate['ci95'][1]:.0f})")
    if bar is not None:
        text += f"  bar ≥ {100 * bar:.0f} %: {'met' if rate['rate'] >= bar else 'NOT met'}"
    return text


def report_text(sheet: str, found: dict[str, Any]) -> str:
    lines = [f"spot-check {sheet}: {found['rows']} events, {found['reviewed']} judged"]
    lines.append(_line("acceptable", found["acceptable"], BARS["acceptable"]))
    lines.append(_line("all fields right", found["all_fields_right"],
                       BARS["all_fields_right"]))
    for field, rate in found["fields"].items():
        lines.append(_line(f"  {field} right", rate))
    lines.append(_line("sample: dated", found["sample_dated"]))
    lines.append(_line("sample: placed where the text gives one",
                       found["placed_where_text_gives_place"], BARS["placed"]))
    if "database" in found:
        shares = found["database"]
        lines.append(f"  database: {shares['events']} events")
        lines.append(_line("database: dated", shares["dated"], BARS["dated"]))
        lines.append(_line("database: placed (any event)", shares["placed"], BARS["placed"]))
    return "\n".join(lines)


def read_sheet(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    missing = [c for c in ("acceptable", "all_fields_right") if rows and c not in rows[0]]
    if missing:
        raise SystemExit(f"{path}: not a review sheet (no column {', '.join(missing)})")
    return rows


# --- command line --------------------------------------------------------------------------


def reviewed_articles(path: Path) -> frozenset[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return frozenset(row["article_id"] for row in csv.DictReader(handle, delimiter="\t"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, help="The database to sample (or, with --score, "
                        "to measure the share of events dated and placed).")
    parser.add_argument("-n", type=int, default=60, help="Events to draw (default 60).")
    parser.add_argument("--seed", type=int, default=0, help="Random seed (default 0).")
    parser.add_argument("--min-confidence", type=float, default=None,
                        help="Draw only events at least this confident (as `dossier events`).")
    parser.add_argument("--exclude-reviewed", type=Path, metavar="VERDICTS", action="append",
                        help="Leave out the articles a verdict file (tools/labels/"
                        "wikinews_verdicts.tsv) has judged: a sample the confidence model "
                        "was not fitted on (repeatable).")
    parser.add_argument("--out", type=Path, help="The sheet: .csv or .html (default: CSV on "
                        "stdout).")
    parser.add_argument("--score", type=Path, metavar="SHEET",
                        help="Score a filled-in sheet (CSV) instead of drawing one.")
    parser.add_argument("--json", action="store_true", help="With --score: print JSON.")
    args = parser.parse_args(argv)
    if args.score:
        found = score(read_sheet(args.score))
        if args.db:
            found["database"] = database_shares(args.db, args.min_confidence)
        print(json.dumps(found, indent=1) if args.json else report_text(str(args.score), found))
        return 0
    if not args.db:
        parser.error("--db is needed to draw a sample (or --score SHEET)")
    if not args.db.is_file():
        parser.error(f"{args.db}: no such database")
    if args.n < 1:
        parser.error("-n: at least 1")
    exclude: frozenset[str] = frozenset()
    for verdicts in args.exclude_reviewed or ():
        try:
            exclude |= reviewed_articles(verdicts)
        except (OSError, KeyError, csv.Error, UnicodeDecodeError) as exc:
            parser.error(f"--exclude-reviewed {verdicts}: not a verdict file "
                         f"with an article_id column ({exc.__class__.__name__}: {exc})")
    rows = draw(args.db, args.n, args.seed, args.min_confidence, exclude)
    sample = f"{args.db.stem}-n{args.n}-seed{args.seed}"
    if args.out and args.out.suffix.lower() in (".html", ".htm"):
        title = (f"Spot-check of {args.db.name}: {len(rows)} events, seed {args.seed} "
                 f"({datetime.date.today().isoformat()})")
        with args.out.open("w", encoding="utf-8") as handle:
            write_html(rows, handle, title, sample)
    elif args.out:
        with args.out.open("w", encoding="utf-8", newline="") as handle:
            write_csv(rows, handle)
    else:
        write_csv(rows, sys.stdout)
    print(f"{len(rows)} events drawn from {args.db} with seed {args.seed}"
          + (f" into {args.out}" if args.out else ""), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
