"""Who said what: quotations, their cue and their speaker, from the one parse of an article.

Found, sentence by sentence, from the cue table (data/quotes/cues.tsv):

* indirect quotations: a cue and what it reports — a clause, a small clause, or an object
  the cue's frame allows (content.py: "the ministry said that ...", "Rebels attacked the
  town, officials said", "urged the embassy to reconsider", "called for the bill to be
  dropped", "accused the police of lying", "claimed responsibility", "The attack was
  claimed by the group"); a cue noun's clause ("the claim that ...", "Statements of
  condemnation came from X"); "according to X";
* direct quotations: text between quotation marks (marks.py), with the cue next to it ("…,”
  he said", "He said: “…”", "“…!” Macron told the world" across a sentence break), the dash
  of a byline ("“…” — Commissioner X"), or — for a quotation that makes up its paragraph or
  follows the attribution of the one before — the same speaker; a short phrase in quotation
  marks with no cue of its own is a scare quote, not a quotation; one sentence quoted in two
  pieces around its attribution ("“We stand ready,” he said, “to help”") is one quotation;
* transcript lines: a paragraph that starts with a name and a colon ("PENCE: Well, look ...");
* mixed quotations: an indirect quotation whose content holds a quoted fragment ("called it
  “a new Hollywood plot”").

The speaker (speakers.py) is the cue's subject, passive agent, the noun a participle
modifies, the "according to" object, the possessor of a cue noun, with its span in the text,
resolved to the actor mention it overlaps or, for a pronoun, to its antecedent (the canonical
name and codes come from there). A statement nobody makes — no speaker and no quotation
marks — is left out. Unbalanced quotation marks never raise: the quotation ends with its
paragraph (marks.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Quote, Span
from .content import (
    CLAIM_WORDS,
    clause_content,
    is_clause,
    noun_clause_content,
    noun_phrase_statement,
    object_content,
    prep_content,
    token_range,
    verb_content,
)
from .cues import Cue, CueTable
from .marks import Quoted, quotations
from .speakers import (
    adjective_speaker,
    could_intend,
    noun_speaker,
    speaker_actor,
    verb_speaker,
)

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
                           "read", "correction", "q", "a", "video", "caption", "warning",
                           "infographic", "image", "graphic", "map", "chart", "file",
                           "pictured", "above", "below", "left", "right", "top", "bottom"})
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


_span = token_range


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
            found.extend(self._sentence(sentence, index, breaks, text))
        found.extend(self._transcripts(doc, text))
        merged = _outermost(_with_direct_quotes(found, marks, doc, text, self, index))
        merged = [f for f in _joined_pieces(merged, text)
                  if _has_a_source(f, doc) and _says_anything(f, text)]
        quoted = [(m.start, m.end) for m in marks]
        return [self._quote(f, n, doc, text, index, quoted)
                for n, f in enumerate(_ordered(merged), 1)]

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
            if cue.particle is None or _has_particle(token, cue.particle):
                return cue
        return None

    def is_cue(self, token: Token) -> bool:
        return self._cue(token) is not None

    def is_speech_noun(self, token: Token) -> bool:
        return token.pos_ in ("NOUN", "PROPN") and self._cue(token) is not None

    def _sentence(self, sentence: SpacySpan, index: ActorIndex, breaks: list[int],
                  text: str) -> list[Found]:
        found: list[Found] = []
        for token in sentence:
            cue = self._cue(token)
            if cue is None or _discourse_marker(token):
                continue
            made = self._found(token, cue, sentence, index)
            if made is not None and _a_connective(made.content, sentence):
                continue  # "That said, we understand …": the content is the connective
            if made is not None:
                made = _clipped(made, breaks, text)
                if made.content[1] > made.content[0]:
                    found.append(made)
        return _without_nested(found)

    def _found(self, token: Token, cue: Cue, sentence: SpacySpan,
               index: ActorIndex) -> Found | None:
        if cue.pos == "PREP":
            return _according_to(token, cue, sentence)
        if cue.pos == "VERB":
            content = verb_content(token, cue, self.is_cue)
            if content is not None and _negated(token) and not _clause_at(content, token.doc):
                return None  # "has not announced any plans": nothing was said
            speaker = verb_speaker(token, self.is_speech_noun, index) if content else None
        elif cue.pos == "ADJ":
            content = self._adjective_content(token, cue)
            speaker = adjective_speaker(token, self.is_speech_noun, index) if content else None
        else:
            if token.dep_ in ("dobj", "obj") and _negated(token.head):
                return None  # "has not issued any statement": nothing was said
            speaker = noun_speaker(token, self.is_speech_noun, index)
            content = self._noun_content(token, cue, speaker)
        if content is None:
            return None
        if cue.speaker == "agent" and (speaker is None or not could_intend(speaker, index)):
            return None  # "the agreement seeks to …": no one's intention
        cue_tokens = [token, *(c for c in token.children
                               if c.dep_ in ("prt",) and c.lower_ == (cue.particle or ""))]
        return Found(content, _span(sorted(cue_tokens, key=lambda t: t.i)), speaker,
                     _stance(token, cue), "indirect")

    def _adjective_content(self, token: Token, cue: Cue) -> tuple[int, int] | None:
        if cue.preposition is not None:
            return prep_content(token, cue.preposition)
        found = clause_content(token, self.is_cue)
        if found is None and cue.frame != "clause":
            found = object_content(token, self.is_cue, noun_phrases=False)
        return found

    def _noun_content(self, token: Token, cue: Cue,
                      speaker: Token | None) -> tuple[int, int] | None:
        if cue.preposition is not None:
            return prep_content(token, cue.preposition)
        found = noun_clause_content(token, self.is_cue)
        if found is None and speaker is not None and token.dep_ in ("nsubj", "nsubjpass"):
            found = noun_phrase_statement(token)  # "Statements of condemnation came from X"
        return found

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
            if colon is None or colon.i <= first.i:
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
               index: ActorIndex, quoted: list[tuple[int, int]]) -> Quote:
        start, end = found.content
        cue = Span(found.cue[0], found.cue[1], text[found.cue[0]:found.cue[1]]) if (
            found.cue) else None
        speaker = speaker_actor(found.speaker, found.speaker_span, found.content, doc, text,
                                index, quoted)
        return Quote(id=f"q{number}", kind=found.kind, content=Span(start, end, text[start:end]),
                     speaker=speaker, cue=cue, stance=found.stance)


def _has_particle(token: Token, particle: str) -> bool:
    """'called for a repeal', 'called on Turkey', 'called for the bill to be dropped' (the
    parser makes "for" the subordinator of the clause after the verb)."""
    for child in token.children:
        if child.lower_ == particle and child.dep_ in ("prt", "prep", "advmod"):
            return True
        if child.dep_ in ("advcl", "ccomp", "xcomp") and any(
                c.dep_ == "mark" and c.lower_ == particle and c.i == token.i + 1
                for c in child.children):
            return True
    return False


def _a_connective(content: tuple[int, int], sentence: SpacySpan) -> bool:
    words = [t for t in sentence if content[0] <= t.idx < content[1] and not t.is_punct]
    return len(words) == 2 and _discourse_marker(words[1])


def _discourse_marker(cue: Token) -> bool:
    """'That said,' / 'This said,' opening a clause: a connective, not a report."""
    doc = cue.doc
    before = doc[cue.i - 1] if cue.i > 0 else None
    after = doc[cue.i + 1] if cue.i + 1 < len(doc) else None
    opening = before is not None and (before.is_sent_start or (
        before.i > 0 and doc[before.i - 1].is_punct))
    return (before is not None and before.lower_ in ("that", "this") and opening
            and after is not None and after.text == "," and cue.lower_ == "said")


def _negated(token: Token) -> bool:
    """'did not say', 'had not, as of yesterday, announced', '…, nor mentioned': a negation
    on the cue, on its auxiliary or on the clause it is coordinated with by "nor"."""
    if token.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ in ("nor", "neither")
                                    for c in token.head.children):
        return True  # "did not list any incident, nor mention any damage"
    return any(c.dep_ == "neg" or (c.dep_ == "aux" and any(g.dep_ == "neg" for g in c.children))
               for c in token.children)


def _clause_at(content: tuple[int, int], doc: Doc) -> bool:
    span = doc.char_span(content[0], content[1], alignment_mode="expand")
    return span is not None and is_clause(span)


def _says_anything(found: Found, text: str) -> bool:
    return any(c.isalnum() for c in text[found.content[0]:found.content[1]])


def _has_a_source(found: Found, doc: Doc) -> bool:
    """A reported statement needs someone who made it, unless it is a whole clause ("it was
    reported that …"); quoted words stand on their own. Without a speaker a phrase is no
    statement ("were called to join", "was reported to have killed")."""
    return found.speaker is not None or found.kind != "indirect" or _clause_at(found.content, doc)


def _stance(token: Token, cue: Cue) -> str:
    """The cue's stance, read in context: a negated cue of support or accusation ("could not
    confirm") disputes, a negated verb of saying ("did not say") stays a statement (the
    claims stage makes no claim of it); a denial verb denies a claim ("denied that …",
    "rejected the accusation") but only disputes anything else ("rejected the plan")."""
    negated = any(c.dep_ == "neg" for c in token.children)
    if cue.stance == "denies":
        if any(c.dep_ == "ccomp" for c in token.children):
            return "asserts" if negated else "denies"
        obj = next((c for c in token.children if c.dep_ in ("dobj", "obj")), None)
        claimish = obj is not None and obj.lemma_.lower() in CLAIM_WORDS
        return "denies" if claimish and not negated else "disputes"
    if negated and cue.stance in ("supports", "alleges"):
        return "disputes"
    return cue.stance


_FIGURES = frozenset({"MONEY", "CARDINAL", "QUANTITY", "PERCENT"})


def _according_to(token: Token, cue: Cue, sentence: SpacySpan) -> Found | None:
    """'According to X, …': the rest of the sentence; X without what the parser hung on it
    that is part of the statement (an apposition running to the end of the sentence or
    holding a figure: "according to Al Jazeera, $3.6 billion …")."""
    to = next((c for c in token.children if c.lower_ == "to"), None)
    source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if source is None:
        return None
    last = max((t.i for t in sentence if not (t.is_punct or t.is_space)), default=source.i)
    stray = {t.i for child in source.children if child.dep_ in ("appos", "conj")
             and child.i > source.i and (child.right_edge.i >= last or any(
                 t.ent_type_ in _FIGURES for t in child.subtree))
             for t in child.subtree}  # "according to X, the plan reeks of fear."
    phrase = [t for t in [token, *to.subtree] if t.i not in stray]
    phrase_ids = {t.i for t in phrase}
    rest = [t for t in sentence if t.i not in phrase_ids
            and not (t.is_punct and t.text not in "“”\"") and not t.is_space]
    if not rest:
        return None
    speaker_tokens = [t for t in source.subtree if t.i not in stray and not t.is_punct]
    speaker_span = _span(speaker_tokens) if speaker_tokens and stray else None
    return Found(_span(rest), _span([token, to]), source, cue.stance, "indirect", speaker_span)


def _without_nested(found: list[Found]) -> list[Found]:
    """When one cue's content holds another cue ("said he believed that ..."), keep the
    outer quotation (PolNeAR-style univocal annotation)."""
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



# --- direct quotations ---------------------------------------------------------------------


def _with_direct_quotes(found: list[Found], marks: list[Quoted], doc: Doc, text: str,
                        finder: QuoteFinder, index: ActorIndex) -> list[Found]:
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
        cut = next((f for f in result if f.kind == "indirect"
                    and f.content[0] + 2 < quoted.start < f.content[1] < quoted.end
                    and "\n" not in text[f.content[1]:quoted.end]), None)
        if cut is not None:  # a quoted fragment the sentence splitter cut off the content
            cut.content = (cut.content[0], quoted.end)
        opening = next((f for f in result if f.kind == "indirect"
                        and abs(f.content[0] - quoted.start) <= 2
                        and quoted.start < f.content[1] < quoted.end), None)
        if opening is not None:  # 'said: “A. B.”' whose content stopped after A
            opening.content = (quoted.start, quoted.end)
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
        made = _cued_quotation(quoted, doc, text, finder, index) or _continued(
            quoted, previous, text)
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


def _cued_quotation(quoted: Quoted, doc: Doc, text: str, finder: QuoteFinder,
                    index: ActorIndex) -> Found | None:
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
    spoken = is_clause(span) or text[quoted.start:quoted.end].rstrip()[-1:] in "?!"
    if words < MIN_QUOTE_WORDS and (cue.frame != "clause" or not spoken):
        return None  # 'called it “a disgrace”', 'the “Radio Control Law”': a quoted phrase
    if not spoken and _a_title(span, finder.is_speech_noun):
        return None  # 'ruled in the case “Glawischnig-Piesczek vs. Facebook Ireland”
    if cue.pos == "VERB":
        speaker = verb_speaker(cue_token, finder.is_speech_noun, index)
    else:
        speaker = noun_speaker(cue_token, finder.is_speech_noun, index)
    return Found((quoted.start, quoted.end), _span([cue_token]), speaker, cue.stance, "direct")


def _a_title(span: SpacySpan, is_speech_noun: Callable[[Token], bool]) -> bool:
    """A quoted name, not words said: no verb inside, and the quotation names the noun or
    the naming verb before it ("the case “…”", "a song titled “…”", "the operation “…”")."""
    if any(t.pos_ in ("VERB", "AUX") for t in span):
        return False
    doc = span.doc
    between = []
    before = None
    for i in range(span.start - 1, max(span.start - 4, -1), -1):
        if doc[i].is_punct or doc[i].is_quote:
            between.append(doc[i].text)
            continue
        before = doc[i]
        break
    if before is None or ":" in between or is_speech_noun(before):
        return False  # 'in a statement: “Total nonsense.”'
    return before.pos_ in ("NOUN", "PROPN") or before.lower_ in (
        "titled", "entitled", "named", "dubbed", "codenamed", "called")


def _adjacent_cue(span: SpacySpan, doc: Doc, finder: QuoteFinder) -> tuple[Token | None,
                                                                         Cue | None]:
    """The cue verb nearest the quotation outside it: after it ("…,” he said", also across
    the sentence break the splitter puts after "…!”") or before it in its sentence ("He
    said: “…”"); never past another quotation, a paragraph break or a clause of its own
    ("“…” as the protests continued"), nor after a quotation that ends its own sentence
    ("“… the White House.” The White House refers to …")."""
    before = [t for t in reversed(list(span[0].sent)) if t.i < span.start][:8]
    candidates = [(n, 0, t) for n, t in enumerate(_following(span, doc))]
    candidates += [(n, 1, t) for n, t in enumerate(before)]
    for _, _, token in sorted(candidates, key=lambda c: (c[0], c[1])):
        cue = finder._cue(token)
        if cue is not None and cue.pos == "VERB" and not _unsaid_passive(token):
            return token, cue
    return None, None


def _unsaid_passive(token: Token) -> bool:
    """'(known as “Lucky”)', 'a tax described as “a scandal”': a passive with no one who
    said it."""
    passive = token.tag_ == "VBN" and (token.dep_ in ("acl", "amod") or any(
        c.dep_ == "auxpass" for c in token.children))
    return passive and not any(c.dep_ == "agent" for c in token.children)


def _following(span: SpacySpan, doc: Doc) -> list[Token]:
    """Up to eight tokens after a quotation, in its paragraph, up to the next quotation mark
    or the first word that opens a clause of its own."""
    if span[-1].text == "." or (span[-1].is_punct and len(span) > 1 and span[-2].text == "."):
        return []  # a quoted sentence closed by its full stop
    tokens: list[Token] = []
    position = span.end
    while position < len(doc) and doc[position].is_punct and position < span.end + 3 and (
            doc[position].text not in ("“", "``")):
        position += 1  # the closing mark and its comma
    for token in doc[position:position + 8]:
        if "\n" in token.text or token.text in ("“", '"', "``") or token.dep_ == "mark" or (
                token.pos_ == "SCONJ"):
            break
        tokens.append(token)
        if "\n" in token.whitespace_:
            break
    return tokens


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
    """A quotation with no cue of its own right after another quotation: the same speaker
    goes on when the previous one's attribution stands between them in one paragraph ("…,”
    said Ms Berg. “…”), or when the quotation makes up a paragraph of its own (not a quoted
    sign or title in a caption: "“Where is X?” sign. Image: …")."""
    if previous is None or previous.kind == "indirect" or quoted.start - previous.content[1] > 400:
        return None
    between = text[previous.content[1]:quoted.start]
    if len(text[quoted.start:quoted.end].split()) < MIN_QUOTE_WORDS:
        return None
    attribution = [r for r in (previous.cue, previous.speaker_span) if r is not None]
    if previous.speaker is not None:
        attribution.append((previous.speaker.idx, previous.speaker.idx + len(previous.speaker)))
    attributed_between = any(previous.content[1] <= a and b <= quoted.start
                             for a, b in attribution) and len(between) <= MAX_ATTRIBUTION_GAP
    if "\n" in between:
        if not _whole_paragraph(text, quoted):
            return None
    elif not attributed_between:
        return None
    # in one paragraph the cue between the two quotations introduces both
    cue = previous.cue if attributed_between and "\n" not in between else None
    return Found((quoted.start, quoted.end), cue, previous.speaker, previous.stance, "direct",
                 previous.speaker_span)


def _whole_paragraph(text: str, quoted: Quoted) -> bool:
    """Whether nothing but punctuation stands beside the quotation in its paragraph."""
    start = text.rfind("\n", 0, quoted.start) + 1
    end = text.find("\n", quoted.end)
    end = len(text) if end == -1 else end
    outside = text[start:quoted.start] + text[quoted.end:end]
    return not any(c.isalnum() for c in outside)


def _joined_pieces(found: list[Found], text: str) -> list[Found]:
    """'“We stand ready,” he said, “to help.”': one sentence quoted in two pieces around its
    attribution is one quotation (content from the first piece to the last)."""
    ordered = _ordered(found)
    result: list[Found] = []
    for item in ordered:
        last = result[-1] if result else None
        if last is not None and _second_piece(last, item, text):
            last.content = (last.content[0], item.content[1])
            continue
        result.append(item)
    return result


def _second_piece(first: Found, second: Found, text: str) -> bool:
    if first.kind != "direct" or second.kind != "direct" or first.cue is None:
        return False
    if not (first.content[1] <= first.cue[0] and first.cue[1] <= second.content[0]):
        return False  # the attribution stands between the pieces
    if second.cue not in (None, first.cue) and second.speaker is not first.speaker:
        return False
    between = text[first.content[1]:second.content[0]]
    if "\n" in between or len(between) > MAX_ATTRIBUTION_GAP or any(
            c in between for c in ".!?;:"):
        return False
    return text[first.content[0]:first.content[1]].rstrip()[-1:] not in ".!?"


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
    return _one_per_statement(kept)


def _one_per_statement(found: list[Found]) -> list[Found]:
    """Two readings of one statement ("disputes the idea that …" and "the idea that …", a
    quotation and a cue inside it) are one quotation: of two that mostly overlap with the
    same speaker (or one without), the longer, or the direct one, stays."""
    ranked = sorted(found, key=lambda f: (f.kind != "direct", -(f.content[1] - f.content[0])))
    kept: list[Found] = []
    for item in ranked:
        if not any(_same_statement(item, other) for other in kept):
            kept.append(item)
    return kept


def _same_statement(item: Found, other: Found) -> bool:
    overlap = min(item.content[1], other.content[1]) - max(item.content[0], other.content[0])
    shorter = min(item.content[1] - item.content[0], other.content[1] - other.content[0])
    if overlap <= 0 or overlap < 0.6 * shorter:
        return False
    a, b = item.speaker, other.speaker
    return a is None or b is None or a.i == b.i or a.lower_ == b.lower_


def _ordered(found: list[Found]) -> list[Found]:
    return sorted(found, key=lambda f: (f.content[0], f.content[1]))


# --- helpers ------------------------------------------------------------------------------


def _is_a_name(name: SpacySpan) -> bool:
    words = [t for t in name if not t.is_punct]
    if not words or len(words) > _TRANSCRIPT_MAX_NAME_TOKENS:
        return False
    if any(t.lower_ in _NOT_SPEAKERS for t in words) or any(
            t.ent_type_ in ("GPE", "DATE", "TIME") for t in words):
        return False  # "Jane Doe Image: …" is a caption credit
    return all(t.text[:1].isupper() for t in words) and all(t.pos_ in ("PROPN", "NOUN")
                                                            or t.text.isupper() for t in words)


def _paragraph_end(text: str, position: int) -> int:
    end = text.find("\n\n", position)
    end = len(text) if end == -1 else end
    while end > position and text[end - 1].isspace():
        end -= 1
    return end
