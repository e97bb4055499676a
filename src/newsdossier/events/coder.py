"""The event coder: triggers from the pattern table, matched over the dependency parse.

Per sentence: find the triggers (`triggers`), find each one's source and target (`arguments`),
status and attribution (`status`) and whether it is news or background (`salience`); apply
the statement frames (`frames`: promises, threats, demands, accusations); merge mentions of
one event ("air strikes killed 12", "attacked the camp, killing 156"); drop disasters and
accidents worded as attacks and retype politicians' verbal "attacks" (`guards`); fall back
on the place of the event for a missing coded target; attach casualty and size figures;
drop events with no coded party at all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING

from ..actors.dictionary import NONSTATE_CODES
from ..dates import parse_publication_date
from ..entities import entity_at
from ..gazetteer import is_country_name, town_or_region_country
from ..model import Actor, Event, Quantity, Record, Span
from ..places.locate import breaks_out, where_it_took_place
from .arguments import (
    LOCATIVE_PREPOSITIONS,
    OBJECTS,
    ORIGIN_PREPOSITIONS,
    ActorIndex,
    agent_of,
    child_with,
    is_passive,
    prep_object,
    reported_clause,
    told_in_the_first_person,
    verb_subject,
)
from .draft import Draft
from .frames import Frames, same_party
from .guards import (
    PEOPLE_ONLY_ACTS,
    VERBAL_TYPES,
    Mishaps,
    a_business_leaving,
    a_business_planning_to_leave,
    a_campaign_rally,
    a_candidate_withdrawing,
    a_demanded_act,
    a_purpose,
    a_thing_sought,
    advises_the_public,
    an_interview,
    calls_a_result,
    casualties_carried,
    deploys_a_thing,
    disagrees_on_a_question,
    discharged,
    done_by_a_document,
    drop_victims_of_the_matter,
    endangered_by_no_one,
    habitual,
    hosts_a_thing,
    investigates_nothing,
    patient_is_no_party,
    recorded_by_a_device,
    reputed_ties,
    retype_as_attack,
    retype_as_criticism,
    retype_as_reduced_relations,
    speaker_is_a_thing,
    strike_by_state_forces,
    verbal_attack,
    violence_on_an_idea,
    visits_a_sight,
)
from .intents import IntentTable
from .learned import ModelReviewer, revise
from .patterns import Pattern, PatternTable
from .salience import STATEMENT_NOUNS, clause_is_background, noun_is_background
from .status import accused_party, find_status
from .timing import date_for_event, event_verbs
from .triggers import (
    ANSWERING_VERBS,
    UNDERGOING_VERBS,
    Match,
    carried_out_by,
    characterised,
    made_the_subject_of,
    object_of,
    sentence_matches,
    suffered_in,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from ..actors import ActorResolver

_MAX_SENTENCE_TOKENS = 400
_SUBJECT_LIKE = frozenset({"nsubj", "nsubjpass", "ROOT", "appos"})
# How one mention of an event attaches to another of the same type: an -ing elaboration, an
# instrument ("killed in an air strike"), the subject noun ("air strikes killed").
_MERGE_DEPS = frozenset({"advcl", "prep", "pobj", "nsubj", "nsubjpass", "agent", "npadvmod"})
_MERGE_STEPS = 3
SYMMETRIC_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE"})
SYMMETRIC_SUPPORT_CODES = frozenset({"050", "057"})
# "Croatia and Slovenia fought", "the two armies clashed": each side fights the other.
MUTUAL_FIGHTING = frozenset({"fight", "clash"})
_WITH_PREPOSITIONS = frozenset({"with", "between"})
_INNER_PREPOSITIONS = frozenset({"against", "with", "to", "on", "into", "of", "for", "between",
                                 "by", "in", "at", "from", "toward", "towards"})
_HOSTILE_TARGET_PREPOSITIONS = ("against", "on", "at")
_CASUALTY_TYPES = ("ASSAULT", "COERCE", "PROTEST")
# Events whose place stands for their target when nothing else names one.
PLACED_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST"})
# Verbs that tell of an event noun rather than do it: "a statement saying an attack …",
# "reported an attack", "described the raid", "characterized the attack as a violation".
SAYING_VERBS = frozenset({"say", "report", "describe", "mention", "cite", "recount",
                          "recall", "document", "note", "detail", "confirm", "record",
                          "witness", "see", "film", "photograph", "hear", "observe",
                          "characterize", "characterise", "label", "brand", "term", "dub",
                          "deem"})
_EMBEDDED_CLAUSES = frozenset({"relcl", "ccomp", "advcl", "acl", "parataxis", "csubj", "conj"})
HEAVY_WEAPONS = frozenset({"missile", "rocket", "shell", "mortar", "artillery", "tank",
                           "howitzer", "grad", "katyusha", "cannon"})
PROTESTER_WORDS = frozenset({"protester", "protesters", "protestor", "protestors",
                             "demonstrator", "demonstrators", "rioter", "rioters", "mob",
                             "crowd", "crowds", "activist", "activists"})
# Role-only parties that belong to the country they act in: "riot police in Nairobi".
# Not businesses, media, medics or refugees: airliners, reporters, aid doctors and refugees
# are often foreign to the place they are in.
DOMESTIC_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "PTY", "REB", "CVL",
                              "LAB", "EDU", "AGR", "CRM", "SPY", "PRM", "REL", "ELI", "SOC"})
# Documents that speak for whoever issued them: "a UN report accused ...", "a report
# released in the Rwandan capital alleged ...".
DOCUMENT_NOUNS = frozenset({"report", "study", "document", "dossier", "investigation",
                            "inquiry", "statement", "letter", "communique", "resolution",
                            "survey", "review", "audit", "paper", "memo", "cable", "indictment",
                            "complaint", "lawsuit", "petition", "declaration"})
_NOMINAL_SOURCE_LABELS = frozenset({"NORP", "GPE", "ORG"})
# Nouns of saying whose "of" names who said it: "the request of the prime minister".
# What sets an event off is not who does it: "the killing of X sparked riots", "the arrest
# triggered protests" (the rioters are not X).
CAUSING_VERBS = frozenset({"spark", "trigger", "prompt", "provoke", "cause", "fuel",
                           "ignite", "unleash", "inflame", "stoke", "precipitate"})
MADE_BY_OF = frozenset({"request", "demand", "appeal", "call", "proposal", "offer", "threat",
                        "warning", "plea", "ultimatum", "decision", "order"})
# Verbs of writing or sending a request to someone: "wrote to the embassy asking …".
ADDRESSING_VERBS = frozenset({"write", "send", "appeal", "turn", "petition", "apply",
                              "submit", "address", "deliver", "forward", "hand", "present",
                              "go"})
STATEMENT_TYPES = frozenset({"ACCUSE", "REJECT", "SUPPORT", "THREATEN", "REQUEST", "AGREE",
                             "CONCEDE"})
# Acts only one kind of body does (CAMEO code prefix → PLOVER sector): arrests and crowd
# repression by the police, yielding on laws and restrictions by the government.
IMPLIED_AGENTS = (("173", "COP"), ("175", "COP"), ("08", "GOV"))
IMPLIED_NAMES = {"COP": "police", "GOV": "government", "JUD": "court"}
# Whom an appeal, a warning or an apology addressed to "people" or "the public" is aimed at:
# the civilians (of the speaker's country, filled in by the story's setting).
ADDRESSED_TYPES = frozenset({"REQUEST", "THREATEN", "SUPPORT", "AGREE"})
PUBLIC_WORDS = frozenset({"people", "public"})
# Detention a court orders, whatever its CAMEO code: "he was jailed for six years" is no
# police act.
COURT_ACTS = frozenset({"jail", "imprison", "sentence", "convict"})


def _trimmed_sentence(sentence: SpacySpan, text: str) -> Span:
    start, end = sentence.start_char, sentence.end_char
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end, text[start:end])


def _token_span(tokens: list[Token], text: str) -> Span:
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t) for t in tokens)
    return Span(start, end, text[start:end])


def _more_specific(first: str | None, second: str | None) -> str | None:
    """The more specific of two CAMEO codes (longer, or not a root-level "x0")."""
    if not first:
        return second
    if not second:
        return first
    if len(second) > len(first) or (len(second) == len(first) and first.endswith("0")
                                     and not second.endswith("0")):
        return second
    return first


class EventCoder:
    """Finds every event of one document; stateless between documents."""

    def __init__(self, table: PatternTable, resolver: ActorResolver,
                 reporting_verbs: dict[str, str], intents: IntentTable | None = None,
                 mishaps: Mishaps | None = None,
                 reviewer: ModelReviewer | None = None) -> None:
        self.table = table
        self.resolver = resolver
        self.reporting_verbs = reporting_verbs
        self.intents = intents or IntentTable.load()
        self.mishaps = mishaps or Mishaps.load()
        self._event_verbs: set[int] = set()  # the sentence's event verbs (token indices)
        self.reviewer = reviewer  # the learned model's review of each sentence (learned.py)
        self._people_words: frozenset[str] | None = None

    def code(self, doc: Doc, record: Record) -> list[Event]:
        text = record.article.text
        index = ActorIndex(doc, record.actors, self.resolver, text)
        published = parse_publication_date(record.article.published)
        frames = Frames(self.intents, index, lambda token: _token_span([token], text),
                        self.reporting_verbs)
        events: list[Event] = []
        for sentence in doc.sents:
            if len(sentence) > _MAX_SENTENCE_TOKENS:
                record.notes.append(
                    f"events: sentence at {sentence.start_char} has {len(sentence)} tokens; "
                    "skipped as unparseable prose"
                )
                continue
            drafts = self._sentence_drafts(sentence, index, record, published, frames)
            if self.reviewer is not None:
                drafts = revise(self.reviewer, sentence, drafts, partial(
                    self._sentence_drafts, sentence, index, record, published, frames))
            ids = {id(draft): f"e{len(events) + n}" for n, draft in enumerate(drafts, start=1)}
            for draft in drafts:
                events.append(draft.to_event(ids[id(draft)], _confidence(draft), ids))
        return events

    def _listed_object(self, trigger: Token, obj: Token) -> bool:
        """Whether the pattern table names this object for this trigger, or for any row
        of the same people-only acts ("executing detainees": detainees are released too)."""
        words = {obj.lemma_.lower(), obj.lower_}
        if self._people_words is None:
            self._people_words = self.table.listed_objects(PEOPLE_ONLY_ACTS)
        return bool(words & self._people_words) or any(
            words & p.when.objects for p in self.table.candidates("VERB",
                                                                  trigger.lemma_.lower()))

    def _harm_word(self, lemma: str) -> bool:
        """A noun the pattern table knows as violence ("shooting", "killing")."""
        return any(p.type == "ASSAULT" for p in self.table.candidates("NOUN", lemma))

    def _event_word(self, lemma: str) -> bool:
        """A noun the pattern table knows as an event ("attack", "talks")."""
        return bool(self.table.candidates("NOUN", lemma))

    # --- one sentence --------------------------------------------------------------------

    def _sentence_drafts(self, sentence: SpacySpan, index: ActorIndex, record: Record,
                         published: dt.date | None, frames: Frames,
                         extra: Sequence[Match] = ()) -> list[Draft]:
        matches = _unconsumed([*sentence_matches(sentence, self.table), *extra])
        triggers = {m.token.i for m in matches}
        self._event_verbs = event_verbs([m.clause_head for m in matches])
        drafts = [self._draft(m, sentence, index, record, published, triggers)
                  for m in matches]
        sentence_span = _trimmed_sentence(sentence, record.article.text)

        def date_of(span: Span) -> str | None:
            tokens = sentence.doc.char_span(span.start, span.end, alignment_mode="expand")
            if tokens is None or not len(tokens):
                return None
            found = date_for_event(sentence.doc, record.dates, sentence, tokens.root,
                                   span.start, span.end, self._event_verbs,
                                   self.reporting_verbs)
            return found.value if found else None

        drafts = [d for d in frames.apply(drafts, sentence, sentence_span, date_of)
                  if not d.dropped]
        actor_tokens = set(index.by_token)
        drafts = [d for d in _merged(drafts) if not self.mishaps.caused_by_mishap(d)
                  and not self.mishaps.warns_of_a_mishap(d) and not recorded_by_a_device(d)
                  and not advises_the_public(d)
                  and not speaker_is_a_thing(d, actor_tokens)
                  and not investigates_nothing(d, actor_tokens, self._event_word)
                  and not patient_is_no_party(d, actor_tokens, self._listed_object)
                  and not habitual(d) and not done_by_a_document(d) and not discharged(d)
                  and not casualties_carried(d)
                  and not a_purpose(d) and not a_campaign_rally(d) and not a_demanded_act(d)
                  and not deploys_a_thing(d, actor_tokens, self._listed_object)
                  and not hosts_a_thing(d, actor_tokens, self._listed_object)
                  and not visits_a_sight(d)
                  and not a_candidate_withdrawing(d) and not calls_a_result(d)
                  and not a_thing_sought(d) and not endangered_by_no_one(d)
                  and not disagrees_on_a_question(d) and not reputed_ties(d)]
        for draft in drafts:
            if verbal_attack(draft):
                retype_as_criticism(draft)
            elif strike_by_state_forces(draft):
                retype_as_attack(draft)
            elif a_business_leaving(draft) or a_business_planning_to_leave(draft):
                retype_as_reduced_relations(draft)
        drafts = [d for d in drafts if not violence_on_an_idea(d) and not an_interview(d)]
        for draft in drafts:
            drop_victims_of_the_matter(draft, self._harm_word)
            _place_parties(draft, index)
            _protesters_destroying(draft)
            _heavy_weapon_instrument(draft)
            self._refusal(draft)
            draft.reciprocal = _is_reciprocal(draft)
        proposed = {id(m) for m in extra}  # the learned model's events need no coded party
        drafts = [d for d in _deduplicated(drafts)
                  if (d.coded or d.placed_named
                      or (d.reported_in is not None and d.reported_in.coded)
                      or (d.match is not None and id(d.match) in proposed)
                      or where_it_took_place(d.anchor) or breaks_out(d.anchor)
                      or (d.match is not None and not d.match.is_noun
                          and told_in_the_first_person(d.anchor)))
                  and not _lonely_consultation(d)]
        _attach_quantities(drafts, record.quantities, sentence)
        return sorted(drafts, key=lambda d: (d.trigger.start, d.trigger.end))

    def _refusal(self, draft: Draft) -> None:
        """'Trump would not commit to a peaceful transfer of power': a refused agreement is
        a rejection (PLOVER: all rejections and refusals)."""
        if draft.type != "AGREE" or draft.status != "negated" or not draft.source:
            return
        draft.type = "REJECT"
        draft.cameo, draft.mode = self.intents.code("reject", _action_code(draft))
        draft.status = "asserted"

    def _draft(self, match: Match, sentence: SpacySpan, index: ActorIndex, record: Record,
               published: dt.date | None, triggers: set[int]) -> Draft:
        text = record.article.text
        trigger = _token_span([match.token, *match.extra], text)
        sentence_span = _trimmed_sentence(sentence, text)
        date = date_for_event(sentence.doc, record.dates, sentence, match.clause_head,
                              trigger.start, trigger.end, self._event_verbs,
                              self.reporting_verbs)
        event_date = date.value if date else None
        finding = find_status(match.token, match.light_verb, self.reporting_verbs, sentence,
                              event_date, published)
        source, target, via_with = _arguments(match, index, finding, triggers)
        if not source:
            source = _implied_agent(match, text)
        attributed = index.actors_for(finding.speaker_token)
        pattern = match.pattern
        if match.is_noun:
            background = noun_is_background(match.token, match.light_verb, triggers)
        else:
            background = clause_is_background(match.token, triggers)
        return Draft(
            match=match, trigger=trigger, anchor=match.token, sentence=sentence_span,
            type=pattern.type, cameo=pattern.cameo, mode=pattern.mode,
            context=list(pattern.context), source=source, target=target,
            status=finding.status, finding=finding, date=event_date,
            attributed_to=attributed[0] if attributed else None, background=background,
            target_via_with=via_with and (match.is_noun or match.consumed_noun),
        )


# --- matches ---------------------------------------------------------------------------------


def _unconsumed(matches: list[Match]) -> list[Match]:
    """Drop event nouns that a verb pattern takes as its object ("held talks", "imposed
    sanctions"); the verb's event takes the noun's more specific code of the same type."""
    by_token = {m.token.i: m for m in matches}
    consumed: set[int] = set()
    for match in matches:
        pattern = match.pattern
        if pattern.pos != "VERB" or not pattern.when.objects:
            continue
        obj = object_of(match.token)
        noun = by_token.get(obj.i) if obj is not None else None
        if noun is None:
            continue
        consumed.add(noun.token.i)
        match.consumed_noun = True
        if noun.pattern.type == pattern.type and noun.pattern.cameo:
            better = _more_specific(pattern.cameo, noun.pattern.cameo)
            if better != pattern.cameo:
                match.pattern = _with_code(pattern, noun.pattern)
    return [m for m in matches if m.token.i not in consumed]


def _with_code(verb: Pattern, noun: Pattern) -> Pattern:
    from dataclasses import replace

    return replace(verb, cameo=noun.cameo, mode=noun.mode or verb.mode,
                   context=verb.context or noun.context)


# --- arguments -------------------------------------------------------------------------------


def _arguments(match: Match, index: ActorIndex, finding: object, triggers: set[int]) -> tuple[
    list[Actor], list[Actor], bool
]:
    token, pattern, light = match.token, match.pattern, match.light_verb
    if not match.is_noun:
        source_token = agent_of(token)
        if source_token is None:
            source_token = accused_party(getattr(finding, "attribution", None))
        if source_token is None and token.dep_ == "acl" and (
            token.head.lemma_.lower() in STATEMENT_NOUNS
        ) and not is_passive(token) and not any(c.dep_ == "mark" for c in token.children):
            # "issued a declaration demanding that ...", not what a statement reports
            # ("a statement that an inmate had been stabbed")
            source_token = _issuer(token.head)
    elif light is not None and _undergone(light, pattern):
        source_token = _from_whom(token) or prep_object(light, "from") or _noun_source(
            token, None) or _doer_compound(token, index, pattern.type)
    else:
        content = light is not None and (  # "welcomed the meeting", "saying an attack …"
            light.i in triggers or light.lemma_.lower() in SAYING_VERBS)
        source_token = _noun_source(token, None if content else light)
        if source_token is None:  # "a police crackdown", "fell under rebel control"
            source_token = _doer_compound(token, index, pattern.type)
        if source_token is not None and _names_a_town(source_token, index):
            source_token = None  # "the Paris attacks", "the Kabul car bombing": where
    target_token, via_with = _target_token(token, pattern, light)
    if match.is_noun and light is not None and _undergone(light, pattern) and (
            target_token is None or light.lemma_.lower() in UNDERGOING_VERBS):
        target_token = agent_of(light)
    if match.is_noun and target_token is None and light is not None and (
        light.lemma_.lower() in ("engage", "involve", "embroil")
    ):
        target_token = child_with(light, OBJECTS)
    if target_token is None and pattern.type == "REQUEST" and not match.is_noun:
        target_token = _addressee(token) or _asked_party(token, index) or _asked_to_act(
            token, index)
    if target_token is None and pattern.type in ("AGREE", "REQUEST", "THREATEN", "REJECT"):
        target_token = _complement_object(token)
    source = index.actors_for(source_token)
    if source_token is not None and source_token.lemma_.lower() in DOCUMENT_NOUNS and not any(
        a.code for a in source
    ):
        source = _coded_or_inner(index, source_token)  # "a report released in Kigali"
    if target_token is None and "comp" in pattern.target and not match.is_noun:
        target_token = object_of(token)  # "alleged Iranian involvement": no clause, an object
    target = _coded_or_inner(index, target_token)
    if not any(a.code for a in target) and pattern.type in OWNED_THING_TYPES:
        owner = _owner_of(index, target_token)
        if owner is not None and not same_party([owner], source):
            # "alleged Iranian involvement", "threatened the network's franchise", "froze
            # his assets": the party the thing belongs to
            target = [owner]
    if not any(a.code for a in target) and match.is_noun and pattern.type == "ASSAULT" and (
            token.dep_ in ("nsubj", "conj") and token.head.lemma_.lower() in HITTING_VERBS):
        hit = [a for a in index.actors_for(object_of(token.head)) if a.code]
        target = hit or target  # "an air strike hit a school", "shelling struck the base"
    if not any(a.code for a in target) and match.is_noun:
        undergoer = made_the_subject_of(token)
        if undergoer is not None:  # "Mahan has been the subject of US sanctions"
            target = [a for a in index.actors_for(undergoer) if a.code] or target
    sufferer = suffered_in(token) if match.is_noun and pattern.type in _CASUALTY_TYPES else None
    if sufferer is not None and not any(a.code for a in target):
        target = index.actors_for(verb_subject(sufferer))  # "soldiers died in an attack"
    if not any(a.code for a in target):
        named = _party_of_the_object(index, token, source)
        if named:
            target = named
    if not target and pattern.type in BACKING_TYPES and not match.is_noun:
        target = _backed_party(index, token, source)
    if not target and pattern.type in ADDRESSED_TYPES and target_token is not None and (
            target_token.lemma_.lower() in PUBLIC_WORDS):
        target = [Actor(text=target_token.text, start=target_token.idx,  # "urged people to"
                        end=target_token.idx + len(target_token), name=None, sector="CVL",
                        code="CVL")]
    if not any(a.code for a in target) and pattern.type == "ACCUSE" and not match.is_noun \
            and not _names_someone(target_token):
        blamed = [a for a in index.actors_for(_whom_the_reason_names(token)) if a.code]
        if blamed and (not same_party(blamed, source) or _named_apart(blamed, source)):
            target = blamed  # "criticised the move, arguing Trump was sowing chaos"
    return source, target, via_with


def _named_apart(left: list[Actor], right: list[Actor]) -> bool:
    """Two people named differently are two parties, even of one government ("the senator
    condemned the decision, arguing the president was courting disaster")."""
    return all(a.name for a in (*left, *right)) and not {a.name for a in left} & {
        a.name for a in right}


def _names_someone(token: Token | None) -> bool:
    """'accused O'Reilly of …': a person named as the object is the target, coded or not."""
    return token is not None and token.ent_type_ in ("PERSON", "ORG", "NORP")


# Participles that give the grounds of a criticism: "condemned the decision, saying …".
GROUNDS_VERBS = frozenset({"say", "argue", "claim", "accuse", "note", "add", "insist",
                           "charge", "allege", "warn", "contend", "complain"})


def _whom_the_reason_names(verb: Token) -> Token | None:
    """The subject of what a criticism's own participle says ("criticised the move,
    arguing Trump was sowing chaos": Trump)."""
    for child in verb.children:
        if child.dep_ not in ("advcl", "xcomp") or child.tag_ != "VBG" or (
                child.lemma_.lower() not in GROUNDS_VERBS):
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
            continue
        said = child_with(child, ("ccomp",))
        if said is not None:
            return child_with(said, ("nsubj", "nsubjpass"))
        return child_with(child, OBJECTS)  # "condemned the raid, accusing Israel of …"
    return None


def _asked_party(verb: Token, index: ActorIndex) -> Token | None:
    """'requested the ministry by letter that …': a party as the object of a request verb
    is the one asked (not "requested aid", a thing)."""
    obj = object_of(verb)
    if obj is None or (obj.pos_ == "PRON" and obj.lower_ == "it"):
        return None
    return obj if any(a.code or a.name for a in index.actors_for(obj)) else None


def _asked_to_act(verb: Token, index: ActorIndex) -> Token | None:
    """Who a call asks to act: "called for EU members to raise spending" (the subject of
    the clause asked for), "called for G20 action" (whose action it is)."""
    for child in verb.children:
        if child.dep_ in ("advcl", "ccomp", "xcomp") and any(
                c.dep_ == "mark" and c.lower_ == "for" for c in child.children):
            return child_with(child, ("nsubj",))
    wanted = prep_object(verb, "for")
    if wanted is None or wanted.pos_ != "NOUN":
        return None
    if any(c.dep_ in ("acl", "relcl") and any(a.lower_ == "to" for a in c.children)
           for c in wanted.children) and any(a.code or a.name
                                              for a in index.actors_for(wanted)):
        return wanted  # "called for NATO members to increase spending"
    return next((c for c in wanted.children if c.dep_ in ("compound", "poss") and any(
        a.code or a.name for a in index.actors_for(c))), None)


def _addressee(verb: Token) -> Token | None:
    """Whom a request was written or sent to: "requested new rules to the transport
    secretary", "wrote to the US Embassy asking it to waive …", "sent a letter to the
    Commission requesting funds"."""
    own = prep_object(verb, "to")
    if own is not None and own.pos_ in ("NOUN", "PROPN"):
        return own
    if verb.dep_ not in ("advcl", "xcomp", "acl", "conj") or verb.head.i == verb.i:
        return None
    head = verb.head
    if head.pos_ == "NOUN" and head.lemma_.lower() in DOCUMENT_NOUNS:
        carrier = head.head if head.dep_ in ("dobj", "nsubjpass") else None
        return prep_object(head, "to") or (
            prep_object(carrier, "to") if carrier is not None
            and carrier.lemma_.lower() in ADDRESSING_VERBS else None)
    if head.pos_ == "VERB" and head.lemma_.lower() in ADDRESSING_VERBS:
        return prep_object(head, "to")
    return None


def _party_of_the_object(index: ActorIndex, token: Token, source: list[Actor]) -> list[Actor]:
    """The party a thing acted on belongs to, was made by or is shared with, when the event
    names no party of its own: "commuted the sentence of Crystal Munoz", "comply with the
    request of Prime Minister Johnson", "agreed to power-sharing with Tsvangirai", "sued
    against the state of emergency Trump declared"."""
    nouns = [n for n in (object_of(token) if token.pos_ == "VERB" else None,
                         *(prep_object(token, p) for p in ("with", "to", "on", "against")))
             if n is not None]
    for child in token.children:
        if child.dep_ == "xcomp":  # "agreed to comply with the request of …"
            nouns += [n for n in (object_of(child), *(prep_object(child, p)
                                                      for p in ("with", "to", "on")))
                      if n is not None]
    for noun in nouns:
        if noun.pos_ not in ("NOUN", "PROPN") or noun.i in index.by_token:
            continue
        for preposition in ("of", "with", "by"):
            owner = prep_object(noun, preposition)
            found = [a for a in index.actors_for(owner) if (a.code or a.name) and a not in source]
            if found:
                return found
        for clause in (c for c in noun.subtree if c.dep_ == "relcl" and c.head.i in (
                noun.i, *(t.i for t in noun.subtree if t.dep_ == "pobj"))):
            maker = child_with(clause, ("nsubj",))  # "the emergency Trump declared"
            found = [a for a in index.actors_for(maker) if (a.code or a.name)
                     and not same_party([a], source) and maker is not None
                     and maker.pos_ != "PRON"]
            if found:
                return found
    return []


# Types aimed at a party through a thing of theirs.
OWNED_THING_TYPES = STATEMENT_TYPES | frozenset({"SANCTION", "COERCE"})
# Types whose object noun names the party backed after "for": "vowed support for Armenia".
BACKING_TYPES = frozenset({"AGREE", "SUPPORT", "AID"})


def _backed_party(index: ActorIndex, verb: Token, source: list[Actor]) -> list[Actor]:
    """'pledged solidarity for the Kurds', 'expressed support for Kyiv': the party the
    object noun is for."""
    obj = object_of(verb)
    backed = prep_object(obj, "for") if obj is not None and obj.pos_ == "NOUN" else None
    if backed is None or backed.ent_type_ in ("LOC", "FAC"):
        return []  # "an initiative for the Persian Gulf": a region, no party
    return [a for a in index.actors_for(backed)
            if (a.code or a.name) and not same_party([a], source)]


def _owner_of(index: ActorIndex, noun: Token | None) -> Actor | None:
    """The party a non-party noun belongs to: its possessor or a nationality or country
    modifier."""
    if noun is None or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    for child in noun.children:
        if child.dep_ not in ("poss", "amod", "compound", "nmod"):
            continue
        found = [a for a in index.actors_for(child) if a.code]
        if not found and child.ent_type_ in ("NORP", "GPE"):
            resolved = index.resolve_phrase(child)
            found = [resolved] if resolved is not None and resolved.code else []
        if found:
            return found[0]
    return None


def _implied_agent(match: Match, text: str) -> list[Actor]:
    """Who does what only one kind of body can do, told without a doer: "71 people were
    arrested" (the police), "the bill was suspended" (the government). The actor spans the
    trigger, the words that imply it."""
    code = match.pattern.cameo or ""
    sector = next((s for prefix, s in IMPLIED_AGENTS if code.startswith(prefix)), None)
    if sector is not None and match.token.lemma_.lower() in COURT_ACTS:
        sector = "JUD"
    token = match.clause_head
    if sector is None or match.is_noun or not is_passive(token) or agent_of(token) is not None:
        return []
    if token.dep_ in ("xcomp", "pcomp", "acl") or any(
            c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return []  # the content of a demand or a plan ("called for the bill to be dropped")
    span = _token_span([match.token], text)
    return [Actor(text=span.text, start=span.start, end=span.end, name=IMPLIED_NAMES[sector],
                  country=None, sector=sector, code=sector)]


def _coded_or_inner(index: ActorIndex, token: Token | None, depth: int = 0) -> list[Actor]:
    """The actors a target phrase names; a thing ("an agreement with the EU", "evidence
    against Russia", "travel to Tunisia", "a summit in Switzerland") yields the first party
    its own prepositional phrases name, two levels deep."""
    actors = index.actors_for(token)
    if token is None or any(a.code or a.name for a in actors) or depth > 1:
        return actors  # "William Goble of Edmonton": the man, not the town
    for child in _inner_preps(token):
        inner = child_with(child, ("pobj",))
        if inner is None:
            continue
        found = [a for a in index.actors_for(inner) if a.code]
        if not found and inner.pos_ == "NOUN":
            found = [a for a in _coded_or_inner(index, inner, depth + 1) if a.code]
        if found:
            return found
    return actors


def _issuer(noun: Token) -> Token | None:
    possessor = child_with(noun, ("poss",))
    if possessor is not None:
        return possessor
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        head = head.head  # "voted on a resolution to expel …"
    return agent_of(head) if head.pos_ in ("VERB", "AUX") else None


def _inner_preps(token: Token) -> list[Token]:
    """A phrase's prepositions, and those of its participle modifiers ("a deadly attack
    targeting non-Muslims at an upscale mall in Kenya's capital")."""
    preps = []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in _INNER_PREPOSITIONS:
            preps.append(child)
        elif child.dep_ == "acl":
            preps.extend(c for c in child.children
                         if c.dep_ == "prep" and c.lower_ in _INNER_PREPOSITIONS)
    return preps


def _after_what(noun: Token, preposition: str) -> Token | None:
    """The party a noun's act is aimed at, named after what it is about ("allegations of
    fraud against the governor", "threats of violence against journalists")."""
    about = prep_object(noun, "of")
    return prep_object(about, preposition) if about is not None else None


def _from_whom(noun: Token) -> Token | None:
    """Who an allegation or a threat came from: "from the opposition", "by X", also after
    what it is about ("accusations of corruption from the opposition")."""
    found = prep_object(noun, "from") or prep_object(noun, "by")
    about = prep_object(noun, "of")
    if found is None and about is not None:
        found = prep_object(about, "from") or prep_object(about, "by")
    return found


ARRIVING_VERBS = frozenset({"come", "arrive", "pour", "flow", "flood"})


def _arrived_from(noun: Token) -> Token | None:
    """'Condemnation came from the OIC', 'statements of condemnation have come from X':
    who a statement came from."""
    holder = noun
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.i != noun.i:
        holder = noun.head.head
    verb = holder.head
    if holder.dep_ not in ("nsubj", "nsubjpass") or verb.lemma_.lower() not in ARRIVING_VERBS:
        return None
    return prep_object(verb, "from") or prep_object(child_with(verb, ("prt",)) or verb, "from")


def _undergone(light: Token, pattern: Pattern) -> bool:
    """Whether the verb's subject undergoes or answers the noun's act rather than doing it
    ("faced criticism from …", "addressed the allegations", "dismissed the threats")."""
    lemma = light.lemma_.lower()
    return lemma in UNDERGOING_VERBS or (
        lemma in ANSWERING_VERBS and pattern.type in ("ACCUSE", "THREATEN", "REQUEST"))


def _names_a_town(token: Token, index: ActorIndex) -> bool:
    """A place modifying an event noun that is a town or region, not a state: it says where
    the act happened ("the Kabul bombing"), where a country says who ("US strikes")."""
    if token.dep_ not in ("compound", "amod", "nmod") or token.ent_type_ != "GPE":
        return False
    entity = entity_at(token)
    if entity is None:
        return False
    if is_country_name(entity.text):
        return False
    resolution = index.resolver.resolve(entity.text)
    return (resolution.country is None or resolution.sector is not None
            or town_or_region_country(entity.text) is not None)


# Sectors a common-noun modifier of an event noun names as its doer ("a police crackdown",
# "an army offensive", "rebel control"); other sectors are as often its victims
# ("civilian deaths", "journalist killings"), except in protests ("a student protest").
ACTING_SECTORS = frozenset({"GOV", "MIL", "COP", "REB", "SPY", "JUD", "LEG", "UAF", "IMG"})
# Verbs whose subject, an attack, reaches their object: "an air strike hit a school".
HITTING_VERBS = frozenset({"hit", "strike", "target", "rock", "destroy", "damage", "pound",
                           "ravage", "level", "flatten", "tear", "rip", "devastate", "raze"})
MEANS_OF_ATTACK = HEAVY_WEAPONS | frozenset({
    "drone", "aircraft", "jet", "warplane", "helicopter", "gunship", "plane", "bomber",
    "ship", "warship", "vessel", "submarine", "vehicle", "truck", "car", "boat"})
PROTESTING_SECTORS = frozenset({"CVL", "EDU", "LAB", "AGR", "OPP", "MED", "BUS", "REL"})


def _doer_compound(noun: Token, index: ActorIndex, event_type: str | None) -> Token | None:
    for child in noun.lefts:
        if child.dep_ != "compound" or child.pos_ != "NOUN" or child.ent_type_ or (
                child.lemma_.lower() in MEANS_OF_ATTACK):
            continue  # "drone attacks": the means, not who used them
        actor = index.resolve_phrase(child)
        if actor is None or actor.sector is None:
            continue
        if actor.sector in ACTING_SECTORS or (
                event_type == "PROTEST" and actor.sector in PROTESTING_SECTORS):
            return child
    return None


def _noun_source(noun: Token, light_verb: Token | None) -> Token | None:
    for child in noun.children:
        if child.dep_ == "poss" and not _undergoer_possessive(noun):
            return child
    by = prep_object(noun, "by") or carried_out_by(noun)
    if by is not None:
        return by
    maker = prep_object(noun, "of") if noun.lemma_.lower() in MADE_BY_OF else None
    if maker is not None and maker.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return maker  # "the request of Prime Minister Johnson to suspend Parliament"
    arrived = _arrived_from(noun)
    if arrived is not None:
        return arrived
    for child in noun.lefts:
        if child.dep_ not in ("amod", "compound", "nmod"):
            continue
        if child.ent_type_ in _NOMINAL_SOURCE_LABELS:
            return child
        for grandchild in child.lefts:  # "Israeli tank shelling"
            if grandchild.dep_ in ("amod", "compound") and (
                grandchild.ent_type_ in _NOMINAL_SOURCE_LABELS
            ):
                return grandchild
    if light_verb is not None and not characterised(noun, light_verb) and (
            light_verb.lemma_.lower() not in CAUSING_VERBS):
        return agent_of(light_verb)
    return None


# Acts named after what their patient undergoes: "her arrest", "their detention", "his
# execution" tell whom it was done to. With an "of" object the owner is the doer again ("the
# government's arrest of the journalist").
UNDERGONE_NOUNS = frozenset({
    "arrest", "detention", "imprisonment", "jailing", "incarceration", "internment", "release",
    "execution", "killing", "murder", "assassination", "abduction", "kidnapping", "capture",
    "deportation", "extradition", "expulsion", "conviction", "trial", "sentencing",
    "prosecution", "indictment", "impeachment", "dismissal", "sacking", "ouster", "removal",
    "torture", "beating", "disappearance", "exile", "rescue", "freeing", "pardon",
})


def _undergoer_possessive(noun: Token) -> bool:
    return noun.lemma_.lower() in UNDERGONE_NOUNS and prep_object(noun, "of") is None


def _target_token(token: Token, pattern: Pattern, light_verb: Token | None) -> tuple[
    Token | None, bool
]:
    for place in pattern.target:
        found: Token | None
        if place == "comp":
            complement = child_with(token, ("ccomp", "xcomp"))
            found = verb_subject(complement) if complement is not None else None
        elif place == "obj":
            found = object_of(token) if pattern.pos == "VERB" else prep_object(token, "of")
            if found is None and pattern.pos == "NOUN" and _undergoer_possessive(token):
                found = child_with(token, ("poss",))  # "her arrest": she was arrested
            if found is None and pattern.pos == "VERB":
                found = child_with(token, ("dative",))
        else:
            preposition = place.split(":", 1)[1]
            found = prep_object(token, preposition) or _after_particle(token, pattern,
                                                                        preposition)
            if found is None and pattern.pos == "VERB":
                obj = child_with(token, OBJECTS)
                found = prep_object(obj, preposition) if obj is not None else None
            if found is None and light_verb is not None:
                found = prep_object(light_verb, preposition)
            if found is None and pattern.pos == "NOUN" and preposition != "of":
                found = _after_what(token, preposition)
            if found is None and preposition == "to" and pattern.pos == "VERB":
                found = child_with(token, ("dative", "iobj"))  # "give Tanzania a grant"
            if found is not None:
                return found, preposition in _WITH_PREPOSITIONS
        if found is not None:
            return found, False
    if pattern.type in ("ASSAULT", "COERCE", "THREATEN", "ACCUSE", "SANCTION"):
        for preposition in _HOSTILE_TARGET_PREPOSITIONS:
            found = prep_object(token, preposition)
            if found is None and light_verb is not None and preposition == "against":
                found = prep_object(light_verb, preposition)  # "used tear gas against them"
            if found is None and pattern.pos == "VERB" and preposition == "against":
                obj = child_with(token, OBJECTS)  # "imposed sanctions against him"
                found = prep_object(obj, preposition) if obj is not None else None
            if found is None and token.pos_ in ("NOUN", "PROPN") and preposition != "of":
                found = _after_what(token, preposition)
            if found is not None:
                return found, False
    if pattern.pos == "VERB" and token.dep_ == "acl" and token.tag_ == "VBN":
        return token.head, False  # "soldiers killed in Ukraine": the noun underwent it
    aimed = _aimed_at(object_of(token) if pattern.pos == "VERB" else token)
    if aimed is not None:
        return aimed, False
    if pattern.pos == "NOUN" and light_verb is not None:
        recipient = child_with(light_verb, ("dative",))
        if recipient is not None:  # "granted the general a pardon", "gave Kyiv support"
            return recipient, False
    return None, False


# Participles telling what a weapon or an act was aimed at.
AIMING_VERBS = frozenset({"target", "aim", "hit", "strike", "direct"})


def _aimed_at(thing: Token | None) -> Token | None:
    """'fired missiles targeting the garrison', 'rockets aimed at government positions':
    whom the weapon was aimed at."""
    if thing is None:
        return None
    for child in thing.children:
        if child.dep_ == "acl" and child.lemma_.lower() in AIMING_VERBS:
            return child_with(child, OBJECTS) or prep_object(child, "at")
    return None


def _after_particle(verb: Token, pattern: Pattern, preposition: str) -> Token | None:
    """'pulled out of Iran' parsed with "of" under "out": the object after the particle."""
    particle = pattern.particle
    if particle is None or pattern.pos != "VERB":
        return None
    held = next((c for c in verb.children if c.lower_ == particle), None)
    return prep_object(held, preposition) if held is not None else None


def _complement_object(verb: Token) -> Token | None:
    """'threatened to attack militant bases': the threat is aimed at the bases."""
    complement = child_with(verb, ("xcomp", "ccomp"))
    if complement is None:
        return None
    return child_with(complement, OBJECTS) or prep_object(complement, "on") or prep_object(
        complement, "against"
    )


# --- merging mentions of one event ---------------------------------------------------------------


OTHER_TIME_PREPOSITIONS = frozenset({"since", "than", "before"})


def _attaches_to(mention: Draft, head: Draft) -> bool:
    node = mention.anchor
    reported = reported_clause(node) if node.tag_ == "VBG" and node.dep_ == "advcl" else None
    if reported is not None and reported.i in (head.anchor.i, head.clause.i):
        return True  # "Jets bombed the town, the rebels said, killing 12"
    for _ in range(_MERGE_STEPS):
        if node.head.i == node.i or node.dep_ not in _MERGE_DEPS | {"conj"}:
            return False
        if node.dep_ == "conj" and child_with(node, ("nsubj", "nsubjpass")) is not None:
            return False  # "Russia attacked Kyiv and Israel bombed Gaza": two events
        if node.dep_ == "prep" and node.lower_ in OTHER_TIME_PREPOSITIONS:
            return False  # "the deadliest attack since an assault on Ghazni": another one
        node = node.head
        if node.i in (head.anchor.i, head.clause.i):
            return True
    return False


def _merge_into(head: Draft, mention: Draft) -> None:
    head.source = head.source or mention.source
    head.target = head.target or mention.target
    better = _more_specific(head.cameo, mention.cameo)
    if better != head.cameo:
        head.cameo, head.mode = better, mention.mode or head.mode
    head.mode = head.mode or mention.mode
    head.date = head.date or mention.date
    head.background = head.background and mention.background
    head.intent = head.intent or mention.intent  # "announced plans to pull out": what for
    mention.dropped = True


def _merged(drafts: list[Draft]) -> list[Draft]:
    for mention in drafts:
        if mention.type is None or mention.match is None:
            continue
        for head in drafts:
            if head is mention or head.dropped or head.type != mention.type:
                continue
            if _attaches_to(mention, head):
                _merge_into(head, mention)
                break
    return [d for d in drafts if not d.dropped]


def _deduplicated(drafts: list[Draft]) -> list[Draft]:
    seen: set[tuple[object, ...]] = set()
    kept = []
    for draft in drafts:
        key = (draft.type, draft.cameo, draft.background,
               tuple(sorted(a.code or "" for a in draft.source)),
               tuple(sorted(a.code or "" for a in draft.target)))
        if key in seen:
            continue
        seen.add(key)
        kept.append(draft)
    return kept


# --- places and reciprocity ------------------------------------------------------------------


def _named_by_the_parser(draft: Draft, actor: Actor) -> bool:
    """A party the parser knows as a person's or organisation's name, though no dictionary
    lists it ("Nuiry, 53, was arrested")."""
    if draft.match is None:
        return False
    span = draft.match.token.doc.char_span(actor.start, actor.end, alignment_mode="expand")
    return span is not None and _names_someone(span.root)


def _place_heads(draft: Draft) -> list[Token]:
    heads = [draft.anchor, draft.clause]
    obj = object_of(draft.clause) if draft.clause.pos_ == "VERB" else None
    if obj is not None:
        heads.append(obj)
    return heads


def _place_in_clause(draft: Draft, index: ActorIndex) -> Actor | None:
    """The first place named anywhere in the event's own clause, outside embedded clauses
    ("launched attacks during its campaign for an Islamic state in northeastern Nigeria")."""
    clause = draft.clause
    if clause.pos_ in ("NOUN", "PROPN") and clause.dep_ == "nsubj" and (
            clause.head.lemma_.lower() in HITTING_VERBS):
        clause = clause.head  # "an air strike hit a school in Yemen": the verb's clause
    stack = list(clause.children)
    found: list[Token] = []
    while stack:
        token = stack.pop()
        if token.dep_ in _EMBEDDED_CLAUSES:
            continue
        if token.ent_type_ in ("GPE", "LOC") and token.pos_ != "DET" and (
                token.i not in index.by_token):  # "The" of "The United States" is no place
            found.append(token)
        stack.extend(token.children)
    for token in sorted(found, key=lambda t: t.i):
        place = index.place_actor(token)
        if place is not None and place.country not in NONSTATE_CODES:
            return place
    return None


def _domestic(actors: list[Actor], place: Actor) -> list[Actor]:
    """Parties named only by their role ("riot police", "the opposition coalition") that act
    in a country are taken to be of that country."""
    placed = []
    for actor in actors:
        if actor.country is None and actor.sector in DOMESTIC_SECTORS:
            actor = Actor(text=actor.text, start=actor.start, end=actor.end, name=actor.name,
                          country=place.country, sector=actor.sector,
                          code=(place.country or "") + actor.sector)
        placed.append(actor)
    return placed


def _place_parties(draft: Draft, index: ActorIndex) -> None:
    """A missing coded target (source) is taken from where the event happened (came from)."""
    if draft.match is None:
        return
    # what is said or promised is aimed at a place only when named with the act itself
    # ("extend the curfew in Abidjan"), not at the venue's town ("at a rally in Ohio")
    place = index.located(_place_heads(draft), LOCATIVE_PREPOSITIONS,
                          nested=draft.type not in VERBAL_TYPES)
    if place is not None and any(place.start <= a.start and a.end <= place.end
                                 for a in draft.source):
        place = None  # "blamed the bombing on the Taliban": the doer, not a place
    if place is not None and place.country and place.country not in NONSTATE_CODES and (
        draft.type in PLACED_TYPES
    ):  # protests, crackdowns, attacks are local; talks and statements happen anywhere
        draft.source = _domestic(draft.source, place)
        draft.target = _domestic(draft.target, place)
    several_sources = len({a.country for a in draft.source if a.country}) > 1
    if not any(a.country for a in draft.target) and not (
        several_sources and draft.type in SYMMETRIC_TYPES
    ) and place is not None and draft.type != "CONSULT":
        if any(a.name or _named_by_the_parser(draft, a) for a in draft.target):
            # a place is no party beside a named one ("Lena Brooks was convicted in
            # Texas": Brooks alone, in Texas)
            draft.placed_named = True
        else:
            draft.target = [*draft.target, place]  # a venue is no party: "talks in Geneva"
    if not any(a.country or a.name or _named_by_the_parser(draft, a) for a in draft.target
               ) and draft.type in PLACED_TYPES:
        somewhere = _place_in_clause(draft, index)
        if somewhere is not None:
            draft.target = [*draft.target, somewhere]
    if not any(a.country for a in draft.source) and draft.type in ("ASSAULT", "COERCE"):
        origin = index.located(_place_heads(draft), ORIGIN_PREPOSITIONS)
        if origin is not None and any(origin.start <= a.start and a.end <= origin.end
                                      for a in draft.target):
            origin = None  # "recaptured from the Houthis": whom it was taken from
        if origin is not None:
            draft.source = [*draft.source, origin]
        elif not draft.source and place is not None and place.country not in NONSTATE_CODES \
                and draft.type == "ASSAULT" and _a_named_place(draft, place) and not any(
                    _overlaps(Span(place.start, place.end, place.text), a)
                    for a in draft.target):
            # not from the attacked itself ("the attack on the US Embassy in Baghdad")
            draft.source = [_unidentified(place)]


MISSIONS = frozenset({"embassy", "consulate", "mission"})


def _a_named_place(draft: Draft, place: Actor) -> bool:
    """'near Samarra', 'in Kabul': a place whose country the attackers are of; not a
    diplomatic mission named after its owner ("in the Saudi consulate" in Ankara)."""
    if draft.match is None:
        return False
    span = draft.match.token.doc.char_span(place.start, place.end, alignment_mode="expand")
    return span is None or not len(span) or span.root.lemma_.lower() not in MISSIONS


def _unidentified(place: Actor) -> Actor:
    """An attack with no named attacker: an unidentified actor (PLOVER sector UNK) of the
    country it happened in ("a roadside bombing near Samarra killed a soldier")."""
    return Actor(text=place.text, start=place.start, end=place.end,
                 name=f"unidentified attackers in {place.text}",
                 country=place.country, sector="UNK", code=f"{place.country}UNK")


def _protesters_destroying(draft: Draft) -> None:
    """Property destroyed by protesters is protest (PLOVER PROTEST/vandalize), not an
    assault: "The building was demolished by a Ukrainian protestor"."""
    if draft.type != "ASSAULT" or draft.mode != "destroy" or not draft.source:
        return
    if all(a.sector == "CVL" and _head_word(a.text) in PROTESTER_WORDS for a in draft.source):
        draft.type, draft.mode, draft.cameo = "PROTEST", "vandalize", "145"


def _heavy_weapon_instrument(draft: Draft) -> None:
    """An explosion delivered by a missile, rocket or shell is heavy-weapons fire, not a
    bombing (PLOVER: explosives are those not incorporated in a heavy weapon)."""
    if draft.type != "ASSAULT" or draft.mode != "explosives" or draft.match is None:
        return
    verb = draft.clause
    instruments = [prep_object(verb, "by"), prep_object(verb, "with")]
    if any(t is not None and t.lemma_.lower() in HEAVY_WEAPONS for t in instruments):
        draft.mode, draft.cameo = "heavy-weapons", "194"


def _head_word(text: str) -> str:
    words = text.lower().split()
    return words[-1] if words else ""


def _is_reciprocal(draft: Draft) -> bool:
    symmetric = draft.type in SYMMETRIC_TYPES or (
        draft.type == "SUPPORT" and draft.cameo in SYMMETRIC_SUPPORT_CODES
    ) or (draft.type == "ASSAULT" and draft.match is not None
          and draft.match.token.lemma_.lower() in MUTUAL_FIGHTING)
    if not symmetric:
        return False
    if draft.target_via_with and draft.target:
        return True
    return not draft.target and len({a.country for a in draft.source if a.country}) > 1


# --- quantities ------------------------------------------------------------------------------


def _attach_quantities(drafts: list[Draft], quantities: list[Quantity],
                       sentence: SpacySpan) -> None:
    from ..quantities import casualty_kind

    start, end = sentence.start_char, sentence.end_char
    inside = [q for q in quantities if start <= q.span.start < end]
    if not inside or not drafts:
        return
    doc = sentence.doc
    foreground = [d for d in drafts if not d.background] or drafts
    for quantity in inside:
        in_party = [d for d in drafts
                    if any(_overlaps(quantity.span, a) for a in (*d.source, *d.target))]
        if in_party:
            in_party[0].quantities.append(quantity)
            continue
        if casualty_kind(quantity) is None:
            continue
        span = doc.char_span(quantity.span.start, quantity.span.end, alignment_mode="expand")
        owner = _casualty_owner(drafts, foreground, span.root if span is not None else None)
        if owner is not None:
            owner.quantities.append(quantity)


def _overlaps(span: Span, actor: Actor) -> bool:
    return span.start < actor.end and actor.start < span.end


def _casualty_owner(drafts: list[Draft], foreground: list[Draft],
                    token: Token | None) -> Draft | None:
    """The event a casualty figure belongs to: the violent event it hangs on in the parse
    ("accused Syria of hanging up to 13,000 prisoners" → the hanging), else the sentence's
    first foreground event of a violent type."""
    if token is not None:
        ancestors = [t.i for t in token.ancestors]
        for index in ancestors:  # nearest first
            for draft in drafts:
                if draft.type in _CASUALTY_TYPES and index in (draft.anchor.i, draft.clause.i):
                    return draft
    for event_type in _CASUALTY_TYPES:
        for draft in foreground:
            if draft.type == event_type:
                return draft
    return None


def _confidence(draft: Draft) -> float:
    score = 0.45
    score += 0.25 if any(a.code for a in draft.source) else 0.0
    score += 0.1 if any(a.code for a in draft.target) else 0.0
    score += 0.1 if draft.match is not None and draft.match.pattern.when.specificity else 0.0
    score -= 0.15 if draft.background else 0.0
    return round(min(max(score, 0.05), 0.95), 2)


def _action_code(draft: Draft) -> str | None:
    """The CAMEO code of the action an agreement was about, when the intent table made it."""
    return draft.cameo if draft.intent and draft.cameo and not draft.cameo.startswith("03") \
        else None


# Verbs of talking that are consultations only between parties: "discussed his plans" alone
# is a speech, not a CONSULT.
TALKING_VERBS = frozenset({"discuss", "talk", "negotiate", "consult", "confer", "debate"})


def _lonely_consultation(draft: Draft) -> bool:
    if draft.type != "CONSULT" or draft.match is None or draft.match.is_noun:
        return False
    if draft.anchor.lemma_.lower() not in TALKING_VERBS or draft.target:
        return False
    return len(draft.source) < 2
