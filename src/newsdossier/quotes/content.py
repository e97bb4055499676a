"""What was said: the content a cue introduces, read from the parse of its sentence.

A reported statement is a proposition, so a content is one of

* a clause: a that-clause or reported clause ("said (that) the talks failed"), the clause a
  trailing or parenthetical cue reports ("The talks failed, the envoy said"), a clause after
  a colon, the passive clause of a cue with an agent ("The attack was claimed by the group");
* a small clause: an object and what is said of it — an infinitive ("urged the embassy to
  reconsider", "called for the bill to be dropped"), a predicate ("called the deal
  'void'", "described the vote as a farce"), a preposition the cue governs ("accused the
  police of lying", "attributed the blast to rebels");
* an infinitive or a noun phrase the cue takes as its object, for cues whose object is what
  was said ("vowed to fight", "claimed responsibility", "announced new curbs"); a bare noun
  phrase is given with its cue ("claimed responsibility"), since alone it says nothing.

Never a statement: the bare object of a cue that only names what the speaker is reacting to
(frame `target`: "condemned the attack"), an anaphoric noun phrase ("declined the request",
"spoke about the case"), a bare name, a participial or adverbial opener ("Speaking on
Monday, ..."), a relative clause describing a speech noun ("the speech, which was delivered
in Tehran").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..datelines import in_dateline
from .cues import Cue
from .people import looks_like_people

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

Range = tuple[int, int]
IsCue = Callable[["Token"], bool]

CLAUSE_DEPS = ("ccomp", "parataxis")
_SUBJECTS = ("nsubj", "nsubjpass", "expl", "csubj")
# Subordinators that make an adverbial clause a circumstance, not what was said ("While
# trade grows, the union announced ...", "After the hearing, the Senate found ...").
_CIRCUMSTANCE_MARKS = frozenset({
    "while", "because", "if", "after", "before", "when", "whenever", "as", "since", "although",
    "though", "unless", "until", "once", "whereas", "despite", "so", "for", "where",
})
_COMPLEMENT_MARKS = frozenset({"if", "whether", "as"})  # "asked if …" is what was asked
# Determiners and possessives that make "the/this/its + noun" point back to something named
# before rather than state anything ("declined the request", "spoke about the case").
_ANAPHORIC_DETERMINERS = frozenset({
    "the", "this", "that", "these", "those", "its", "their", "his", "her", "our", "my", "your",
    "such",
})
# Objects that make "denied X" the denial of a claim ("denied responsibility") rather than
# the rejection of a thing ("rejected the plan"); "the accusation" points back to one.
CLAIM_WORDS = frozenset({"claim", "allegation", "accusation", "charge", "report", "story",
                         "assertion", "suggestion", "rumour", "rumor", "it", "this", "that",
                         "responsibility", "involvement", "wrongdoing", "role", "knowledge",
                         "link", "blame", "culpability", "guilt", "complicity", "existence",
                         "presence", "participation", "account"})
_PREDICATE_PREPOSITIONS = ("as", "for")  # "rejected it as a plot", "praised them for acting"


# --- spans ---------------------------------------------------------------------------------


def token_range(tokens: list[Token]) -> Range:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _trim(tokens: list[Token]) -> list[Token]:
    """Edge punctuation and spaces off, quotation marks kept (a direct quote's marks), and
    the closing mark of a quoted fragment the parser hung elsewhere taken in ('called it “a
    plot”')."""
    while tokens and (tokens[0].is_punct or tokens[0].is_space) and tokens[0].text not in "“\"":
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space or tokens[-1].dep_ == "cc") and (
        tokens[-1].text not in "”\""
    ):
        tokens = tokens[:-1]  # "…, and": a coordinator left by a cut conjunct
    if tokens and _opening_marks(tokens) > 0:
        following = tokens[-1].i + 1
        doc = tokens[-1].doc
        if following < len(doc) and _is_closing(doc[following]):
            tokens = [*tokens, doc[following]]
    return tokens


def _is_closing(token: Token) -> bool:
    return token.text in ("”", "''") or (token.text == '"' and token.tag_ == "''")


def _opening_marks(tokens: list[Token]) -> int:
    """Opening quotation marks not closed inside the tokens."""
    count = 0
    for token in tokens:
        if token.text in ("“", "``") or (token.text == '"' and token.tag_ == "``"):
            count += 1
        elif _is_closing(token):
            count = max(0, count - 1)
    return count


def subtree_range(token: Token, skip: Token | None = None,
                  is_cue: IsCue | None = None) -> Range | None:
    """A token's subtree as a character range, trimmed of edge punctuation; without `skip`'s
    subtree when it sits at an edge (", officials said") and without a conjoined clause that
    is another speaker's statement ("X said A, and several said B": not B)."""
    cut = _other_statements(token, is_cue) if is_cue is not None else set()
    tokens = [t for t in token.subtree if t.i not in cut and not in_dateline(t) and (
        skip is None or not (skip.left_edge.i <= t.i <= skip.right_edge.i))]
    tokens = _trim(tokens)
    return token_range(tokens) if tokens else None


def _other_statements(token: Token, is_cue: IsCue) -> set[int]:
    """Token indices of conjoined clauses, inside `token`'s subtree, headed by a cue with a
    subject of its own, and of the coordinator before each."""
    cut: set[int] = set()
    for inner in token.subtree:
        if inner.dep_ != "conj" or inner.i == token.i or not is_cue(inner):
            continue
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in inner.children):
            continue
        cut.update(t.i for t in inner.subtree)
        cut.update(c.i for c in inner.head.children
                   if c.dep_ in ("cc", "punct") and inner.head.i < c.i < inner.i)
    return cut


def _span_of(first: Token, last: Token) -> Range | None:
    doc = first.doc
    tokens = _trim(list(doc[first.i:last.i + 1]))
    return token_range(tokens) if tokens else None


# --- the clause of a cue ----------------------------------------------------------------------


def has_subject(verb: Token) -> bool:
    return any(c.dep_ in _SUBJECTS for c in verb.children)


def is_clause(span: Span) -> bool:
    """Whether a stretch of text is a clause: its root (a token whose head lies outside) is
    a verb with a subject or a "that" inside the stretch."""
    for token in span:
        if span.start <= token.head.i < span.end and token.head.i != token.i:
            continue
        if token.pos_ in ("VERB", "AUX") and any(
                span.start <= c.i < span.end and (
                    c.dep_ in _SUBJECTS or (c.dep_ == "mark" and c.lower_ == "that"))
                for c in token.children):
            return True
    return False


def is_circumstance(clause: Token) -> bool:
    """'While trade grows, …', 'Speaking on Monday, …': an adverbial clause that sets the
    scene (a subordinator other than "that", or a participle without a subject)."""
    if any(c.dep_ == "mark" and c.lower_ in _CIRCUMSTANCE_MARKS for c in clause.children):
        return True
    if clause.tag_ in ("VBG", "VBN") and not has_subject(clause):
        return True
    return clause.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to"
                                       for c in clause.children)


def clause_content(token: Token, is_cue: IsCue) -> Range | None:
    """A cue verb's reported clause: its complement clause (with a second "and that …"
    clause), the clause a trailing or parenthetical cue reports, a quotation's verb the
    parser hung under the cue."""
    for child in token.children:  # "noted that …", "tweeted at dawn that …" (any label)
        if child.i > token.i and child.dep_ in (*CLAUSE_DEPS, "advcl") and has_subject(child) and (
                child.left_edge.lower_ == "that" or (
                    child.dep_ == "advcl" and not is_circumstance(child))):
            return _with_second_clause(token, child, subtree_range(child, is_cue=is_cue),
                                       is_cue)
    after_first = sorted(token.children, key=lambda c: (c.i < token.i, c.i))
    for child in after_first:  # "X reached out to Y, however Y said he …": not X's words
        if child.dep_ in CLAUSE_DEPS and not any(
                c.dep_ == "mark" and c.lower_ in _CIRCUMSTANCE_MARKS - _COMPLEMENT_MARKS
                for c in child.children) and not (  # "declared an emergency so he could …"
                _set_apart(child, token, is_cue)):
            found = subtree_range(child, is_cue=is_cue)
            return _with_second_clause(token, child, found, is_cue)
    for child in token.children:
        if child.dep_ == "advcl" and child.i < token.i and not in_dateline(child) and not (
                is_circumstance(child) or _set_apart(child, token, is_cue)):
            return subtree_range(child, is_cue=is_cue)
    told = _told_that(token)
    if told is not None:
        return subtree_range(told, is_cue=is_cue)
    if trailing(token):
        return subtree_range(token.head, skip=token, is_cue=is_cue)  # "…, officials said"
    if parenthetical(token):
        return subtree_range(token.head, is_cue=is_cue)  # "A, reads the motion, B"
    if token.head.i > token.i and token.dep_ in ("ccomp", "csubj", "parataxis", "advcl") and (
            token.tag_ in ("VBD", "VBZ", "VBP") and has_subject(token)):
        after = [t for t in token.head.subtree if t.i > token.right_edge.i
                 and not (t.is_punct or t.is_space)]  # "X said parents want …" misparsed
        comma = after and any(t.text == "," for t in token.doc[token.right_edge.i:after[0].i])
        if after and not comma:  # not "Though they offer flights, the airlines are …"
            return token_range([after[0], after[-1]])
    return None


def _told_that(cue: Token) -> Token | None:
    """'told a meeting of leaders that few people understood …': a that-clause the parser
    took for a relative clause on the addressee (it has a subject of its own)."""
    for holder in _objects(cue):
        for inner in holder.subtree:
            if inner.dep_ != "relcl" or inner.i < holder.i:
                continue
            first = inner.left_edge
            if first.lower_ == "that" and first.dep_ == "mark" and any(
                    c.dep_ in ("nsubj", "nsubjpass") and c.lower_ != "that"
                    for c in inner.children):
                return inner
    return None


def _set_apart(clause: Token, cue: Token, is_cue: IsCue) -> bool:
    """A clause the parser hung on the cue that is not its content: one before it and closed
    by a semicolon or a paragraph break ("The war has gone on for years; the group wants
    …"), or another attribution set beside it ("“…,” X said. Y said …")."""
    if clause.dep_ == "parataxis" and is_cue(clause) and has_subject(clause):
        return True
    if clause.i > cue.i:
        return False
    if any(o.i > cue.i and not looks_like_people(o) for o in _objects(cue)):
        return True  # "In a release, the ministry denounced the summit": not "…, he said"
    if is_circumstance(clause) and not in_dateline(clause):
        return True  # "Writing for the paper, X noted that …"
    return any(t.text == ";" or "\n" in t.text for t in cue.doc[clause.right_edge.i + 1:cue.i])


def _with_second_clause(cue: Token, clause: Token, found: Range | None,
                        is_cue: IsCue) -> Range | None:
    """'announced that A, and that B': the parser hangs B on the cue, not on A."""
    if found is None:
        return None
    for conj in cue.children:
        if conj.dep_ == "conj" and conj.i > clause.i and any(
                c.dep_ == "mark" and c.lower_ == "that" for c in conj.children):
            second = subtree_range(conj, is_cue=is_cue)
            if second is not None:
                return found[0], max(found[1], second[1])
    return found


def _set_off(token: Token) -> tuple[bool, bool]:
    """Whether the cue's own phrase has a comma (or a closing quotation mark or dash)
    right before it and one right after it."""
    clauses = {t.i for c in token.children if c.dep_ in ("advcl", "ccomp", "parataxis")
               and c.i < token.i for t in c.subtree}  # "Because …, reads the motion, …"
    words = [t for t in token.subtree if not t.is_punct and t.i not in clauses]
    left, right = min(t.i for t in words), max(t.i for t in words)
    doc = token.doc
    before = left > 0 and (doc[left - 1].text in (",", "”", "''", "—", "–") or (
        doc[left - 1].text == '"' and doc[left - 1].tag_ == "''"))  # a closing mark only
    after = right + 1 < len(doc) and doc[right + 1].text in (",", "—", "–")
    return before, after


def trailing(token: Token) -> bool:
    """'Rebels attacked the town, officials said', 'The bomb was placed in a market, stated
    the minister': a finite cue after its content, set off by a comma, that the parse hangs
    under the content's verb."""
    if token.dep_ not in ("parataxis", "ccomp", "advcl", "conj") or token.head.i > token.i:
        return False
    if is_circumstance(token):
        return False  # "…, as they offer flights": a subordinate clause, not an attribution
    if token.tag_ in ("VBG", "VBN", "TO") or (token.dep_ == "conj" and (
            has_subject(token) or token.tag_ not in ("VBD", "VBZ", "VBP"))):
        return False  # "…, claiming …", "… and the minister said …": not an attribution
    return _set_off(token)[0]


def parenthetical(token: Token) -> bool:
    """'Because only Congress may spend, reads the motion, the order is void': a cue set off
    by commas inside the clause it reports."""
    if token.dep_ not in ("parataxis", "ccomp", "advcl") or token.head.i < token.i:
        return False
    before, after = _set_off(token)
    return before and after and token.tag_ not in ("VBG", "VBN")


def colon_content(token: Token) -> Range | None:
    """'He said: the talks are over' — everything after the colon."""
    following = [t for t in token.sent if t.i > token.i]
    if len(following) < 2 or following[0].text != ":":
        return None
    words = [t for t in following[1:] if not (t.is_punct or t.is_space)]
    return token_range([words[0], words[-1]]) if words else None


def passive_content(token: Token) -> Range | None:
    """'The attack was claimed by the group': the passive clause itself, agent included —
    the statement is that the group claimed the attack."""
    if not any(c.dep_ == "auxpass" for c in token.children):
        return None
    if not any(c.dep_ == "agent" for c in token.children):
        return None
    subject = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
    if subject is None or subject.i > token.i:
        return None
    parts = [c for c in token.children if c.i > token.i and c.dep_ not in (
        "conj", "cc", "punct", "advcl", "parataxis", "ccomp")]
    last = max((c.right_edge for c in parts), key=lambda t: t.i, default=token)
    return _span_of(subject.left_edge, last)


# --- objects ------------------------------------------------------------------------------


def _objects(token: Token) -> list[Token]:
    return [c for c in token.children if c.dep_ in ("dobj", "obj") and not in_dateline(c)]


def _infinitive(token: Token, after: int) -> Token | None:
    """The cue's infinitive or subjunctive complement after position `after`."""
    for child in token.children:
        if child.i <= after:
            continue
        if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX"):
            return child
        if child.dep_ in ("ccomp", "advcl") and child.tag_ == "VB" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            return child  # "asked the court to …" hung as advcl
    return None


def controlled_content(token: Token, particle: str | None, is_cue: IsCue) -> Range | None:
    """'urged the embassy to reconsider', 'called on Turkey to halt', 'called for the bill
    to be dropped': the object and what it is asked, told or expected to do."""
    holders = _objects(token)
    if particle is not None:
        holders += [c for p in token.children if p.dep_ == "prep" and p.lower_ == particle
                    for c in p.children if c.dep_ == "pobj"]
    for holder in holders:
        verb = _infinitive(token, holder.i)
        if verb is not None:
            found = subtree_range(verb, is_cue=is_cue)
            if found is None:
                continue
            more = [c.right_edge for c in token.children if _continues(c, verb)]
            if more:
                return _span_of(holder.left_edge, max(more, key=lambda t: t.i))
            return holder.left_edge.idx, found[1]
    if particle is not None:
        for child in token.children:  # "called for the bill to be dropped"
            mark = next((c for c in child.children if c.dep_ == "mark"
                         and c.lower_ == particle), None)
            if mark is not None and child.dep_ in ("advcl", "ccomp", "xcomp") and (
                    mark.i == token.i + 1):
                cut = _other_statements(child, is_cue) | {mark.i}
                return _without_mark([t for t in child.subtree if t.i not in cut])
    return None


def _continues(conj: Token, infinitive: Token) -> bool:
    """'urged locals to assist the police and “deny terrorism any victory”': a bare verb
    the parser conjoined to the cue continues the infinitive."""
    return conj.dep_ == "conj" and conj.i > infinitive.i and conj.tag_ == "VB" and (
        not has_subject(conj))


def _without_mark(tokens: list[Token]) -> Range | None:
    tokens = _trim(tokens)
    return token_range(tokens) if tokens else None


def predicate_content(token: Token, frame: str = "any") -> Range | None:
    """'called the deal "null and void"', 'described the vote as a farce', 'praised the
    police for acting', 'reported the attack the deadliest': the object and what is said of
    it ("for" only with a cue that can take an object: not "continued his bid for months")."""
    for holder in _objects(token):
        reasons = _PREDICATE_PREPOSITIONS if frame != "clause" else ("as",)
        ends = [c.right_edge for c in token.children if c.i > holder.i and (
            c.dep_ in ("oprd", "acomp") or (c.dep_ == "npadvmod" and c.pos_ == "ADJ") or (
                c.dep_ == "prep" and c.lower_ in reasons))]
        ends += [c.right_edge for c in holder.children if c.dep_ == "prep" and (
            c.lower_ == "as")]  # "described the attacks as …" hung on the object
        if ends:
            last = max(ends, key=lambda t: t.i)
            for child in token.children:  # "reported the attack the deadliest since 2018"
                if child.dep_ == "prep" and child.i == last.i + 1:
                    last = child.right_edge
            return _span_of(holder.left_edge, last)
    return None


def prep_content(token: Token, preposition: str) -> Range | None:
    """'accused the police of lying', 'attributed the blast to rebels', 'complained about
    the delays': the object of the cue's preposition, with the cue's own object before it;
    a bare noun phrase with the cue."""
    objects = _objects(token)
    for holder in [token, *objects]:
        for child in holder.children:
            if child.dep_ != "prep" or child.lower_ != preposition:
                continue
            inner = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            if inner is None:
                continue
            before = [o for o in objects if o.i < child.i]
            if before:
                return _span_of(before[0].left_edge, inner.right_edge)
            if inner.dep_ == "pcomp" or inner.pos_ in ("VERB", "AUX"):
                return subtree_range(inner)
            return noun_phrase_content(token, inner)
    return None


def phrasal_content(token: Token, particle: str, is_cue: IsCue) -> Range | None:
    """'called for a repeal', 'pointed to reports that …': the object of the cue's own
    preposition, with a purpose clause after it ("called for action to end the war")."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == particle:
            inner = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            if inner is None:
                continue
            if inner.dep_ == "pcomp" or inner.pos_ in ("VERB", "AUX"):
                return subtree_range(inner, is_cue=is_cue)
            found = noun_phrase_content(token, inner)
            purpose = _infinitive(token, inner.right_edge.i)
            if found is not None and purpose is not None and (
                    purpose.left_edge.i <= inner.right_edge.i + 2):
                extended = subtree_range(purpose, is_cue=is_cue)
                if extended is not None:
                    return found[0], max(found[1], extended[1])
            return found
    return None


def object_content(token: Token, is_cue: IsCue, noun_phrases: bool = True,
                   claims_only: bool = False) -> Range | None:
    """'vowed to fight', 'claimed responsibility', 'announced new curbs on imports'."""
    verb = _infinitive(token, token.i)
    if verb is not None and not _objects(token):
        return subtree_range(verb, is_cue=is_cue)
    if not noun_phrases:
        return None
    for holder in _objects(token):
        if holder.i > token.i:
            return noun_phrase_content(token, holder, claims_only)
    return None


def split_clause_content(token: Token) -> Range | None:
    """'announced the new region, to be called X, would govern itself': an object the parser
    cut from its own verb — a finite predicate right after it with no subject of its own."""
    for holder in _objects(token):
        after = holder.right_edge.i + 1
        doc = token.doc
        while after < len(doc) and doc[after].text == ",":
            after += 1
        if after >= len(doc) or doc[after].sent != token.sent:
            continue
        first = doc[after]
        verb = first if first.pos_ in ("VERB", "AUX") and first.dep_ not in ("aux", "auxpass") \
            else first.head
        finite = first.is_alpha and first.tag_ in ("VBZ", "VBD", "VBP", "MD")
        if not finite or verb.pos_ not in ("VERB", "AUX") or has_subject(verb):
            continue
        if verb.i < first.i or verb in token.ancestors or verb.i == token.i:
            continue
        last = max((t for t in verb.subtree if t.i >= first.i), key=lambda t: t.i)
        for sibling in verb.head.children:  # "is unconstitutional and violated …"
            if sibling.dep_ == "conj" and sibling.i > last.i and not has_subject(sibling) and (
                    sibling.pos_ in ("VERB", "AUX")):
                last = sibling.right_edge
        return _span_of(holder.left_edge, last)
    return None


# --- noun phrases -------------------------------------------------------------------------


def says_something(phrase: Token, claims_only: bool = False) -> bool:
    """Whether a noun phrase object can be the substance of a statement: not a pronoun, not
    a bare name ("blamed Iran"), not an anaphoric "the/this/its + noun" with nothing more
    ("declined the request"); for a denial, only a claim ("denied involvement", not "denied
    funding")."""
    if phrase.pos_ == "PRON":
        return False
    if claims_only:
        return phrase.lemma_.lower() in CLAIM_WORDS
    words = [t for t in phrase.subtree if not (t.is_punct or t.is_space)]
    if all(t.pos_ in ("PROPN", "DET") or t.tag_ == "POS" for t in words):
        return False
    if phrase.lemma_.lower() in CLAIM_WORDS:
        return True  # "rejected the accusation": a claim answered
    modifiers = [c for c in phrase.children if not c.is_punct]
    return not all(c.dep_ in ("det", "poss") and c.lower_ in _ANAPHORIC_DETERMINERS
                   for c in modifiers)


def noun_phrase_content(cue: Token, phrase: Token, claims_only: bool = False) -> Range | None:
    """A noun phrase as what was said, with its cue ("claimed responsibility"); None when it
    says nothing of its own."""
    if not says_something(phrase, claims_only):
        return None
    tokens = [t for t in phrase.subtree if not (t.dep_ == "relcl" and t.head.i == phrase.i)]
    end = _trim(tokens)
    if not end:
        return None
    start = min(cue.i, end[0].i)
    return _span_of(cue.doc[start], end[-1])


# --- nouns --------------------------------------------------------------------------------


def is_relative_clause(clause: Token) -> bool:
    """'the speech, which was delivered in Tehran': a clause with a relative pronoun, which
    describes the noun instead of giving what was said ("the claim that …")."""
    return any(c.tag_ in ("WDT", "WP", "WP$", "WRB") or (
        c.lower_ == "that" and c.dep_ != "mark") for c in clause.children)


def noun_clause_content(noun: Token, is_cue: IsCue) -> Range | None:
    """'the claim that …', 'a statement saying …', 'their demand is that …'."""
    for child in noun.children:
        if child.dep_ not in ("acl", "ccomp", "appos", "relcl") or child.pos_ not in (
                "VERB", "AUX"):
            continue
        if child.dep_ == "relcl" and (child.i < noun.i or is_relative_clause(child)):
            continue
        if child.dep_ == "acl" and not has_subject(child) and (
                child.tag_ == "VBN" or is_cue(child)):
            continue  # "a statement read on television" says nothing, "a statement saying …"
            # has the participle for its cue
        return subtree_range(child, is_cue=is_cue)
    verb = noun.head
    if noun.dep_ == "nsubj" and verb.lemma_ in ("be", "include") and verb.i > noun.i:
        wanted = ("dobj",) if verb.lemma_ == "include" else ("ccomp",)
        complement = next((c for c in verb.children if c.i > verb.i and c.dep_ in wanted),
                          None)  # "their demands include …", "her view is that …"
        if complement is not None:
            return subtree_range(complement, is_cue=is_cue)
    return None


def noun_phrase_statement(noun: Token) -> Range | None:
    """'Statements of condemnation have come from X': the speech noun's own phrase, when it
    names what was said with "of"."""
    if not any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
        return None
    tokens = [t for t in noun.subtree if not any(
        a.dep_ == "relcl" and a.head.i == noun.i for a in [t, *t.ancestors]
        if a.i in range(noun.left_edge.i, noun.right_edge.i + 1))]
    tokens = [t for t in _trim(tokens) if t.tag_ not in ("DT",) or t.i > noun.left_edge.i]
    tokens = _trim(tokens)
    return token_range(tokens) if tokens else None


def verb_content(token: Token, cue: Cue, is_cue: IsCue) -> Range | None:
    """The content of a cue verb, by its frame (see cues.tsv)."""
    frame = cue.frame
    predicated = any(c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as")
                     for c in token.children)  # "was identified as X by Y"
    if (frame in ("object", "any") or (frame == "target" and predicated)) and not any(
            c.dep_ in CLAUSE_DEPS for c in token.children):
        passive = passive_content(token)  # not "the case was heard by ten judges"
        if passive is not None:
            return passive
    if cue.particle is not None:
        found = controlled_content(token, cue.particle, is_cue) or phrasal_content(
            token, cue.particle, is_cue)
        if found is not None:
            return found
    if frame.startswith("prep:"):
        return prep_content(token, cue.preposition or "")
    if frame != "object":
        found = clause_content(token, is_cue)
        if found is not None:
            return found
    if frame == "clause" and token.pos_ in ("VERB", "AUX"):
        found = colon_content(token)
        if found is not None:
            return found
    found = controlled_content(token, None, is_cue) or predicate_content(token, frame) or (
        split_clause_content(token))
    if found is not None or frame == "clause":
        return found
    if frame == "target":
        return propositional_object(token, is_cue)
    return object_content(token, is_cue, noun_phrases=frame != "infinitive",
                          claims_only=cue.stance == "denies")


def propositional_object(token: Token, is_cue: IsCue) -> Range | None:
    """'praised Ms Lee's plan to cut taxes', 'attacked loopholes that benefit the rich',
    'welcomed the allegation': an object that carries a proposition of its own (a clause
    inside it, or a claim), which is what a reaction is about; a bare object ("condemned
    the attack") says nothing."""
    for holder in _objects(token):
        if holder.i < token.i or holder.pos_ == "PRON":
            continue
        own = [*holder.children, *(g for c in holder.children if c.dep_ == "prep"
                                   for g in c.children)]  # not inside an apposition
        if holder.lemma_.lower() in CLAIM_WORDS or any(
                t.pos_ in ("VERB", "AUX") and t.dep_ in ("relcl", "acl", "pcomp", "ccomp")
                and t.left_edge.pos_ != "ADP" for t in own):
            return noun_phrase_content(token, holder)  # not "the deal under which …"
    return None
