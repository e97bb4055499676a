"""Which time expression of a sentence dates an event: its own, not another event's.

"Iran admitted on Saturday that its forces had shot down the jet, which crashed on
Wednesday": "on Saturday" hangs on "admitted", "on Wednesday" on "crashed". An event takes
the nearest expression its own clause carries (its trigger's verb, or the verb an event noun
depends on); failing that, the nearest one that no other event's verb of the sentence
carries. Parses of long news sentences go wrong often enough that a time expression the parse
hangs on no event stays available to all (the nearest wins, as before).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from ..dates import date_for_span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from ..model import DateMention

CLIMB = 6
BOUNDS = frozenset({"until", "till", "til", "pending", "before", "through", "ahead"})


def carrier(token: Token) -> Token | None:
    """The verb a token (of a time expression) hangs on; None when it hangs on none."""
    node = token
    for _ in range(CLIMB):
        if node.head.i == node.i:
            return node if node.pos_ in ("VERB", "AUX") else None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


def clause_verb(token: Token) -> Token:
    """The verb that carries an event's trigger: itself, or the verb an event noun (or the
    phrase it heads) depends on."""
    return token if token.pos_ in ("VERB", "AUX") else (carrier(token) or token)


def date_for_event(doc: Doc, dates: list[DateMention], sentence: SpacySpan, trigger: Token,
                   start: int, end: int, others: Collection[int] = (),
                   reporting: Collection[str] = ()) -> DateMention | None:
    """The time expression of the event's own clause, else the nearest one that is neither
    another event's (`others`: verbs of the sentence's other events, by token index, in
    another clause) nor the time of a report that tells this event ("admitted on Saturday
    that its forces shot down the jet": the admission's, not the shooting's)."""
    inside = [m for m in dates if m.value is not None and not m.dateline
              and sentence.start_char <= m.start and m.end <= sentence.end_char]
    if not inside:
        return None
    own_verb = clause_verb(trigger)
    mine, free = [], []
    for mention in inside:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and len(span) and _a_bound(span):
            continue  # "suspended until October 14": when it ends, not when it happened
        if span is not None and len(span) and _names_a_thing(span, trigger):
            continue  # "over its 2018 Ballot Act", "the 2016 election": a thing's name
        if span is not None and len(span) and _dates_another_noun(span, trigger):
            continue  # "demands include an inquiry into police violence on June 12"
        verb = carrier(span.root) if span is not None and len(span) else None
        if verb is None:
            free.append(mention)
        elif verb.i == own_verb.i:
            mine.append(mention)
        elif _governs(verb, own_verb):
            if not (verb.lemma_.lower() in reporting and span is not None
                    and span.start > verb.i and _adverbial_of(span, verb)):
                free.append(mention)
        elif _about_a_thing(verb, span):
            continue  # "the stadium, which was built in 1977": the stadium's past
        elif _describes_in(verb, own_verb):
            free.append(mention)  # "In a release issued the following day, X denounced"
        elif verb.i not in others and not _about_a_party(verb):
            free.append(mention)  # "for a summit where on Sunday X signed": the summit's
    for group in (mine, free):
        if group:
            return date_for_span(group, start, end, sentence.start_char, sentence.end_char)
    return None


def _dates_another_noun(span: SpacySpan, trigger: Token) -> bool:
    """A time phrase hanging on a noun outside the event's own phrase ("demands include an
    investigation of police violence on June 12": the violence's day, not the demands')."""
    root = span.root
    if trigger.pos_ != "NOUN" or root.dep_ != "pobj" or root.head.dep_ != "prep":
        return False
    noun = root.head.head
    if noun.pos_ != "NOUN" or noun.i == trigger.i:
        return False
    inside = trigger.left_edge.i <= noun.i <= trigger.right_edge.i
    above = any(ancestor.i == noun.i for ancestor in trigger.ancestors)
    return not inside and not above


def _names_a_thing(span: SpacySpan, trigger: Token) -> bool:
    """A year or date modifying a noun other than the event's own ("its 2018 Act", "the
    2020 election"): part of what the noun names, not when the event happened ("the March
    13 attack", the event's own noun, keeps it)."""
    root = span.root
    head = root.head
    if not (len(span) == 1 and root.text.isdigit() and len(root.text) == 4):
        return False  # only a bare year ("on Sunday Presidents …" is a misparse, a time)
    return (root.dep_ in ("nummod", "compound", "amod", "nmod") and head.i != root.i
            and head.pos_ in ("NOUN", "PROPN") and head.i != trigger.i
            and not (span.start <= head.i < span.end))


def a_cutoff(span: SpacySpan) -> bool:
    """'As of September 30, 200 had died': the day a count stands at, not an act's day."""
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ == "as" \
        and root.head.head.i == root.head.i - 1


def _a_bound(span: SpacySpan) -> bool:
    """A time expression that bounds an act rather than dates it: "until October 14",
    "pending a ruling on Monday", "before the vote on Friday"; or a count's cut-off ("as of
    September 30")."""
    if a_cutoff(span):
        return True
    node = span.root
    for _ in range(2):
        if node.dep_ == "pobj" and node.head.lower_ in BOUNDS:
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    first = span[0].doc[span[0].i - 1] if span[0].i > 0 else None
    return first is not None and first.lower_ in BOUNDS


def _describes_in(verb: Token, own: Token) -> bool:
    """A participle or relative clause on a noun of the event's own clause, not on a party
    ("In a release issued the following day, the ministry denounced …", "met for a summit
    where on Sunday X signed …")."""
    return verb.dep_ in ("acl", "relcl") and carrier(verb) is not None and (
        carrier(verb).i == own.i) and not _about_a_party(verb)


def _about_a_thing(verb: Token, span: SpacySpan | None) -> bool:
    """'the crash of the plane, which was built in 1977': a which/that clause that tells
    what was done to a thing, or only a year, gives the thing's own past, not the time of
    the act ("the plane, which crashed on Wednesday", "a summit where on Sunday …" do)."""
    if verb.dep_ != "relcl" or not any(
            c.lower_ in ("which", "that") and c.dep_ in ("nsubj", "nsubjpass", "dobj")
            for c in verb.children):
        return False
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    bare_year = span is not None and len(span) == 1 and span[0].text.isdigit() and len(
        span[0].text) == 4
    return passive or bare_year


def _about_a_party(verb: Token) -> bool:
    """A relative clause describing a person or body ("Trump, who appointed her in 2017,
    responded …"): its time is that party's past, not the event's; one on a summit or a
    meeting ("a summit where on Sunday X signed") is the summit's time."""
    if verb.dep_ != "relcl" or verb.head.i == verb.i:
        return False
    if any(t.lower_ in ("who", "whom", "whose") for t in verb.children) or any(
            t.lower_ == "whose" for c in verb.children for t in c.children):
        return True  # "who appointed her in 2017": said of a person
    noun = verb.head
    return noun.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or noun.dep_ in (
        "nsubj", "nsubjpass")


def _adverbial_of(span: SpacySpan, verb: Token) -> bool:
    """The time expression modifies the verb itself ("said on Monday", "said Monday"), not
    a noun of what it says ("reported Monday's attack")."""
    root = span.root
    if root.head.i == verb.i:
        return root.dep_ in ("npadvmod", "tmod", "advmod", "obl")
    return root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.head.i == verb.i


def _governs(verb: Token, own: Token) -> bool:
    """Whether the clause of `own` lies under `verb`."""
    node = own
    for _ in range(CLIMB):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.i == verb.i:
            return True
    return False


def event_verbs(triggers: Collection[Token]) -> set[int]:
    """The verbs that carry these triggers."""
    return {clause_verb(token).i for token in triggers}
