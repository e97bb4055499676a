"""Human-readable rendering of a Record (`--format pretty`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .model import Actor, Claim, Event, Record


def actor_label(actor: Actor) -> str:
    name = actor.name or actor.text
    return f"{name} [{actor.code}]" if actor.code else name


def _actors(actors: list[Actor]) -> str:
    return " + ".join(actor_label(a) for a in actors) or "?"


def _figure(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,}"


def event_line(event: Event) -> str:
    """One readable line: date, source → type/mode (CAMEO) → target, place, figures, status
    and who says so; "↔" for a reciprocal event, "(background)" for one recalled as context."""
    kind = event.type or "-"
    if event.mode:
        kind += f"/{event.mode}"
    if event.intent:
        kind += f" of {event.intent}"
    if event.cameo:
        kind += f" ({event.cameo})"
    arrow = "↔" if event.reciprocal else "→"
    line = f"{event.date or '????-??-??':10}  {_actors(event.source)} {arrow} {kind}"
    if event.target or not event.reciprocal:
        line += f" {arrow} {_actors(event.target)}"
    if event.location:
        line += f"  @ {event.location.name or event.location.text}"
    figures = [f"{label} {_figure(value)}" for label, value in
               (("dead", event.dead), ("injured", event.injured), ("size", event.size))
               if value is not None]
    if figures:
        line += "  (" + ", ".join(figures) + ")"
    line += f"  [{event.status}"
    if event.attributed_to:
        line += f"; says {actor_label(event.attributed_to)}"
    line += "]"
    if event.background:
        line += "  (background)"
    return line


def _heading(record: Record) -> list[str]:
    article = record.article
    meta = " · ".join(
        part for part in (article.published, article.source, article.language) if part
    )
    lines = [f"══ {article.title or '(untitled)'}", f"   {meta}" if meta else ""]
    lines.append(f"   id {article.id}")
    if article.url:
        lines.append(f"   {article.url}")
    return [line for line in lines if line]


def _section(title: str, items: list[str]) -> list[str]:
    if not items:
        return []
    return [f"  {title} ({len(items)})", *(f"    {item}" for item in items)]


def pretty(record: Record) -> str:
    actors = {}
    for actor in record.actors:
        label = actor_label(actor)
        actors[label] = actors.get(label, 0) + 1
    dates = [f"{d.text!r} → {d.value or '?'}" for d in record.dates]
    quotes = [
        f"{actor_label(q.speaker) if q.speaker else '?'}: “{q.content.text}” ({q.kind})"
        for q in record.quotes
    ]
    claims = [claim_line(c, record) for c in record.claims]
    places = [
        f"{p.name or p.text} ({p.country or '?'}) {p.lat},{p.lon}" for p in record.places
    ]
    quantities = [f"{q.value:g} {q.what or q.unit or ''}".strip() for q in record.quantities]
    lines = _heading(record)
    lines += _section("events", [event_line(e) for e in record.events])
    lines += _section("actors", [f"{k} ×{v}" if v > 1 else k for k, v in actors.items()])
    lines += _section("quotes", quotes)
    lines += _section("claims", claims)
    lines += _section("places", places)
    lines += _section("quantities", quantities)
    lines += _section("dates", dates)
    lines += _section("notes", record.notes)
    lines.append(f"  {len(record.sentences)} sentences, {len(record.article.text):,} characters")
    return "\n".join(lines)


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def claim_line(claim: Claim, record: Record) -> str:
    """'c2 Syria's foreign ministry [SYRGOV] denies “…” ↳ c1 · evidence: …'."""
    who = actor_label(claim.claimant) if claim.claimant else "(the article)"
    line = f"{claim.id} {who} {claim.stance}: “{claim.content.text}”"
    if claim.responds_to:
        answered = next((c for c in record.claims if c.id == claim.responds_to), None)
        whose = actor_label(answered.claimant) if answered and answered.claimant else "?"
        line += f"  ↳ answers {claim.responds_to} ({whose})"
    if claim.evidence:
        line += "  · evidence: " + "; ".join(e.text for e in claim.evidence)
    return line


def thread_text(thread: dict[str, object], claims: list[dict[str, object]]) -> str:
    """A claim thread, readably: its label, then each claim with date, stance, claimant,
    source and title, its words, what it answers and the evidence it cites."""
    first, last = thread.get("first_published") or "?", thread.get("last_published") or "?"
    parties = thread.get("parties") or "-"
    lines = [f"thread {thread['thread_id']} · {thread['members']} claims in "
             f"{thread['articles']} articles · {first} → {last} · parties {parties}",
             f"  “{_short(str(thread['label']), 110)}”", "  " + _stance_counts(claims)]
    numbers = {(c["article_id"], c["claim_id"]): n for n, c in enumerate(claims, start=1)}
    for n, claim in enumerate(claims, start=1):
        who = claim.get("claimant_name") or "(the article)"
        code = f" [{claim['claimant_code']}]" if claim.get("claimant_code") else ""
        source = f"{claim.get('source') or '?'} — {_short(str(claim.get('title') or ''), 60)}"
        lines.append(f"  {n:>2}. {claim.get('published') or '????-??-??'}  "
                     f"{str(claim['stance']).upper():<9} {who}{code}  · {source}")
        lines.append(f"      “{_short(str(claim['content_text']), 120)}”")
        answered = numbers.get((claim["article_id"], claim.get("responds_to")))
        if answered is not None:
            lines.append(f"      ↳ answers {answered}")
        evidence = _json_spans(claim.get("evidence"))
        if evidence:
            lines.append("      evidence: " + "; ".join(_short(e, 70) for e in evidence))
    return "\n".join(lines)


_STANCE_ORDER = ("alleges", "denies", "disputes", "supports", "asserts")


def _stance_counts(claims: list[dict[str, object]]) -> str:
    """'2 alleges · 5 denies · 3 disputes · 4 supports · 9 asserts · evidence in 11'."""
    counts = {stance: 0 for stance in _STANCE_ORDER}
    for claim in claims:
        counts[str(claim["stance"])] = counts.get(str(claim["stance"]), 0) + 1
    cited = sum(1 for claim in claims if _json_spans(claim.get("evidence")))
    parts = [f"{n} {stance}" for stance, n in counts.items() if n]
    return " · ".join([*parts, f"evidence in {cited}"])


def _json_spans(value: object) -> list[str]:
    import json

    if not isinstance(value, str) or not value:
        return []
    try:
        return [str(span.get("text", "")) for span in json.loads(value)]
    except (ValueError, AttributeError):
        return []


# --- `dossier events` and `dossier stats` ----------------------------------------------------


def _party(name: object, code: object) -> str:
    if not name:
        return "?"
    return f"{name} [{code}]" if code else str(name)


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(1, width - 1)] + "…"


def event_table_lines(row: dict[str, Any], width: int = 120) -> list[str]:
    """An event of the analyst's table as three readable lines: date, type, parties, place,
    figures, status and confidence; the sentence; the article it comes from."""
    import textwrap

    date = str(row.get("date") or "????-??-??")
    precision = row.get("date_precision")
    if precision and precision != "day" and len(date) == 10:
        date += f" ({precision})"
    kind = str(row.get("type") or "-") + (f" ({row['cameo']})" if row.get("cameo") else "")
    head = (f"{date:10}  {kind:15} {_party(row.get('source_name'), row.get('source_code'))} → "
            f"{_party(row.get('target_name'), row.get('target_code'))}")
    if row.get("location_name"):
        head += f"  @ {row['location_name']} ({row.get('location_country') or '?'})"
    figures = [f"{label} {_figure(float(row[label]))}" for label in ("dead", "injured")
               if row.get(label) is not None]
    if figures:
        head += "  (" + ", ".join(figures) + ")"
    confidence = row.get("confidence")
    head += f"  [{row.get('status')}" + (f", {confidence:.2f}]" if confidence is not None
                                         else "]")
    sentence = " ".join(str(row.get("sentence") or "").split())
    body = textwrap.wrap(f"“{sentence}”", max(20, width - 6), max_lines=3, placeholder=" …")
    where = f"{row.get('outlet') or 'unknown outlet'}, {row.get('published') or 'undated'} — "
    article = f"  (id {row.get('article_id')})"
    title = _clip(str(row.get("title") or "(untitled)"), max(20, width - 6 - len(where)
                                                              - len(article)))
    return [head, *(f"      {line}" for line in body), f"      {where}{title}{article}"]


def _share(part: int, whole: int) -> str:
    return f"{part} ({100 * part / whole:.0f} %)" if whole else str(part)


def _counts(items: list[dict[str, Any]], total: int, label: Callable[[dict[str, Any]], str]
            ) -> list[str]:
    if not items:
        return ["    (none)"]
    width = max(len(label(item)) for item in items)
    return [f"    {label(item):<{width}}  {item['n']:>6}  {100 * item['n'] / total:5.1f} %"
            if total else f"    {label(item):<{width}}  {item['n']:>6}" for item in items]


def stats_text(stats: dict[str, Any], path: str) -> str:
    """`dossier stats`: what a database holds, readably."""
    events = stats["events"]
    left = stats["left_out"]
    lines = [f"{path}: {stats['articles']} articles ({stats['first_published'] or '?'} → "
             f"{stats['last_published'] or '?'}), {events} events",
             f"  with a date: {_share(stats['dated'], events)} · with a place: "
             f"{_share(stats['placed'], events)} (coordinates: "
             f"{_share(stats['with_coordinates'], events)}) · with deaths: "
             f"{_share(stats['with_fatalities'], events)}",
             f"  not counted: {left['background']} recalled as background, "
             f"{left['no_plover_type']} CAMEO-only (no PLOVER type, e.g. claims of "
             f"responsibility); the default views also hide {left['low_confidence']} below "
             f"confidence {left['low_confidence_below']:g}"]
    sections = (
        ("by type", stats["by_type"], lambda item: str(item["value"])),
        ("by country (source, target or place)", stats["by_country"],
         lambda item: str(item["value"])),
        ("by month of the event's date", _recent_months(stats),
         lambda item: str(item["value"]) + (" (year only)" if len(str(item["value"])) == 4
                                            else "")),
        ("by outlet", stats["by_outlet"], lambda item: str(item["value"] or "(unknown)")),
        ("top actors (source or target)", stats["top_actors"],
         lambda item: _party(item["name"], item["code"])),
        ("top actor codes (every actor of a country code)", stats["top_codes"],
         lambda item: str(item["value"])),
        ("by confidence", stats["by_confidence"], lambda item: str(item["value"])),
    )
    for title, items, label in sections:
        lines.append(f"  {title}:")
        lines += _counts(items, events, label)
    return "\n".join(lines)


def _recent_months(stats: dict[str, Any]) -> list[dict[str, Any]]:
    """The months of the articles' time and the year before, with every earlier date in one
    line ("before 2018"); later ones are kept, each a date to doubt."""
    first = str(stats.get("first_published") or "")[:4]
    if not first.isdigit():
        return stats["by_month"]
    since = str(int(first) - 1)
    earlier = sum(item["n"] for item in stats["by_month"] if str(item["value"]) < since)
    kept = [item for item in stats["by_month"] if str(item["value"]) >= since]
    return ([{"value": f"before {since}", "n": earlier}] if earlier else []) + kept
