"""Toponym mentions: where an article names a place.

Found in the one parse:

* spaCy's place entities (GPE, LOC, FAC), less a leading "the" and a trailing "'s", and
  organisation or group entities that are a major place by their very name ("Edmonton"
  tagged ORG);
* capitalised runs the gazetteer knows (up to MAX_RUN_TOKENS tokens, joined by "of", "de",
  "al-" and the like, or ending in a place word: "Saydnaya prison", "Gaza Strip"), when the
  run sits where places sit — after a locative or directional preposition ("in", "near",
  "from"), before ", <region>" ("Alexandria, La.") or a place word ("the Sulu region"),
  after "north of" — so "Jordan" the person and "Georgia" the first name stay out;
* the dateline ("BEIRUT —");
* a major place in an event's name ("the Iran–Iraq War").

Never a place: a word of a date ("in August", "on March 13"), a month or weekday name, a run
of function words ("The"), a single word heading a longer name ("the Secretary of State",
"Bank of …").

Each mention has a `use`:

* "place" — named as a place ("talks in Geneva", "BEIRUT —");
* "actor" — standing for its government or people ("Damascus said", "Russia's foreign
  ministry"): still a place the article names;
* "embedded" — part of the name of something else: inside a longer organisation or person
  entity ("Islamic State of Iraq", "Elaine Chao"), a modifier of a capitalised name
  ("Atlantic Council", "Abu Dhabi Media"), the name of an outlet or firm ("news agency
  Saba"), or the short form of such a name given in full elsewhere ("Mahan Air" … "Mahan
  flies to Syria"), unless it is a major place by its name.

record.places keeps places and actors (setting `place_mentions`: "locational" keeps places
only); event locations use places only; the geoparsing gold sets, which annotate every
toponym string, are scored on all three.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..actors.dictionary import NONSTATE_CODES
from ..datelines import dateline_tokens
from ..nlp import doc_text
from .facilities import FACILITY_WORDS, is_facility, town_of_facility
from .gazetteer import ALIAS_ID_BASE, Gazetteer
from .names import key

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..model import Actor

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
MISLABELLED = frozenset({"ORG", "NORP"})
# Entities a place name may sit inside without the article naming the place there.
NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "LAW",
                         "LANGUAGE"})
TIME_LABELS = frozenset({"DATE", "TIME"})
# Entity kinds the model gives a facility named after its town ("the Jolo Cathedral" ORG,
# "RAF Croughton" ORG).
ENTITY_FACILITY_LABELS = frozenset({"ORG", "PERSON", "NORP", "PRODUCT", "WORK_OF_ART"})
MAJOR_FEATURES = frozenset({"PCLI", "ADM1", "PPLC"})
MAJOR_POPULATION = 100_000
MAX_RUN_TOKENS = 5
MAX_SHORT_NAME_TOKENS = 3
CALENDAR_WORDS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday",
})  # fmt: skip
LOCATIVE = frozenset({"in", "at", "near", "from", "to", "into", "outside", "inside", "across",
                      "around", "toward", "towards", "through", "throughout", "between",
                      "within", "via", "off", "along", "past", "beyond", "on",
                      "over", "under", "onto", "of"})
FIRM_LOCATIVES = frozenset({"in", "at", "near", "outside", "inside", "throughout", "across",
                            "around", "within", "towards", "toward", "into"})
DIRECTIONS = frozenset({"north", "south", "east", "west", "northeast", "northwest",
                        "southeast", "southwest", "northern", "southern", "eastern",
                        "western", "central", "outside", "near"})
CONNECTORS = frozenset({"of", "de", "del", "la", "le", "al", "el", "ad", "ar", "as", "ash",
                        "an", "du", "des", "da", "do", "dos", "van", "von", "upon", "on",
                        "-", "and"})
PLACE_WORDS = frozenset({"prison", "camp", "region", "province", "state", "county", "parish",
                         "district", "strip", "bank", "sea", "river", "valley", "island",
                         "islands", "mountains", "mountain", "desert", "airport", "base",
                         "border", "crossing", "hospital", "heights", "peninsula", "gulf",
                         "bay", "lake", "canal", "strait", "straits", "square", "city",
                         "town", "village", "plant", "port", "harbour", "harbor", "governorate",
                         "oblast", "territory", "territories", "coast", "basin", "delta"})
# A town's own bodies, named after it in lower case ("Danbury police", "an Alexandria grand
# jury", "Kitale officials"): the name before them is the town, whatever tag it got.
LOCAL_BODY_WORDS = frozenset({"police", "officers", "officials", "authorities", "council",
                              "councillors", "councilors", "court", "jury", "sheriff",
                              "prosecutors", "detectives", "firefighters", "mayor"})
OF_PLACE_WORDS = DIRECTIONS | {"edge", "outskirts", "centre", "center", "heart", "suburbs",
                               "city", "town", "village", "province", "region", "district",
                               "capital", "residents", "mayor", "governor", "streets", "part",
                               "parts", "state", "county", "border", "port", "people"}
# Nouns that a proper name in apposition or compound names as an organisation ("state news
# firm Saba", "the Tasnim news agency"), not as a place.
ORGANISATION_NOUNS = frozenset({"agency", "firm", "company", "newspaper", "broadcaster",
                                "network", "airline", "carrier", "bank", "magazine",
                                "outlet", "corporation", "tabloid", "daily", "website",
                                "publisher", "brand", "manufacturer", "insurer", "operator"})
CURRENCY_NOUNS = frozenset({"dollar", "dollars", "pound", "pounds", "peso", "pesos", "rupee",
                            "rupees", "yuan", "franc", "francs", "dinar", "dinars", "riyal",
                            "rial", "rials", "lira", "shilling", "shillings", "won", "yen",
                            "krona", "krone", "ruble", "rubles", "rouble", "roubles",
                            "currency"})
SPEECH_ROLES = frozenset({"nsubj", "nsubjpass", "poss", "agent"})
USES = ("place", "actor", "embedded")


@dataclass(slots=True)
class Mention:
    start: int  # character offsets into the article text
    end: int
    text: str
    root: Token
    use: str  # one of USES
    entity: bool  # a spaCy place entity (else a gazetteer run or a dateline)
    relabelled: bool = False  # an ORG/NORP entity taken for the major place of its name
    facility: bool = False  # a building or site named after its town ("Jolo Cathedral")

    @property
    def locational(self) -> bool:
        return self.use == "place"


def find_mentions(doc: Doc, gazetteer: Gazetteer, actors: list[Actor]) -> list[Mention]:
    found: list[Mention] = []
    taken: set[int] = set()
    short_names, surnames = _short_names(doc)
    for ent in doc.ents:
        span = _trimmed(ent)
        if span is None or _never_a_place(span) or _generic(span, gazetteer):
            continue
        if _heads_a_name(span) and not _is_major(gazetteer, span.text):
            continue
        facility = ent.label_ in ENTITY_FACILITY_LABELS and _known_facility(span, gazetteer)
        if ent.label_ not in PLACE_LABELS and not facility \
                and not _major_place(ent, gazetteer, actors):
            continue
        mention = _mention(span, actors, gazetteer, short_names, surnames, entity=True)
        mention.relabelled = ent.label_ not in PLACE_LABELS and not facility
        found.append(mention)
        taken.update(range(span.start, span.end))
    text = doc_text(doc)
    named = frozenset(text[m.start:m.end] for m in found)
    for span in _gazetteer_runs(doc, gazetteer, taken, named):
        found.append(_mention(span, actors, gazetteer, short_names, surnames, entity=False))
        taken.update(range(span.start, span.end))
    return sorted(found, key=lambda m: m.start)


def _major_place(ent: Span, gazetteer: Gazetteer, actors: list[Actor]) -> bool:
    """An entity the model took for an organisation or a group that is a well-known place
    by its very name ("Edmonton" tagged ORG, "Aleppo" NORP), not a known organisation."""
    span = _trimmed(ent)
    if ent.label_ not in MISLABELLED or span is None or not span.text[:1].isupper():
        return False
    if span.start > 0 and span.doc[span.start - 1].lower_ in ("a", "an"):
        return False  # "a Latina", "an American": a person
    if any(a.start <= ent.start_char and ent.end_char <= a.end and a.code and a.name
           and key(a.name) not in (key(ent.text), key(span.text)) for a in actors):
        return False
    return _is_major(gazetteer, span.text)


def _is_major(gazetteer: Gazetteer, name: str) -> bool:
    """A country, first-level region, capital or city of MAJOR_POPULATION by this very
    name, or a place of the curated alias table ("the White House", "the Kremlin")."""
    name_key = key(name)
    return any(key(entry.name) == name_key and (
        entry.feature in MAJOR_FEATURES or entry.population >= MAJOR_POPULATION
        or entry.id <= ALIAS_ID_BASE) for entry in gazetteer.candidates(name))


def _mention(span: Span, actors: list[Actor], gazetteer: Gazetteer,
             short_names: frozenset[str], surnames: frozenset[str], entity: bool) -> Mention:
    name = key(span.text)
    if _embedded(span) or _named_as_organisation(span) or name in surnames or (
            _a_nonstate_actor(span, actors)) or (
            name in short_names and not _is_major(gazetteer, span.text)):
        use = "embedded"
    else:
        use = "place" if _locational(span, actors) else "actor"
    return Mention(span.start_char, span.end_char, span.text, span.root, use, entity,
                   facility=_facility(span))


def _a_nonstate_actor(span: Span, actors: list[Actor]) -> bool:
    """The name of a company or international body that a town shares ("Toyota", the
    carmaker, not Toyota in Aichi): the actors stage coded this very span as one."""
    return any(a.start <= span.start_char and span.end_char <= a.end
               and a.country in NONSTATE_CODES for a in actors)


def _trimmed(span: Span) -> Span | None:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ == "the" or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or (doc[end - 1].is_punct
                           and not doc[end - 1].text.endswith("."))):
        end -= 1
    return doc[start:end] if end > start else None


def _name_word(token: Token) -> bool:
    """A capitalised word that can carry a name: not a function word ("The", "In"), though an
    acronym may look like one ("US")."""
    if not token.text[:1].isupper():
        return False
    return not token.is_stop or (token.text.isupper() and len(token.text) > 1)


def _never_a_place(span: Span) -> bool:
    """A date's word ("in August"), a month or weekday name, or no name word at all."""
    if any(token.ent_type_ in TIME_LABELS for token in span):
        return True
    if key(span.text) in CALENDAR_WORDS:
        return True
    return not any(_name_word(token) for token in span)


def _facility(span: Span) -> bool:
    """A building or site by its name ("Jolo Cathedral", "RAF Croughton")."""
    return is_facility([token.text for token in span])


def _known_facility(span: Span, gazetteer: Gazetteer) -> bool:
    """A facility whose town the gazetteer knows ("the Jolo Cathedral", tagged ORG)."""
    town = town_of_facility(span.text)
    return town is not None and gazetteer.has(town)


def _embedded(span: Span) -> bool:
    """Part of a longer name: inside an organisation or person entity, a modifier of a
    capitalised name or of a currency ("U.S. dollars"), the "of" object of an
    organisation's name ("Islamic State of Iraq")."""
    doc = span.doc
    for index in (span.start, span.end - 1):
        if doc[index].ent_type_ in NAME_LABELS:
            whole = _trimmed(_entity_at(doc, index))
            if whole is not None and (whole.start < span.start or whole.end > span.end):
                return True  # "Islamic State of Iraq", "Elaine Chao"
    root = span.root
    head = root.head
    if root.dep_ == "compound" and head.i >= span.end and head.pos_ == "PROPN" \
            and head.text[:1].isupper() and head.lower_ not in PLACE_WORDS | FACILITY_WORDS \
            and head.ent_type_ not in PLACE_LABELS | {"PERSON", "EVENT"}:
        return True  # "Atlantic Council", "Abu Dhabi Media"
    if root.dep_ in ("compound", "nmod", "amod") and head.lower_ in CURRENCY_NOUNS:
        return True  # "U.S. dollars", "Hong Kong dollar"
    return _of_an_organisation(root) or (
        root.dep_ == "conj" and (_of_an_organisation(head) or _names_an_organisation(head)))


def _names_an_organisation(token: Token) -> bool:
    """The head word of an organisation's name ("State" of "Islamic State")."""
    return token.ent_type_ == "ORG" and token.pos_ == "PROPN"


def _of_an_organisation(token: Token) -> bool:
    """The "of" object of an organisation's name: "the Islamic State of Iraq (and the
    Levant)", "the Bank of England"."""
    head = token.head
    return token.dep_ == "pobj" and head.lower_ == "of" and _names_an_organisation(head.head)


def _entity_at(doc: Doc, index: int) -> Span:
    """The entity token `index` belongs to."""
    start = index
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = index + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def _named_as_organisation(span: Span) -> bool:
    """"state news firm Saba", "the Saba news agency": the name of an outlet or firm."""
    root = span.root
    head = root.head
    if root.dep_ in ("appos", "compound", "nmod") and head.lower_ in ORGANISATION_NOUNS:
        return True
    return any(child.dep_ == "appos" and child.lower_ in ORGANISATION_NOUNS
               for child in root.children)


def _short_names(doc: Doc) -> tuple[frozenset[str], frozenset[str]]:
    """Leading words of the article's longer names that are not places ("Mahan" of "Mahan
    Air", "Kabul" of "Kabul Bank") and people's surnames ("Huber" of "Jon Huber"): a later
    bare "Mahan" is that name's short form. Names ending in a place or facility word
    ("Jolo Cathedral") lend none. Returns the short forms and the surnames."""
    found: set[str] = set()
    surnames: set[str] = set()
    for ent in doc.ents:
        if ent.label_ in TIME_LABELS | {"GPE", "LOC"} or len(ent) < 2 \
                or ent[-1].lower_ in PLACE_WORDS or ent[-1].lower_ in FACILITY_WORDS:
            continue
        if ent.label_ == "PERSON":  # "Jon Huber" … "Huber said", "Kanye West" … "West"
            surnames.add(key(ent[-1].text))
        for stop in range(ent.start + 1, min(ent.end, ent.start + MAX_SHORT_NAME_TOKENS + 1)):
            following = doc[stop]
            if following.text[:1].isupper() and following.is_alpha \
                    and following.lower_ not in PLACE_WORDS \
                    and following.lower_ not in DIRECTIONS:
                found.add(key(doc[ent.start:stop].text))
    return frozenset(found), frozenset(surnames)


def _locational(span: Span, actors: list[Actor]) -> bool:
    """A place named as a place, not as the government or people it stands for."""
    if set(range(span.start, span.end)) & dateline_tokens(span.doc):
        return True
    root = span.root
    head = root.head
    if root.dep_ == "pobj" and head.lower_ in LOCATIVE:
        return True
    if root.dep_ in ("appos", "conj", "compound") and head.i != root.i:
        return root.dep_ != "compound" or head.lower_ in PLACE_WORDS
    acting = any(a.start <= span.start_char and span.end_char <= a.end and a.code
                 for a in actors)
    return not (acting and root.dep_ in SPEECH_ROLES | {"dobj", "pobj", "conj", "ROOT"})


def _gazetteer_runs(doc: Doc, gazetteer: Gazetteer, taken: set[int],
                    named: frozenset[str] = frozenset()) -> list[Span]:
    """Known names where the text shows a place, and, one sense per discourse, every other
    untagged mention of a name the article already gave as a place ("Mokha is calm …" after
    "a market in Mokha")."""
    runs: list[Span] = []
    dateline = dateline_tokens(doc)
    i = 0
    while i < len(doc):
        if i in taken or not _starts_name(doc[i]) or doc[i].lower_ in ("a", "an"):
            i += 1
            continue
        span = _longest_known(doc, i, gazetteer, taken)
        if span is not None and not _never_a_place(span) and not _heads_a_name(span) \
                and not _generic(span, gazetteer) and not _after_a_title_the(span) and (
                _place_context(span, dateline) or _ends_in_place_word(span)
                or _names_an_event(span, gazetteer) or _named_again(span, named)):
            runs.append(span)
            i = span.end
        else:
            i += 1
    return runs


def _named_again(span: Span, named: frozenset[str]) -> bool:
    """A name the article gave as a place, again with no entity tag saying otherwise."""
    return span.text in named and not any(token.ent_type_ for token in span)


def _names_an_event(span: Span, gazetteer: Gazetteer) -> bool:
    """A major place in the name of an event: "the Iran–Iraq War", "the Battle of Mosul"."""
    return all(token.ent_type_ == "EVENT" for token in span) and _is_major(gazetteer, span.text)


def _starts_name(token: Token) -> bool:
    return (token.text[:1].isupper() and token.is_alpha) or (
        token.text[:1].isupper() and token.text.rstrip(".").replace(".", "").isalpha())


def _firmly_placed(span: Span) -> bool:
    """Where only a place can stand: "in Bantam", "near Omsk", "Bantam, Conn." — not "according
    to Forbes", "from Congress"."""
    doc = span.doc
    position = span.start - 1
    while position >= 0 and doc[position].lower_ in ("the", "a", "an"):
        position -= 1
    if position >= 0 and doc[position].lower_ in FIRM_LOCATIVES:
        return True
    after = doc[span.end: span.end + 2]
    return len(after) == 2 and after[0].text == "," and after[1].ent_type_ in PLACE_LABELS


def _acronym_of_nothing(span: Span, gazetteer: Gazetteer) -> bool:
    """A short acronym ("UN", "WHO") is a place only where the gazetteer files a country, region
    or alias under it ("UK", "DRC"), not a town it merely spells ("Un" in India)."""
    text = span.text.replace(".", "")
    if len(span) != 1 or not (2 <= len(text) <= 3 and text.isupper() and text.isalpha()):
        return False
    if span.start in dateline_tokens(span.doc):
        return False  # "RYE —"
    return not any(entry.feature in ("PCLI", "ADM1") or entry.id <= ALIAS_ID_BASE
                   or entry.name.isupper() for entry in gazetteer.candidates(span.text))


def _generic(span: Span, gazetteer: Gazetteer) -> bool:
    """A place word on its own ("the Sea", "the Airport"): a place only when the curated
    alias table knows it by that word ("the Gulf")."""
    if len(span) != 1 or span[0].lower_ not in PLACE_WORDS | FACILITY_WORDS:
        return False
    return not any(entry.id <= ALIAS_ID_BASE for entry in gazetteer.candidates(span.text))


def _after_a_title_the(span: Span) -> bool:
    """ "according to The Herald": a capitalised "The" inside a sentence starts a title;
    "The Herald" was no place, nor is "Herald"."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    return before is not None and before.text == "The" and not before.is_sent_start


def _heads_a_name(span: Span) -> bool:
    """A run followed by "of" and a capitalised word heads a longer name ("the Secretary of
    State", "Bank of England", "the Gulf of Oman", "the South Lawn of the White House"):
    it is no place alone (a place so named would have been known whole)."""
    doc = span.doc
    after = doc[span.end: span.end + 3]
    if len(after) < 2 or after[0].lower_ != "of":
        return False
    named = after[2] if after[1].lower_ == "the" and len(after) == 3 else after[1]
    return named.text[:1].isupper() and not named.is_sent_start


def _longest_known(doc: Doc, start: int, gazetteer: Gazetteer,
                   taken: set[int]) -> Span | None:
    end = start + 1
    limit = min(len(doc), start + MAX_RUN_TOKENS)
    while end < limit and end not in taken and _continues(doc[end]):
        end += 1
    sentence_end = doc[start].sent.end
    for stop in range(min(end, sentence_end), start, -1):
        span = doc[start:stop]
        last = span[-1]
        if last.lower_ in CONNECTORS or (last.is_punct and last.text != "."):
            continue
        if last.text == "." and gazetteer.has(doc[start:stop - 1].text):
            continue  # a sentence's full stop, not an abbreviation's ("West." is "West")
        if last.is_lower and last.lower_ not in PLACE_WORDS | FACILITY_WORDS:
            continue
        if gazetteer.has(span.text) and _named_by_itself(span, gazetteer) \
                and not _acronym_of_nothing(span, gazetteer):
            return span
        if _known_facility(span, gazetteer):
            return span
    return None


def _named_by_itself(span: Span, gazetteer: Gazetteer) -> bool:
    """An organisation's name is a place only when it is a major place by that very name
    ("Omsk" tagged ORG) or stands where only a place can ("in Bantam"), not a small town
    elsewhere ("according to Forbes") nor another spelling ("European Union" is no
    Europe); a name with a capitalised "The" only when the gazetteer knows it so ("The
    Hague", not "The Herald")."""
    organisation = any(token.ent_type_ == "ORG" for token in span)
    if not organisation and span[0].text != "The":
        return True
    name = key(span.text)
    if not any(key(entry.name) == name for entry in gazetteer.candidates(span.text)):
        return False
    whole = organisation and not _embedded(span)  # inside a longer name: embedded anyway
    return not whole or _is_major(gazetteer, span.text) or _firmly_placed(span) or (
        _before_a_local_body(span))


def _continues(token: Token) -> bool:
    """Whether a run may go on with this token: a capitalised word, or a lower-case word (a
    run is kept only when it ends in a capitalised or place word: "Saydnaya military
    prison", "Bank of America" is no place)."""
    if token.is_space or "\n" in token.text:
        return False
    if token.text[:1].isupper() and (token.is_alpha or "." in token.text):
        return True
    return token.is_alpha and token.is_lower


def _before_a_local_body(span: Span) -> bool:
    """ "Danbury police", "an Alexandria grand jury", "Kitale officials said"."""
    after = span.doc[span.end: span.end + 2]
    if not after or not after[0].is_lower:
        return False
    word = after[1].lower_ if after[0].lower_ in ("grand", "city", "county") and len(
        after) == 2 else after[0].lower_
    return word in LOCAL_BODY_WORDS


def _ends_in_place_word(span: Span) -> bool:
    return len(span) > 1 and span[-1].lower_ in PLACE_WORDS


def _place_context(span: Span, dateline: set[int] | frozenset[int]) -> bool:
    doc = span.doc
    if span.start in dateline:
        return True
    position = span.start - 1
    while position >= 0 and doc[position].lower_ in ("the", "a", "an"):
        position -= 1  # "at the Saydnaya military prison"
    before = doc[position] if position >= 0 else None
    if before is not None and before.lower_ in LOCATIVE:
        return before.lower_ != "of" or (position > 0 and doc[position - 1].lower_
                                         in OF_PLACE_WORDS)
    after = doc[span.end: span.end + 2]
    if after and after[0].is_lower and after[0].lower_ in PLACE_WORDS:
        return True  # "the Sulu region", "Maidan Wardak province"
    if _before_a_local_body(span):
        return True
    if len(after) == 2 and after[0].text == "," and after[1].text[:1].isupper() and (
            after[1].ent_type_ in PLACE_LABELS or after[1].text.endswith(".")):
        return True  # "Alexandria, La." / "Pineville, Louisiana"
    if before is None or before.text != "," or span.root.dep_ not in ("appos", "conj"):
        return False
    head = span.root.head  # "Mokha, Yemen", "Homs, Hama and Idlib"; not "his wife, Amanda"
    return head.pos_ == "PROPN" or head.lower_ in PLACE_WORDS | OF_PLACE_WORDS
