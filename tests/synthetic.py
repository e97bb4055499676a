"""A small database of hand-made records (no pipeline): what the output tests query.

Three articles: one from Wikinews with only a URL (its outlet comes from the URL), one
with a stated source, one from an unknown site. Events cover the cases the analyst's table
must get right: CAMEO codes with a leading zero, a CAMEO-only event (no PLOVER type), a
background event, a low-confidence event, dates of every precision (one each side of New
Year in the same ISO week), places and figures.
"""

from __future__ import annotations

from pathlib import Path

from newsdossier.model import (
    Actor,
    Article,
    DateMention,
    Event,
    Place,
    Record,
    Sentence,
    Span,
)
from newsdossier.store import Store

WIKINEWS_URL = "https://en.wikinews.org//wiki/Protest_held_in_Kalo"


def _sentences(text: str) -> list[Span]:
    spans, start = [], 0
    for part in text.split(". "):
        end = start + len(part) + (1 if start + len(part) < len(text) else 0)
        spans.append(Span(start, end, text[start:end]))
        start = end + 1
    return spans


def _actor(text: str, start: int, country: str | None, sector: str | None,
           code: str | None) -> Actor:
    return Actor(text, start, start + len(text), text, country, sector, code)


def _event(event_id: str, text: str, trigger: str, event_type: str | None, cameo: str | None,
           *, source: Actor | None = None, target: Actor | None = None,
           date: str | None = None, confidence: float = 0.8, place: Place | None = None,
           dead: float | None = None, background: bool = False,
           date_basis: str | None = "stated") -> Event:
    sentence = next(s for s in _sentences(text) if trigger in s.text)
    start = sentence.start + sentence.text.index(trigger)
    return Event(id=event_id, type=event_type, cameo=cameo, sentence=sentence,
                 trigger=Span(start, start + len(trigger), trigger),
                 source=[source] if source else [], target=[target] if target else [],
                 date=date, confidence=confidence, location=place, dead=dead,
                 background=background, date_basis=date_basis if date else None,
                 location_basis="stated" if place else None)


def records() -> list[Record]:
    kalo = Place("Kalo", 0, 4, "Kalo", "SDN", 13.2, 30.2, 1, "PPL")
    text1 = ("Protesters marched in Kalo on 31 December. Police fired at the crowd on 2 "
             "January, killing 3 people. The governor met the protest leaders last week. "
             "The Kalo Front claimed responsibility for a bombing")
    police = _actor("Police", text1.index("Police"), "SDN", "COP", "SDNCOP")
    crowd = _actor("the crowd", text1.index("the crowd"), None, "CVL", "CVL")
    governor = _actor("The governor", text1.index("The governor"), "SDN", "GOV", "SDNGOV")
    leaders = _actor("protest leaders", text1.index("protest leaders"), None, "OPP", "OPP")
    front = _actor("The Kalo Front", text1.index("The Kalo Front"), "SDN", "REB", "SDNREB")
    wikinews = Record(
        article=Article(id="wn-1", text=text1, published="2020-01-08", title="Protest in Kalo",
                        url=WIKINEWS_URL, language="en"),
        actors=[police, crowd, governor, leaders, front],
        events=[
            _event("e1", text1, "marched", "PROTEST", "141", source=crowd, date="2019-12-31",
                   place=kalo, confidence=0.7),
            _event("e2", text1, "fired", "ASSAULT", "190", source=police, target=crowd,
                   date="2020-01-02", place=kalo, dead=3, confidence=0.9),
            _event("e3", text1, "met", "CONSULT", "042", source=governor, target=leaders,
                   date="2019-12-30", confidence=0.65, date_basis="stated"),
            _event("e4", text1, "claimed", None, "015", source=front, date="2020-01-08",
                   confidence=0.8),
        ],
        dates=[DateMention("31 December", text1.index("31 December"),
                           text1.index("31 December") + 11, "2019-12-31", "day"),
               DateMention("2 January", text1.index("2 January"),
                           text1.index("2 January") + 9, "2020-01-02", "day"),
               DateMention("last week", text1.index("last week"),
                           text1.index("last week") + 9, "2019-12-30", "week")],
        sentences=[Sentence(s.start, s.end) for s in _sentences(text1)],
    )
    text2 = ("Ruritania accused Borduria of shelling the border in March. Borduria rejected "
             "the accusation. Officials said the army may have shelled villages")
    ruritania = _actor("Ruritania", 0, "RUR", None, "RUR")
    borduria = _actor("Borduria", text2.index("Borduria"), "BOR", None, "BOR")
    wire = Record(
        article=Article(id="mw-1", text=text2, published="2020-04-02", title="Border row",
                        source="Meridian Wire", url="https://meridian.example.org/row",
                        language="en"),
        actors=[ruritania, borduria],
        events=[
            _event("e1", text2, "accused", "ACCUSE", "112", source=ruritania, target=borduria,
                   date="2020-03", confidence=0.8),
            _event("e2", text2, "rejected", "REJECT", "010", source=borduria, date="2020",
                   confidence=0.55),
            _event("e3", text2, "shelled", "ASSAULT", "190", date=None, confidence=0.3),
            _event("e4", text2, "shelling", "ASSAULT", "190", source=borduria,
                   date="2020-03-02/2020-03-08", confidence=0.8, background=True),
        ],
        sentences=[Sentence(s.start, s.end) for s in _sentences(text2)],
    )
    text3 = "Aid agencies delivered food to Kalo"
    agencies = _actor("Aid agencies", 0, None, "NGO", "NGO")
    other = Record(
        article=Article(id="ex-1", text=text3, published="2020-02-11", title="Aid arrives",
                        url="https://www.example-news.com/aid", language="en"),
        actors=[agencies],
        events=[_event("e1", text3, "delivered", "AID", "070", source=agencies,
                       date="2020-02-10", confidence=0.6)],
        sentences=[Sentence(s.start, s.end) for s in _sentences(text3)],
    )
    return [wikinews, wire, other]


# Foreground PLOVER events: the analyst's table by default (and at confidence ≥ 0.5).
FOREGROUND_TYPED = 7
FOREGROUND_TYPED_CONFIDENT = 6


def build(path: Path) -> Path:
    with Store(path) as store:
        for record in records():
            store.add_record(record, origin="synthetic")
    return path
