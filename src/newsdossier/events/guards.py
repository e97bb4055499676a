"""Guards on violence: what is worded like an attack but is no attack between actors.

* A disaster, disease or accident is no event between actors (`data/events/mishaps.tsv`):
  an ASSAULT whose cause is one — the subject or "by" agent of the trigger ("the virus has
  killed 813", "a fire at a factory killed 40"), the verb a participle hangs on ("a plane
  crashed near Kathmandu, killing 72"), or what the victims died "in", "from" or "during"
  ("killed in the flood") — is dropped. Nothing else names an attacker there; an actor
  named as the attacker ("rebels set fire to the market") keeps the event.
* A politician "attacking" another over something is criticism, not violence: an ASSAULT
  whose source and target are both named people and whose trigger carries no weapon or
  place ("Biden attacked Trump over the deaths"), or whose object is a policy, a ruling or
  a statement ("attacking the subpoena"), is an ACCUSE (CAMEO 111, criticize).
* A verbal act needs someone who can speak: one whose subject is a common noun naming no
  party ("evidence supported his murder") is no event.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..tables import table_sources
from .arguments import OBJECT_CONTROL, agent_of, is_passive, prep_object, verb_subject
from .triggers import measured, object_of

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..model import Actor
    from .draft import Draft

CAUSE_PREPOSITIONS = ("in", "from", "during", "by", "after", "amid")
# What a disaster or accident can be worded as: an attack, a blockade, a restriction.
MISHAP_WORDED = frozenset({"ASSAULT", "PROTEST", "COERCE"})
# Words of violence by someone: a sentence with one is no mere casualty of a mishap.
ATTACK_NOUNS = frozenset({"attack", "attacker", "bomb", "bombing", "bomber", "shoot", "shooting",
                          "shooter", "gunman", "gunfire", "gun", "stab", "stabbing", "assault",
                          "raid", "strike", "airstrike", "shell", "shelling", "militant",
                          "murder", "ambush", "suspect", "assailant", "explosive", "rocket"})
WEAPON_PREPOSITIONS = ("with", "at", "in", "near", "on")
CRITICIZE = ("ACCUSE", "111")
# What can be attacked only in words.
ABSTRACT_TARGETS = frozenset({
    "decision", "plan", "policy", "law", "bill", "ruling", "subpoena", "proposal",
    "statement", "remark", "comment", "claim", "move", "deal", "agreement", "investigation",
    "probe", "verdict", "measure", "budget", "idea", "strategy", "approach", "programme",
    "program", "report", "legislation", "reform", "handling", "response", "record", "speech",
    "policies", "decree", "order", "motion", "resolution", "war", "capitalism", "socialism",
    "system", "ideology", "notion", "concept", "practice", "view", "stance",
    "rhetoric", "tactic", "culture", "establishment",
})
# A war is fought, not attacked: "fought a war over the region" is the fighting itself.
FOUGHT_THINGS = frozenset({"war", "battle", "conflict"})
FIGHTING_VERBS = frozenset({"fight", "wage"})
# Verbal acts need someone who can speak: "evidence supported his murder" is none.
VERBAL_TYPES = frozenset({"SUPPORT", "ACCUSE", "REJECT", "REQUEST", "AGREE", "THREATEN",
                          "CONCEDE", "CONSULT"})
MUTE_THINGS = frozenset({"evidence", "data", "fact", "finding", "figure", "number", "result",
                         "record", "image", "footage", "photo", "photograph", "picture",
                         "analysis", "trend", "situation", "development", "event", "incident",
                         "outcome", "vote", "move", "decision", "change",
                         "statistic", "sample", "test", "experiment", "research"})


# What an investigation looks into, beyond the event words of the pattern table.
WRONGDOINGS = frozenset({
    "allegation", "accusation", "claim", "complaint", "case", "incident", "matter", "conduct",
    "behavior", "behaviour", "circumstance", "cause", "death", "fraud", "corruption",
    "wrongdoing", "misconduct", "abuse", "violation", "crime", "leak", "breach", "scandal",
    "irregularity", "record", "account", "finance", "payment", "transaction", "activity",
    "role", "involvement", "link", "tie", "connection", "report", "rumor", "rumour",
})
PARTITIVES = frozenset({"type", "kind", "sort", "sample", "number", "set", "group", "piece",
                        "part", "range", "variety"})


# CAMEO codes of acts done to people only: release of persons, execution.
PEOPLE_ONLY_ACTS = frozenset({"0841", "1823"})
PERSONAL_PRONOUNS = frozenset({"him", "her", "them", "me", "us", "he", "she", "they", "we",
                               "i", "you", "himself", "herself", "themselves"})
HABITUAL_ADVERBS = frozenset({"historically", "usually", "often", "typically", "generally",
                              "traditionally", "normally", "routinely", "frequently",
                              "customarily", "habitually", "commonly", "seldom", "rarely"})

# With the present perfect they tell a stance or a custom held over time, not an act: "the
# union has always condemned violence", "she has long opposed the dam". (Acts done again and
# again are still acts: "Congress has repeatedly denied funding", "X have attacked journalists
# previously".)
STANDING_ADVERBS = frozenset({"always", "long", "consistently", "regularly", "constantly",
                              "continually", "ever", "persistently", "invariably"})


# Texts that say things but do nothing: as an event's subject, no one acts.
DOCUMENTS = frozenset({
    "law", "directive", "regulation", "treaty", "constitution", "rule", "guideline", "charter",
    "convention", "provision", "clause", "amendment", "statute", "code", "act", "legislation",
    "protocol", "framework", "manual", "handbook", "policy", "measure", "order",
    "decree", "ruling", "bill", "ordinance",
})
# What no weapon reaches: violence said of these is a figure of speech.
INTANGIBLES = frozenset({
    "democracy", "freedom", "unity", "reputation", "career", "trust", "hope", "value",
    "culture", "credibility", "relationship", "chance", "legacy", "dream", "confidence",
    "future", "image", "dignity", "spirit", "morale", "tradition", "identity", "faith",
    "economy", "prospect", "talk", "negotiation", "process", "momentum",
})


class MishapError(ValueError):
    """A mishap word table is malformed."""


class Mishaps:
    """Words naming disasters, diseases and accidents, by part of speech."""

    def __init__(self, nouns: frozenset[str], verbs: frozenset[str]) -> None:
        self.nouns = nouns
        self.verbs = verbs

    @classmethod
    def load(cls, extra_files: Sequence[str | Path] = ()) -> Mishaps:
        words: dict[str, set[str]] = {"NOUN": set(), "VERB": set()}
        for name, lines in table_sources(["events/mishaps.tsv"], extra_files, MishapError):
            for number, line in enumerate(lines, start=1):
                if not line.strip() or line.startswith("#"):
                    continue
                parts = [p.strip() for p in line.split("\t")]
                if len(parts) < 2 or parts[1] not in ("NOUN", "VERB", "-"):
                    raise MishapError(f"{name}:{number}: want lemma<TAB>NOUN|VERB|-")
                lemma = parts[0].lower()
                if parts[1] == "-":
                    for kind in words.values():
                        kind.discard(lemma)
                else:
                    words[parts[1]].add(lemma)
        return cls(frozenset(words["NOUN"]), frozenset(words["VERB"]))

    def names_mishap(self, token: Token | None) -> bool:
        if token is None:
            return False
        lemma = token.lemma_.lower()
        if token.pos_ in ("VERB", "AUX"):
            return lemma in self.verbs
        # "a fire at a factory", "the plane crash": the head or its compound
        return lemma in self.nouns or any(
            c.dep_ == "compound" and c.lemma_.lower() in self.nouns for c in token.children)

    def warns_of_a_mishap(self, draft: Draft) -> bool:
        """'The weather service warned of flash floods', 'issued a hurricane warning': a
        warning of a disaster threatens no one."""
        if draft.type != "THREATEN" or draft.match is None:
            return False
        trigger = draft.match.token
        warned = [trigger, *(prep_object(trigger, p) for p in ("of", "about", "for"))]
        if not draft.match.is_noun:
            warned.append(_object(trigger))
        return any(self.names_mishap(t) for t in warned if t is not None and (
            t.pos_ in ("NOUN", "PROPN")))

    def _it_is_a_mishap(self, pronoun: Token | None) -> bool:
        """'it' / 'the disease' told as the subject of a sentence right after one whose
        subject or object names a disease or disaster ("The virus spread … It has killed
        three")."""
        if pronoun is None or pronoun.lower_ not in ("it", "which"):
            return False
        sentence = pronoun.sent
        if sentence.start == 0:
            return False
        previous = pronoun.doc[sentence.start - 1].sent
        before = [t for t in (*previous, *sentence[: pronoun.i - sentence.start])
                  if t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("nsubj", "nsubjpass", "dobj",
                                                               "pobj", "appos")]
        return (bool(before) and self.names_mishap(before[-1])) or any(
            self.names_mishap(t) and t.dep_ in ("nsubj", "nsubjpass") for t in before)

    def _a_mishap_when(self, clause: Token) -> bool:
        """'seven people were killed when a bomber crashed at the airport': a clause of
        time on the killing that tells a mishap (its verb, or its subject)."""
        timed = clause.dep_ == "relcl" and clause.head.ent_type_ in ("DATE", "TIME")
        if (clause.dep_ != "advcl" and not timed) or not any(
                c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "as", "after")
                for c in clause.children):
            return False
        return self.names_mishap(clause) or self.names_mishap(verb_subject(clause))

    def caused_by_mishap(self, draft: Draft) -> bool:
        """Whether an attack-worded event is a disaster, disease or accident."""
        if draft.type not in MISHAP_WORDED or draft.match is None:
            return False
        clause = draft.clause
        cause = agent_of(clause) if clause.pos_ in ("VERB", "AUX") else None
        if cause is not None and cause.tag_ in ("WDT", "WP") and clause.dep_ == "relcl":
            cause = clause.head  # "an earthquake that struck the south"
        if self.names_mishap(cause) or self._it_is_a_mishap(cause):
            return True
        if draft.type != "ASSAULT":
            return False  # "the typhoon blocked roads": only its doer makes it no protest
        if clause.pos_ in ("VERB", "AUX") and any(
                self._a_mishap_when(c) for verb in (clause, *clause.conjuncts)
                for c in _clauses_of_time(verb)):
            return True  # "a woman was killed and five were injured when a tree fell"
        if clause.pos_ in ("VERB", "AUX") and _by_private_people(draft) and any(
                _done_by_accident(v) for verb in (clause, *clause.conjuncts)
                for v in (verb, *_clauses_of_time(verb))):
            return True  # "was killed when a neighbour accidentally hit her"
        if clause.pos_ == "VERB" and any(self.names_mishap(v) or self._caused_by_a_mishap(v)
                                         for v in clause.conjuncts):
            return True  # "it has infected 200 and killed three", "… and was caused by a leak"
        if clause.dep_ in ("advcl", "conj", "xcomp") and clause.tag_ == "VBG":
            governor = clause.head
            if self.names_mishap(governor) or self.names_mishap(verb_subject(governor)):
                return True
        if cause is not None and any(a.code and a.sector != "UNK" for a in draft.source):
            return False  # "rebels killed ten people in a fire they set": an attacker named
        if any(self.names_mishap(prep_object(clause, p)) for p in CAUSE_PREPOSITIONS):
            return True
        return cause is None and not draft.source and self._told_after_a_mishap(clause)

    def _caused_by_a_mishap(self, verb: Token) -> bool:
        """'… and may have been caused by a gas leak'."""
        return verb.lemma_.lower() == "cause" and self.names_mishap(agent_of(verb))

    def _told_after_a_mishap(self, clause: Token) -> bool:
        """'Dunn was killed in the crash. A passenger was injured.': a casualty with no doer
        and no attack named in its own sentence, told right after a sentence whose casualty
        was a mishap, is one more casualty of it."""
        sentence = clause.sent
        if not is_passive(clause) or sentence.start == 0 or any(
                t.lemma_.lower() in ATTACK_NOUNS for t in sentence):
            return False
        previous = clause.doc[sentence.start - 1].sent
        return not any(t.lemma_.lower() in ATTACK_NOUNS for t in previous) and any(
            self.names_mishap(t) for t in previous if t.pos_ in ("NOUN", "VERB"))


ACCIDENTAL_WORDS = frozenset({"accidentally", "inadvertently", "unintentionally"})


def _by_private_people(draft: Draft) -> bool:
    """No state, armed group or organisation among the doers: a military that shot down a
    jet "unintentionally" still attacked it."""
    return all(a.code is None or (a.country is None and a.sector in PRIVATE_SECTORS)
               for a in draft.source)


PRIVATE_SECTORS = frozenset({"CVL", "UNK", None})


def _done_by_accident(verb: Token) -> bool:
    """'accidentally hit her', 'shot him by accident'."""
    return any(c.lower_ in ACCIDENTAL_WORDS for c in verb.children if c.dep_ == "advmod") or (
        any(c.dep_ == "prep" and c.lower_ == "by" and any(
            g.lemma_.lower() == "accident" for g in c.children) for c in verb.children))


# The public a warning can be given to as advice: "warned drivers to stay off the roads".
ADVISED_PUBLIC = frozenset({"people", "public", "resident", "driver", "motorist", "consumer",
                            "traveller", "traveler", "citizen", "tourist", "parent", "shopper",
                            "visitor", "passenger", "customer", "patient", "swimmer", "hiker"})
WARNING_WORDS = frozenset({"warn", "warning", "caution", "advise", "alert"})


def advises_the_public(draft: Draft) -> bool:
    """'The agency warned consumers not to eat the cheese', 'officials warned residents of
    aftershocks': advice to the public, not a threat by the one who warns."""
    if draft.type != "THREATEN" or draft.match is None:
        return False
    trigger = draft.match.token
    if trigger.lemma_.lower() not in WARNING_WORDS:
        return False
    warned = [prep_object(trigger, "to")]
    if not draft.match.is_noun:
        warned.append(_object(trigger))
    return any(t is not None and t.lemma_.lower() in ADVISED_PUBLIC and not t.ent_type_
               for t in warned)


# Things that record what happens: what they "capture" is filmed, not seized.
RECORDING_NOUNS = frozenset({"video", "footage", "camera", "photo", "photograph", "image",
                             "picture", "recording", "cctv", "film", "clip", "livestream",
                             "webcam", "snapshot", "lens"})


def recorded_by_a_device(draft: Draft) -> bool:
    """'Footage captured the senator leaving', 'a camera caught him': filmed, not seized."""
    if draft.match is None or draft.match.is_noun:
        return False
    agent = agent_of(draft.match.token)
    return agent is not None and agent.lemma_.lower() in RECORDING_NOUNS and (
        not agent.ent_type_)


def verbal_attack(draft: Draft) -> bool:
    """An 'attack' of one named person on another with no weapon or place, or on a policy,
    a ruling or a statement ("attacking the subpoena as a political strategy"): criticism."""
    if draft.type != "ASSAULT" or draft.match is None or draft.match.is_noun:
        return False
    trigger = draft.match.token
    obj = _object(trigger)
    if obj is None and trigger.lemma_.lower() in QUARREL_VERBS:
        obj = prep_object(trigger, "with")  # "Kelly has clashed with Kushner"
    if obj is not None and obj.lemma_.lower() in ABSTRACT_TARGETS and not _fought(trigger, obj):
        return True
    if _attacked_over_a_matter(trigger, obj):
        return True
    if not (_a_person(agent_of(trigger)) and _a_person(obj)):
        return False
    partner = "with" if trigger.lemma_.lower() in QUARREL_VERBS else "over"
    return not any(prep_object(trigger, p) is not None and p not in ("over", partner)
                   for p in WEAPON_PREPOSITIONS)


# Fighting words that, between two named people, are a quarrel ("clashed with Kushner").
QUARREL_VERBS = frozenset({"clash", "spar", "feud", "quarrel", "tussle", "wrangle"})
# Prepositions that say what someone was attacked about in words: "over his taxes".
GROUNDS_PREPOSITIONS = ("over", "about", "for", "on")
NAMED_PARTIES = frozenset({"PERSON", "NORP", "ORG"})
PLACE_OR_TIME = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME"})


def _attacked_over_a_matter(trigger: Token, obj: Token | None) -> bool:
    """'the Greens attacked the chancellor over the pension cuts', 'Labour attacked Smith on
    her record': a named party attacking a person about a matter, not with a weapon or at a
    place (unnamed attackers, "two men attacked him for his faith", stay violence)."""
    agent = agent_of(trigger)
    if not _a_person(obj) or agent is None or agent.ent_type_ not in NAMED_PARTIES or any(
            prep_object(trigger, p) is not None for p in ("with", "at", "in", "near")):
        return False
    for preposition in GROUNDS_PREPOSITIONS:
        matter = prep_object(trigger, preposition)
        if matter is None or matter.ent_type_ in PLACE_OR_TIME or matter.pos_ == "PROPN":
            continue
        owned = any(c.dep_ == "poss" for c in matter.children)
        if preposition != "on" or owned or _an_idea(matter):
            return True
    return False


def speaker_is_a_thing(draft: Draft, actor_tokens: set[int]) -> bool:
    """A verbal act whose subject is a thing that speaks for no one ("evidence supported
    his murder", "the vote demonstrates …")."""
    if draft.type not in VERBAL_TYPES or draft.match is None or draft.match.is_noun:
        return False
    if any(a.code for a in draft.source):
        return False
    trigger = draft.match.token
    subject = verb_subject(trigger)
    if subject is None and trigger.dep_ in ("acl", "relcl") and trigger.head.i != trigger.i:
        subject = trigger.head  # "no evidence to support the claims"
    return (subject is not None and subject.pos_ == "NOUN" and not subject.ent_type_
            and subject.i not in actor_tokens and subject.lemma_.lower() in MUTE_THINGS)


def investigates_nothing(draft: Draft, actor_tokens: set[int],
                         event_word: Callable[[str], bool]) -> bool:
    """A generic 'examined' / 'inspected' / 'probed' whose object is neither a party nor a
    wrongdoing or incident ("the researchers examined three types of coral", "engineers
    inspected the bridge"): study, not an investigation of anyone."""
    if draft.mode != "investigate" or draft.match is None or draft.match.is_noun:
        return False
    if draft.target or draft.cameo != "090":
        return False
    obj = _object(draft.match.token)
    if obj is None:
        return False
    if obj.i in actor_tokens or obj.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return False
    head = obj
    if head.lemma_.lower() in PARTITIVES:
        head = next((g for p in head.children if p.dep_ == "prep" and p.lower_ == "of"
                     for g in p.children if g.dep_ == "pobj"), head)
    lemma = head.lemma_.lower()
    return lemma not in WRONGDOINGS and not event_word(lemma)


# Harm a death inquiry looks into, besides the attack nouns of the pattern table: the one it
# befell is its victim, not the one investigated.
DEATH_NOUNS = frozenset({"death", "disappearance", "drowning", "overdose", "injury",
                         "abduction", "kidnapping", "poisoning"})


def drop_victims_of_the_matter(draft: Draft, harm_word: Callable[[str], bool]) -> None:
    """'an investigation into the deaths of two people', 'a probe into the police shooting
    of Marcus Lee': the dead or shot are the victims of what is investigated, not the party
    it is aimed at."""
    if draft.type != "ACCUSE" or draft.mode != "investigate" or draft.match is None:
        return
    doc = draft.match.token.doc
    kept = []
    for actor in draft.target:
        span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
        if span is None or not _befallen(span.root, harm_word):
            kept.append(actor)
    draft.target = kept


def _befallen(token: Token, harm_word: Callable[[str], bool]) -> bool:
    """The one a harm noun befalls: "the killing of X", "X's death"."""
    while token.dep_ == "appos" and token.head.i != token.i:
        token = token.head
    if token.dep_ == "pobj" and token.head.lower_ == "of":
        harm = token.head.head
    elif token.dep_ == "poss":
        harm = token.head
    else:
        return False
    lemma = harm.lemma_.lower()
    return harm.pos_ == "NOUN" and (lemma in DEATH_NOUNS or (
        token.dep_ == "pobj" and harm_word(lemma)))


def patient_is_no_party(draft: Draft, actor_tokens: set[int],
                        listed: Callable[[Token, Token], bool]) -> bool:
    """Acts done to people only — a release, an execution — whose object is a thing or
    missing: "the proteins are released", "no cause has been released", "we couldn't
    execute there" (a sports quote) are no release or killing of anyone. People are a
    party, a name, a pronoun or a word a pattern row of the trigger lists as its object
    ("released 30 prisoners")."""
    if draft.match is None or draft.match.is_noun or draft.cameo not in PEOPLE_ONLY_ACTS:
        return False
    if any(a.code for a in draft.target):
        return False
    trigger = draft.match.token
    obj = object_of(trigger)
    if obj is None and trigger.dep_ == "conj" and is_passive(trigger):
        obj = verb_subject(trigger.head)  # "civilians imprisoned … were released by Putin"
    if obj is None:
        return True
    obj = measured(obj)  # "hanged hundreds of prisoners" → prisoners
    return not (obj.i in actor_tokens or obj.ent_type_ in ("PERSON", "NORP", "ORG", "GPE")
                or obj.lower_ in PERSONAL_PRONOUNS or listed(trigger, obj))


CARE_PLACES = frozenset({"hospital", "clinic", "care", "treatment", "quarantine",
                         "isolation", "ward", "infirmary", "rehab", "rehabilitation"})


def discharged(draft: Draft) -> bool:
    """'was released from the hospital': a patient sent home, not a captive freed."""
    if draft.match is None or draft.match.is_noun or draft.cameo not in PEOPLE_ONLY_ACTS:
        return False
    source = prep_object(draft.match.token, "from")
    return source is not None and source.lemma_.lower() in CARE_PLACES


CASUALTY_WORDS = frozenset({"victim", "wounded", "injured", "patient", "casualty", "body",
                            "corpse", "survivor", "remains", "dead"})
AID = "AID"


def casualties_carried(draft: Draft) -> bool:
    """'Some victims were airlifted to Zamboanga', 'the wounded were flown to Manila': the
    hurt taken for care with no one named giving help is an attack's aftermath, not aid
    one party gives another (the destination is no recipient)."""
    if draft.match is None or draft.match.is_noun or draft.type != AID or any(
            a.code for a in draft.source):
        return False
    moved = object_of(draft.match.token)
    if moved is None:
        return False
    moved = measured(moved)
    if moved.pos_ in ("DET", "PRON", "NUM", "ADJ"):  # "some of the injured"
        moved = prep_object(moved, "of") or moved
    return moved.lemma_.lower() in CASUALTY_WORDS or moved.lower_ in CASUALTY_WORDS or (
        moved.ent_type_ == "PERSON") or (moved.pos_ == "PROPN" and not moved.ent_type_)


STATE_FORCES = frozenset({"MIL", "GOV", "SPY"})
LABOUR_STRIKE = "143"
ATTACK = ("ASSAULT", "190")
WAR_WORDS = frozenset({
    "attack", "airstrike", "missile", "drone", "bomb", "bombing", "military", "troops",
    "rocket", "shelling", "warplane", "jet", "assassination", "kill", "army", "air force",
    "militant", "weapon", "target", "retaliation", "killing", "terrorism", "terrorist",
    "war", "soldier", "revenge", "commander"})


def strike_by_state_forces(draft: Draft) -> bool:
    """'The US military justified the strike', 'after the attack … the strike': a bare
    "strike" is an attack when an army or a government strikes, or when its sentence or
    the one before tells of war and no worker is said to strike; workers, unions and
    civilians strike by stopping work."""
    if draft.cameo != LABOUR_STRIKE or draft.match is None or not draft.match.is_noun:
        return False
    token = draft.match.token
    if token.lemma_.lower() != "strike" or draft.match.pattern.trigger != "strike":
        return False
    if any(c.dep_ in ("compound", "amod") and c.lower_ in ("hunger", "general", "labour",
                                                          "labor", "rail", "teacher")
           for c in token.children):
        return False
    if draft.source and all(a.sector in STATE_FORCES for a in draft.source):
        own = _strikers(token)
        return own is None or own.i in {t.i for a in draft.source for t in _tokens(token, a)}
    states = all(a.sector is None and a.country for a in draft.source)  # "the US strike"
    if (draft.source and not states) or (_strikers(token) is not None and not states):
        return False
    sentence = token.sent
    window = sentence.doc[max(sentence.start - 40, 0) : sentence.end]
    return any(t.lemma_.lower() in WAR_WORDS for t in window if t.i != token.i)


def _strikers(token: Token) -> Token | None:
    """Who the noun says strikes: 'their strike', 'the strike by nurses', 'dock workers'
    strike'."""
    for child in token.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _tokens(token: Token, actor: Actor) -> list[Token]:
    return [t for t in token.sent if actor.start <= t.idx < actor.end]


def retype_as_attack(draft: Draft) -> None:
    draft.type, draft.cameo = ATTACK
    draft.mode, draft.intent = None, None


BUSINESS = frozenset({"BUS"})
MULTINATIONAL = "MNC"
REDUCED_RELATIONS = ("SANCTION", "160", "withdraw")


def a_business_leaving(draft: Draft) -> bool:
    """'Siemens pulled out of Iran', 'German firms withdrew from Russia': a company leaving
    a country cuts commercial ties (reduced relations), it is no force retreating."""
    return draft.type == "RETREAT" and (draft.cameo or "").startswith("087") and bool(
        draft.source) and all(a.sector in BUSINESS or a.country == MULTINATIONAL
                              for a in draft.source)


def a_business_planning_to_leave(draft: Draft) -> bool:
    """'German firms have announced plans to pull out of Iran': the plan to leave, coded as
    a promised retreat, is a cut in ties yet to come."""
    return draft.type == "AGREE" and draft.intent == "RETREAT" and bool(draft.source) and all(
        a.sector in BUSINESS or a.country == MULTINATIONAL for a in draft.source)


def retype_as_reduced_relations(draft: Draft) -> None:
    if draft.intent == "RETREAT":
        draft.intent, draft.status = None, "future"  # announced, not done
    draft.type, draft.cameo, draft.mode = REDUCED_RELATIONS
    draft.context = ["economic"]
    draft.settled = True  # too rare in training for the model to know a company's exit


# Verbs whose object does the infinitive after it ("urged X to leave", "forced X to
# resign", "used gas to disperse them"): there the infinitive is no mere purpose.
OBJECT_DOING_VERBS = OBJECT_CONTROL | frozenset({
    "get", "make", "cause", "lead", "prompt", "drive", "convince", "inspire", "leave", "keep",
    "bring", "push", "use", "require", "oblige", "mandate", "appoint", "elect", "nominate",
    "choose", "name", "hire", "train", "teach", "empower", "persuade", "urge"})


def _purpose_infinitive(clause: Token) -> bool:
    """'sued the prosecutor to block the release': an infinitive after a verb and its
    object, the verb no verb of making someone do it, tells what the act is for."""
    head = clause.head
    return clause.dep_ in ("xcomp", "advcl") and head.i != clause.i and head.pos_ == "VERB" \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children) \
        and any(c.dep_ == "dobj" for c in head.children) \
        and head.lemma_.lower() not in OBJECT_DOING_VERBS \
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)


def a_purpose(draft: Draft) -> bool:
    """'declared an emergency so he could fund a wall', 'sent troops in order to protect
    the embassy', 'sued the prosecutor to block the release': what an act is for has not
    happened."""
    clause = draft.clause if draft.match is not None else draft.anchor
    if draft.match is not None and not draft.match.is_noun and _purpose_infinitive(clause):
        return True
    for _ in range(3):
        if any(c.dep_ == "mark" and c.lower_ == "so" for c in clause.children):
            return True
        head = clause.head
        if clause.dep_ == "acl" and head.lower_ == "order" and head.head.lower_ == "in":
            return True
        if clause.dep_ not in ("xcomp", "conj") or head.i == clause.i:
            return False
        clause = head
    return False


# Nouns whose listed contents are wanted, not done: "their demands include the release of …".
WANTING_NOUNS = frozenset({"demand", "call", "request", "condition", "grievance", "wish",
                           "goal", "aim", "proposal", "plan"})
LISTING_VERBS = frozenset({"include", "be", "comprise", "range"})


def a_demanded_act(draft: Draft) -> bool:
    """'Protesters' demands include the release of those arrested and an inquiry into …':
    an act listed as what is demanded has not happened (the demand is the event)."""
    if draft.match is None or not draft.match.is_noun:
        return False
    noun = draft.anchor
    for _ in range(4):  # up a list: "the release and dropping of charges"
        if noun.dep_ != "conj" or noun.head.i == noun.i:
            break
        noun = noun.head
    if noun.dep_ not in ("dobj", "attr") or noun.head.lemma_.lower() not in LISTING_VERBS:
        return False
    subject = next((c for c in noun.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and subject.lemma_.lower() in WANTING_NOUNS


CAMPAIGNERS = frozenset({"GOV", "LEG", "PTY", "ELI"})


def a_campaign_rally(draft: Draft) -> bool:
    """'Trump held rallies in Pennsylvania': a rally of officials, candidates or a party is
    campaigning, not a protest (an opposition rally still is one)."""
    return (draft.type == "PROTEST" and draft.match is not None
            and draft.match.token.lemma_.lower() == "rally" and bool(draft.source)
            and all(a.sector in CAMPAIGNERS for a in draft.source))


FORCE_WORDS = frozenset({"troop", "soldier", "force", "unit", "personnel", "reinforcement",
                         "marine", "battalion", "brigade", "army", "guard", "contingent",
                         "fighter", "officer", "paratrooper", "division", "militia", "police",
                         "reservist", "conscript", "recruit", "volunteer", "sailor", "airman",
                         "commando", "ranger", "gendarme", "guardsman", "navy", "fleet"})


def deploys_a_thing(draft: Draft, actor_tokens: set[int],
                    listed: Callable[[Token, Token], bool]) -> bool:
    """'The survey team deployed a camera': what is deployed is no force."""
    if draft.type != "MOBILIZE":
        return False
    found = _verb_object(draft)
    if found is None:
        return False
    trigger, obj = found
    return not (_names_a_party(obj, actor_tokens) or _words_of(obj) & FORCE_WORDS
                or listed(trigger, obj))


# Verbs whose object is a thing looked for or come upon, not an act: "seeking a bomb",
# "found an explosive device", "searched for weapons", "defused the bomb".
SEEKING_VERBS = frozenset({"seek", "search", "look", "hunt", "find", "discover", "uncover",
                           "locate", "defuse", "dismantle", "recover", "detect"})


def a_thing_sought(draft: Draft) -> bool:
    """'The officers claimed to be seeking a bomb', 'police found a bomb under a car': a
    weapon looked for, found or made safe is no attack."""
    if draft.type != "ASSAULT" or draft.match is None or not draft.match.is_noun:
        return False
    noun = draft.anchor
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "for":
        head = head.head  # "searched for explosives"
    elif noun.dep_ not in ("dobj", "nsubjpass"):
        return False
    return head.pos_ == "VERB" and head.lemma_.lower() in SEEKING_VERBS


# What can be "threatened" in the sense of endangered: "lives were threatened".
ENDANGERED_THINGS = frozenset({"life", "safety", "security", "peace", "stability", "future",
                               "existence", "livelihood", "health", "wellbeing", "interest",
                               "right", "freedom", "sovereignty", "survival"})


def endangered_by_no_one(draft: Draft) -> bool:
    """'The officers' lives were seriously threatened': a thing said to be in danger, with
    no one threatening, is no threat made."""
    if draft.type != "THREATEN" or draft.source or draft.match is None or draft.match.is_noun:
        return False
    verb = draft.anchor
    if not any(c.dep_ == "auxpass" for c in verb.children) or any(
            c.dep_ == "agent" for c in verb.children):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return subject is not None and subject.lemma_.lower() in ENDANGERED_THINGS


QUESTION_WORDS = frozenset({"how", "what", "whether", "which", "who", "why", "when", "where"})


def disagrees_on_a_question(draft: Draft) -> bool:
    """'Committee members do not all agree on how inquiries work': a difference of opinion
    on a question is no refusal of anything (a refused deal or demand is: 'did not agree
    to the terms')."""
    if draft.type != "AGREE" or draft.status != "negated" or draft.match is None or (
            draft.match.is_noun):
        return False
    for prep in draft.anchor.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("on", "about", "over"):
            continue
        for clause in prep.children:
            if clause.dep_ == "pcomp" and any(t.lower_ in QUESTION_WORDS
                                              for t in clause.subtree):
                return True
    return False


def hosts_a_thing(draft: Draft, actor_tokens: set[int],
                  listed: Callable[[Token, Token], bool]) -> bool:
    """'The university is hosting a program', 'YouTube hosts recordings': a host receives
    visitors (a party, a person) or talks; hosting a thing is no consultation."""
    if draft.type != "CONSULT":
        return False
    found = _verb_object(draft)
    if found is None or found[0].lemma_.lower() != "host":
        return False
    trigger, obj = found
    return not (_names_a_party(obj, actor_tokens) or obj.ent_type_ == "PERSON"
                or obj.lower_ in PERSONAL_PRONOUNS or listed(trigger, obj))


# What one visits as a sight or a crowd, not as a host: no consultation.
SIGHTS = frozenset({"rally", "festival", "concert", "exhibition", "exhibit", "show", "fair",
                    "museum", "gallery", "park", "zoo", "stadium", "match", "game", "memorial",
                    "shrine", "attraction", "monument", "beach", "resort", "theme park",
                    "market", "mall", "cinema", "theatre", "theater", "parade", "carnival"})


def visits_a_sight(draft: Draft) -> bool:
    """'The rally was visited by tens of thousands', 'tourists visited the museum': a crowd
    or a sight is no host; visiting it is no consultation."""
    if draft.type != "CONSULT":
        return False
    found = _verb_object(draft)
    if found is None or found[0].lemma_.lower() not in ("visit", "tour"):
        return False
    trigger, obj = found
    if prep_object(trigger, "with") is not None:
        return False  # "visited the museum with his Indian counterpart": a meeting
    return obj.pos_ == "NOUN" and not obj.ent_type_ and obj.lemma_.lower() in SIGHTS


def _verb_object(draft: Draft) -> tuple[Token, Token] | None:
    """A verb trigger and the noun its object measures ("two battalions" → battalions)."""
    if draft.match is None or draft.match.is_noun:
        return None
    trigger = draft.match.token
    obj = object_of(trigger)
    return (trigger, measured(obj)) if obj is not None else None


def _names_a_party(token: Token, actor_tokens: set[int]) -> bool:
    return token.i in actor_tokens or token.ent_type_ in ("NORP", "ORG", "GPE")


def _words_of(noun: Token) -> set[str]:
    """A noun's lemma and those of its modifiers ("army reservists")."""
    return {noun.lemma_.lower(), *(c.lemma_.lower() for c in noun.children
                                   if c.dep_ in ("compound", "amod"))}


def a_candidate_withdrawing(draft: Draft) -> bool:
    """'Senator Harris withdrew before the primaries': a person pulling out, with no troops
    or force withdrawn, leaves a race, not a battlefield; 'RTHK withdrew its reporters from
    the field': withdrawing one's own staff or things is no military retreat either."""
    if draft.cameo != "0874" or draft.match is None or draft.match.is_noun:
        return False
    trigger = draft.match.token
    found = _verb_object(draft)
    if found is not None:
        obj = found[1]
        if trigger.lemma_.lower() not in ("withdraw", "pull"):
            return False  # "left the town of Kalo": a place left is a withdrawal
        return not (_words_of(obj) & FORCE_WORDS
                    or obj.ent_type_ in ("NORP", "GPE", "LOC", "FAC"))
    subject = verb_subject(trigger)
    return subject is not None and subject.ent_type_ == "PERSON"


ELECTION_WORDS = frozenset({"election", "race", "contest", "vote", "state", "result",
                            "primary", "poll", "seat"})


def calls_a_result(draft: Draft) -> bool:
    """'The AP called the election for Biden': declaring a winner, not an appeal."""
    if draft.type != "REQUEST" or draft.match is None or draft.match.is_noun:
        return False
    trigger = draft.match.token
    if trigger.lemma_.lower() != "call":
        return False
    obj = object_of(trigger)
    return obj is not None and obj.lemma_.lower() in ELECTION_WORDS


def habitual(draft: Draft) -> bool:
    """What is usually, often or historically done is no event: "the department has
    historically not pursued charges", "these seats are often held by Labour", "we have
    defended their rights on a daily basis", "frequent visits"; nor a stance held for
    years ("he defied the US for decades")."""
    if draft.match is None:
        return False
    if draft.match.is_noun and any(c.dep_ == "amod" and c.lower_ in FREQUENT_WORDS
                                   for c in draft.match.token.children):
        return True
    for verb in {draft.match.token.i: draft.match.token, draft.clause.i: draft.clause}.values():
        if any(c.dep_ == "advmod" and c.lower_ in HABITUAL_ADVERBS for c in verb.children):
            return True
        if draft.type not in PROMISES and any(_tells_frequency(c) for c in verb.children):
            return True  # not "promised protests every week": one promise, of many protests
        if draft.type in VERBAL_TYPES and verb.tag_ in ("VBD", "VBN") and any(
                _lasting_years(c) for c in verb.children):
            return True  # not "plans to impose limits for two years": how long they last
        if _present_perfect(verb) and any(c.dep_ == "advmod" and c.lower_ in
                                          STANDING_ADVERBS for c in verb.children):
            return True  # "has always condemned", "has long opposed"
    first = draft.match.token.sent[0]
    return first.lower_ in HABITUAL_ADVERBS and (
        first.head.i in (draft.match.token.i, draft.clause.i))


PROMISES = frozenset({"AGREE", "THREATEN"})
FREQUENT_WORDS = frozenset({"frequent", "regular", "repeated", "routine", "weekly", "daily",
                            "monthly", "periodic"})
TIME_UNITS = frozenset({"day", "week", "month", "year", "decade", "century"})
MANY_WORDS = frozenset({"numerous", "many", "several", "countless", "multiple"})


def _tells_frequency(child: Token) -> bool:
    """'on a daily basis', 'every week', 'numerous times'."""
    words = [t.lower_ for t in child.subtree]
    if child.dep_ == "prep" and child.lower_ == "on" and "basis" in words:
        return True
    if child.dep_ in ("npadvmod", "advmod", "dobj") and child.lemma_.lower() in (
            *TIME_UNITS, "time"):
        return any(c.lower_ in ("every", "each", *MANY_WORDS) for c in child.children)
    return False


def _lasting_years(child: Token) -> bool:
    """'for decades', 'for nearly three years', 'over the years': a span of time, in the
    plural, that a stance or a practice has lasted."""
    if child.dep_ != "prep" or child.lower_ not in ("for", "over", "throughout"):
        return False
    period = next((c for c in child.children if c.dep_ == "pobj"), None)
    return period is not None and period.tag_ == "NNS" and period.lemma_.lower() in TIME_UNITS


# What someone "has alleged" when "alleged" describes it: "has alleged ties to a cartel" is
# someone's reputed ties, not an accusation they made.
REPUTED_THINGS = frozenset({"tie", "link", "connection", "relationship", "association",
                            "affiliation"})


def reputed_ties(draft: Draft) -> bool:
    """'the banker has alleged ties to the militia': "alleged" qualifies the
    ties (the parser reads a perfect tense)."""
    if draft.match is None or draft.match.is_noun:
        return False
    verb = draft.match.token
    obj = object_of(verb)
    return verb.lemma_.lower() == "allege" and obj is not None and \
        obj.lemma_.lower() in REPUTED_THINGS and obj.tag_ == "NNS"


def _clauses_of_time(verb: Token) -> list[Token]:
    """The verb's own clauses, and those hung on its time phrase ("killed on Monday, when a
    plane crashed", parsed as a relative clause of "Monday")."""
    found = list(verb.children)
    times = [c for c in verb.children if c.dep_ in ("npadvmod", "tmod")]  # "yesterday, when"
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        times.extend(c for c in prep.children if c.dep_ == "pobj")
    for time in times:
        found.extend(c for c in time.children if c.dep_ == "relcl")
    return found


def _present_perfect(verb: Token) -> bool:
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("has", "have")
                                      for c in verb.children)


def violence_on_an_idea(draft: Draft) -> bool:
    """'seek to destroy our way of life', 'killed the deal', 'torpedoed his career', 'his
    politics clashed with the party's stances': violence said of something no weapon
    reaches, or done by an idea, is a figure of speech."""
    if draft.type != "ASSAULT" or draft.match is None or draft.match.is_noun:
        return False
    trigger = draft.match.token
    subject = None if is_passive(trigger) else verb_subject(trigger)
    if subject is not None and _an_idea(subject):
        return True  # "his moderate politics have clashed with the stances of …"
    obj = object_of(trigger)
    if obj is None:
        return False
    head = obj
    if head.lower_ in ("way", "sense") and any(c.dep_ == "prep" for c in head.children):
        return True  # "our way of life", "a sense of community"
    return (head.lemma_.lower() in INTANGIBLES or head.lemma_.lower() in ABSTRACT_TARGETS) \
        and not _fought(trigger, head)


def _fought(trigger: Token, obj: Token) -> bool:
    """'fought a border war', 'waged war on the cartels': the object is the fighting."""
    return obj.lemma_.lower() in FOUGHT_THINGS and trigger.lemma_.lower() in FIGHTING_VERBS


def _an_idea(token: Token) -> bool:
    lemma = token.lemma_.lower()
    return lemma in INTANGIBLES or lemma in ABSTRACT_TARGETS or lemma in IDEAS


IDEAS = frozenset({"politics", "politic", "view", "opinion", "belief", "position", "stance",
                   "value", "principle", "interest", "priority", "vision", "agenda",
                   "platform"})


def done_by_a_document(draft: Draft) -> bool:
    """A law, directive or guideline as the one who acts ("the Directive provides liability
    protections", "NATO guidelines call for 2%", "the constitution bans …"): what a text
    says, not an event between parties."""
    if draft.match is None or draft.match.is_noun:
        return False
    trigger = draft.match.token
    subject = verb_subject(trigger)
    if subject is None or is_passive(trigger):
        return False
    if subject.tag_ in ("WDT", "WP") and trigger.dep_ == "relcl":
        subject = trigger.head  # "a measure which bans …"
    return subject.ent_type_ == "LAW" or subject.lemma_.lower() in DOCUMENTS


def an_interview(draft: Draft) -> bool:
    """Talking to a reporter is an interview, not a consultation between parties."""
    return draft.type == "CONSULT" and any(
        a.sector == "JRN" for a in (*draft.source, *draft.target))


def _object(token: Token) -> Token | None:
    return next((c for c in token.children if c.dep_ in ("dobj", "obj")), None)


def _a_person(token: Token | None) -> bool:
    return token is not None and token.ent_type_ == "PERSON"


def retype_as_criticism(draft: Draft) -> None:
    draft.type, draft.cameo = CRITICIZE
    draft.mode = None
    draft.context = []
    draft.quantities = []
