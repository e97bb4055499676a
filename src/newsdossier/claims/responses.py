"""What a claim answers: the earlier claim it responds to, anywhere in the article.

* a denial naming the allegation it denies ("denied US accusations that …") answers that
  allegation; one negating an allegation's very terms answers that one (build.py);
* a claim that names another claim — by its owner ("Macron's statement", "the
  Parliament's decision", "the claim from Berlin") or by the speech act it was ("this
  announcement", "declined the request") — answers it, whatever its own stance;
* a denial, dispute or support that names no claim answers the latest earlier claim of a
  party its words or its sentence name ("rejected the US blockade measure" → the US claim),
  else the story's first allegation;
* an assertion that names the author of an earlier allegation ("refunds for Duterte's ads
  were offered") answers that allegation.

A claim never answers itself, its own claimant, or the report that carries it ("NPR
reported the prime minister recommended …" does not answer NPR).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .reading import same_side, span_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..model import Actor
    from .draft import Draft
    from .words import ClaimWords

RESPONDING = frozenset({"denies", "disputes", "supports"})
ANSWERED = frozenset({"alleges", "asserts"})
# Nouns that name a speech act, and the verbs (lemmas) that perform it.
SPEECH_ACTS: dict[str, frozenset[str]] = {
    "announcement": frozenset({"announce"}),
    "statement": frozenset({"say", "state", "announce"}),
    "remark": frozenset({"say", "remark"}),
    "comment": frozenset({"say", "comment"}),
    "claim": frozenset({"claim", "say", "allege", "assert"}),
    "allegation": frozenset({"allege", "accuse", "claim", "blame"}),
    "accusation": frozenset({"accuse", "allege", "blame"}),
    "charge": frozenset({"charge", "accuse", "allege"}),
    "request": frozenset({"ask", "request", "urge", "call"}),
    "call": frozenset({"call", "urge", "ask"}),
    "demand": frozenset({"demand", "call"}),
    "appeal": frozenset({"appeal", "urge", "call"}),
    "decision": frozenset({"decide", "vote", "rule"}),
    "resolution": frozenset({"vote", "resolve", "adopt"}),
    "ruling": frozenset({"rule"}),
    "declaration": frozenset({"declare"}),
    "proposal": frozenset({"propose"}),
    "suggestion": frozenset({"suggest"}),
    "recommendation": frozenset({"recommend"}),
    "conclusion": frozenset({"conclude"}),
    "finding": frozenset({"find"}),
    "report": frozenset({"report"}),
    "warning": frozenset({"warn"}),
    "threat": frozenset({"threaten"}),
}
_OWNER_DEPS = frozenset({"poss", "compound", "nmod", "amod"})
_REFERRING_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "attr"})
CLAIM_NOUNS = frozenset({"claim", "allegation", "accusation", "charge"})


class Responses:
    """The responds_to links of one record's drafts (see the module's docstring)."""

    def __init__(self, doc: Doc, text: str, actors: list[Actor], words: ClaimWords) -> None:
        self.doc = doc
        self.text = text
        self.actors = actors
        self.words = words

    def answered(self, draft: Draft, drafts: list[Draft]) -> Draft | None:
        named = next((d for d in drafts if d.reported_by is draft), None) or draft.contradicts
        if named is not None:
            return named  # "denied US accusations that …": the allegation its words name
        others = [d for d in drafts if d is not draft and _answerable(d, draft)]
        referred = self._referred(draft, others)
        if referred is not None:
            return referred
        earlier = [d for d in others if d.content[0] < draft.content[0]]
        if draft.stance in RESPONDING:
            return self._responded(draft, [d for d in earlier if d.stance in ANSWERED])
        if draft.stance == "asserts":
            return self._accuser_named(draft, [d for d in earlier if d.stance == "alleges"])
        return None

    # --- a claim named by its owner or by the act it was -----------------------------------

    def _referred(self, draft: Draft, others: list[Draft]) -> Draft | None:
        for noun in self._act_nouns(draft):
            verbs = SPEECH_ACTS[noun.lemma_.lower()]
            owner = self._owner(noun)
            if owner is not None:
                own = [d for d in others if d.claimant is not None and _agrees(owner, d.claimant)]
                if own:
                    return _nearest(own, draft)
                continue
            if noun.dep_ not in _REFERRING_DEPS or noun.lemma_.lower() in CLAIM_NOUNS:
                continue  # "said in a statement": where; "the claims": the story's allegation
            said = [d for d in others if d.content[0] < draft.content[0]
                    and self._cue_lemma(d) in verbs]
            if said:
                return said[-1]
        return None

    def _act_nouns(self, draft: Draft) -> list[Token]:
        """Speech-act nouns in the claim's content, or that its verb (or the verb its verb
        goes on from) takes ("opposed Macron's statement: …", "declined the request and
        said …") — not one elsewhere in the sentence ("did not accede to the protesters'
        demands")."""
        span = span_of(self.doc, *draft.content)
        if span is None or not len(span):
            return []
        verbs: set[int] = set()
        if draft.cue is not None:
            cue = span_of(self.doc, *draft.cue)
            if cue is not None and len(cue):
                verbs = {cue.root.i, cue.root.head.i}
        return [t for t in span[0].sent if t.pos_ == "NOUN"
                and t.lemma_.lower() in SPEECH_ACTS and not _in_claimant(t, draft) and (
                    draft.content[0] <= t.idx < draft.content[1]
                    or (t.dep_ in ("dobj", "pobj") and t.head.i in verbs))]

    def _owner(self, noun: Token) -> Actor | None:
        """Whose the named claim is: "Macron's statement", "the claim from Berlin", "the
        Parliament's decision", "US accusations"."""
        holders = [c for c in noun.children if c.dep_ in _OWNER_DEPS]
        holders += [p for c in noun.children if c.dep_ == "prep"
                    and c.lower_ in ("by", "from", "of") for p in c.children
                    if p.dep_ == "pobj"]
        for holder in holders:
            for actor in self.actors:
                if actor.start <= holder.idx < actor.end and (actor.code or actor.name):
                    return actor
        return None

    def _cue_lemma(self, draft: Draft) -> str | None:
        if draft.cue is None:
            return None
        span = span_of(self.doc, *draft.cue)
        return span.root.lemma_.lower() if span is not None and len(span) else None

    # --- a response that names no claim ------------------------------------------------------

    def _responded(self, draft: Draft, earlier: list[Draft]) -> Draft | None:
        answering = self._answering_verb(draft)
        if not answering:  # denied by its words alone ("is not part of"): an allegation
            earlier = [d for d in earlier if d.stance == "alleges"]
        if not earlier:
            return None
        against = _allegation_against(draft, earlier)
        if against is not None:
            return against
        parties = [p for p in [*draft.about, *self._sentence_parties(draft)]
                   if self._person(p) or not same_side(p, draft.claimant)]  # not its own side
        for party in parties:  # the most specific party first: code, then country
            by_code = [d for d in earlier if d.claimant is not None and party.code
                       and d.claimant.code == party.code]
            if by_code:
                return by_code[-1]
        countries = {p.country for p in parties if p.country} | draft.target_codes
        by_party = [d for d in earlier if d.claimant is not None
                    and d.claimant.country in countries]
        if by_party:
            return by_party[-1]
        if not answering:
            return None  # "the ban is not part of any plan": nothing the article names
        allegations = [d for d in earlier if d.stance == "alleges"]
        return (allegations or earlier)[0]  # the story's allegation, told first

    def _answering_verb(self, draft: Draft) -> bool:
        """Whether the claim's words answer something ("rejected", "agreed, saying …",
        "said the claims were unproven", "gave a different account"): then it answers the
        story's allegation."""
        verbs = []
        if draft.cue is not None:
            span = span_of(self.doc, *draft.cue)
            if span is not None and len(span):
                verbs = [span.root, span.root.head]  # "agreed, saying …"
        if any(self.words.lemma_has(v.lemma_, role) for v in verbs
               for role in ("denying", "disputing", "supporting", "finding")):
            return True  # "did not find that …" answers the allegation
        text = self.text[draft.content[0]:draft.content[1]]
        sentence = verbs[0].sent.text if verbs else text
        return self.words.has(text, "refutes") or self.words.has(text, "questions") or (
            self.words.has(text, "qualifies")) or self.words.has(sentence, "disapproves")

    def _person(self, actor: Actor) -> bool:
        span = span_of(self.doc, actor.start, actor.end)
        return span is not None and any(t.ent_type_ == "PERSON" for t in span)

    def _sentence_parties(self, draft: Draft) -> list[Actor]:
        """Coded parties in the sentence that frames the claim, the claimant aside."""
        span = span_of(self.doc, *draft.content)
        if span is None or not len(span):
            return []
        sentence = span[0].sent
        return [a for a in self.actors if sentence.start_char <= a.start
                and a.end <= sentence.end_char and a.code and not (
                    draft.claimant is not None and a.start < draft.claimant.end
                    and draft.claimant.start < a.end)]

    def _accuser_named(self, draft: Draft, allegations: list[Draft]) -> Draft | None:
        """'refunds for Duterte's unaired ads were offered': an answer to Duterte's
        allegation."""
        named = [a for a in self.actors if draft.content[0] <= a.start
                 and a.end <= draft.content[1] and (a.code or a.name)]
        for allegation in reversed(allegations):
            accuser = allegation.claimant
            if accuser is not None and accuser.name and any(
                    a.name == accuser.name for a in named):
                return allegation
        return None


def _allegation_against(draft: Draft, earlier: list[Draft]) -> Draft | None:
    """'did not find that the network had breached laws': a denial or dispute of what a
    party did answers the latest allegation about that party by someone else, not what the
    party itself said."""
    if draft.stance not in ("denies", "disputes"):
        return None
    accused = {a.code for a in draft.about if a.code}
    found = [d for d in earlier if d.stance == "alleges" and d.claimant is not None
             and d.claimant.code not in accused and accused & {a.code for a in d.about}]
    return found[-1] if found else None


def _answerable(other: Draft, draft: Draft) -> bool:
    """Not the same claimant, not the report that carries the claim."""
    if other.content[0] <= draft.content[0] and draft.content[1] <= other.content[1]:
        return False
    return not same_claimant(other, draft)


def _nearest(drafts: list[Draft], draft: Draft) -> Draft:
    earlier = [d for d in drafts if d.content[0] < draft.content[0]]
    return earlier[-1] if earlier else drafts[0]


def _agrees(owner: Actor, claimant: Actor) -> bool:
    if owner.name and claimant.name and (owner.name in claimant.name
                                         or claimant.name in owner.name):
        return True
    return bool(owner.code) and same_side(owner, claimant) and (
        owner.sector is None or owner.sector == claimant.sector)


def _in_claimant(token: Token, draft: Draft) -> bool:
    claimant = draft.claimant
    return claimant is not None and claimant.start <= token.idx < claimant.end


def same_claimant(left: Draft, right: Draft) -> bool:
    """One claimant: the same mention, the same person named, or — for unnamed bodies —
    the same codes (two US officials who disagree are two claimants)."""
    if left.claimant is None or right.claimant is None:
        return False
    if (left.claimant.start, left.claimant.end) == (right.claimant.start, right.claimant.end):
        return True
    if left.person and right.person:
        return left.person == right.person
    if bool(left.person) != bool(right.person):  # a named person and a body or a group
        body = right if left.person else left
        assert body.claimant is not None
        if not _a_title_alone(body.claimant.text):
            return False  # "attorneys general from sixteen states" are not President Trump
    return bool(left.claimant.code) and left.claimant.code == right.claimant.code


def _a_title_alone(text: str) -> bool:
    """'the president', 'the minister': one person told by a title, maybe the one named."""
    words = text.lower().split()
    return 1 <= len(words) <= 3 and words[0] in ("the", "a", "an") and not words[-1].endswith(
        "s")
