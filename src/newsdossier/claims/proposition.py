"""What a claim states: the proposition a quotation's content holds, or nothing.

A reader accepts a claim whose content says something: a clause ("that the talks had
failed"), a quotation, or — when the quotes stage gives a bare noun phrase as what a verb
takes ("denied responsibility", "blaming Iran") — the verb's predicate. No claim is made of:

* a noun phrase a subordinate infinitive or participle takes ("gathered to discuss
  relations", "protesters blocking the exits"), a topic ("spoke about the case"), a phrase
  the verb does not govern ("gave its deepest sympathies and said …");
* a clause that tells when, why or where rather than what ("so he could fund a wall", "while
  many transactions …", "a speech which was delivered in Tehran", "… that led to a shutdown");
* a passive report whose reporter is not given ("people accused of crimes", "a holiday called
  National Day"): its subject is the one spoken of, not the speaker;
* "deny someone something" (a refusal, not a denial), a verb inside someone's quoted words,
  a photo caption ("… Image: John Smith").

A verb of finding whose content the parse took from a clause before it ("After a hearing was
held, the Senate did not find the network had …") states its own complement.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .reading import span_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from .words import ClaimWords

RELATIVES = frozenset({"which", "who", "whom", "whose"})
ADVERBIAL_OPENERS = frozenset({"so", "while", "when", "whenever", "after", "before", "until",
                               "although", "though", "because", "since", "once"})
TOPIC_PREPOSITIONS = frozenset({"about", "on", "over", "regarding"})
SUBORDINATE = frozenset({"xcomp", "advcl", "acl", "pcomp", "relcl", "amod"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
_AFTER_HEAD_CLAUSES = frozenset({"conj", "cc", "parataxis"})
_CAPTION = re.compile(r"\b(?:Image|Photo|Picture|Photograph|Credit)s?:\s")
_PARAGRAPH = re.compile(r"\n\s*\n")
_OPENING_MARKS = re.compile("[“«]")
_CLOSING_MARKS = re.compile("[”»]")
_STRAIGHT_MARKS = re.compile('"')
_MARKS_KEY = "newsdossier.claims.marks"
MIN_WORDS = 2
CLOSING_QUOTES = frozenset({'"', "”", "»"})
MIN_INFINITIVE_WORDS = 4
SAYING = frozenset({"say", "call", "describe", "label", "characterize", "characterise",
                    "term", "brand", "dub", "name"})
STANCE_ROLES = ("claiming", "asserting", "alleging", "denying", "disputing", "supporting")


def predicate(doc: Doc, trigger: tuple[int, int]) -> tuple[int, int] | None:
    """What a verb says, without who says it: its phrase less its subject and the clauses
    that go on after it ("accused the United States of 'diplomacy by press conference'",
    "denounced the ruling" of "denounced the ruling, calling it …")."""
    span = span_of(doc, *trigger)
    if span is None or not len(span):
        return None
    head = span.root
    cut = {t.i for child in head.children if child.dep_ in _SUBJECT_DEPS
           or (child.dep_ in ("aux", "advmod", "npadvmod", "prep") and child.i < head.i)
           or (child.i > head.i and (child.dep_ in _AFTER_HEAD_CLAUSES or (
               child.dep_ == "advcl" and child.tag_ == "VBG")))
           for t in child.subtree}
    tokens = [t for t in head.subtree if t.i not in cut and t.i >= head.i]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    after = tokens[-1].i + 1 if tokens else 0
    if tokens and after < len(doc) and doc[after].text in CLOSING_QUOTES and _opened(tokens):
        tokens.append(doc[after])  # 'as "a new Hollywood plot"': the quotation closes
    if len(tokens) < MIN_WORDS:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _opened(tokens: list[Token]) -> bool:
    """Whether a run of tokens opens a quotation it does not close."""
    straight = sum(t.text == '"' for t in tokens)
    opening = sum(t.text in ("“", "«") for t in tokens)
    closing = sum(t.text in ("”", "»") for t in tokens)
    return straight % 2 == 1 or opening > closing


def proposition(doc: Doc, content: tuple[int, int], verb: Token | None, kind: str | None,
                words: ClaimWords) -> tuple[int, int] | None:
    """The range of what a quotation claims, or None (see the module's docstring)."""
    span = span_of(doc, *content)
    if span is None or not len(span) or in_caption(doc, content):
        return None
    if verb is not None and _not_a_report(verb, kind):
        return None
    if verb is not None and words.lemma_has(verb.lemma_, "finding"):
        content = _found(verb, content)
        span = span_of(doc, *content) or span
    content = _without_other_speakers(span, content, words)
    first = span[0]
    before = first.nbor(-1) if first.i > 0 else None
    if before is not None and before.lower_ in ADVERBIAL_OPENERS and before.dep_ == "mark":
        return None  # "… so he could fund a wall"
    if first.lower_ == "to" and len([t for t in span if t.is_alpha]) < MIN_INFINITIVE_WORDS:
        return None  # "voted to leave": an act
    if first.lower_ in RELATIVES and (verb is None or verb.pos_ == "NOUN"):
        return None  # "a speech which was delivered in Tehran" tells where, not what
    if first.lower_ in ADVERBIAL_OPENERS and first.dep_ in ("mark", "advmod"):
        return None  # "declared an emergency so he could fund a wall"
    if first.lower_ == "that" and first.dep_ in ("nsubj", "nsubjpass"):
        return None  # "… a delay that led to a shutdown": a relative clause
    worded = [t for t in span if t.is_alpha or t.like_num]
    if any(t.pos_ in ("VERB", "AUX") for t in span) and len(worded) >= MIN_WORDS:
        return content
    return _predicate_instead(doc, content, span, verb, kind, words)


def _predicate_instead(doc: Doc, content: tuple[int, int], span: object, verb: Token | None,
                       kind: str | None, words: ClaimWords) -> tuple[int, int] | None:
    """A bare noun phrase: the verb's predicate, when the verb governs it and says
    something of it."""
    if verb is None or verb.lower_ == "according":
        return content
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    if kind == "direct":
        return content
    head = span.root  # type: ignore[attr-defined]
    if head.dep_ == "pobj" and head.head.lower_ in TOPIC_PREPOSITIONS:
        return None  # "spoke with the minister about the case": a topic
    if verb.dep_ in SUBORDINATE and not _says(verb, words) and (
            verb.tag_ in ("VBG", "VBN") or any(c.dep_ == "aux" and c.lower_ == "to"
                                               for c in verb.children)):
        return None  # "gathered to discuss relations", "protesters blocking the exits"
    found = predicate(doc, (verb.idx, verb.idx + len(verb)))
    if found is None or not (found[0] <= content[0] and content[1] <= found[1]):
        return None  # "gave its 'deepest sympathies' and said …": not the verb's
    return found


def _without_other_speakers(span: Span, content: tuple[int, int],
                            words: ClaimWords) -> tuple[int, int]:
    """'… should be opened up to agriculture, and his critics blame him for …': the content
    ends where a coordinated clause gives someone else's statement."""
    for token in span:
        if token.dep_ != "conj" or token.pos_ != "VERB" or not _says(token, words):
            continue
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
            continue
        start = token.left_edge
        cut = [t for t in span if t.i < start.i]
        while cut and (cut[-1].is_punct or cut[-1].dep_ == "cc"):
            cut.pop()
        if cut:
            return content[0], cut[-1].idx + len(cut[-1])
    return content


def _says(verb: Token, words: ClaimWords) -> bool:
    """A verb that says something of what it takes: of saying, naming or taking a stance
    ("…, calling it a political decision", "…, blaming Iran")."""
    lemma = verb.lemma_.lower()
    return lemma in SAYING or any(words.lemma_has(lemma, role) for role in STANCE_ROLES)


def _not_a_report(verb: Token, kind: str | None) -> bool:
    """A passive with no reporter, "deny someone something", a verb quoted in someone's
    words."""
    if verb.pos_ in ("VERB", "AUX"):
        passive = any(c.dep_ == "auxpass" for c in verb.children) or (
            verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod") and not any(
                c.dep_ == "dobj" for c in verb.children))  # "… tank called it void"
        if passive and not any(c.dep_ == "agent" for c in verb.children):
            return True
        if refusal(verb):
            return True
    return kind != "direct" and quoted(verb)


def refusal(verb: Token) -> bool:
    """'deny terrorism any victory': denying someone something refuses it."""
    objects = [c for c in verb.children if c.dep_ in ("dative", "dobj", "npadvmod")
               and c.pos_ in ("NOUN", "PROPN", "PRON")]
    return verb.lemma_.lower() == "deny" and len(objects) > 1


def quoted(token: Token) -> bool:
    """Whether a token stands inside quotation marks of its paragraph."""
    marks = _marks(token.doc)
    paragraph = marks.paragraphs[bisect_right(marks.paragraphs, token.idx) - 1]
    opened = _count(marks.opening, paragraph, token.idx)
    closed = _count(marks.closing, paragraph, token.idx)
    if opened or closed:
        return opened > closed
    return _count(marks.straight, paragraph, token.idx) % 2 == 1


@dataclass(frozen=True, slots=True)
class _Marks:
    paragraphs: list[int]  # where each paragraph starts
    opening: list[int]
    closing: list[int]
    straight: list[int]
    captions: list[int]  # start, end, start, end … of the caption lines


def _marks(doc: Doc, text: str | None = None) -> _Marks:
    """The positions of paragraph starts, quotation marks and caption lines, found once per
    document (`text` spares rebuilding the document's text)."""
    cached = doc.user_data.get(_MARKS_KEY)
    if cached is None:
        text = doc.text if text is None else text
        cached = (
            [0, *(m.end() for m in _PARAGRAPH.finditer(text))],
            [m.start() for m in _OPENING_MARKS.finditer(text)],
            [m.start() for m in _CLOSING_MARKS.finditer(text)],
            [m.start() for m in _STRAIGHT_MARKS.finditer(text)],
            _caption_lines(text),
        )
        doc.user_data[_MARKS_KEY] = cached  # plain lists: user data must serialise
    return _Marks(*cached)


def prepare(doc: Doc, text: str) -> None:
    """Find the marks of a document from its text, before any claim is read."""
    _marks(doc, text)


def _caption_lines(text: str) -> list[int]:
    edges: list[int] = []
    for match in _CAPTION.finditer(text):
        start = text.rfind("\n", 0, match.start()) + 1
        end = text.find("\n", match.end())
        end = len(text) if end < 0 else end
        if edges and start < edges[-1]:
            continue  # a second credit on the same line
        edges += [start, end]
    return edges


def _count(positions: list[int], start: int, end: int) -> int:
    return bisect_left(positions, end) - bisect_left(positions, start)


def in_caption(doc: Doc, content: tuple[int, int]) -> bool:
    """Whether a range lies on a photo caption's line ("… Image: John Smith.")."""
    lines = _marks(doc).captions
    at = bisect_right(lines, content[0]) - 1
    return at >= 0 and at % 2 == 0 and content[0] < lines[at + 1]


def _found(verb: Token, content: tuple[int, int]) -> tuple[int, int]:
    """A verb of finding states its own complement, not a clause before it."""
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if clause is None:
        return content
    tokens = [t for t in clause.subtree if not t.is_punct]
    if not tokens:
        return content
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    if start < content[1] and content[0] < end:
        return content
    return start, end
