"""A claim while it is being built: spans as character ranges, links as drafts."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Actor


@dataclass(slots=True)
class Draft:
    stance: str
    content: tuple[int, int]
    claimant: Actor | None
    cue: tuple[int, int] | None
    event_ids: list[str] = field(default_factory=list)
    about: list[Actor] = field(default_factory=list)
    evidence: list[tuple[int, int]] = field(default_factory=list)
    responds_to: Draft | None = None
    target_codes: set[str] = field(default_factory=set)  # who a response answers
    reported_by: Draft | None = None  # the response whose words carry this allegation
    contradicts: Draft | None = None  # the allegation whose very terms this one negates
    quoted: str | None = None  # the kind of quotation it comes from: direct, indirect, mixed
    person: str | None = None  # the claimant's surname, when the claimant is a named person
    carried_by: Draft | None = None  # the report that carries this attribution
    cue_stance: str | None = None  # the stance its cue gives, before reading in context
