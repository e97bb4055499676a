"""Who said what: quotations, their cue and their speaker, from the one parse of an article.

Found, sentence by sentence, from the cue table (data/quotes/cues.tsv):

* indirect quotations: a cue verb and its content — a that-clause or reported clause ("the
  ministry said that ..."), the clause a trailing cue reports ("Rebels attacked the town,
  officials said"), an infinitive or object for cues that take one ("vowed to fight",
  "criticised the law"), a prepositional object ("called for a repeal", "accused the police of
  executing ..."); a cue noun's clause ("the claim that ..."); "according to X";
* direct quotations: text between quotation marks (quotations.py), with the cue next to it in
  its sentence ("…,” he said", "He said: “…”"), the dash of a byline ("“…” — Commissioner X"),
  or — for a quotation that continues the one before it — the same speaker; a short phrase in
  quotation marks with no cue of its own is a scare quote, not a quotation;
* transcript lines: a paragraph that starts with a name and a colon ("PENCE: Well, look ...");
* mixed quotations: an indirect quotation whose content holds a quoted fragment ("called it
  “a new Hollywood plot”").

The speaker is the cue's subject (passive agent, the subject of the verb a participle hangs on,
"according to" object, the possessor of a cue noun), with its span in the text, resolved to the
actor mention it overlaps or, for a pronoun, to its antecedent (the canonical name and codes
come from there). Unbalanced quotation marks never raise: the quotation ends with its
paragraph (quotations.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..datelines import in_dateline
from ..model import Actor, Quote, Span
from .cues import Cue, CueTable
from .marks import Quoted, quotations

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from ..events.arguments import ActorIndex

MIN_QUOTE_WORDS = 4  # shorter quoted phrases without a cue are scare quotes
MAX_ATTRIBUTION_GAP = 80  # '…,” said the minister of state. “' — a cue between two quotes
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_DASHES = ("—", "–", "―", "-", "--")
_TRANSCRIPT_MAX_NAME_TOKENS = 4
_NOT_SPEAKERS = frozenset({"note", "update", "editor", "photo", "source", "related", "watch",
                           "read", "correction", "q", "a", "video", "caption", "warning"})
_CLAUSE_DEPS = ("ccomp", "parataxis")
_OBJECT_DEPS = ("xcomp", "dobj", "obj", "oprd")
_SPEAKER_DEPS = ("nsubj", "nsubjpass")
MAX_SENTENCE_TOKENS = 400


@dataclass(slots=True)
class Found:
    """A quotation before its speaker is resolved; spans are character ranges."""

    content: tuple[int, int]
    cue: tuple[int, int] | None
    speaker: Token | None
    stance: str
    kind: str  # direct | indirect | mixed
    speaker_span: tuple[int, int] | None = None


def _span(tokens: list[Token]) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _subtree_range(token: Token, skip: Token | None = None) -> tuple[int, int] | None:
    """A token's subtree as a character range, trimmed of edge punctuation; without `skip`'s
    subtree when it sits at an edge (", officials said")."""
    tokens = [t for t in token.subtree if skip is None or not (skip.left_edge.i <= t.i <=
                                                             skip.right_edge.i)]
    while tokens and (tokens[0].is_punct or tokens[0].is_space) and tokens[0].text not in "“\"":
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space) and (
        tokens[-1].text not in "”\""
    ):
        tokens = tokens[:-1]
    return _span(tokens) if tokens else None


def _phrase_range(head: Token) -> tuple[int, int] | None:
    """A speaker's noun phrase: its subtree without a following relative clause, a date
    phrase ("on Wednesday") or a dateline before a dash ("BANGKOK — A rights group")."""
    cut = {t.i for child in head.children if child.i > head.i and (
        child.dep_ in ("relcl", "acl") or (child.dep_ == "prep" and any(
            t.ent_type_ in ("DATE", "TIME") for t in child.subtree)))
           for t in child.subtree}
    tokens = [t for t in head.subtree if t.i not in cut]
    dashes = [n for n, t in enumerate(tokens) if t.text in _DASHES and t.i < head.i]
    if dashes:
        tokens = tokens[dashes[-1] + 1:]
    while tokens and (tokens[0].tag_ in ("DT", "PDT") or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].tag_ == "POS"):
        tokens = tokens[:-1]
    if not tokens:
        return None
    start, end = _span(tokens)
    glued_dash = len(tokens[0].text) > 1 and tokens[0].text[0] in "-—–"  # "-Commissioner"
    return (start + 1, end) if glued_dash else (start, end)


class QuoteFinder:
    """Finds the quotations of one document; stateless between documents."""

    def __init__(self, cues: CueTable) -> None:
        self.cues = cues

    # --- the document -------------------------------------------------------------------

    def find(self, doc: Doc, text: str, index: ActorIndex) -> list[Quote]:
        marks = quotations(text)
        breaks = [m.start() for m in _PARAGRAPH_BREAK.finditer(text)]
        found: list[Found] = []
        for sentence in doc.sents:
            if len(sentence) > MAX_SENTENCE_TOKENS:
                continue
            clipped = (_clipped(f, breaks, text) for f in self._sentence(sentence))
            found.extend(f for f in clipped if f.content[1] > f.content[0])
        found.extend(self._transcripts(doc, text))
        merged = _outermost(_with_direct_quotes(found, marks, doc, text, self))
        return [self._quote(f, n, doc, text, index) for n, f in enumerate(_ordered(merged), 1)]

    # --- cues in one sentence -------------------------------------------------------------

    def _cue(self, token: Token) -> Cue | None:
        if token.lower_ == "according":
            pos = "PREP"
        elif token.pos_ in ("VERB", "AUX"):
            pos = "VERB"
        elif token.pos_ in ("NOUN", "PROPN"):
            pos = "NOUN"
        elif token.pos_ == "ADJ":
            pos = "ADJ"
        else:
            return None
        lemma = token.lemma_.lower() if pos != "PREP" else token.lower_
        for cue in self.cues.candidates(pos, lemma):
            if cue.particle is None or any(
                c.lower_ == cue.particle and c.dep_ in ("prt", "prep", "advmod")
                for c in token.children
            ):
                return cue
        return None

    def _sentence(self, sentence: SpacySpan) -> list[Found]:
        found: list[Found] = []
        for token in sentence:
            cue = self._cue(token)
            if cue is None:
                continue
            made = self._found(token, cue, sentence)
            if made is not None and made.content[1] > made.content[0]:
                found.append(made)
        return _without_nested(found)

    def _found(self, token: Token, cue: Cue, sentence: SpacySpan) -> Found | None:
        if cue.pos == "PREP":
            return _according_to(token, cue, sentence)
        content = _phrasal_content(token, cue) or _content(token, cue)
        if content is None:
            return None
        if cue.pos == "VERB":
            speaker = _speaker(token)
        elif cue.pos == "ADJ":
            speaker = _speaker(token.head) if token.dep_ in ("acomp", "amod") else None
        else:
            speaker = _noun_speaker(token)
        cue_tokens = [token, *(c for c in token.children
                               if c.dep_ in ("prt",) and c.lower_ == (cue.particle or ""))]
        return Found(content, _span(sorted(cue_tokens, key=lambda t: t.i)), speaker,
                     _stance(token, cue, content), "indirect")

    # --- transcripts ------------------------------------------------------------------------

    def _transcripts(self, doc: Doc, text: str) -> list[Found]:
        """'PENCE: Well, look, …' — a paragraph opened by a name and a colon."""
        found: list[Found] = []
        for sentence in doc.sents:
            first = sentence[0]
            if first.i > 0 and "\n" not in doc[first.i - 1].whitespace_ + doc[first.i - 1].text:
                continue
            if first.text in ('"', "“") and len(sentence) > 1:
                first = sentence[1]  # "“WALLACE: …" inside a quoted transcript
            colon = next((t for t in sentence[:_TRANSCRIPT_MAX_NAME_TOKENS + 1]
                          if t.text == ":"), None)
            if colon is None or colon.i == first.i:
                continue
            if colon.i <= first.i:
                continue
            name = doc[first.i:colon.i]
            if not _is_a_name(name):
                continue
            end = _paragraph_end(text, colon.idx)
            start = colon.idx + 1
            while start < end and text[start].isspace():
                start += 1
            if end > start:
                found.append(Found((start, end), (colon.idx, colon.idx + 1), name.root,
                                   "asserts", "direct", (name.start_char, name.end_char)))
        return found

    # --- resolution --------------------------------------------------------------------------

    def _quote(self, found: Found, number: int, doc: Doc, text: str,
               index: ActorIndex) -> Quote:
        start, end = found.content
        cue = Span(found.cue[0], found.cue[1], text[found.cue[0]:found.cue[1]]) if (
            found.cue) else None
        return Quote(id=f"q{number}", kind=found.kind, content=Span(start, end, text[start:end]),
                     speaker=_speaker_actor(found, doc, text, index), cue=cue,
                     stance=found.stance)


# --- content ------------------------------------------------------------------------------


# Objects that make "denied X" the denial of a claim ("denied responsibility") rather than
# the rejection of a thing ("rejected the plan").
_CLAIM_WORDS = frozenset({"claim", "allegation", "accusation", "charge", "report", "story",
                          "assertion", "suggestion", "rumour", "rumor", "it", "this", "that",
                          "responsibility", "involvement", "wrongdoing", "role", "knowledge",
                          "link", "blame", "culpability", "guilt", "complicity", "existence",
                          "presence", "participation", "account"})


def _stance(token: Token, cue: Cue, content: tuple[int, int]) -> str:
    """The cue's stance, read in context: a negated cue of support or accusation ("could not
    confirm") disputes, a negated verb of saying ("did not say") stays a statement (the
    claims stage makes no claim of it); a denial verb denies a claim ("denied that …",
    "rejected the accusation") but only disputes anything else ("rejected the plan")."""
    negated = any(c.dep_ == "neg" for c in token.children)
    if cue.stance == "denies":
        if any(c.dep_ == "ccomp" for c in token.children):
            return "asserts" if negated else "denies"
        obj = next((c for c in token.children if c.dep_ in ("dobj", "obj")), None)
        claimish = obj is not None and obj.lemma_.lower() in _CLAIM_WORDS
        return "denies" if claimish and not negated else "disputes"
    if negated and cue.stance in ("supports", "alleges"):
        return "disputes"
    return cue.stance


def _phrasal_content(token: Token, cue: Cue) -> tuple[int, int] | None:
    """'called for a repeal', 'pointed to reports that …': the object of the cue's own
    preposition."""
    if cue.particle is None:
        return None
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == cue.particle:
            inner = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            if inner is not None:
                return _subtree_range(inner)
    return None


def _content(token: Token, cue: Cue) -> tuple[int, int] | None:
    frame = cue.frame
    if frame.startswith("prep:"):
        return _prep_content(token, cue.preposition or "")
    if frame in ("clause", "any"):
        clause = _clause_content(token)
        if clause is not None:
            return clause
        if frame == "clause":
            return _colon_content(token)
    return _object_content(token)


def _clause_content(token: Token) -> tuple[int, int] | None:
    for child in token.children:
        if in_dateline(child):
            continue  # "YANGON — … denied …": the dateline is not what was said
        if child.dep_ in _CLAUSE_DEPS or (child.dep_ == "advcl" and child.i < token.i):
            return _subtree_range(child)
    if _trailing(token):
        return _subtree_range(token.head, skip=token)  # "…, officials said"
    if token.head.i > token.i and token.dep_ in ("ccomp", "csubj", "parataxis", "advcl"):
        after = [t for t in token.head.subtree if t.i > token.right_edge.i
                 and not (t.is_punct or t.is_space)]  # "X said parents want …" misparsed
        if after:
            return _span([after[0], after[-1]])
    if token.pos_ == "NOUN":
        for child in token.children:
            if child.dep_ in ("acl", "ccomp", "appos", "relcl") and child.pos_ in ("VERB", "AUX"):
                if child.dep_ == "relcl" and child.i < token.i:
                    continue
                if child.dep_ == "acl" and child.tag_ == "VBN":
                    continue  # "a statement read on state television" says nothing
                return _subtree_range(child)
    return None


def _trailing(token: Token) -> bool:
    """'Rebels attacked the town, officials said': a cue after its content, set off by a
    comma, that the parse hangs under the content's verb."""
    if token.dep_ not in ("parataxis", "ccomp", "advcl") or token.head.i > token.i:
        return False
    left = min(t.i for t in token.subtree if not t.is_punct)  # the cue's own comma aside
    return left > 0 and token.doc[left - 1].text in (",", "”", '"', "''", "—", "–")


def _colon_content(token: Token) -> tuple[int, int] | None:
    """'He said: the talks are over' — everything after the colon."""
    following = [t for t in token.sent if t.i > token.i]
    if len(following) < 2 or following[0].text != ":":
        return None
    words = [t for t in following[1:] if not (t.is_punct or t.is_space)]
    return _span([words[0], words[-1]]) if words else None


def _object_content(token: Token) -> tuple[int, int] | None:
    for child in token.children:
        if child.dep_ in _OBJECT_DEPS and not child.is_punct and not in_dateline(child):
            if child.dep_ == "dobj" and child.pos_ == "PRON" and not any(
                c.dep_ == "oprd" for c in token.children
            ):
                continue
            found = _subtree_range(child)
            as_phrase = next((c for c in token.children if c.dep_ == "prep"
                              and c.lower_ == "as" and c.i > child.i), None)
            if found is not None and as_phrase is not None:  # "rejected it as a plot"
                extended = _subtree_range(as_phrase)
                if extended is not None:
                    found = (found[0], max(found[1], extended[1]))
            return found
    return None


def _prep_content(token: Token, preposition: str) -> tuple[int, int] | None:
    holders = [token, *(c for c in token.children if c.dep_ in ("dobj", "obj"))]
    for holder in holders:
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ == preposition:
                inner = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
                if inner is not None:
                    return _subtree_range(inner)
    return None


def _according_to(token: Token, cue: Cue, sentence: SpacySpan) -> Found | None:
    to = next((c for c in token.children if c.lower_ == "to"), None)
    source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if source is None:
        return None
    phrase_start, phrase_end = token.i, to.right_edge.i
    rest = [t for t in sentence if not (phrase_start <= t.i <= phrase_end)
            and not (t.is_punct and t.text not in "“”\"") and not t.is_space]
    if not rest:
        return None
    return Found(_span(rest), _span([token, to]), source, cue.stance, "indirect")


def _without_nested(found: list[Found]) -> list[Found]:
    """When one cue's content holds another cue ("said he believed that ..."), keep both
    only if they do not share their speaker; PolNeAR-style univocal annotation keeps the
    outer quotation."""
    kept: list[Found] = []
    for item in sorted(found, key=lambda f: (f.content[0], -(f.content[1] - f.content[0]))):
        outer = next((k for k in kept if k.content[0] <= item.content[0]
                      and item.content[1] <= k.content[1] and k.cue is not None
                      and item.cue is not None
                      and k.content[0] <= item.cue[0] < k.content[1]), None)
        if outer is not None:
            continue
        kept.append(item)
    return kept


# --- speakers -----------------------------------------------------------------------------


def _speaker(verb: Token) -> Token | None:
    node = verb
    for _ in range(4):
        subjects = [c for c in node.children if c.dep_ in _SPEAKER_DEPS]
        before = [s for s in subjects if s.i < node.i]
        subject = before[-1] if before else (subjects[0] if subjects else None)
        if subject is not None and not (subject.dep_ == "nsubjpass" and _is_passive(node)):
            return _unwrapped(subject)
        agent = next((c for c in node.children if c.dep_ == "agent"), None)
        if agent is not None:
            return next((c for c in agent.children if c.dep_ == "pobj"), None)
        if node.dep_ in ("xcomp", "conj", "advcl") and node.head.i != node.i:
            node = node.head  # "continued to say", "…, saying that …"
            continue
        if node.dep_ == "relcl" and node.head.i != node.i:
            return node.head  # "officials, who said …"
        return None
    return None


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in verb.children)


RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})


def _unwrapped(subject: Token) -> Token:
    if subject.lower_ in RELATIVE_PRONOUNS and subject.head.dep_ == "relcl":
        return subject.head.head  # "an organisation that documents abuses": the organisation
    if subject.tag_ == "VBG":
        inner = next((c for c in subject.children if c.dep_ == "nsubj"), None)
        if inner is not None:
            return inner
    return subject


def _noun_speaker(noun: Token) -> Token | None:
    for child in noun.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    head = noun.head
    if noun.dep_ in ("dobj", "obj") and head.pos_ in ("VERB", "AUX"):
        return _speaker(head)  # "issued a statement saying …"
    return None


def _speaker_actor(found: Found, doc: Doc, text: str, index: ActorIndex) -> Actor | None:
    head = found.speaker
    if head is None:
        return None
    span = found.speaker_span or _phrase_range(head) or (head.idx, head.idx + len(head))
    start, end = span
    mention = _mention_in(index, start, end, head)
    if mention is None and head.pos_ == "PRON":
        mention = index.antecedent(head, skip=found.content)
    if mention is None and head.pos_ == "NOUN":
        mention = _earlier_with_head(index, head, found.content)
    if mention is None:
        return Actor(text=text[start:end], start=start, end=end)
    return Actor(text=text[start:end], start=start, end=end,
                 name=mention.name or (mention.text if mention.start != start else None),
                 country=mention.country, sector=mention.sector, code=mention.code)


def _earlier_with_head(index: ActorIndex, head: Token, content: tuple[int, int],
                       ) -> Actor | None:
    """'The spokesman said' after 'Ministry spokesman U Kyaw Thiha Naing': the latest
    earlier named or coded mention ending in the same word, outside the quotation."""
    word = head.lower_
    for actor in reversed(index.actors):
        if actor.end > head.idx or content[0] <= actor.start < content[1]:
            continue
        words = actor.text.lower().replace("'s", " ").split()
        if word in words and (actor.name or actor.code):
            return actor
    return None


def _mention_in(index: ActorIndex, start: int, end: int, head: Token) -> Actor | None:
    if head.i in index.by_token:
        return index.by_token[head.i]
    inside = [a for a in index.actors if start <= a.start and a.end <= end]
    return inside[-1] if inside else None


# --- direct quotations ---------------------------------------------------------------------


def _with_direct_quotes(found: list[Found], marks: list[Quoted], doc: Doc, text: str,
                        finder: QuoteFinder) -> list[Found]:
    """Merge quotation marks with the cues found: a quotation that is (about) an indirect
    quotation's content makes it direct, a fragment inside one makes it mixed, a passage in
    quotation marks made of transcript lines is left to its lines, and any other quotation
    takes the cue beside it or, continuing the quotation before it, its speaker; short
    quoted phrases without a cue are scare quotes and left out."""
    result = list(found)
    previous: Found | None = None
    for quoted in marks:
        inside = [f for f in result
                  if quoted.start <= f.content[0] and f.content[1] <= quoted.end + 2]
        if any(f.kind == "direct" and f.cue is not None and f.cue[0] >= quoted.start
               for f in inside):
            continue  # "“WALLACE: … PENCE: …”": the transcript lines speak for themselves
        holder = next((f for f in result if f.content[0] <= quoted.start
                       and quoted.end <= f.content[1] + 2), None)
        if holder is not None:
            holder.kind = "direct" if _covers(quoted, holder) else (
                "mixed" if holder.kind == "indirect" else holder.kind)
            if holder.kind == "direct":
                holder.content = (quoted.start, quoted.end)
            previous = holder
            continue
        close = next((f for f in inside if _covers(quoted, f)), None)
        if close is not None:
            close.content, close.kind = (quoted.start, quoted.end), "direct"
            previous = close
            continue
        made = _cued_quotation(quoted, doc, text, finder) or _continued(quoted, previous, text)
        if made is not None:
            result.append(made)
            previous = made
    return result


def _covers(quoted: Quoted, found: Found) -> bool:
    """Whether a quotation and a quotation's content are (about) the same stretch."""
    start, end = found.content
    overlap = min(end, quoted.end) - max(start, quoted.start)
    longer = max(end - start, quoted.end - quoted.start)
    return longer > 0 and overlap >= 0.8 * longer - 3


def _cued_quotation(quoted: Quoted, doc: Doc, text: str, finder: QuoteFinder) -> Found | None:
    span = doc.char_span(quoted.start, quoted.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    cue_token, cue = _adjacent_cue(span, doc, finder)
    if cue_token is None or cue is None:
        dash = _dash_speaker(span, doc)
        if dash is not None:
            return Found((quoted.start, quoted.end), None, dash, "asserts", "direct")
        return None
    words = len(text[quoted.start:quoted.end].split())
    if words < (MIN_QUOTE_WORDS if cue.frame != "clause" else 2):
        return None  # 'called it “a disgrace”': a quoted phrase, not a quotation
    speaker = _speaker(cue_token) if cue.pos == "VERB" else _noun_speaker(cue_token)
    return Found((quoted.start, quoted.end), _span([cue_token]), speaker, cue.stance, "direct")


def _adjacent_cue(span: SpacySpan, doc: Doc, finder: QuoteFinder) -> tuple[Token | None,
                                                                         Cue | None]:
    """A cue verb in the quotation's sentences but outside it: after it first ("…,” he
    said"), then before it ("He said: “…”")."""
    first, last = span[0].sent, span[-1].sent
    after = [t for t in last if t.i >= span.end]
    before = [t for t in reversed(list(first)) if t.i < span.start]
    for token in [*after[:6], *before[:8]]:
        cue = finder._cue(token)
        if cue is not None and cue.pos == "VERB":
            return token, cue
    return None, None


def _dash_speaker(span: SpacySpan, doc: Doc) -> Token | None:
    """'“…” — Commissioner Jane Doe': the name after a dash following the quotation."""
    position = span.end
    while position < len(doc) and doc[position].is_punct and doc[position].text not in _DASHES:
        position += 1
    if position >= len(doc):
        return None
    glued = doc[position].text[:1] in _DASHES and doc[position].text[1:2].isupper()
    if doc[position].text not in _DASHES and not glued:  # "— Commissioner X", "-Commissioner X"
        return None
    first = position if glued else position + 1
    names = [t for t in doc[first: position + 6] if t.pos_ in ("PROPN", "NOUN")]
    return names[-1] if names and names[-1].sent == doc[position].sent else None


def _continued(quoted: Quoted, previous: Found | None, text: str) -> Found | None:
    """A quotation opening a paragraph right after another quotation, with no cue: the
    same speaker goes on."""
    if previous is None or previous.kind == "indirect" or quoted.start - previous.content[1] > 400:
        return None
    between = text[previous.content[1]:quoted.start]
    if len(text[quoted.start:quoted.end].split()) < MIN_QUOTE_WORDS:
        return None
    cue_between = previous.cue is not None and previous.content[1] <= previous.cue[0] \
        and previous.cue[1] <= quoted.start and len(between) <= MAX_ATTRIBUTION_GAP
    if "\n" not in between and not cue_between:  # '“…,” said Ms Berg. “…”'
        return None
    # in one paragraph the cue between the two quotations introduces both
    cue = previous.cue if cue_between and "\n" not in between else None
    return Found((quoted.start, quoted.end), cue, previous.speaker, previous.stance, "direct",
                 previous.speaker_span)


def _clipped(found: Found, breaks: list[int], text: str) -> Found:
    """An indirect quotation's content stays in its cue's paragraph (a headline run into the
    next paragraph by the sentence splitter is not part of what was said)."""
    anchor = found.cue[0] if found.cue else found.content[0]
    start, end = found.content
    before = [b for b in breaks if b < anchor]
    after = [b for b in breaks if b >= anchor]
    if before and start < before[-1]:
        start = before[-1]
    if after and end > after[0]:
        end = after[0]
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    found.content = (start, end)
    return found


def _outermost(found: list[Found]) -> list[Found]:
    """Each stretch of text belongs to one quotation: a cue inside another quotation's
    content ("PENCE: … she thinks …") is part of what that speaker said, and so is an
    indirect reading of a direct quotation's words."""
    kept = []
    for item in found:
        inside = item.cue is not None and any(
            other is not item and other.content[0] <= item.cue[0] < other.content[1]
            and (other.content[1] - other.content[0]) > (item.content[1] - item.content[0])
            for other in found
        )
        within_direct = item.kind == "indirect" and any(
            other is not item and other.kind == "direct"
            and other.content[0] <= item.content[0] and item.content[1] <= other.content[1] + 2
            for other in found
        )
        if not inside and not within_direct:
            kept.append(item)
    return kept


def _ordered(found: list[Found]) -> list[Found]:
    return sorted(found, key=lambda f: (f.content[0], f.content[1]))


# --- helpers ------------------------------------------------------------------------------


def _is_a_name(name: SpacySpan) -> bool:
    words = [t for t in name if not t.is_punct]
    if not words or len(words) > _TRANSCRIPT_MAX_NAME_TOKENS:
        return False
    if words[0].lower_ in _NOT_SPEAKERS or any(t.ent_type_ in ("GPE", "DATE", "TIME")
                                               for t in words):
        return False
    return all(t.text[:1].isupper() for t in words) and all(t.pos_ in ("PROPN", "NOUN")
                                                            or t.text.isupper() for t in words)


def _paragraph_end(text: str, position: int) -> int:
    end = text.find("\n\n", position)
    end = len(text) if end == -1 else end
    while end > position and text[end - 1].isspace():
        end -= 1
    return end
