"""Claims: each attributed proposition of an article, with its stance, what it responds to,
the evidence it cites and the events it concerns.

A claim is made for every quotation (its speaker is the claimant, its cue gives the stance:
asserts, alleges, denies, supports, disputes), for every accusation or denial the event coder
found that no quotation carries, and for a hedged sentence that reports an alleged event in the
article's own voice ("Syria reportedly hanged ...", claimant unknown). Then, within the
article:

* stance: a quotation that carries an accusation of violence ("The US said Iraq had
  attacked") alleges; one whose content refutes or doubts a claim ("the claims were
  unproven", "a hoax") denies or disputes; one that cites evidence consistent with an earlier
  allegation ("satellite images were consistent with a crematorium") supports it;
* responds_to: a denial, dispute or support points to the earlier allegation it answers — the
  one by the party its words name ("rejected US accusations" → the US claim), else the latest
  allegation of the article;
* evidence: spans citing reports, images, documents, witnesses ... and qualifications such as
  "consistent with" in the claim's sentence;
* event_ids: the events whose trigger lies in the claim's content or that it reports;
  about: the coded actors its content names and the parties of those events.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model import Actor, Claim, Event, Quote, Span
from .words import ClaimWords

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..events.arguments import ActorIndex
    from ..model import Record

RESPONDING = frozenset({"denies", "disputes", "supports"})
ANSWERED = frozenset({"alleges", "asserts"})
CLAIM_NOUNS = frozenset({"claim", "claims", "allegation", "allegations", "accusation",
                         "accusations", "charge", "charges", "report", "reports", "it", "this",
                         "that", "they", "story", "assertion", "assertions",
                         # what a claim rests on, called fake ("the video was a hoax")
                         "video", "videos", "footage", "photo", "photos", "photograph",
                         "photographs", "image", "images", "picture", "pictures", "document",
                         "documents", "figure", "figures", "recording", "recordings"})
VIOLENT_TYPES = frozenset({"ASSAULT", "COERCE"})
_EVIDENCE_WINDOW = 0  # evidence is looked for in the claim's own sentence


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


class ClaimBuilder:
    """Builds the claims of one record from its quotations and events."""

    def __init__(self, words: ClaimWords) -> None:
        self.words = words

    def build(self, doc: Doc, record: Record, index: ActorIndex | None = None) -> list[Claim]:
        text = record.article.text
        drafts = [self._from_quote(q, record.events, text) for q in record.quotes
                  if not _unsaid(doc, q)]
        drafts += self._from_events(doc, record, drafts)
        drafts += self._hedged(doc, record, drafts)
        if index is not None:
            drafts += self._embedded_allegations(doc, record, drafts, index)
        drafts.sort(key=lambda d: (d.content[0], d.content[1]))
        for draft in drafts:
            self._evidence(draft, doc, text)
            self._supporting(draft, drafts, text)
            _contradicting(draft, drafts, doc)
            draft.about = _about(draft, record)
        for draft in drafts:
            draft.responds_to = _answered(draft, drafts, text)
        ids = {id(d): f"c{n}" for n, d in enumerate(drafts, start=1)}
        return [_claim(d, ids, text) for d in drafts]

    # --- where claims come from --------------------------------------------------------------

    def _from_quote(self, quote: Quote, events: list[Event], text: str) -> Draft:
        content = (quote.content.start, quote.content.end)
        cue = (quote.cue.start, quote.cue.end) if quote.cue else None
        draft = Draft(quote.stance, content, quote.speaker, cue)
        draft.event_ids = _events_in(content, cue, events)
        accusation = next((e for e in events if cue and e.type == "ACCUSE"
                           and (e.trigger.start, e.trigger.end) == cue), None)
        if accusation is not None and draft.stance == "asserts":
            draft.stance = "alleges"  # "The US said Iraq had attacked": an accusation
            draft.target_codes = {a.country for a in accusation.target if a.country}
        words = text[content[0]:content[1]]
        if draft.stance in ("asserts", "alleges") and _about_a_claim(words):
            if self.words.has(words, "refutes"):
                draft.stance = "denies"
            elif self.words.has(words, "questions"):
                draft.stance = "disputes"
        return draft

    def _from_events(self, doc: Doc, record: Record, drafts: list[Draft]) -> list[Draft]:
        cues = {d.cue for d in drafts if d.cue}
        made = []
        for event in record.events:
            trigger = (event.trigger.start, event.trigger.end)
            if trigger in cues or event.background or not _verbal(doc, event):
                continue
            stance = _event_stance(event)
            if stance is None:
                continue
            holder = next((d for d in drafts if d.content[0] <= trigger[0]
                           and trigger[1] <= d.content[1] and d.claimant is not None), None)
            if holder is not None:  # "said X had … and accused Y of …": the quote's claim
                if holder.stance == "asserts":
                    holder.stance = stance
                    holder.target_codes = {a.country for a in event.target if a.country}
                if event.id not in holder.event_ids:
                    holder.event_ids.append(event.id)
                continue
            claimant = event.source[0] if event.source else None
            content = _predicate(doc, trigger) or (event.sentence.start, event.sentence.end)
            draft = Draft(stance, content, claimant, trigger, [event.id])
            draft.target_codes = {a.country for a in event.target if a.country}
            made.append(draft)
        return made

    def _hedged(self, doc: Doc, record: Record, drafts: list[Draft]) -> list[Draft]:
        """'Syria reportedly hanged …': an allegation in the article's own voice."""
        covered = [d.content for d in drafts]
        made = []
        for event in record.events:
            if event.status != "alleged" or event.attributed_to is not None or event.background:
                continue
            span = (event.sentence.start, event.sentence.end)
            if any(a < span[1] and span[0] < b for a, b in covered):
                continue
            made.append(Draft("alleges", span, None, None, [event.id]))
            covered.append(span)
        return made

    def _embedded_allegations(self, doc: Doc, record: Record, drafts: list[Draft],
                              index: ActorIndex) -> list[Draft]:
        """'Iran denied US accusations that it had supplied drones': the US allegation the
        denial names, as a claim of its own (claimant: the accusations' owner) that the
        denial answers — unless the article already quotes that party alleging."""
        made = []
        for draft in [d for d in drafts if d.stance in RESPONDING]:
            found = _named_allegation(doc, draft, index)
            if found is None:
                continue
            owner, noun, content = found
            if any(d.stance == "alleges" and d.claimant is not None and d.claimant.country
                   == owner.country and d.content[0] < draft.content[0] for d in drafts):
                continue  # the article reports that allegation itself; answer that one
            allegation = Draft("alleges", content, owner, noun, reported_by=draft)
            allegation.event_ids = _events_in(content, None, record.events)
            made.append(allegation)
        return made

    # --- evidence and support --------------------------------------------------------------------

    def _evidence(self, draft: Draft, doc: Doc, text: str) -> None:
        anchor = draft.cue[0] if draft.cue else draft.content[0]
        span = doc.char_span(anchor, anchor + 1, alignment_mode="expand")
        if span is None:
            return
        sentence = span[0].sent
        start, end = sentence.start_char, sentence.end_char
        words = text[start:end]
        found = []
        for hit in self.words.find(words, "evidence"):
            if not _is_noun(doc, start + hit.start, start + hit.end):
                continue  # "told to report", not "a report"
            phrase = _noun_phrase(doc, start + hit.start, start + hit.end)
            if phrase is not None and phrase not in found:
                found.append(phrase)
        for hit in self.words.find(words, "qualifies"):
            found.append((start + hit.start, _clause_end(doc, start + hit.end, end)))
        low, high = draft.content
        draft.evidence = [r for r in _merged_ranges(found) if r[0] < high and low < r[1]]

    def _supporting(self, draft: Draft, drafts: list[Draft], text: str) -> None:
        """Evidence said to match an earlier allegation supports it."""
        if draft.stance != "asserts" or not draft.evidence:
            return
        qualified = any(self.words.has(text[a:b], "qualifies") for a, b in draft.evidence)
        if qualified and any(d.stance == "alleges" and d.content[0] < draft.content[0]
                             for d in drafts):
            draft.stance = "supports"


# --- helpers -------------------------------------------------------------------------------


def _contradicting(draft: Draft, drafts: list[Draft], doc: Doc) -> None:
    """'There is no crematorium. There have been no executions.' against an earlier
    allegation of executions and a crematorium, by someone else: a denial of it."""
    if draft.stance != "asserts":
        return
    negated = _negated_nouns(doc, draft.content)
    if not negated:
        return
    for allegation in drafts:
        if allegation.stance != "alleges" or allegation.content[0] >= draft.content[0] \
                or _same_claimant(allegation, draft):
            continue
        if negated & _noun_lemmas(doc, allegation.content):
            draft.stance = "denies"
            draft.contradicts = allegation
            return


def _negated_nouns(doc: Doc, content: tuple[int, int]) -> set[str]:
    """Lemmas of the nouns a content negates: "no crematorium", "were not executed",
    "never tortured anyone" (the verb's lemma counts too: "executed" meets "executions")."""
    span = doc.char_span(content[0], content[1], alignment_mode="expand")
    if span is None:
        return set()
    found: set[str] = set()
    for token in span:
        if token.lower_ == "no" and token.dep_ == "det" and token.head.pos_ == "NOUN":
            found.add(token.head.lemma_.lower())
        elif token.dep_ == "neg" and token.head.pos_ in ("VERB", "AUX"):
            verb = token.head
            found.add(verb.lemma_.lower())
            found |= {c.lemma_.lower() for c in verb.children
                      if c.dep_ in ("dobj", "attr", "nsubjpass") and c.pos_ == "NOUN"}
    return found - _GENERIC_LEMMAS


def _noun_lemmas(doc: Doc, content: tuple[int, int]) -> set[str]:
    span = doc.char_span(content[0], content[1], alignment_mode="expand")
    if span is None:
        return set()
    lemmas = {t.lemma_.lower() for t in span if t.pos_ in ("NOUN", "VERB")}
    # "executions" and "executed": a noun of action meets its verb
    lemmas |= {lemma[:-3] + "e" for lemma in lemmas if lemma.endswith("ion")}
    return lemmas - _GENERIC_LEMMAS


_GENERIC_LEMMAS = frozenset({"be", "have", "do", "say", "make", "take", "go", "get", "give",
                             "people", "thing", "time", "way", "one", "anyone", "anything",
                             "evidence", "information", "comment", "know", "see", "want"})


_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})


def _predicate(doc: Doc, trigger: tuple[int, int]) -> tuple[int, int] | None:
    """What an accusation or denial says, without who says it: the trigger's phrase less
    its subject ("accused the United States of 'diplomacy by press conference'")."""
    span = doc.char_span(trigger[0], trigger[1], alignment_mode="expand")
    if span is None:
        return None
    head = span.root
    cut = {t.i for child in head.children if child.dep_ in _SUBJECT_DEPS
           or (child.dep_ in ("aux", "advmod", "npadvmod", "prep") and child.i < head.i)
           for t in child.subtree}
    tokens = [t for t in head.subtree if t.i not in cut and t.i >= head.i]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    if len(tokens) < 2:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


ALLEGATION_NOUNS = frozenset({"accusation", "allegation", "claim", "charge", "assertion"})
_OWNER_DEPS = frozenset({"compound", "poss", "nmod", "amod"})


def _named_allegation(doc: Doc, draft: Draft, index: ActorIndex,
                      ) -> tuple[Actor, tuple[int, int], tuple[int, int]] | None:
    """In a response's content, an allegation noun with a coded owner ("US accusations",
    "allegations by Human Rights Watch") and what it alleges (its clause, or its "of"
    phrase): (owner, noun range, content range)."""
    span = doc.char_span(draft.content[0], draft.content[1], alignment_mode="expand")
    if span is None:
        return None
    for noun in span:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in ALLEGATION_NOUNS:
            continue
        owners = [c for c in noun.children if c.dep_ in _OWNER_DEPS]
        owners += [o for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from")
                   for o in c.children if o.dep_ == "pobj"]
        owner = next((a for o in owners if (a := _owner_actor(o, index)) is not None), None)
        content = _alleged_content(noun)
        if owner is not None and content is not None:
            return owner, (noun.idx, noun.idx + len(noun)), content
    return None


def _owner_actor(token: Token, index: ActorIndex) -> Actor | None:
    found = index.actor_at(token)
    if found is None or not found.code:
        return None
    start, end = token.left_edge.idx, token.idx + len(token)
    text = index.text[start:end]
    return Actor(text=text, start=start, end=end, name=found.name, country=found.country,
                 sector=found.sector, code=found.code)


def _alleged_content(noun: Token) -> tuple[int, int] | None:
    """What "accusations that …" / "accusations of …" allege."""
    clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl")
                   and c.i > noun.i), None)
    if clause is not None:  # "rejected the accusation that … as a plot": the "as" is theirs
        cut = {t.i for c in clause.children if c.dep_ == "prep" and c.lower_ == "as"
               and c.i > clause.i for t in c.subtree}
        tokens = [t for t in clause.subtree if t.i not in cut and not t.is_punct]
    else:
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ in ("pobj", "pcomp")), None) if (
            of is not None) else None
        if pobj is None:
            return None
        cut = {t.i for c in pobj.children if c.dep_ == "prep" and c.lower_ == "as"
               for t in c.subtree}  # "accusations of abuses as interference"
        tokens = [t for t in pobj.subtree if t.i not in cut and not t.is_punct]
    if not tokens:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _unsaid(doc: Doc, quote: Quote) -> bool:
    """'Rebels did not say that they attacked': a negated verb of plain saying claims
    nothing, though it is still an attribution."""
    if quote.stance != "asserts" or quote.cue is None:
        return False
    cue = doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
    return cue is not None and any(c.dep_ == "neg" for t in cue for c in t.children)


def _verbal(doc: Doc, event: Event) -> bool:
    """Whether an event's trigger is a verb: "accused" makes a claim, "U.S. allegations"
    (a noun) only mentions one."""
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    return span is not None and span.root.pos_ in ("VERB", "AUX")


def _event_stance(event: Event) -> str | None:
    if event.type == "ACCUSE":
        return "alleges"
    if event.type is None and event.cameo == "016":
        return "denies"
    if event.type == "REJECT" and event.intent is None:
        return "disputes"
    return None


def _events_in(content: tuple[int, int], cue: tuple[int, int] | None,
               events: list[Event]) -> list[str]:
    found = []
    for event in events:
        trigger = (event.trigger.start, event.trigger.end)
        inside = content[0] <= trigger[0] < content[1]
        said = cue is not None and trigger == cue
        if inside or said:
            found.append(event.id)
    return found


def _about_a_claim(words: str) -> bool:
    """Whether the content talks about a claim ("the claims were unproven", "it is a lie")."""
    lowered = words.lower().split()
    return any(w.strip(".,;:!?\"'“”") in CLAIM_NOUNS for w in lowered[:6])


def _about(draft: Draft, record: Record) -> list[Actor]:
    start, end = draft.content
    found: list[Actor] = []
    codes: set[str] = set()
    candidates = [a for a in record.actors if start <= a.start and a.end <= end]
    events = {e.id: e for e in record.events}
    for event_id in draft.event_ids:
        event = events.get(event_id)
        if event is not None:
            candidates += [*event.source, *event.target]
    for actor in candidates:
        if actor.code and actor.code not in codes:
            codes.add(actor.code)
            found.append(actor)
    return found


def _answered(draft: Draft, drafts: list[Draft], text: str) -> Draft | None:
    """The earlier allegation a denial, dispute or support answers."""
    if draft.stance not in RESPONDING:
        return None
    named = next((d for d in drafts if d.reported_by is draft), None) or draft.contradicts
    if named is not None:
        return named  # "denied US accusations that …": the allegation its words name
    earlier = [d for d in drafts if d.content[0] < draft.content[0] and d.stance in ANSWERED
               and d is not draft and not _same_claimant(d, draft)]
    if not earlier:
        return None
    named = _named_parties(draft, text)
    by_party = [d for d in earlier if d.claimant is not None and d.claimant.country in named]
    if by_party:
        return by_party[-1]
    allegations = [d for d in earlier if d.stance == "alleges"]
    return (allegations or earlier)[0]  # the story's allegation, told first


def _named_parties(draft: Draft, text: str) -> set[str]:
    codes = set(draft.target_codes)
    codes |= {a.country for a in draft.about if a.country}
    return codes


def _same_claimant(left: Draft, right: Draft) -> bool:
    if left.claimant is None or right.claimant is None:
        return False
    if left.claimant.code and left.claimant.code == right.claimant.code:
        return True
    return (left.claimant.start, left.claimant.end) == (right.claimant.start, right.claimant.end)


def _is_noun(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and span.root.pos_ in ("NOUN", "PROPN")


def _noun_phrase(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    head = span.root
    left, right = head.left_edge, head.right_edge
    tokens = [t for t in doc[left.i:right.i + 1]]
    while tokens and (tokens[0].tag_ in ("DT", "PDT") or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    if not tokens or len(tokens) > 14:
        return start, end
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _clause_end(doc: Doc, position: int, limit: int) -> int:
    """'consistent with a crematorium, officials said': up to the next comma or the end."""
    span = doc.char_span(position, limit, alignment_mode="expand")
    if span is None:
        return position
    end = position
    for token in span:
        if token.text in (",", ";", ".") and token.idx > position:
            break
        end = token.idx + len(token)
    return end


def _merged_ranges(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _claim(draft: Draft, ids: dict[int, str], text: str) -> Claim:
    start, end = draft.content
    return Claim(
        id=ids[id(draft)], stance=draft.stance, content=Span(start, end, text[start:end]),
        claimant=draft.claimant, about=draft.about,
        responds_to=ids.get(id(draft.responds_to)) if draft.responds_to else None,
        evidence=[Span(a, b, text[a:b]) for a, b in draft.evidence],
        event_ids=draft.event_ids,
    )
