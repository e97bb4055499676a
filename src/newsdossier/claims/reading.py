"""How a claim stands toward its proposition, read from the verb that reports it, the sentence
that frames it and its own words (the quotes stage gives the cue's stance; this reads it in
context):

* a neutral verb of claiming ("claimed responsibility", "claimed 190 were dead") asserts;
  it alleges only when what is claimed is an accusation;
* an accusation: a proposition that reports an allegation ("alleged ties", "allegations of
  torture"), that charges a party the sentence names with wrongdoing ("the Cuban government's
  repression", "a violation of Iraqi sovereignty" by the attack's author), or that has a party
  other than the speaker carry out violence ("the Houthis have attacked journalists");
* the frame: "agreed, saying …" supports, "denounced …, calling …" disputes — a participle of
  saying takes the stance of the verb it hangs on; "I strongly reject …" in the speaker's own
  words takes the stance of that verb; a negated verb of finding ("did not find that …")
  disputes; disapproval ("was disappointed by …", "gave a different account") disputes.

The words come from the claim word table (data/claims/words.tsv): the `claiming`,
`alleging`, `denying`, `disputing`, `supporting` and `finding` verbs, the `allegation`,
`wrongdoing` and `disapproves` wordings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Actor, Event

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..events.arguments import ActorIndex
    from .words import ClaimWords

VERB_STANCES = {"alleging": "alleges", "denying": "denies", "disputing": "disputes",
                "supporting": "supports"}
VIOLENT_TYPES = frozenset({"ASSAULT", "COERCE"})
NEGATORS = frozenset({"not", "n't", "no", "never", "without", "nothing", "cannot"})
FIRST_PERSON = frozenset({"i", "we"})
_NEGATION_REACH = 3  # tokens before a word that can negate it ("did not find", "no sign of")
_MAX_CHARGE_CLIMB = 6
_OPENING_TOKENS = 6  # "I strongly reject …": the stance verb opens the quotation
# Passives that say something of their subject: "forces were involved in the protests".
STATIVE_CHARGES = frozenset({"involve", "implicate", "engage"})
# Objects that make a denial verb deny a claim ("denied responsibility") rather than reject a
# thing ("rejected the plan").
CLAIM_OBJECTS = frozenset({"claim", "allegation", "accusation", "charge", "report", "story",
                           "assertion", "suggestion", "rumour", "rumor", "it", "this", "that",
                           "responsibility", "involvement", "wrongdoing", "role", "link",
                           "blame", "culpability", "guilt", "complicity", "existence",
                           "participation", "account", "conclusion", "finding"})


def span_of(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def cue_token(doc: Doc, cue: tuple[int, int] | None) -> Token | None:
    if cue is None:
        return None
    span = span_of(doc, *cue)
    return span.root if span is not None and len(span) else None


def verb_stance(token: Token, words: ClaimWords) -> str | None:
    """The stance a stance verb gives its complement: "rejected the claim" denies,
    "rejected the plan" disputes, "agreed" supports, "blamed" alleges."""
    lemma = token.lemma_.lower()
    for role, stance in VERB_STANCES.items():
        if words.lemma_has(lemma, role):
            if stance == "denies" and not _claim_object(token):
                return "disputes"
            return stance
    return None


def _claim_object(verb: Token) -> bool:
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
    if obj is None:
        return any(c.dep_ == "ccomp" for c in verb.children)  # "denied that …"
    return obj.lemma_.lower() in CLAIM_OBJECTS


def is_negated(token: Token) -> bool:
    """A token negated by its own or its head's "not" / "never" ("did not find", "never
    accepted"), or by a negator just before it ("no evidence of abuse")."""
    for node in (token, token.head):
        if any(c.dep_ == "neg" for c in node.children) or any(
                n.dep_ == "neg" for c in node.children if c.dep_ in ("aux", "auxpass")
                for n in c.children):  # "had not, as of yesterday, announced"
            return True
        if node.dep_ not in ("aux", "auxpass", "xcomp", "amod", "compound", "pobj"):
            break
    doc = token.doc
    start = max(token.sent.start, token.i - _NEGATION_REACH)
    return any(t.lower_ in NEGATORS for t in doc[start:token.i])


def framing_stance(cue: Token, words: ClaimWords) -> str | None:
    """'Hataman agreed, saying …', 'the ministry denounced the summit, calling …': a verb of
    saying in a participle clause takes the stance of the verb it hangs on."""
    if cue.tag_ != "VBG" or cue.dep_ not in ("advcl", "xcomp", "conj"):
        return None
    head = cue.head
    if head.i == cue.i or head.pos_ not in ("VERB", "AUX") or is_negated(head):
        return None
    return verb_stance(head, words)


def own_words_stance(content: Span, words: ClaimWords) -> str | None:
    """'"I strongly reject the new measure …"': the speaker's own first-person stance verb,
    opening what is quoted."""
    opening = [t for t in content[:_OPENING_TOKENS] if t.pos_ == "VERB"]
    for verb in opening:
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lower_ in FIRST_PERSON:
            return None if is_negated(verb) else verb_stance(verb, words)
    return None


def negated_finding(cue: Token, words: ClaimWords) -> bool:
    """'The inquiry did not find that the company broke the law': no finding, a dispute."""
    return words.lemma_has(cue.lemma_.lower(), "finding") and is_negated(cue)


def disapproves(sentence: Span, content: tuple[int, int], words: ClaimWords) -> bool:
    """'was disappointed by the decision', 'gave a different account': disapproval in the
    words that frame a statement, or in the statement itself."""
    start = sentence.start_char
    return any(not _hit_negated(sentence, start + hit.start)
               for hit in words.find(sentence.text, "disapproves"))


def accuses(doc: Doc, content: tuple[int, int], claimant: Actor | None, actors: list[Actor],
            events: list[Event], words: ClaimWords, claimed: bool = False,
            index: ActorIndex | None = None) -> bool:
    """Whether a proposition is an accusation (see the module's docstring); the violence of
    another party makes one only when it is claimed ("claimed the army had shelled …"), not
    when it is reported ("officials reported 150 soldiers killed")."""
    span = span_of(doc, *content)
    if span is None or not len(span):
        return False
    text, start = span.text, span.start_char
    if any(not _hit_negated(span, start + hit.start) for hit in words.find(text, "allegation")):
        return True
    for hit in words.find(text, "wrongdoing"):
        word = _token_at(span, start + hit.start)
        if word is None or is_negated(word):
            continue
        for charged in _charged(word):
            if _other_party(charged, claimant, actors, events, index):
                return True
    return claimed and any(_violence_by_other(event, content, claimant) for event in events)


def _token_at(span: Span, position: int) -> Token | None:
    return next((t for t in span if t.idx <= position < t.idx + len(t)), None)


def _hit_negated(span: Span, position: int) -> bool:
    token = _token_at(span, position)
    return token is not None and is_negated(token)


def _charged(word: Token) -> list[Token]:
    """Who a word of wrongdoing is said of: its possessor ("the government's repression"),
    what an "as" phrase or a copula describes ("characterized the attack as a violation",
    "the group are the perpetrators"), the doer of the clause it is in ("the authorities
    chose to suppress protests", "protesters were sent by the government")."""
    found: list[Token] = []
    node = word
    for _ in range(_MAX_CHARGE_CLIMB):
        found += [c for c in node.children if c.dep_ == "poss"]
        if node.dep_ == "pobj" and node.head.lower_ == "as" and node.head.head.pos_ in (
                "VERB", "AUX"):
            verb = node.head.head
            found += [c for c in verb.children if c.dep_ in ("dobj", "obj")]
            return found
        if node.pos_ in ("VERB", "AUX"):
            found += _doers(node)
            if found or node.dep_ not in ("xcomp", "conj", "advcl", "relcl", "acl"):
                return found
        if node.dep_ in ("attr", "acomp") and node.head.pos_ in ("VERB", "AUX"):
            found += [c for c in node.head.children if c.dep_ in ("nsubj", "nsubjpass")]
            return found
        if node.head.i == node.i:
            return found
        node = node.head
    return found


def _doers(verb: Token) -> list[Token]:
    """The doer of a verb: the "by" agent of a passive (whose subject is the one done to),
    else its subject; through "chose to suppress" to the one who chose."""
    if any(c.dep_ == "auxpass" for c in verb.children):
        agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children
                  if p.dep_ == "pobj"]
        if agents or verb.lemma_.lower() not in STATIVE_CHARGES:
            return agents
        return [c for c in verb.children if c.dep_ == "nsubjpass"]  # "were involved in"
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if not subjects and verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i:
        return _doers(verb.head)
    return subjects


def _other_party(charged: Token, claimant: Actor | None, actors: list[Actor],
                 events: list[Event], index: ActorIndex | None) -> bool:
    """A coded party within the charged phrase ("the agreement between Turkey and Libya")
    other than the claimant's own side, or an act it names that is not the claimant's
    own ("characterized the attack as a violation")."""
    low = charged.left_edge.idx
    high = charged.right_edge.idx + len(charged.right_edge)
    named = [e for e in events if low <= e.trigger.start < high]
    if any(e.type in VIOLENT_TYPES and not any(  # the claimant's own mention as the author
            same_side(a, claimant) and not _overlaps(a, claimant) for a in e.source)
           for e in named):
        return True  # is the parse's guess: "X characterized the attack as …" is not X's
    if not named and charged.lemma_.lower() in HOSTILE_ACT_NOUNS and not any(
            c.dep_ == "poss" and c.lower_ in ("our", "my") for c in charged.children):
        return True  # an act told with no doer ("the attack"): not the claimant's own
    inside = [a for a in actors if low <= a.start and a.end <= high]
    inside += [a for e in named for a in e.source]
    if index is not None:  # names the actor list missed ("between Turkey and Libya")
        inside += [a for t in charged.subtree if t.pos_ == "PROPN" and t.i not in index.by_token
                   and t.ent_type_ in ("GPE", "NORP", "LOC")
                   and (a := index.place_actor(t)) is not None]
    return any(party(a) and not _overlaps(a, claimant) and not same_side(a, claimant)
               for a in inside)


HOSTILE_ACT_NOUNS = frozenset({
    "attack", "strike", "airstrike", "raid", "bombing", "killing", "shooting", "shelling",
    "invasion", "assault", "arrest", "crackdown", "detention", "assassination", "incursion",
    "blockade", "occupation", "execution"})


def _violence_by_other(event: Event, content: tuple[int, int],
                       claimant: Actor | None) -> bool:
    if event.type not in VIOLENT_TYPES or event.status in ("negated", "denied"):
        return False
    if not content[0] <= event.trigger.start < content[1]:
        return False
    return any(party(a) and not same_side(a, claimant) for a in event.source)


def party(actor: Actor) -> bool:
    return bool(actor.code) and actor.sector not in ("CVL", "UNK")


def _overlaps(actor: Actor, other: Actor | None) -> bool:
    return other is not None and actor.start < other.end and other.start < actor.end


def same_side(actor: Actor, other: Actor | None) -> bool:
    """Two actors of one side: one code, or one country and no conflicting sector."""
    if other is None:
        return False
    if actor.code and actor.code == other.code:
        return True
    if actor.country and actor.country == other.country:
        return actor.sector is None or other.sector is None or actor.sector == other.sector
    return False


