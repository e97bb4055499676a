"""An event being built: everything the coder knows about one trigger before it is final."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model import Actor, Event, Quantity, Span

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .status import StatusFinding
    from .triggers import Match


@dataclass(slots=True)
class Draft:
    match: Match | None  # None for an event made by a frame (an accusation, a demand)
    trigger: Span
    anchor: Token  # the token the event hangs on in the parse
    sentence: Span
    type: str | None
    cameo: str | None
    mode: str | None
    context: list[str]
    source: list[Actor]
    target: list[Actor]
    status: str
    finding: StatusFinding | None
    date: str | None
    attributed_to: Actor | None = None
    background: bool = False
    dropped: bool = False  # absorbed into another event of the sentence
    intent: str | None = None
    reciprocal: bool = False
    target_via_with: bool = False  # the target came from "with"/"between" ("talks with X")
    quantities: list[Quantity] = field(default_factory=list)
    reported_in: Draft | None = None
    settled: bool = False  # retyped by a guard that knows what the learned model cannot
    # a named party with no code acted or was acted on in a known country ("Lena Brooks was
    # convicted in Texas"): enough to keep the event though no party is coded
    placed_named: bool = False

    @property
    def clause(self) -> Token:
        return self.match.clause_head if self.match is not None else self.anchor

    @property
    def coded(self) -> bool:
        """Whether any party of the event is coded with a country or a sector."""
        return any(a.code for a in (*self.source, *self.target))

    def to_event(self, event_id: str, confidence: float,
                 ids: dict[int, str] | None = None) -> Event:
        from ..quantities import casualty_kind

        dead = injured = None
        for quantity in self.quantities:
            kind = casualty_kind(quantity)
            if kind == "dead" and dead is None:
                dead = quantity.value
            elif kind == "injured" and injured is None:
                injured = quantity.value
        size = next((q.value for q in self.quantities  # a head count, not "57 percent"
                     if casualty_kind(q) is None and q.unit is None
                     and _counts_a_party(q, self.source)), None)
        return Event(
            id=event_id, type=self.type, cameo=self.cameo, sentence=self.sentence,
            trigger=self.trigger, source=self.source,
            target=[a for a in self.target if a not in self.source], mode=self.mode,
            context=list(self.context), date=self.date, status=self.status,
            attributed_to=self.attributed_to, confidence=confidence,
            background=self.background, reciprocal=self.reciprocal, intent=self.intent,
            dead=dead, injured=injured, size=size, quantities=list(self.quantities),
            reported_in=(ids or {}).get(id(self.reported_in)) if self.reported_in else None,
        )


# What a figure in a party's phrase may count that is no head count ("from sixteen states").
NOT_HEADS = frozenset({"state", "country", "nation", "province", "city", "town", "district",
                       "region", "county", "village", "party", "group", "organisation",
                       "organization", "agency", "department", "company", "year", "day"})


def _counts_a_party(quantity: Quantity, actors: list[Actor]) -> bool:
    """'Tens of thousands of students demonstrated': the figure sizes the source; not
    'attorneys general from sixteen states'."""
    words = (quantity.what or "").lower().split()
    if words and (words[-1] in NOT_HEADS or words[-1].rstrip("s") in NOT_HEADS
                  or words[-1].removesuffix("ies") + "y" in NOT_HEADS):
        return False
    return any(quantity.span.start < a.end and a.start < quantity.span.end for a in actors)
