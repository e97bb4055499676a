"""The "statements" stage: accusations and condemnations told in what people say.

A minister who says that a government "is lying", "treats the rule of law with contempt",
"has chosen to suppress protests in a grossly unlawful way", or that a group "are the
suspected perpetrators", accuses them, though no verb "accuse" is there; event data codes
the saying (PLOVER ACCUSE: CAMEO 112 accuse, 111 criticize or denounce). For each quotation
with a speaker, this stage looks in its content for

* words of wrongdoing or condemnation (`data/events/accusations.tsv`: "lie", "violation",
  "perpetrator", "unlawful" → 112; "contempt", "disgraceful", "lousy" → 111), and finds
  whom each is about from the parse: the subject of the clause it is said of ("Trump
  treats the law with contempt", "the group are the perpetrators", "they are lying"), the
  possessor or agent of the noun ("the government's repression", "repression by the
  army"), the noun an adjective qualifies ("an illegal blockade by Cuba");
* for a cue of accusation ("claimed", "alleged", "blamed"): the doer of the content's main
  verb ("claimed violent protesters were sent by the government" → the government). A
  neutral cue ("said", "reported", "noted") telling what a party did is a report of that
  act, not an accusation: "Police reported the attacker fled", "the SDF said fighters
  escaped after Turkish airstrikes" (readers judged such accusations wrong, and the
  whole-article and PLOVER dev sets lose nothing without them);

and adds one ACCUSE event from the speaker to that party (the cue is the trigger when it
is in the same sentence, else the accusing word), unless the sentence already codes an
accusation, rejection or request by the speaker. Events with no party to accuse, or only
the speaker's own side, are not made.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .. import registry
from ..language import skip_unless_english
from ..model import Actor, Event, Quote, Span
from ..tables import table_sources
from .arguments import (
    ActorIndex,
    agent_of,
    child_with,
    is_implied_agent,
    prep_object,
    verb_subject,
)
from .consolidate import governing_verb, trigger_token
from .frames import STATE_SECTORS, same_party
from .triggers import CHARACTERISING_VERBS, UNDERGOING_VERBS

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from ..actors import ActorResolver
    from ..model import Record
    from ..settings import Settings

KINDS = {"alleges": "112", "criticises": "111"}
ACCUSING_STANCES = frozenset({"alleges"})
# A sentence that already codes one of these by the speaker says what it says.
STATEMENT_TYPES = frozenset({"ACCUSE", "REJECT", "REQUEST", "THREATEN", "SUPPORT"})
HOSTILE_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "THREATEN", "MOBILIZE"})
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
CONFIDENCE = 0.5
# Verbs that call an act something: with a word of wrongdoing, a criticism.
# Verbs that say what an act is, and the two that condemn it so ("denounced the raid as").
CHARACTERISING = CHARACTERISING_VERBS | frozenset({"denounce", "condemn"})
MEDIA_SECTOR = "JRN"
UNIDENTIFIED = "UNK"  # "a bombing in Kabul killed 5": nobody named to accuse


def _characterised_party(act: Token, index: ActorIndex) -> list[Actor]:
    """Whom a characterisation judges when no coded event names a doer: a party called so
    itself ("branded the cleric a terrorist") or the owner of the thing called so ("called
    the minister's plan a disgrace")."""
    if act.ent_type_ in ("PERSON", "ORG", "NORP") or act.i in index.by_token:
        return [a for a in index.actors_for(act) if a.code or a.name]
    owner = child_with(act, ("poss",))
    return [a for a in index.actors_for(owner) if a.code or a.name]


class AccusationError(ValueError):
    """An accusation word table is malformed."""


class AccusationWords:
    """Lemma → kind ("alleges" | "criticises"), shipped rows then the user's."""

    def __init__(self, words: dict[str, str]) -> None:
        self.words = words

    def kind(self, token: Token) -> str | None:
        return self.words.get(token.lemma_.lower()) or self.words.get(token.lower_)

    @classmethod
    def load(cls, extra_files: Sequence[str | Path] = ()) -> AccusationWords:
        words: dict[str, str] = {}
        for name, lines in table_sources(["events/accusations.tsv"], extra_files,
                                         AccusationError):
            for number, line in enumerate(lines, start=1):
                if not line.strip() or line.startswith("#"):
                    continue
                parts = line.split("\t")
                if len(parts) < 2:
                    raise AccusationError(f"{name}:{number}: want lemma<TAB>kind")
                lemma, kind = parts[0].strip().lower(), parts[1].strip()
                if kind == "-":
                    words.pop(lemma, None)
                elif kind in KINDS:
                    words[lemma] = kind
                else:
                    raise AccusationError(f"{name}:{number}: kind {kind!r} is not one of "
                                          f"{', '.join(KINDS)} or -")
        return cls(words)


@dataclass(frozen=True)
class Accusation:
    word: Token | None  # the accusing word, or None for a cue of accusation
    cameo: str
    accused: list[Actor]


# --- whom an accusing word is about --------------------------------------------------------


def _clause_subject(token: Token) -> Token | None:
    """The subject of the clause a word is said of: its own, or that of the verb it
    depends on through an object, attribute or prepositional phrase."""
    node = token
    for _ in range(4):
        if node.pos_ in ("VERB", "AUX"):
            return agent_of(node) or verb_subject(node)
        if node.head.i == node.i:
            return None
        node = node.head
    return None


# Verbs by which a party reported on says or warns something itself.
INNER_SAYING = frozenset({"say", "warn", "tell", "state", "claim", "allege", "accuse",
                          "charge", "announce", "insist", "argue", "conclude"})


def _inner_speaker(tokens: SpacySpan, index: ActorIndex) -> Actor | None:
    """The party a reported content has speak in turn ("according to the paper, officials
    warned the ministry that …": the officials), or None."""
    root = _content_root(tokens)
    if root is None or root.lemma_.lower() not in INNER_SAYING or not any(
            c.dep_ in ("ccomp", "dobj") for c in root.children):
        return None
    found = [a for a in index.actors_for(child_with(root, ("nsubj",))) if a.code or a.name]
    return found[0] if found else None


def _characterised_object(word: Token) -> Token | None:
    """The object a characterising verb says a word of ("called the decision a disgraceful
    betrayal of voters": the decision), or None."""
    label = word.head if word.dep_ == "amod" else word
    holder = label.head
    if label.dep_ == "pobj" and holder.lower_ == "as":
        holder = holder.head
    elif label.dep_ not in ("oprd", "appos"):
        return None
    verb = holder.head if holder.dep_ == "dobj" else holder
    if verb.lemma_.lower() not in CHARACTERISING or verb.pos_ != "VERB":
        return None
    return child_with(verb, ("dobj",))


def accused_of_word(word: Token, index: ActorIndex) -> list[Actor]:
    characterised = _characterised_object(word)
    if characterised is not None:  # the label's own words name no one accused
        return _characterised_party(characterised, index)
    if word.pos_ in ("VERB", "AUX"):
        return index.actors_for(agent_of(word) or verb_subject(word))
    if word.pos_ in ("NOUN", "PROPN"):
        owner = child_with(word, ("poss",)) or prep_object(word, "by")
        if owner is not None:
            return index.actors_for(owner)
        of = prep_object(word, "of")
        if of is not None and word.lemma_.lower() in ("perpetrator", "culprit", "mastermind"):
            return []  # "the perpetrators of the attack": the accused are the subject
    if word.pos_ == "ADJ" and word.dep_ == "amod":
        qualified = index.actors_for(word.head)
        if qualified:
            return qualified
        owner = child_with(word.head, ("poss",)) or prep_object(word.head, "by")
        if owner is not None:
            return index.actors_for(owner)
    return index.actors_for(_clause_subject(word))


def _content_tokens(doc: Doc, span: Span) -> SpacySpan | None:
    return doc.char_span(span.start, span.end, alignment_mode="expand")


def _content_root(tokens: SpacySpan) -> Token | None:
    verbs = [t for t in tokens if t.pos_ in ("VERB", "AUX") and
             (t.head.i < tokens.start or t.head.i >= tokens.end or t.head.i == t.i)]
    return verbs[0] if verbs else None


# --- the stage -------------------------------------------------------------------------------


class StatementsStage:
    name = "statements"

    def __init__(self, words: AccusationWords, resolver: ActorResolver) -> None:
        self.words = words
        self.resolver = resolver

    def __call__(self, doc: Doc, record: Record) -> None:
        if skip_unless_english(record, self.name):
            return
        first_person_is_the_speaker(doc, record)
        index = ActorIndex(doc, record.actors, self.resolver, record.article.text)
        made: list[Event] = []
        for quote in record.quotes:
            event = self._accusation_event(doc, record, index, quote, made)
            if event is not None:
                made.append(event)
        if doc.has_annotation("DEP"):
            made.extend(self._characterisations(doc, record, index, made))
        record.events.extend(made)
        record.events.sort(key=lambda e: (e.trigger.start, e.trigger.end))

    def _accusation_event(self, doc: Doc, record: Record, index: ActorIndex, quote: Quote,
                          made: list[Event]) -> Event | None:
        speaker = quote.speaker
        if speaker is None:
            return None
        tokens = _content_tokens(doc, quote.content)
        if tokens is None or not len(tokens):
            return None
        accusation = self._accusation(tokens, quote, index, record, [speaker])
        if accusation is None:
            return None
        trigger_token = self._trigger_token(doc, quote, accusation, tokens)
        sentence = trigger_token.sent
        if self._already_coded(record.events + made, sentence, speaker):
            return None
        text = record.article.text
        trigger = Span(trigger_token.idx, trigger_token.idx + len(trigger_token),
                       trigger_token.text)
        if quote.cue is not None and trigger_token.idx == quote.cue.start:
            trigger = quote.cue
        start, end = sentence.start_char, sentence.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        accuser = _inner_speaker(tokens, index)
        if accuser is not None and not same_party([accuser], accusation.accused):
            # "According to the Guardian, officials warned that …": the officials accuse,
            # on the paper's word
            return Event(id=f"s{len(made) + 1}", type="ACCUSE", cameo=accusation.cameo,
                         sentence=Span(start, end, text[start:end]), trigger=trigger,
                         source=[accuser], target=accusation.accused, status="reported",
                         date=None, confidence=CONFIDENCE, attributed_to=speaker)
        return Event(id=f"s{len(made) + 1}", type="ACCUSE", cameo=accusation.cameo,
                     sentence=Span(start, end, text[start:end]), trigger=trigger,
                     source=[speaker], target=accusation.accused, status="asserted",
                     date=None, confidence=CONFIDENCE)

    def _accusation(self, tokens: SpacySpan, quote: Quote, index: ActorIndex,
                    record: Record, speaker: list[Actor]) -> Accusation | None:
        for found in self._candidates(tokens, quote, index, record):
            accused = [a for a in found.accused if a.code and a.sector != UNIDENTIFIED
                       and not _own_side(a, speaker[0])]
            if accused:
                return Accusation(found.word, found.cameo, accused)
        return None

    def _candidates(self, tokens: SpacySpan, quote: Quote, index: ActorIndex,
                    record: Record) -> Iterator[Accusation]:
        for token in tokens:
            kind = self.words.kind(token)
            if kind is not None and not _negated(token):
                yield Accusation(token, KINDS[kind], accused_of_word(token, index))
        if quote.stance in ACCUSING_STANCES and _tells_a_wrong(quote, tokens, record):
            root = _content_root(tokens)
            # "claimed she had received threats": who underwent the wrong is not accused
            if root is not None and root.lemma_.lower() not in UNDERGOING_VERBS:
                yield Accusation(None, "112", index.actors_for(agent_of(root)))

    def _characterisations(self, doc: Doc, record: Record, index: ActorIndex,
                           made: list[Event]) -> list[Event]:
        """'The ministry characterized the attack as "a serious violation of Iraqi
        sovereignty"', 'branded the raid a war crime': calling an act a wrongdoing
        criticises whoever did it (ACCUSE 111; the doer when the act's event names one)."""
        found: list[Event] = []
        for verb in doc:
            if verb.lemma_.lower() not in CHARACTERISING or verb.pos_ != "VERB":
                continue
            act = child_with(verb, ("dobj",))
            label = prep_object(verb, "as") or child_with(verb, ("oprd",)) or (
                prep_object(act, "as") if act is not None else None) or (  # "as" on the act
                child_with(act, ("appos",)) if act is not None else None)  # parsed apposed
            if act is None or act.pos_ not in ("NOUN", "PROPN") or label is None or not any(
                    self.words.kind(t) for t in label.subtree):
                continue
            speakers = [a for a in index.actors_for(verb_subject(verb)) if a.code or a.name]
            if not speakers or self._already_coded(record.events + made + found,
                                                   _own_clause(verb), speakers[0]):
                continue
            doers = [a for e in record.events if e.trigger.start == act.idx
                     for a in e.source if a.code and not is_implied_agent(a, e.trigger)]
            if not doers:
                doers = _characterised_party(act, index)
            sentence = verb.sent
            found.append(Event(
                id=f"s{len(made) + len(found) + 1}", type="ACCUSE", cameo="111",
                sentence=Span(sentence.start_char, sentence.end_char,
                              record.article.text[sentence.start_char:sentence.end_char]),
                trigger=Span(verb.idx, verb.idx + len(verb), verb.text),
                source=speakers[:1], target=[a for a in doers if not same_party([a], speakers)],
                status="asserted", date=None, confidence=CONFIDENCE))
        return found

    @staticmethod
    def _trigger_token(doc: Doc, quote: Quote, accusation: Accusation,
                       tokens: SpacySpan) -> Token:
        word = accusation.word or tokens[0]
        if quote.cue is not None:
            cue = doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
            if cue is not None and len(cue) and cue[0].sent == word.sent:
                return cue[0]
        return word

    @staticmethod
    def _already_coded(events: list[Event], sentence: SpacySpan | tuple[int, int],
                       speaker: Actor) -> bool:
        start, end = sentence if isinstance(sentence, tuple) else (
            sentence.start_char, sentence.end_char)
        return any(start <= e.trigger.start < end and e.type in STATEMENT_TYPES
                   and same_party(e.source, [speaker]) for e in events)


def _own_clause(verb: Token) -> tuple[int, int]:
    """The characters of a verb's own clause, without the clauses joined to it ('described
    the attack as dastardly and urged locals to help': the urging is another act)."""
    tokens = [verb]
    for child in verb.children:
        if child.dep_ not in ("conj", "cc", "parataxis", "punct"):
            tokens.extend(child.subtree)
    last = max(tokens, key=lambda t: t.i)
    return min(t.idx for t in tokens), last.idx + len(last)


# Cues that accuse whatever they report ("alleged that the police beat him"); "claimed"
# accuses only when what it reports is a wrong ("claimed the army shelled the town") or
# says who was behind something ("claimed the protesters were sent by the government"), not
# "claimed the government has enough money".
ACCUSING_CUES = frozenset({"allege", "accuse", "charge", "blame"})


def _tells_a_wrong(quote: Quote, tokens: SpacySpan, record: Record) -> bool:
    cue = quote.cue.text.lower() if quote.cue is not None else ""
    if any(cue.startswith(word[:-1] if word.endswith("e") else word) for word in ACCUSING_CUES):
        return True
    root = _content_root(tokens)
    if root is not None and any(c.dep_ == "agent" for c in root.children):
        return True  # "claimed the protesters were sent by the government": who was behind it
    return any(quote.content.start <= e.trigger.start < quote.content.end
               and e.type in HOSTILE_TYPES and e.status != "negated" for e in record.events)


FIRST_PERSON = frozenset({"i", "we", "me", "us"})


def first_person_is_the_speaker(doc: Doc, record: Record) -> None:
    """'"I strongly reject the new measures," the minister said': an event told in the first
    person inside a quotation is the speaker's (and "us" its target)."""
    for event in record.events:
        if any(a.code for a in event.source) or event.background:
            continue  # "we condemn this attack": the attack is not the speaker's
        quote = next((q for q in record.quotes if q.speaker is not None
                      and (q.speaker.code or q.speaker.name)
                      and q.content.start <= event.trigger.start < q.content.end), None)
        if quote is None:
            continue
        token = trigger_token(doc, event.trigger)
        verb = governing_verb(token) if token is not None else None
        subject = verb_subject(verb) if verb is not None and verb.pos_ in ("VERB", "AUX") \
            else None
        if subject is not None and subject.lower_ in FIRST_PERSON:
            speaker = quote.speaker
            event.source = [replace(speaker, text=subject.text, start=subject.idx,
                                    end=subject.idx + len(subject),
                                    name=speaker.name or speaker.text)]


def _own_side(accused: Actor, speaker: Actor) -> bool:
    """The speaker's own side — but two people named differently are two parties even of
    one government ("the attorney general said President Trump treats the law with
    contempt")."""
    if accused.text.lower().startswith(("their ", "its ", "our ")):
        return True  # "acknowledged their military had shot down …": an admission
    if accused.country and accused.code == accused.country == speaker.country and (
            speaker.sector in STATE_SECTORS):
        return True  # "'The Kingdom deeply regrets this error,' its president said"
    if accused.name and speaker.name and accused.name != speaker.name:
        return False
    if not accused.name and accused.country and accused.country == speaker.country and (
            accused.sector in STATE_SECTORS and speaker.sector in STATE_SECTORS):
        return True  # officials telling of their own state's forces
    return same_party([accused], [speaker])


def _negated(token: Token) -> bool:
    node = token if token.pos_ in ("VERB", "AUX") else token.head
    return any(c.dep_ == "neg" for c in node.children)


@registry.stages.register("statements")
def make_statements_stage(settings: Settings, nlp: Language) -> StatementsStage:
    from ..actors import ActorDictionary, ActorResolver

    del nlp
    resolver = ActorResolver(ActorDictionary.load(settings.actor_dictionaries))
    return StatementsStage(AccusationWords.load(settings.event_accusations), resolver)
