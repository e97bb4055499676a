"""Where an event happened: the place the text puts it in, or none.

An event gets a place when one of the article's place mentions hangs, by a locative
preposition ("in", "at", "near", "outside", ...), on the event's trigger or on a noun or verb
under it, within the trigger's clause ("shelled the market in El Obeid", "an air strike on a
village near Ye-U", "In Geneva, the envoys met"). Of several, the one nearest the trigger in
the parse wins, then the more specific kind (a facility before a town before a region before
a country). Nothing else places an event: not the dateline, not the speaker's capital.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Event, Place

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

EVENT_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "inside", "across", "around",
                                "throughout", "off", "along", "within", "on", "into",
                                "towards", "toward", "over", "onto"})
MAX_CLIMB = 5
PLACE_NOUNS = frozenset({"town", "city", "village", "province", "region", "district",
                         "state", "county", "area", "capital", "port", "island", "suburb"})
SPECIFICITY = {"FAC": 0, "PPL": 1, "PPLC": 1, "ADM2": 2, "ISL": 2, "T": 2, "AREA": 2,
               "STM": 2, "ADM1": 3, "RGN": 3, "SEA": 3, "H": 3, "PCLI": 4, "CONT": 5}


def locate_events(doc: Doc, events: list[Event], places: list[Place],
                  named: list[Place] | None = None) -> None:
    """`places`: those used as places; `named`: every place named (a town before an event
    noun reads as a party to the toponym stage, "the Kabul bombing", but says where)."""
    anchored = [(place, _attachment(doc, place)) for place in places]
    usable = [(place, head) for place, head in anchored if head is not None]
    for event in events:
        trigger = doc.char_span(event.trigger.start, event.trigger.end,
                                alignment_mode="expand")
        if trigger is None:
            continue
        root = trigger.root
        verb = occurring_verb(root)
        if verb is not None:
            root = verb  # the place hangs on "took place", not on "the strike"
        best: tuple[int, int, Place] | None = None
        for place, head in usable:
            if _a_party_not_a_place(event, place):
                continue
            steps = _steps_to(head, root)
            if steps is None:
                continue
            rank = (steps, SPECIFICITY.get(place.feature or "", 3), place)
            if best is None or rank[:2] < best[:2]:
                best = rank
        if best is not None:
            event.location = best[2]
        else:
            event.location = _town_naming(doc, trigger.root, named or places) or (
                _ground_taken(event, places, trigger.root)) or event.location


# Acts whose target is ground taken or given up: the ground is where they happened.
TERRITORIAL_CODES = ("192", "0874", "0842")


def _ground_taken(event: Event, places: list[Place], trigger: Token) -> Place | None:
    """'Sanaa fell under Houthi control', 'the rebels recaptured Mokha from the Houthis': a
    town or region seized or given up is where that happened (a country taken whole says
    no more)."""
    if not (event.cameo or "").startswith(TERRITORIAL_CODES):
        return None
    spans = [(a.start, a.end) for a in event.target]
    taken = next((c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if taken is not None:
        taken = _what_it_stands_for(taken, trigger)
        spans.append((taken.idx, taken.idx + len(taken)))
    for start, end in spans:
        for place in places:
            if place.start < end and start < place.end and not (
                    place.feature or "").startswith(("PCL", "CONT")):
                return place
    return None


def _what_it_stands_for(word: Token, verb: Token) -> Token:
    """'Mokha is calm, since it was recaptured …', 'Mokha, which was recaptured …': a
    pronoun taken or given up stands for the noun its clause hangs on."""
    if word.tag_ not in ("PRP", "WDT"):
        return word
    if verb.dep_ == "relcl":
        return verb.head
    if verb.dep_ == "advcl":
        return next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), word)
    return word


def _a_party_not_a_place(event: Event, place: Place) -> bool:
    """'called on Turkey to halt …', 'sanctions on Iran': a country named as the party a
    statement or measure is aimed at is not where it happened."""
    from ..events.guards import VERBAL_TYPES

    aimed = event.type in VERBAL_TYPES or event.type == "SANCTION"
    if not aimed or not (place.feature or "").startswith("PCL"):
        return False
    return any(a.start == place.start and a.end == place.end
               for a in (*event.target, *event.source))


# Event nouns that are told as the subject of the harm they did ("the attacks killed 130").
KILLING_NOUNS = frozenset({"attack", "bombing", "strike", "airstrike", "explosion", "blast",
                           "raid", "shooting", "shelling", "assault", "ambush", "bomb",
                           "massacre", "violence", "clash", "riot", "fighting"})


OCCURRING_VERBS = frozenset({"happen", "occur", "unfold"})
# Verbs that tell an event as breaking out or going on, its parties left unsaid ("protests
# erupted in Tehran", "clashes broke out", "fighting raged"), with the particle some need.
BREAKING_OUT_VERBS = {"erupt": "", "break": "out", "flare": "up", "rage": "", "spread": "",
                      "continue": "", "resume": "", "begin": "", "start": "", "escalate": "",
                      "intensify": "", "happen": "", "occur": "", "unfold": "", "spark": ""}
DEFINITE_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})


def occurring_verb(noun: Token) -> Token | None:
    """The verb that tells this event noun as happening: "the strike took place at the
    airport", "protests erupted in Tehran", "demonstrations were held across the country"."""
    if noun.pos_ != "NOUN":
        return None
    verb = noun.head
    lemma = verb.lemma_.lower()
    if noun.dep_ == "nsubjpass":
        return verb if lemma == "hold" else None
    if noun.dep_ != "nsubj" or verb.pos_ not in ("VERB", "AUX"):
        return None
    if lemma == "take":
        return verb if any(c.dep_ == "dobj" and c.lower_ == "place"
                           for c in verb.children) else None
    if lemma not in BREAKING_OUT_VERBS or any(c.dep_ in ("dobj", "ccomp", "xcomp")
                                              for c in verb.children):
        return None  # "the protests continued their march", "protests began to spread"
    particle = BREAKING_OUT_VERBS[lemma]
    if particle and not any(c.dep_ == "prt" and c.lower_ == particle
                            for c in verb.children):
        return None
    return verb


def _definite(noun: Token) -> bool:
    return any((c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS) or c.dep_ == "poss"
               for c in noun.children)


def where_it_took_place(noun: Token) -> bool:
    """'The strike took place at Baghdad airport': the subject of a verb of occurring, which
    gives the event told before its place or day."""
    if noun.dep_ != "nsubj" or not any(
            c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children):
        return False
    verb = occurring_verb(noun)
    return verb is not None and (verb.lemma_.lower() in OCCURRING_VERBS
                                 or verb.lemma_.lower() == "take")


def breaks_out(noun: Token) -> bool:
    """'Protests erupted in Tehran on Monday', 'clashes broke out', 'rallies were held
    across the country': a new event told by its happening, whose parties the text leaves
    unsaid (the definite "the strike took place at …" tells one already told)."""
    return occurring_verb(noun) is not None and not _definite(noun)


def _town_naming(doc: Doc, noun: Token, places: list[Place]) -> Place | None:
    """'the Kabul car bombing', 'the Paris attacks': a town or region before an event noun
    names where it happened (a country there names who did it: "US strikes")."""
    if noun.pos_ in ("VERB", "AUX"):  # "the Paris attacks killed 130"
        subject = next((c for c in noun.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.lemma_.lower() not in KILLING_NOUNS:
            return None  # "Mombasa police arrested …": a party's town, placed elsewhere
        noun = subject
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    for place in places:
        if (place.feature or "").startswith(("PCL", "CONT")):
            continue
        span = doc.char_span(place.start, place.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        while root.dep_ == "compound" and root.head.i != noun.i and root.head.head.i != root.i \
                and root.head.pos_ in ("NOUN", "PROPN") and root.head.i < noun.i:
            root = root.head  # "Kabul car bombing": Kabul → car → bombing
        if root.dep_ in ("compound", "amod", "nmod") and root.head.i == noun.i:
            return place
    return None


def _attachment(doc: Doc, place: Place) -> Token | None:
    """The token a place's locative phrase hangs on ("market" in "the market in El Obeid";
    "killed" in "killed near the town of Ye-U")."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return None
    root = span.root
    while root.dep_ in ("compound", "appos", "conj") and root.head.i != root.i:
        root = root.head  # "in Sagaing region", "in Homs and Hama"
    while root.dep_ == "pobj" and root.head.lower_ == "of" and \
            root.head.head.lower_ in PLACE_NOUNS:
        root = root.head.head  # "near the town of Ye-U"
    if root.dep_ != "pobj" or root.head.lower_ not in EVENT_PREPOSITIONS:
        return None
    preposition = root.head
    return preposition.head if preposition.head.i != preposition.i else None


def _steps_to(head: Token, trigger: Token) -> int | None:
    """How many parse steps separate the phrase's head from the trigger: climbing from the
    head to the trigger without leaving its clause, or from the trigger up through the
    verbs it is the complement of ("began shelling … in X": "in X" hangs on "began")."""
    token = head
    for steps in range(MAX_CLIMB + 1):
        if token.i == trigger.i:
            return steps
        if token.pos_ in ("VERB", "AUX"):
            break  # another clause's verb
        if token.head.i == token.i:
            break
        token = token.head
    token = trigger
    for steps in range(1, 3):
        if token.dep_ not in ("xcomp", "ccomp") or token.head.i == token.i:
            return None
        token = token.head
        if token.i == head.i:
            return steps
    return None
