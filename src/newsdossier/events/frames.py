"""Statements about events: promises, threats, refusals, demands, appeals, accusations.

A trigger is often not the event itself but what somebody says about it, and event
ontologies code the saying:

* content of an intent verb — "agreed to lift the sanctions", "threatened to break off
  relations", "refused to meet": one AGREE / THREATEN / REJECT / REQUEST event, its CAMEO code
  taken from the action (intents.tsv: agree to ease sanctions = 0354), the action's PLOVER type
  kept as `intent`; the action itself is not a separate event;
* a commitment — an action in the future or conditional, announced by its own actor ("Israel
  will evacuate the settlements, a spokesman for the Israeli prime minister said", "Iran said
  it would allow inspectors", "Obama wants to attack Switzerland"): a cooperative action
  becomes AGREE, a hostile one THREATEN, a refused cooperative one ("would not provide
  support") REJECT, as the PLOVER codebook asks. A future event merely narrated ("the
  ministers will meet on Friday", "Obama is scheduled to attend a summit") stays what it is,
  with status `future`;
* a demand — "Russia said Sudan must return the helicopter": REQUEST from the speaker to the
  one who must act (10x), instead of the action; an appeal — "Obama wants Putin to attack":
  REQUEST (02x) from the one who wants to the one wanted to;
* an accusation — a political actor that says, before the report, that a third party did
  something violent or coercive ("The US said that Iraq had attacked", "Israel said a mortar
  bomb was fired at it from the Gaza Strip"): the violent event stays, `alleged` and
  attributed to the speaker, and an ACCUSE event (112) from the speaker to the accused is
  added; a report given after the fact ("..., officials said") or by the media is sourcing,
  not an accusation;
* a claim of responsibility — "The US claimed that they had attacked Iraq": a CAMEO 015
  event from the claimant, beside the attack it claims.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..entities import entity_at
from ..model import Actor, Span
from .arguments import (
    OBJECTS,
    ORIGIN_PREPOSITIONS,
    PASSIVE_SUBJECTS,
    ActorIndex,
    agent_of,
    child_with,
    is_implied_agent,
    prep_object,
    reported_clause,
    unwrapped_subject,
    verb_subject,
)
from .draft import Draft
from .intents import INTENT_TYPES, IntentTable, polarity
from .status import planned_by_noun

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

GOVERNING_TYPES = frozenset({"AGREE", "REQUEST", "THREATEN", "REJECT"})
# Intent verbs whose content decides between a promise and a threat: "vowed to fight".
SWEARING = frozenset({"vow", "swear", "pledge", "promise", "commit"})
_CONTENT_DEPS = frozenset({"xcomp", "ccomp", "pcomp", "pobj", "prep", "acl", "advcl"})
COMMITTING = frozenset({
    "plan", "intend", "want", "seek", "aim", "hope", "vow", "swear", "pledge", "promise",
    "threaten", "offer", "agree", "wish", "ready", "willing", "determined", "prepared",
    "decide", "resolve", "undertake", "commit",
})
APPEALING = frozenset({"want", "wish", "expect", "like", "need"})
DEMAND_MODALS = frozenset({"must", "should", "ought"})
DEMAND_VERBS = frozenset({"have", "need"})
# Nouns that carry a demand in their that-clause: "a stern reminder to Iraq that it must".
DEMANDING_NOUNS = frozenset({"reminder", "warning", "message", "call", "ultimatum", "note",
                             "letter", "statement", "declaration", "resolution", "insistence"})
ACCUSABLE = frozenset({"ASSAULT", "COERCE"})
# Verbs that count the harmed rather than tell a wrong: "90 civilians were wounded".
TOLL_VERBS = frozenset({"wound", "injure", "kill", "hurt", "die"})
# Armed sides whose backing by another party is an accusation when a state tells it:
# "according to the minister, the rebels are backed by Iran".
ARMED_SECTORS = frozenset({"REB", "UAF", "IMG"})
# Verbs that lay an act at someone's door, with the preposition naming the culprit:
# "blamed the bombing on the Taliban", "attributed the attack to Houthi rebels".
LAYING_BLAME = {"blame": "on", "attribute": "to", "ascribe": "to", "pin": "on"}
# Verbs that name the culprit as their object and the act after "for"/"of": "blamed the
# Taliban for the bombing", "held the army responsible for the killings", "accused the
# militia of the massacre".
BLAMING_THE_CULPRIT = {"blame": "for", "hold": "for", "accuse": "of", "condemn": "for",
                       "criticize": "for", "criticise": "for"}
RESPONSIBILITY_VERBS = frozenset({"claim", "admit", "acknowledge", "confess"})
REPORTED_STATUSES = frozenset({"asserted", "reported", "alleged", "historical"})
MEDIA_SECTOR = "JRN"


def demanded_clause(clause: Token) -> bool:
    """A clause with "must", "should", "ought to", or "have/need to" + verb."""
    if any(c.dep_ == "aux" and c.lower_ in DEMAND_MODALS for c in clause.children):
        return True
    head = clause.head
    return clause.dep_ == "xcomp" and head.lemma_.lower() in DEMAND_VERBS and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in clause.children
    ) and head.i != clause.i


def _same(left: Actor, right: Actor) -> bool:
    if (left.start, left.end) == (right.start, right.end):
        return True
    if left.name and left.name == right.name:
        return True
    if not left.country or left.country != right.country:
        return False
    return left.sector is None or right.sector is None or left.sector == right.sector


def _tells_a_known_event(clause: Token) -> bool:
    """'the attack had killed twelve', 'the night's incidents injured fourteen': a clause
    whose subject is a definite common noun that is no party (or a definite event noun
    itself) reports on an event the reader knows, it does not newly impute one."""
    subject = verb_subject(clause) if clause.pos_ in ("VERB", "AUX") else clause
    if subject is None or subject.pos_ != "NOUN" or subject.ent_type_:
        return False
    return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "that"))
               for c in subject.children)


def _same_body(speakers: list[Actor], accused: list[Actor]) -> bool:
    """'The police director said 71 people were arrested': the speaker's own kind of body,
    named without a country, is the speaker's side."""
    sectors = {a.sector for a in speakers if a.sector}
    return bool(accused) and all(a.country is None and a.sector in sectors for a in accused)


STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})


def _own_state(speakers: list[Actor], accused: list[Actor]) -> bool:
    """'Iranian officials acknowledged their military had shot down …': organs of one state
    telling of each other admit or report, they do not accuse; nor does anyone of 'their'
    own forces."""
    if accused and all(a.text.lower().startswith(("their ", "its ", "our ")) for a in accused):
        return True
    countries = {a.country for a in speakers if a.country and a.sector in STATE_SECTORS}
    return bool(accused) and all(a.country in countries and a.sector in STATE_SECTORS
                                 for a in accused)


def same_party(left: list[Actor], right: list[Actor]) -> bool:
    """Whether two argument lists name the same party: the same mention or name, or the same
    country with compatible sectors ("Portugal" and "Portuguese President X" are one party,
    "Rwandan rebels" and "President Kagame" are two)."""
    return any(_same(a, b) for a in left for b in right)


def _is_generic(code: str | None, intents: IntentTable) -> bool:
    """A code that says no more than its statement kind ("030", "130", "020" ...)."""
    generic = {intents.code(kind, None)[0] for kind in INTENT_TYPES}
    return code is None or code in generic or len(code) <= 2


NAMED_LABELS = frozenset({"ORG", "PERSON", "GPE", "NORP", "FAC"})


def _noun_speaker(noun: Token) -> Token | None:
    """Who issued a statement noun: its possessor, or the subject of its verb."""
    possessor = next((c for c in noun.children if c.dep_ == "poss"), None)
    if possessor is not None:
        return possessor
    return agent_of(noun.head) if noun.head.pos_ in ("VERB", "AUX") else None


# PLOVER: "Cooperative actions of types CONSULT, SUPPORT, COOPERATE, and AID reported in
# future tense are also taken to imply intentions and should be coded as AGREE."
FUTURE_AGREE_TYPES = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
_FUTURE_WORDS = frozenset({"will", "shall", "'ll", "wo", "would"})


def _future_tense(clause: Token) -> bool:
    """'will meet', 'would provide' (also through "will be able to", "will continue to")."""
    node = clause
    for _ in range(3):
        if any(c.dep_ == "aux" and c.lower_ in _FUTURE_WORDS for c in node.children):
            return True
        if node.dep_ not in ("xcomp", "conj") or node.head.i == node.i:
            return False
        node = node.head
    return False


def _unless_clause(clause: Token) -> Token | None:
    node = clause
    for _ in range(3):
        for child in node.children:
            if child.dep_ == "advcl" and any(m.lower_ == "unless" for m in child.children):
                return child
        if node.dep_ not in ("xcomp", "conj", "ccomp") or node.head.i == node.i:
            return None
        node = node.head
    return None


def _conditioned_by_unless(clause: Token) -> bool:
    return _unless_clause(clause) is not None


def _unless_subject(clause: Token) -> Token | None:
    """'threatened to strike unless Israel rescinded ...': the threat is aimed at Israel."""
    condition = _unless_clause(clause)
    return verb_subject(condition) if condition is not None else None


class Frames:
    """Applies the statement frames to one sentence's drafts."""

    def __init__(self, intents: IntentTable, index: ActorIndex,
                 span_of: Callable[[Token], Span], reporting_verbs: dict[str, str]) -> None:
        self.intents = intents
        self.index = index
        self.span_of = span_of
        self.reporting_verbs = reporting_verbs

    def apply(self, drafts: list[Draft], sentence: SpacySpan, sentence_span: Span,
              date_of: Callable[[Span], str | None]) -> list[Draft]:
        """The drafts after absorbing contents, plus the statements the frames add."""
        added = self._statements(drafts)
        for draft in added:  # a statement is dated by its own clause ("admitted on Saturday
            # that …", "reported in 2024 that …"), not by what it reports
            if draft.match is None:
                draft.date = date_of(draft.trigger)
        bare = self._bare_demands(sentence, drafts + added)
        for draft in bare:
            draft.sentence, draft.date = sentence_span, date_of(draft.trigger)
        return drafts + added + bare

    def _statements(self, drafts: list[Draft]) -> list[Draft]:
        by_anchor = {d.anchor.i: d for d in drafts if d.match is not None}
        for draft in drafts:
            self._absorb(draft, by_anchor)
        added: list[Draft] = []
        for draft in drafts:
            if draft.dropped or draft.match is None:
                continue
            made = (self._demand(draft) or self._appeal(draft))
            if made is not None:
                added.append(made)
                continue
            self._commitment(draft)
            blame = self._blamed(draft, by_anchor)
            if blame is not None:
                if blame.match is None:
                    added.append(blame)
                continue
            added.extend(self._accusation(draft, by_anchor))
            responsibility = self._responsibility(draft)
            if responsibility is not None:
                added.append(responsibility)
        return added

    # --- content of an intent verb -----------------------------------------------------------

    def _governor(self, draft: Draft, by_anchor: dict[int, Draft]) -> Draft | None:
        node = draft.clause
        for _ in range(4):
            if node.dep_ not in _CONTENT_DEPS or node.head.i == node.i:
                return None
            content_dep = node.dep_
            node = node.head
            governor = by_anchor.get(node.i)
            if governor is not None and governor is not draft:
                return governor if governor.type in GOVERNING_TYPES else None
            if content_dep == "ccomp":  # "reiterated its demand that Israel ease ..."
                obj = child_with(node, OBJECTS)
                governor = by_anchor.get(obj.i) if obj is not None else None
                if governor is not None and governor.type in GOVERNING_TYPES:
                    return governor
        return None

    def _absorb(self, draft: Draft, by_anchor: dict[int, Draft]) -> None:
        governor = self._governor(draft, by_anchor)
        if governor is None or draft.type is None:
            return
        kind = self._kind_for(governor, draft)
        if kind is not None and _is_generic(governor.cameo, self.intents):
            governor.cameo, mode = self.intents.code(kind, draft.cameo)
            governor.type = INTENT_TYPES[kind]
            governor.mode = mode or governor.mode
        governor.intent = governor.intent or draft.type
        if not governor.target and governor.type == "THREATEN":
            governor.target = self.index.actors_for(_unless_subject(draft.clause))
        if not governor.target:
            governor.target = list(draft.source if governor.type == "REQUEST" else draft.target)
            if not governor.target and governor.type == "REQUEST":
                governor.target = list(draft.target)
        draft.dropped = True

    @staticmethod
    def _kind_for(governor: Draft, content: Draft) -> str | None:
        lemma = governor.anchor.lemma_.lower()
        if governor.type == "AGREE":
            if lemma in SWEARING and polarity(content.type) == "hostile":
                return "threaten"
            return "agree"
        if governor.type == "THREATEN":
            return "threaten"
        if governor.type == "REJECT":
            return "reject"
        if governor.type == "REQUEST":
            return "demand" if (governor.cameo or "").startswith("10") else "appeal"
        return None

    # --- promises and threats ----------------------------------------------------------------

    def _committer(self, draft: Draft) -> list[Actor] | None:
        """Who commits to the action: its own actor announcing it, or None."""
        clause = draft.clause
        if clause.dep_ == "xcomp" and clause.head.lemma_.lower() in COMMITTING:
            return draft.source or self.index.actors_for(verb_subject(clause.head))
        if clause.dep_ == "xcomp" and clause.head.lemma_ == "be" and any(
            c.dep_ == "acomp" and c.lemma_.lower() in COMMITTING for c in clause.head.children
        ):
            return draft.source or self.index.actors_for(verb_subject(clause.head))
        if planned_by_noun(clause):  # "German firms announced plans to pull out"
            noun = clause.head
            owner = child_with(noun, ("poss",))
            if owner is None and noun.dep_ in ("dobj", "nsubjpass") and noun.head.pos_ in (
                    "VERB", "AUX"):
                owner = verb_subject(noun.head)
            owners = self.index.actors_for(owner) if owner is not None else []
            if owners:
                return draft.source or owners
        finding = draft.finding
        if finding is None or finding.attribution is None:
            return None
        speakers = self.index.actors_for(finding.attribution.speaker)
        if not speakers or not any(a.code for a in speakers):
            return None
        if not draft.source or same_party(speakers, draft.source):
            return draft.source or speakers
        return None

    def _commitment(self, draft: Draft) -> None:
        finding = draft.finding
        planned = planned_by_noun(draft.clause)  # "plans to pull out": the plan is the news
        if finding is None or finding.modality is None or (draft.background and not planned):
            return
        side = polarity(draft.type)
        if side is None or draft.type == "THREATEN":
            return
        if finding.negated:
            kind = "reject" if side == "cooperative" else None
        elif _conditioned_by_unless(draft.clause):
            kind = "threaten"  # "will withdraw its force unless ..."
        else:
            kind = "agree" if side == "cooperative" else "threaten"
        if kind is None:
            return
        committer = self._committer(draft)
        if committer is None and kind == "agree" and draft.type in FUTURE_AGREE_TYPES and (
            _future_tense(draft.clause) and draft.source
        ):
            committer = draft.source  # the codebook: cooperation in the future tense
        if committer is None:
            return
        if kind == "threaten" and not draft.target:
            draft.target = self.index.actors_for(_unless_subject(draft.clause))
        draft.intent = draft.type
        if planned:
            draft.background = False
        draft.type = INTENT_TYPES[kind]
        draft.cameo, draft.mode = self.intents.code(kind, draft.cameo)
        draft.source = committer
        draft.status = "asserted"
        if finding.attribution is not None and draft.attributed_to is None:
            speakers = self.index.actors_for(finding.attribution.speaker)
            draft.attributed_to = speakers[0] if speakers else None

    # --- demands and appeals -----------------------------------------------------------------

    @staticmethod
    def _demanded(clause: Token) -> bool:
        """'Sudan must return', 'the US must be ready to mediate', 'Iraq has to comply'."""
        node = clause
        for _ in range(3):
            if demanded_clause(node):
                return True
            if node.dep_ != "xcomp" or node.head.i == node.i:
                return False
            node = node.head
        return False

    def _statement(self, anchor: Token, source: list[Actor], target: list[Actor],
                   content: Draft, kind: str) -> Draft:
        cameo, mode = self.intents.code(kind, content.cameo)
        return Draft(match=None, trigger=self.span_of(anchor), anchor=anchor,
                     sentence=content.sentence, type=INTENT_TYPES[kind], cameo=cameo,
                     mode=mode, context=list(content.context), source=source, target=target,
                     status="asserted", finding=None, date=content.date,
                     background=content.background, intent=content.type)

    def _demand(self, draft: Draft) -> Draft | None:
        finding = draft.finding
        if finding is None or finding.attribution is None or draft.type is None:
            return None
        clause = draft.clause
        if not self._demanded(clause) or finding.attribution.stance not in ("say", "allege"):
            return None
        speakers = self.index.actors_for(finding.attribution.speaker)
        if not speakers or same_party(speakers, draft.source):
            return None
        draft.dropped = True
        target = draft.source or draft.target
        return self._statement(finding.attribution.verb, speakers, list(target), draft,
                               "demand")

    def _bare_demands(self, sentence: SpacySpan, drafts: list[Draft]) -> list[Draft]:
        """'The Red Cross said US and British forces must ensure security': a demand even
        when the action demanded is no event of the pattern table."""
        made: list[Draft] = []
        taken = {d.anchor.i for d in drafts if d.type == "REQUEST"}
        for token in sentence:
            if token.i in taken:
                continue
            is_verb = token.pos_ in ("VERB", "AUX") and (
                self.reporting_verbs.get(token.lemma_.lower()) in ("say", "allege")
            )
            if not is_verb and token.lemma_.lower() not in DEMANDING_NOUNS:
                continue
            for clause in token.children:
                if clause.dep_ not in ("ccomp", "acl") or not self._demanded(clause):
                    continue
                draft = self._bare_demand(token, clause, is_verb)
                if draft is not None:
                    made.append(draft)
                    break
        return made

    def _bare_demand(self, cue: Token, clause: Token, is_verb: bool) -> Draft | None:
        speaker_head = child_with(cue, ("nsubj",)) if is_verb else _noun_speaker(cue)
        if speaker_head is not None:
            speaker_head = unwrapped_subject(speaker_head)
        speakers = self.index.actors_for(speaker_head)
        addressee = prep_object(cue, "to") if not is_verb else None
        targets = self.index.actors_for(addressee) if addressee is not None else []
        if not targets:
            targets = self.index.actors_for(verb_subject(clause))
        named = speaker_head is not None and speaker_head.ent_type_ in NAMED_LABELS
        if not (named or any(a.code for a in speakers)) or not any(a.code for a in targets):
            return None  # an opinion of someone unknown, or about no one in particular
        if not speakers:
            speakers = self.index.actors_for(speaker_head) or [self._named(speaker_head)]
        if same_party(speakers, targets):
            return None
        trigger = self.span_of(cue)
        return Draft(match=None, trigger=trigger, anchor=cue, sentence=trigger,
                     type="REQUEST", cameo="100", mode=None, context=[], source=speakers,
                     target=targets, status="asserted", finding=None, date=None)

    @staticmethod
    def _named(token: Token) -> Actor:
        """An uncoded named speaker ("the Third World Water Forum"), kept by its name."""
        entity = entity_at(token)
        start, end = (entity.start_char, entity.end_char) if entity is not None else (
            token.idx, token.idx + len(token))
        return Actor(text=entity.text if entity is not None else token.text, start=start,
                     end=end)

    def _appeal(self, draft: Draft) -> Draft | None:
        clause = draft.clause
        head = clause.head
        if clause.dep_ not in ("xcomp", "ccomp") or draft.type is None:
            return None
        if head.lemma_.lower() not in APPEALING or head.pos_ not in ("VERB", "AUX"):
            return None
        if clause.dep_ == "xcomp":
            wanted = child_with(head, OBJECTS)
        else:  # "Obama wants Putin to attack" parsed with "Putin" as the clause's subject
            wanted = child_with(clause, ("nsubj",))
            if wanted is None or not any(c.lower_ == "to" for c in clause.children):
                return None
        if wanted is None:
            return None
        wanting = self.index.actors_for(verb_subject(head))
        if not wanting or same_party(wanting, self.index.actors_for(wanted)):
            return None
        draft.dropped = True
        return self._statement(head, wanting, self.index.actors_for(wanted), draft, "appeal")

    # --- accusations and claims of responsibility ----------------------------------------

    def _accused(self, draft: Draft) -> list[Actor]:
        # an agent implied by the act ("were arrested": police) is nobody
        named = [a for a in draft.source if not is_implied_agent(a, draft.trigger)]
        if named:
            return named
        origin = self.index.located([draft.clause, draft.anchor], ORIGIN_PREPOSITIONS)
        return [origin] if origin is not None else []

    def _accusation(self, draft: Draft, by_anchor: dict[int, Draft]) -> list[Draft]:
        finding = draft.finding
        if finding is not None and finding.attribution is not None:
            stated = by_anchor.get(finding.attribution.verb.i)
            if stated is not None and stated.type == "ACCUSE" and stated is not draft:
                draft.reported_in = stated  # "a report alleged that ... carried out killings"
        if (finding is None or draft.background or not _accusable(draft)
                or draft.status not in REPORTED_STATUSES):
            return []
        attribution = finding.attribution
        if attribution is None:
            cue, speaker = _fronted_according_to(finding.speaker_token, draft.anchor)
        elif attribution.fronted and attribution.stance in ("say", "allege"):
            cue, speaker = attribution.verb, attribution.speaker
        else:
            return []
        if cue is None:
            return []
        if draft.clause.tag_ == "VBG" and reported_clause(draft.clause) is not None:
            return []  # "Jets bombed the town, rebels said, killing 12": the report goes on
        speakers = [a for a in self.index.actors_for(speaker) if a.country]
        if not speakers or any(a.sector == MEDIA_SECTOR for a in speakers):
            return []
        accused = self._accused(draft)
        if not accused and draft.anchor.lemma_.lower() in TOLL_VERBS and not _foreign(
                draft.target, speakers) and not any(
                other.type in ACCUSABLE and other is not draft for other in by_anchor.values()):
            # "the spokesman said 90 civilians were wounded": a toll, no one accused (but
            # "said 50 detainees a day were hanged" tells of a wrong done by someone)
            return []
        if attribution is None and not _foreign(accused, speakers):
            return []  # "according to police, gunmen attacked a bus": sourcing
        if not accused and any(is_implied_agent(a, draft.trigger) for a in draft.source):
            return []  # "said 71 people were arrested": the police's own act, no one accused
        if same_party(speakers, accused) or _same_body(speakers, accused) or (
                _own_state(speakers, accused)):
            return []  # their own side
        if not any(a.code for a in accused) and _tells_a_known_event(draft.clause):
            return []  # a toll of an attack already told ("said the attack had killed 12")
        draft.status = "alleged"
        draft.attributed_to = draft.attributed_to or speakers[0]
        existing = by_anchor.get(cue.i)
        if existing is not None:
            if existing.type == "ACCUSE" and not existing.target:
                existing.target = accused
            if existing.type == "ACCUSE":
                draft.reported_in = existing
            return []
        return [self._accusing(cue, draft, speakers, accused)]

    def _blamed(self, draft: Draft, by_anchor: dict[int, Draft]) -> Draft | None:
        """'Kabul blamed the bombing on the Taliban', 'attributed the attack to Houthi
        rebels', 'blamed the Taliban for the bombing': the act is alleged, done by the one
        blamed; the blaming is an accusation of them (made here when no trigger made one)."""
        if draft.type not in ACCUSABLE or draft.match is None or not draft.match.is_noun:
            return None
        found = _blaming_verb(draft.anchor)
        if found is None:
            return None
        verb, culprit_token = found
        culprits = [a for a in self.index.actors_for(culprit_token) if a.code]
        accusers = self.index.actors_for(verb_subject(verb))
        if not culprits or same_party(culprits, accusers):
            return None
        draft.source = culprits
        draft.target = [a for a in draft.target if not same_party([a], culprits)]
        draft.status = "alleged"
        if accusers:
            draft.attributed_to = draft.attributed_to or accusers[0]
        existing = by_anchor.get(verb.i)
        if existing is not None and existing.type == "ACCUSE" and not any(
                a.code for a in existing.source) and not accusers:
            existing.dropped = True  # "an attack blamed on X": no accuser, only the doubt
            return None
        if existing is not None and existing.type == "ACCUSE":
            existing.target = culprits
            draft.reported_in = existing
            return existing
        if not accusers:
            return None
        return self._accusing(verb, draft, accusers, culprits)

    def _accusing(self, cue: Token, draft: Draft, accusers: list[Actor],
                  accused: list[Actor]) -> Draft:
        """The accusation (112) a cue makes of the act in `draft`, which it now reports."""
        accusation = Draft(match=None, trigger=self.span_of(cue), anchor=cue,
                           sentence=draft.sentence, type="ACCUSE", cameo="112",
                           mode="allege", context=list(draft.context), source=accusers,
                           target=accused, status="asserted", finding=None,
                           date=draft.date, intent=draft.type)
        draft.reported_in = accusation
        return accusation

    def _responsibility(self, draft: Draft) -> Draft | None:
        finding = draft.finding
        if finding is None or finding.attribution is None or draft.type not in ACCUSABLE:
            return None
        verb = finding.attribution.verb
        if verb.lemma_.lower() not in RESPONSIBILITY_VERBS:
            return None
        speakers = self.index.actors_for(finding.attribution.speaker)
        if not speakers or not same_party(speakers, draft.source):
            return None
        claim = Draft(match=None, trigger=self.span_of(verb), anchor=verb,
                      sentence=draft.sentence, type=None, cameo="015", mode=None, context=[],
                      source=speakers, target=list(draft.target), status="asserted",
                      finding=None, date=draft.date, intent=draft.type)
        draft.reported_in = claim
        return claim


def _blaming_verb(noun: Token) -> tuple[Token, Token] | None:
    """The verb that blames someone for this act and the one it blames."""
    head = noun.head
    for participle in noun.children:  # "an attack blamed on al-Shabaab"
        if participle.dep_ == "acl" and participle.lemma_.lower() in LAYING_BLAME:
            culprit = prep_object(participle, LAYING_BLAME[participle.lemma_.lower()])
            if culprit is not None:
                return participle, culprit
    if noun.dep_ in (*OBJECTS, *PASSIVE_SUBJECTS) and head.lemma_.lower() in LAYING_BLAME:
        # "blamed the bombing on the Taliban", "the bombing was attributed to the Taliban"
        preposition = LAYING_BLAME[head.lemma_.lower()]
        culprit = prep_object(head, preposition) or prep_object(noun, preposition)
        return (head, culprit) if culprit is not None else None
    if noun.dep_ != "pobj" or head.dep_ != "prep":
        return None
    verb = head.head
    if verb.lemma_.lower() in ("responsible", "accountable"):
        if verb.dep_ == "amod":  # "held [the Taliban responsible] for …"
            culprit, holder = verb.head, verb.head.head
            return (holder, culprit) if holder.lemma_.lower() == "hold" else None
        if verb.dep_ not in ("oprd", "acomp", "xcomp"):
            return None
        verb = verb.head  # "held the Taliban responsible for the bombing"
    elif verb.lemma_.lower() == "hold":
        return None
    lemma = verb.lemma_.lower()
    if BLAMING_THE_CULPRIT.get(lemma) != head.lower_:
        return None
    culprit = child_with(verb, OBJECTS)
    return (verb, culprit) if culprit is not None else None


def _accusable(draft: Draft) -> bool:
    """Violence and coercion; and backing an armed side ("the rebels are backed by Iran")."""
    if draft.type in ACCUSABLE:
        return True
    return draft.type in ("SUPPORT", "AID") and any(
        a.sector in ARMED_SECTORS or a.country == "IMG" for a in draft.target)


def _fronted_according_to(speaker: Token | None, anchor: Token) -> tuple[
        Token | None, Token | None]:
    """'According to the minister, the rebels are backed by Iran': the word "according"
    and the speaker, when said before the event."""
    if speaker is None or speaker.head.lower_ != "to":
        return None, None
    according = speaker.head.head
    if according.lower_ != "according" or according.i > anchor.i:
        return None, None
    return according, speaker


def _foreign(accused: list[Actor], speakers: list[Actor]) -> bool:
    """A party of another country than every speaker's."""
    countries = {a.country for a in speakers}
    return any(a.country and a.country not in countries for a in accused)
