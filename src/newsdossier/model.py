"""Typed records: the shapes data takes as it flows source → Article → Doc → Record.

Every dataclass here serialises to exactly the JSON of `record-v1.schema.json`
(`Record.to_dict()`), and every span's start/end are character offsets into `Article.text`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any

SCHEMA_ID = "newsdossier.record/1"


@dataclass(slots=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Article:
    """One normalised article; `text` is what every offset in its Record refers to."""

    id: str
    text: str
    published: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    language: str | None = None


@dataclass(slots=True)
class Actor:
    text: str
    start: int
    end: int
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    # Why the country is known: "stated" (the mention's own words), "apposition" ("X, the
    # Y envoy"), "coreference" (an earlier mention of the same actor), "article-setting" (a
    # role such as "police" given the one country the article is about), "event-place" (a
    # role hit by an attack or arrest where the text places it), "implied" (a party the act
    # implies: the government of their country that civilians protest against or petition
    # with no one named, the people a state's restrictions are put on); None: no country.
    country_basis: str | None = None
    # How sure the article-setting country is (its share of the article's place evidence);
    # None for the other bases.
    country_confidence: float | None = None


@dataclass(slots=True)
class Place:
    text: str
    start: int
    end: int
    name: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    feature: str | None = None
    # How the text names it: "place" (where something is or happens: "talks in Geneva") or
    # "actor" (standing for a government or people: "Moscow said"); None when not known.
    use: str | None = None


@dataclass(slots=True)
class Event:
    id: str
    type: str | None
    cameo: str | None
    sentence: Span
    trigger: Span
    source: list[Actor] = field(default_factory=list)
    target: list[Actor] = field(default_factory=list)
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    location: Place | None = None
    date: str | None = None
    status: str = "asserted"
    attributed_to: Actor | None = None
    confidence: float | None = None
    # Mentioned as context of another event (a relative clause, "after ...", a purpose
    # clause, the object of a condemnation): kept in the record, left out of event counts.
    background: bool = False
    # Both sides act on each other ("held talks", "X and Y signed"); see formatting/evaluate.
    reciprocal: bool = False
    # For a promise, threat, refusal or demand, the PLOVER type of the action it is about.
    intent: str | None = None
    # The id of the statement event (an accusation, a claim of responsibility) whose
    # content this event is: "The US said Iraq had attacked" → the attack is reported in
    # the US accusation.
    reported_in: str | None = None
    dead: float | None = None
    injured: float | None = None
    size: float | None = None
    quantities: list[Quantity] = field(default_factory=list)
    # Why the event has its date / location: "stated" (in its own clause), "same-event"
    # (another mention of the event states it), "narrative" (the time or scene the story is
    # telling at that point), "report-date" (present or present-perfect news: the article's
    # date), "news-day" (the day of the news the article leads with), "title" (the month a
    # round-up's title names: "On the campaign trail, June 2020"); for places also
    # "sentence" (the one town or site an attack's sentence names), "actor-place" (a town
    # the acting party is named by: "Athens expelled"), "article-setting" / "actor-country"
    # (a domestic event placed in the article's main city or its parties' country). None
    # when the event has none.
    date_basis: str | None = None
    # How precise `date` is: "day", "week" (the value is the week's Monday), "month", "year".
    date_precision: str | None = None
    location_basis: str | None = None
    # The other sentences that report the same event in the article (the event's own
    # `sentence` is the first), so a merged event keeps every mention as provenance.
    mentions: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class Quote:
    id: str
    kind: str
    content: Span
    speaker: Actor | None = None
    cue: Span | None = None
    # What the cue says of the content: asserts, alleges, denies, supports or disputes.
    stance: str = "asserts"


@dataclass(slots=True)
class Claim:
    id: str
    stance: str
    content: Span
    claimant: Actor | None = None
    about: list[Actor] = field(default_factory=list)
    responds_to: str | None = None
    evidence: list[Span] = field(default_factory=list)
    event_ids: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Quantity:
    value: float
    span: Span
    unit: str | None = None
    what: str | None = None


@dataclass(slots=True)
class DateMention:
    """A time expression and what it resolves to against the publication date."""

    text: str
    start: int
    end: int
    value: str | None
    granularity: str | None = None
    # A date standing alone on its line ("Monday, May 4, 2020" heading the story): the
    # report's date, not when anything in it happened.
    dateline: bool = False


@dataclass(slots=True)
class Sentence:
    start: int
    end: int


@dataclass(slots=True)
class Record:
    article: Article
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        body = _plain(self)
        return {"schema": SCHEMA_ID, **body}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Record:
        return cls(
            article=Article(**data["article"]),
            actors=[Actor(**a) for a in data.get("actors", [])],
            events=[_event_from_dict(e) for e in data.get("events", [])],
            quotes=[_quote_from_dict(q) for q in data.get("quotes", [])],
            claims=[_claim_from_dict(c) for c in data.get("claims", [])],
            places=[Place(**p) for p in data.get("places", [])],
            quantities=[_quantity_from_dict(q) for q in data.get("quantities", [])],
            dates=[DateMention(**d) for d in data.get("dates", [])],
            sentences=[Sentence(**s) for s in data.get("sentences", [])],
            notes=list(data.get("notes", [])),
        )


@functools.cache
def _field_names(kind: type) -> tuple[str, ...] | None:
    return tuple(f.name for f in fields(kind)) if is_dataclass(kind) else None


def _plain(value: Any) -> Any:
    """`dataclasses.asdict` without its deep copies of every leaf: records are serialised
    once per article, and asdict was a tenth of the cost of the stages."""
    names = _field_names(type(value))
    if names is not None:
        return {name: _plain(getattr(value, name)) for name in names}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, tuple):
        return tuple(_plain(item) for item in value)
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


def _optional_actor(data: dict[str, Any] | None) -> Actor | None:
    return Actor(**data) if data else None


def _event_from_dict(data: dict[str, Any]) -> Event:
    fields = dict(data)
    fields["sentence"] = Span(**fields["sentence"])
    fields["trigger"] = Span(**fields["trigger"])
    fields["source"] = [Actor(**a) for a in fields.get("source", [])]
    fields["target"] = [Actor(**a) for a in fields.get("target", [])]
    fields["attributed_to"] = _optional_actor(fields.get("attributed_to"))
    location = fields.get("location")
    fields["location"] = Place(**location) if location else None
    fields["quantities"] = [_quantity_from_dict(q) for q in fields.get("quantities", [])]
    fields["mentions"] = [Span(**m) for m in fields.get("mentions", [])]
    return Event(**fields)


def _quantity_from_dict(data: dict[str, Any]) -> Quantity:
    return Quantity(value=data["value"], span=Span(**data["span"]), unit=data.get("unit"),
                    what=data.get("what"))


def _quote_from_dict(data: dict[str, Any]) -> Quote:
    return Quote(
        id=data["id"],
        kind=data["kind"],
        content=Span(**data["content"]),
        speaker=_optional_actor(data.get("speaker")),
        cue=Span(**data["cue"]) if data.get("cue") else None,
        stance=data.get("stance", "asserts"),
    )


def _claim_from_dict(data: dict[str, Any]) -> Claim:
    return Claim(
        id=data["id"],
        stance=data["stance"],
        content=Span(**data["content"]),
        claimant=_optional_actor(data.get("claimant")),
        about=[Actor(**a) for a in data.get("about", [])],
        responds_to=data.get("responds_to"),
        evidence=[Span(**s) for s in data.get("evidence", [])],
        event_ids=list(data.get("event_ids", [])),
    )
