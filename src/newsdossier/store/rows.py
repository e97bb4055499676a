"""A Record → the rows of each table (flat columns for querying, JSON for nested parts)."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from ..model import Actor, Record, Span


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _actor_columns(prefix: str, actor: Actor | None) -> dict[str, Any]:
    return {
        f"{prefix}_name": (actor.name or actor.text) if actor else None,
        f"{prefix}_code": actor.code if actor else None,
    }


def _span_columns(prefix: str, span: Span | None) -> dict[str, Any]:
    return {
        f"{prefix}_start": span.start if span else None,
        f"{prefix}_end": span.end if span else None,
        f"{prefix}_text": span.text if span else None,
    }


def _first(actors: list[Actor]) -> Actor | None:
    return actors[0] if actors else None


def event_rows(record: Record) -> list[dict[str, Any]]:
    rows = []
    for event in record.events:
        source, target, place = _first(event.source), _first(event.target), event.location
        rows.append({
            "event_id": event.id, "type": event.type, "mode": event.mode,
            "context": _json(event.context), "cameo": event.cameo,
            "source_name": (source.name or source.text) if source else None,
            "source_country": source.country if source else None,
            "source_sector": source.sector if source else None,
            "source_code": source.code if source else None,
            "target_name": (target.name or target.text) if target else None,
            "target_country": target.country if target else None,
            "target_sector": target.sector if target else None,
            "target_code": target.code if target else None,
            "source": _json([asdict(a) for a in event.source]),
            "target": _json([asdict(a) for a in event.target]),
            "location_name": (place.name or place.text) if place else None,
            "location_country": place.country if place else None,
            "lat": place.lat if place else None, "lon": place.lon if place else None,
            "location": _json(asdict(place)) if place else None,
            "date": event.date, "status": event.status,
            "attributed_name": (event.attributed_to.name or event.attributed_to.text)
            if event.attributed_to else None,
            "attributed_code": event.attributed_to.code if event.attributed_to else None,
            "attributed_to": _json(asdict(event.attributed_to)) if event.attributed_to else None,
            "sentence_start": event.sentence.start, "sentence_end": event.sentence.end,
            "trigger_start": event.trigger.start, "trigger_end": event.trigger.end,
            "trigger_text": event.trigger.text, "confidence": event.confidence,
            "background": int(event.background), "reciprocal": int(event.reciprocal),
            "intent": event.intent, "reported_in": event.reported_in,
            "dead": event.dead, "injured": event.injured, "size": event.size,
            "quantities": _json([asdict(q) for q in event.quantities]),
            "date_basis": event.date_basis, "date_precision": event.date_precision,
            "location_basis": event.location_basis,
            "mentions": _json([asdict(m) for m in event.mentions]),
        })
    return rows


def quote_rows(record: Record) -> list[dict[str, Any]]:
    return [
        {
            "quote_id": quote.id, "kind": quote.kind, "stance": quote.stance,
            **_actor_columns("speaker", quote.speaker),
            "speaker": _json(asdict(quote.speaker)) if quote.speaker else None,
            **_span_columns("cue", quote.cue),
            **_span_columns("content", quote.content),
        }
        for quote in record.quotes
    ]


def claim_rows(record: Record) -> list[dict[str, Any]]:
    return [
        {
            "claim_id": claim.id, "stance": claim.stance,
            **_actor_columns("claimant", claim.claimant),
            "claimant": _json(asdict(claim.claimant)) if claim.claimant else None,
            "about": _json([asdict(a) for a in claim.about]),
            "responds_to": claim.responds_to,
            **_span_columns("content", claim.content),
            "evidence": _json([asdict(s) for s in claim.evidence]),
            "event_ids": _json(claim.event_ids),
        }
        for claim in record.claims
    ]


def indexed_rows(items: list[Any]) -> list[dict[str, Any]]:
    return [{"idx": i, **asdict(item)} for i, item in enumerate(items)]


def quantity_rows(record: Record) -> list[dict[str, Any]]:
    return [
        {"idx": i, "value": q.value, "unit": q.unit, "what": q.what,
         "start": q.span.start, "end": q.span.end, "text": q.span.text}
        for i, q in enumerate(record.quantities)
    ]


def child_rows(record: Record) -> dict[str, list[dict[str, Any]]]:
    """Rows for every table but `articles`, keyed by table name."""
    return {
        "actors": indexed_rows(record.actors),
        "events": event_rows(record),
        "quotes": quote_rows(record),
        "claims": claim_rows(record),
        "places": indexed_rows(record.places),
        "quantities": quantity_rows(record),
        "dates": indexed_rows(record.dates),
    }


def record_json(record: Record) -> str:
    return _json(record.to_dict())
