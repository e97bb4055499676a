"""The "consolidate" stage: the events of one article read together, as a reader does.

The event coder works one sentence at a time, but an article tells one event in several
sentences ("Germany banned Mahan Air on Monday … the ban followed talks …") and leaves to
the story what a sentence does not repeat: when, where, and who. Run after every other stage
(places are resolved by then), this stage

0. gives the parties the event coder named itself the article's setting country, as the
   actors stage does for role mentions; types CAMEO statements where PLOVER has a type for
   them (a denial: REJECT) and drops opinions PLOVER does not code (condolences,
   pessimistic comments) — the record's quotes and claims carry what was said; claims of
   responsibility stay (typeless, CAMEO 015); in a question-and-answer interview, the
   answers are statements, not events;
1. **splits an event two parties do each on their own** ("both Saudi Arabia and the United
   States have alleged …": two accusations), as event data codes a compound actor;
   reciprocal events (talks, a deal between them) stay one;
2. **merges mentions of one real event**: two events of one type whose parties, dates and
   places do not conflict are one when they are told in the same sentence, when the later
   one is a definite or background mention ("the attack", "after the ban"), or — for
   material events — when both name the same parties on both sides. The first mention
   stays the event (its `sentence`); the others' sentences go to `mentions`, their parties,
   date, place and figures fill what it lacks, and references to them (`reported_in`,
   claims' `event_ids`) now point to it;
3. **dates every event the article supports**, recording why in `date_basis`: "stated" (a
   time expression of its own clause), "same-event" (another mention states it),
   "narrative" (a past event told right after a dated one of the same story: the story
   still tells that day), "report-date" (present or present-perfect news, "has denied": the
   article's date), "news-day" (a past event of the story told elsewhere: the day of the
   news the article leads with, when that is a recent day); otherwise no date;
   A rejection that names no party answers the latest accusation against its source and
   takes the accuser as its target.
4. **places events** likewise (`location_basis`): "stated", "same-event", "narrative" (the
   scene set by the event just before, for an event with a party of that place's country or
   none), "article-setting" (a domestic event — every coded party of one country — in the
   city the article is set in, when one city of that country dominates its places), and
   for acts, not statements (what is said can be said anywhere; but a court or police force
   speaks where it sits), "actor-place" (a town or region the acting party is named by:
   "Athens expelled", "Northamptonshire police", "a grand jury in Milwaukee"; for acts
   often done abroad only when domestic) and "actor-country" (a domestic act in its
   country). Future, hypothetical and historical events inherit nothing.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from .. import registry
from ..actors.resolver import make_code
from ..datelines import dateline_tokens
from ..dates import parse_publication_date
from ..gazetteer import city_country
from ..language import skip_unless_english
from ..model import Actor, Event, Place, Quote, Span
from ..outlets import outlet_name
from .confidence import ConfidenceModel, features, reading_features
from .guards import VERBAL_TYPES
from .status import is_historical
from .timing import a_cutoff, carrier

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

    from ..model import Record
    from ..places.gazetteer import Gazetteer
    from ..settings import Settings

MATERIAL_TYPES = frozenset({"COOPERATE", "AID", "RETREAT", "SANCTION", "MOBILIZE", "COERCE",
                            "PROTEST", "ASSAULT"})
KINDRED_TYPES = ({"SANCTION", "COERCE"},)
# CAMEO statement codes that PLOVER types (the others are not events; see below).
STATEMENT_TYPES = {"016": "REJECT"}
KEPT_STATEMENTS = frozenset({"015"})
DENIAL = "016"
# Nouns that name a statement, and the kind of event that makes one ("the call" answers a
# request); event nouns of the pattern table add theirs ("the ban", "the attack").
STATEMENT_NOUN_TYPES = {"call": "REQUEST", "request": "REQUEST", "demand": "REQUEST",
                        "appeal": "REQUEST", "plea": "REQUEST", "ultimatum": "REQUEST",
                        "accusation": "ACCUSE", "allegation": "ACCUSE", "claim": "ACCUSE",
                        "charge": "ACCUSE", "criticism": "ACCUSE", "proposal": "AGREE",
                        "offer": "AGREE", "pledge": "AGREE", "promise": "AGREE",
                        "threat": "THREATEN", "ultimatums": "REQUEST"}
ANSWERING_PREPOSITIONS = ("against", "to", "on", "over")
STATEMENT_OBJECTS = frozenset({"accusation", "allegation", "claim", "charge", "report",
                               "assertion", "suggestion", "statement", "story", "rumour",
                               "rumor", "involvement", "responsibility", "wrongdoing"})
# Acts a party often does away from home: its own name does not place them.
ABROAD_TYPES = frozenset({"ASSAULT", "MOBILIZE", "AID", "RETREAT", "COOPERATE", "CONSULT",
                          "PROTEST"})
NONSTATE = frozenset({"IGO", "NGO", "UNO", "EUR", "IMG", "MNC", "ISM"})
# Roles often foreign to where they are: aid workers, journalists, refugees, businesses.
FOREIGN_SECTORS = frozenset({"JRN", "MED", "REF", "BUS", "NGO", "IGO", "UAF"})
# Events that happen where something is done to someone: their sentence's one place is theirs.
PLACED_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE"})
GATHERING_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
UNTIMED_STATUSES = frozenset({"future", "hypothetical", "historical"})
DEFINITE_WORDS = frozenset({"the", "this", "that", "these", "those", "its", "their", "his",
                            "her", "such"})
# How far a story's day or scene carries: the sentences after the one that set it.
NARRATIVE_SENTENCES = 5
# How far an older time a story goes back to carries: the next sentence or two of its paragraph.
FLASHBACK_SENTENCES = 2
# How far back a toll told in a sentence of its own looks for its attack.
CARRY_SENTENCES = 2
TOLL_REACH = 4  # sentences after an attack its toll may be told in, by whoever counted
# How far past a paragraph break a place carries (not at all): a new paragraph of a round-up is
# often a new story ("… in Kenosha." ¶ "Trump denied …" is not in Kenosha).
CARRY_ACROSS_PARAGRAPHS = 0
# A scene a sentence sets on its own ("At the debate, held October 8 in Denver, …") reaches
# further, to the first event told after it.
SCENE_SENTENCES = 8
TEMPORAL_MARKERS = frozenset({"after", "before", "since", "following", "until", "prior",
                              "previously", "earlier", "ago"})
# The news an article reports happened at most this many days before it was published.
NEWS_DAYS = 10
SAME_PLACE_KM = 50.0
CITY_FEATURES = ("PPL", "FAC")
# A city is where an article is set when it is named at least this often (a capital: once),
# and more often than the country's other towns together.
SETTING_MENTIONS = 2
GOVERNING_STEPS = 4


@dataclass
class Mention:
    """One event with where it sits in the article and how its clause is told."""

    event: Event
    sentence: int
    paragraph: int
    token: Token | None
    tense: str
    definite: bool
    plural: bool = False  # a plural event noun: "the protests", "attacks"
    quoted: bool = False  # the trigger is inside quotation marks
    names: dict[str, set[str]] = field(default_factory=dict)  # side → its proper names
    headline: bool = False  # told in a title line heading the text
    takes_up: Event | None = None  # the earlier event "the strike" names by its word


SPEAKER_TAG = re.compile(r"^\s*(?:\(\([^)]{1,40}\)\)|Q|A)\s*:?\s")
INTERVIEW_TURNS = 3
QUESTION_CHARS = 300


# --- reading the parse -----------------------------------------------------------------------


def trigger_token(doc: Doc, span: Span) -> Token | None:
    found = doc.char_span(span.start, span.end, alignment_mode="expand")
    return found.root if found is not None and len(found) else None


def governing_verb(token: Token) -> Token | None:
    """The verb a trigger is told with: itself, or for an event noun the verb it hangs on."""
    node = token
    for _ in range(GOVERNING_STEPS):
        if node.pos_ in ("VERB", "AUX"):
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def tense(token: Token | None) -> str:
    """present, perfect, past, pluperfect, future or unknown, from the auxiliaries and tag
    of the trigger's verb; a complement ("vowed to fight") takes its governor's tense."""
    verb = governing_verb(token) if token is not None else None
    for _ in range(GOVERNING_STEPS):
        if verb is None:
            return "unknown"
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if any(a.tag_ == "MD" for a in auxes):
            return "future"
        if verb.tag_ in ("VB", "VBG") and verb.dep_ in ("xcomp", "ccomp", "advcl", "conj",
                                                         "pcomp", "acl"):
            verb = verb.head  # "threatened to strike", "began shelling"
            continue
        found = _tense_of_auxes(auxes) or _tense_of_tag(verb)
        if found is not None:
            return found
        if verb.dep_ in ("conj", "xcomp", "ccomp", "advcl") and verb.head.i != verb.i:
            verb = verb.head
            continue
        return "unknown"
    return "unknown"


def _tense_of_auxes(auxes: list[Token]) -> str | None:
    for aux in auxes:
        if aux.lemma_ == "have":
            return "perfect" if aux.tag_ in ("VBZ", "VBP") else "pluperfect"
    for aux in auxes:
        if aux.tag_ in ("VBZ", "VBP"):
            return "present"
        if aux.tag_ == "VBD":
            return "past"
    return None


def _tense_of_tag(verb: Token) -> str | None:
    if verb.tag_ in ("VBZ", "VBP"):
        return "present"
    if verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl"):
        return "past"  # "the strike carried out on Monday"
    return None


def is_definite(token: Token | None, event_nouns: frozenset[str]) -> bool:
    """An event the reader already knows: a definite event noun ("the attack", "this ban",
    "its strike"), or a verb whose subject is one ("the attack killed 12"; not a definite
    party: "the spokesperson condemned")."""
    if token is None:
        return False
    if token.pos_ in ("VERB", "AUX"):
        subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return (subject is not None and subject.lemma_.lower() in event_nouns
                and _definite_noun(subject))
    return token.pos_ in ("NOUN", "PROPN") and _definite_noun(token)


def is_noun(token: Token | None) -> bool:
    return token is not None and token.pos_ in ("NOUN", "PROPN")


def _definite_noun(token: Token) -> bool:
    return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in DEFINITE_WORDS)
               for c in token.children)


class Layout:
    """Sentence and paragraph numbers of character offsets."""

    def __init__(self, doc: Doc, text: str) -> None:
        self.sentence_starts = [s.start_char for s in doc.sents]
        self.paragraph_starts = [0] + [m.end() for m in re.finditer(r"\n\s*", text)]

    def sentence(self, offset: int) -> int:
        return max(bisect.bisect_right(self.sentence_starts, offset) - 1, 0)

    def paragraph(self, offset: int) -> int:
        return max(bisect.bisect_right(self.paragraph_starts, offset) - 1, 0)


def mentions_of(doc: Doc, record: Record,
                event_nouns: frozenset[str] = frozenset()) -> list[Mention]:
    text = record.article.text
    layout = Layout(doc, text)
    mentions = []
    for event in record.events:
        token = trigger_token(doc, event.trigger)
        mentions.append(Mention(event, layout.sentence(event.trigger.start),
                                layout.paragraph(event.trigger.start), token, tense(token),
                                is_definite(token, event_nouns), _plural_noun(token),
                                _inside_quotation(text, event),
                                {"source": proper_names(doc, event.source),
                                 "target": proper_names(doc, event.target)},
                                is_headline(text, event.sentence)))
    return mentions


def is_headline(text: str, sentence: Span) -> bool:
    """The text's first line, a title with no full stop, set apart by a line break."""
    return (not text[:sentence.start].strip() and text[sentence.end:sentence.end + 1] == "\n"
            and not sentence.text.rstrip().endswith((".", "!", "?", '"', "\u201d")))


def _plural_noun(token: Token | None) -> bool:
    return token is not None and token.tag_ in ("NNS", "NNPS")


def _inside_quotation(text: str, event: Event) -> bool:
    """An odd number of quotation marks between the sentence start and the trigger."""
    before = text[event.sentence.start:event.trigger.start]
    return (sum(before.count(mark) for mark in ('"', "\u201c", "\u201d")) % 2) == 1


# --- when two mentions are one event ---------------------------------------------------------


def countries(actors: Iterable[Actor]) -> set[str]:
    return {a.country for a in actors if a.country}


def sides_compatible(first: list[Actor], second: list[Actor]) -> bool:
    """Two renderings of one side of an event do not contradict each other: either is
    unknown, or they share a country, or (no countries) they share a sector."""
    a, b = countries(first), countries(second)
    if a and b:
        return bool(a & b) and _sectors_compatible(first, second)
    if a or b:
        return _sectors_compatible(first, second)
    sectors_a = {x.sector for x in first if x.sector}
    sectors_b = {x.sector for x in second if x.sector}
    return not (sectors_a and sectors_b) or bool(sectors_a & sectors_b)


STATE_BODIES = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
UNIDENTIFIED = "UNK"


def _identified(actors: list[Actor]) -> bool:
    """A side with a coded party other than an unidentified one ("unidentified attackers
    in Kunduz", the coder's stand-in for an attack told with no doer)."""
    return any(a.code and a.sector != UNIDENTIFIED for a in actors)


def _sectors_compatible(first: list[Actor], second: list[Actor]) -> bool:
    """Protesters and the police of one country are two sides; the army and the government
    of one country may be one."""
    def sides(actors: list[Actor]) -> set[str]:  # an unidentified doer may be anyone's
        return {"STATE" if x.sector in STATE_BODIES else x.sector for x in actors
                if x.sector and x.sector != UNIDENTIFIED}

    left, right = sides(first), sides(second)
    return not (left and right) or bool(left & right)


def same_parties(first: Mention, second: Mention, side: str) -> bool:
    """Both name the party of one side, and as the same one (a shared code, or a proper
    name in common: "Mahan" in "Iranian airline Mahan Air" and "Mahan")."""
    # a sector alone ("police", "protesters") does not say which police; a bare country
    # ("Turkey") is the state any of its bodies acts for
    for a in getattr(first.event, side):
        for b in getattr(second.event, side):
            if a.country and a.country == b.country and (
                    a.sector is None or b.sector is None or a.sector == b.sector):
                return True
    return same_names(first, second, side) or _same_role(getattr(first.event, side),
                                                         getattr(second.event, side))


def _same_role(first: list[Actor], second: list[Actor]) -> bool:
    """'the newspaper' and 'the newspaper's licence': one role word, one sector."""
    roles_a = {(_head_word(a.text), a.sector) for a in first if a.sector}
    roles_b = {(_head_word(a.text), a.sector) for a in second if a.sector}
    return bool(roles_a & roles_b)


def _head_word(text: str) -> str:
    words = re.findall(r"[a-z]+", text.lower())
    return words[-1] if words else ""


def same_names(first: Mention, second: Mention, side: str) -> bool:
    return bool(first.names.get(side, set()) & second.names.get(side, set()))


def proper_names(doc: Doc, actors: Iterable[Actor]) -> set[str]:
    """The proper-name words of the parties' mentions: not demonyms or countries, which
    many parties share ("Kenyan" students and "Kenyan" police)."""
    words: set[str] = set()
    for actor in actors:
        span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
        for token in span or ():
            if token.pos_ == "PROPN" and token.ent_type_ not in ("NORP", "GPE", "LOC") and (
                    len(token) > 2):
                words.add(token.lower_)
        if actor.name:
            words.update(w.lower() for w in actor.name.split() if len(w) > 2 and w[0].isupper())
    return words


def dates_compatible(first: str | None, second: str | None) -> bool:
    if not first or not second:
        return True
    return first.startswith(second) or second.startswith(first)


def km_apart(first: Place, second: Place) -> float | None:
    import math

    if None in (first.lat, first.lon, second.lat, second.lon):
        return None
    p1, p2 = math.radians(first.lat), math.radians(second.lat)  # type: ignore[arg-type]
    dl = math.radians(second.lon - first.lon)  # type: ignore[operator]
    cosine = math.sin(p1) * math.sin(p2) + math.cos(p1) * math.cos(p2) * math.cos(dl)
    return 6371.0 * math.acos(max(-1.0, min(1.0, cosine)))


def places_compatible(first: Place | None, second: Place | None) -> bool:
    if first is None or second is None:
        return True
    if first.country and second.country and first.country != second.country:
        return False
    distance = km_apart(first, second)
    return distance is None or distance <= SAME_PLACE_KM or _contains(first, second)


def _contains(first: Place, second: Place) -> bool:
    """A country or region holds the town: not a conflict."""
    broad = ("PCLI", "ADM1", "ADM2", "RGN", "CONT")
    return (first.feature or "") in broad or (second.feature or "") in broad


def same_kind(first: str | None, second: str | None) -> bool:
    """The same PLOVER type, or two a coder may give one act (a ban: SANCTION or COERCE)."""
    if first is None or second is None:
        return False
    return first == second or {first, second} in KINDRED_TYPES


def _modality(event: Event) -> str:
    if event.status in ("future", "hypothetical"):
        return "unreal"
    if event.status in ("historical", "negated"):
        return event.status
    return "actual"


def one_event(first: Mention, later: Mention) -> bool:
    """Whether a later mention reports the same real event as an earlier one."""
    a, b = first.event, later.event
    if not same_kind(a.type, b.type):
        return False
    if a.type != b.type and not (same_parties(first, later, "source")
                                 and same_parties(first, later, "target")):
        return False
    if _modality(a) != _modality(b):
        return False  # what will happen, what happened years ago and what did not happen
    if not (sides_compatible(a.source, b.source) and sides_compatible(a.target, b.target)):
        return False
    # a background mention's date is often its sentence's, not its own ("the following day,
    # the ministry denounced the agreements")
    if not (b.background or dates_compatible(a.date, b.date)) or not places_compatible(
            a.location, b.location):
        return False
    if first.sentence == later.sentence:
        return True
    if first.headline:
        return True  # a title tells in short what the lead then tells
    if later.plural and not first.plural and a.type in MATERIAL_TYPES:
        return False  # "weeks of protests" are not the one protest told before ("the
        # allegations" may well be the one accusation)
    if a.type not in MATERIAL_TYPES and a.source and b.source and not same_parties(
            first, later, "source"):
        return False  # what one party said is not what another said later, however told
    if later.definite or (b.background and is_noun(later.token)):
        return True  # "the attack", "after last week's strike"
    if a.type in MATERIAL_TYPES and a.cameo == b.cameo and (
            not (a.source or b.source) or same_parties(first, later, "source")) and (
            _introduced_then_named(first, later)):
        return True  # "A Coral Gables man was arrested … Martello, 64, was arrested Thursday"
    if a.type == "ASSAULT" and (a.source or not b.source) and _a_toll(b) and (
            0 < later.sentence - first.sentence <= TOLL_REACH):
        return True  # "… fired on the crowd. Sixty-six people were injured.": its toll
    if a.type not in MATERIAL_TYPES:
        # a statement told again right after in the speaker's own words ("Lam announced
        # the bill's withdrawal … 'We will withdraw the bill,' Lam said")
        return later.sentence - first.sentence <= 1 and later.quoted and (
            same_names(first, later, "source")) and a.cameo == b.cameo
    if a.source and not b.source and a.target and b.target and a.cameo == b.cameo and (
            same_parties(first, later, "target")) and (
            same_names(first, later, "target") or _definite_party(b)):
        return True  # "the government suspended parliament … parliament was suspended
        # until October 14": the same act told again without its doer
    if not (bool(a.source) and bool(b.source) and same_parties(first, later, "source") and (
            not (a.target and b.target) or same_parties(first, later, "target"))):
        return False
    # the same kind of act, or a party named by name: two acts of "police" against
    # "protesters" in two places are two events
    return a.cameo == b.cameo or a.type != b.type or same_names(first, later, "source") or (
        same_names(first, later, "target"))


INTRODUCTION_REACH = 4  # sentences


def _introduced_then_named(first: Mention, later: Mention) -> bool:
    """The one person an act befell, introduced by description ("a Coral Gables man") and
    named a few sentences on with the same act told again ("Martello, 64, was arrested")."""
    if not 0 < later.sentence - first.sentence <= INTRODUCTION_REACH or first.token is None \
            or later.token is None or len(first.event.target) != 1 or (
            len(later.event.target) != 1):
        return False
    described, named = first.event.target[0], later.event.target[0]
    if described.name:
        return False
    doc = first.token.doc
    head = doc.char_span(described.start, described.end, alignment_mode="expand")
    name = doc.char_span(named.start, named.end, alignment_mode="expand")
    if head is None or name is None or not len(head) or not len(name):
        return False
    indefinite = head.root.tag_ == "NN" and any(
        c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.root.children)
    return indefinite and name.root.ent_type_ == "PERSON"


TOLL_SECTORS = frozenset({"CVL", "UNK"})


def _a_toll(event: Event) -> bool:
    """'Sixty-six people were injured': casualties told with no one doing it, of people
    counted, not named."""
    return (not event.source and (event.dead is not None or event.injured is not None)
            and bool(event.target) and all(not a.name
                                           and a.sector in TOLL_SECTORS
                                           for a in event.target))


def _definite_party(event: Event) -> bool:
    """'the assembly', 'the two activists': a target told as one already known."""
    sentence = event.sentence
    for actor in event.target:
        before = sentence.text[:max(actor.start - sentence.start, 0)].lower().split()
        if before and before[-1] in ("the", "this", "that", "these", "those"):
            return True
    return False


# --- merging ---------------------------------------------------------------------------------


def antecedent(kept: list[Mention], mention: Mention) -> Mention | None:
    """The earlier event a mention reports again: of those it can be, one that names a
    party it names (the nearest such), else the nearest."""
    candidates = [k for k in reversed(kept) if one_event(k, mention)]
    taken_up = next((k for k in candidates if k.event is mention.takes_up), None)
    if taken_up is not None:  # "the strike" after "killed him in an airstrike"
        return taken_up
    same_sentence = [k for k in candidates if k.sentence == mention.sentence]
    if same_sentence:  # "were injured after being attacked by protesters": that injury
        return same_sentence[0]
    event = mention.event
    for candidate in candidates:
        if (event.source and same_parties(candidate, mention, "source")) or (
                event.target and same_parties(candidate, mention, "target")):
            return candidate
    return candidates[0] if candidates else None


def _told_by_means(mention: Mention, word: str) -> bool:
    """'killed Soleimani in an airstrike', 'the killing … in a drone strike': an event whose
    sentence names it by another word, here the one a later "the strike" takes up."""
    if mention.token is None or mention.event.type is None:
        return False
    return any(t.i != mention.token.i and t.pos_ == "NOUN" and _a_kind_of(t, word)
               and t.dep_ == "pobj" and t.head.lower_ in MEANS_PREPOSITIONS
               for t in mention.token.sent)


MEANS_PREPOSITIONS = frozenset({"in", "by", "with", "through", "via"})


def _a_kind_of(token: Token, word: str) -> bool:
    """'airstrike', 'drone strike' are kinds of strike; 'strike' alone is not told apart."""
    lemma = token.lemma_.lower()
    if lemma == word:
        return any(c.dep_ == "compound" for c in token.children)
    return lemma.endswith(word) and len(lemma) > len(word) + 2


def read_by_antecedent(mentions: list[Mention]) -> None:
    """'The strike' after 'a US drone strike killed …' is that strike, not a walkout: a
    definite event noun takes the type of an earlier event whose trigger has the same word."""
    for number, mention in enumerate(mentions):
        token = mention.token
        if not mention.definite or token is None or token.pos_ not in ("NOUN", "PROPN"):
            continue
        word = token.lemma_.lower()
        earlier = next((m.event for m in reversed(mentions[:number])
                        if word in m.event.trigger.text.lower().replace("-", " ").split()
                        or m.event.trigger.text.lower().endswith(word)), None)
        if earlier is None:  # "the killing of Soleimani in an airstrike": told by its means
            earlier = next((m.event for m in reversed(mentions[:number])
                            if _told_by_means(m, word)), None)
        mention.takes_up = earlier
        if earlier is not None and earlier.type and earlier.type != mention.event.type:
            event = mention.event
            event.type, event.cameo, event.mode = earlier.type, earlier.cameo, earlier.mode
            event.context = list(earlier.context)


def _nobodys_words(mention: Mention) -> bool:
    """An act told by "we" in a quotation whose speaker no one named."""
    from .arguments import told_in_the_first_person

    event = mention.event
    return (mention.token is not None and not any(a.code for a in event.source)
            and not any(a.code for a in event.target)
            and told_in_the_first_person(governing_verb(mention.token) or mention.token))


def _unplaced_retelling(mention: Mention) -> bool:
    """'The strike took place at the airport' with no earlier telling to join: no party,
    nothing to record on its own."""
    from ..places.locate import where_it_took_place

    event = mention.event
    return (mention.token is not None and not any(a.code for a in event.source)
            and not any(a.code for a in event.target) and where_it_took_place(mention.token))


def merge_events(mentions: list[Mention]) -> tuple[list[Mention], dict[str, str]]:
    """Mentions of one event folded into its first; returns the kept mentions and the map
    from each folded event's id to the id of the event it now belongs to."""
    kept: list[Mention] = []
    renamed: dict[str, str] = {}
    for mention in mentions:
        host = antecedent(kept, mention)
        if host is None:
            kept.append(mention)
            continue
        if host.headline and not mention.headline:  # the lead's telling stays the event
            absorb(mention.event, host.event)
            kept[kept.index(host)] = mention
            renamed[host.event.id] = mention.event.id
            continue
        absorb(host.event, mention.event)
        renamed[mention.event.id] = host.event.id
    return kept, renamed


def absorb(event: Event, other: Event) -> None:
    """Fill the event from another mention of it; the mention's sentence joins `mentions`."""
    if other.sentence != event.sentence and all(m != other.sentence for m in event.mentions):
        event.mentions.append(other.sentence)
    event.mentions.extend(m for m in other.mentions if m not in event.mentions)
    if not _identified(event.source) and _identified(other.source):
        event.source = other.source
    if not any(a.code for a in event.target) and any(a.code for a in other.target):
        event.target = [a for a in other.target if a not in event.source]
    if _more_specific_code(other.cameo, event.cameo):
        event.cameo, event.mode = other.cameo, other.mode or event.mode
    if event.date is None and other.date is not None and not other.background:
        event.date, event.date_basis = other.date, "same-event"
    if event.location is None and other.location is not None:
        event.location, event.location_basis = other.location, "same-event"
    event.background = event.background and other.background
    for figure in ("dead", "injured", "size"):
        if getattr(event, figure) is None:
            setattr(event, figure, getattr(other, figure))
    spans = {(q.span.start, q.span.end) for q in event.quantities}
    event.quantities.extend(q for q in other.quantities
                            if (q.span.start, q.span.end) not in spans)
    if other.confidence is not None:
        event.confidence = max(event.confidence or 0.0, other.confidence)


def _more_specific_code(candidate: str | None, current: str | None) -> bool:
    if not candidate:
        return False
    if not current:
        return True
    return len(candidate) > len(current) and candidate.startswith(current[:2])


def renumber_references(record: Record, renamed: dict[str, str]) -> None:
    if not renamed:
        return
    for event in record.events:
        if event.reported_in in renamed:
            event.reported_in = renamed[event.reported_in]
    for claim in record.claims:
        ids = [renamed.get(i, i) for i in claim.event_ids]
        claim.event_ids = list(dict.fromkeys(ids))


def answer_denials(mentions: list[Mention]) -> None:
    """'Sudan's foreign ministry rejected the accusation': a rejection or denial with no
    party as its target answers the latest accusation against the rejecting party, and is
    aimed at its accuser."""
    accusations: list[Event] = []
    for mention in mentions:
        event = mention.event
        if event.type == "ACCUSE":
            accusations.append(event)
            continue
        if event.type != "REJECT" or event.cameo != DENIAL or any(a.code for a in event.target):
            continue
        if not _denies_a_statement(mention.token):
            continue  # a refusal ("denied funding") answers nobody's accusation
        rejecting = countries(event.source)
        answered = next((a for a in reversed(accusations)
                         if rejecting & countries(a.target) and a.source), None)
        if answered is not None:
            event.target = [actor for actor in answered.source if actor.code]


def _denies_a_statement(token: Token | None) -> bool:
    """'denied the accusation', 'denied that …', 'denied it' — not 'denied funding'."""
    if token is None:
        return False
    obj = next((c for c in token.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if obj is None:
        return True
    return obj.pos_ == "PRON" or obj.lemma_.lower() in STATEMENT_OBJECTS


def aim_at_what_is_answered(mentions: list[Mention], noun_types: dict[str, str]) -> None:
    """'Merkel seconded the call', 'the embassy declined the request', 'filed a lawsuit
    against the state of emergency Trump declared': an event with no party as its target,
    whose object is another event or statement, is aimed at whoever made that one — the
    event the noun itself triggers in its sentence, else the latest earlier event of the
    kind the noun names ("the call" → a request)."""
    for number, mention in enumerate(mentions):
        event = mention.event
        if any(a.code for a in event.target) or mention.token is None:
            continue
        about = _what_it_answers(mention.token)
        if about is None:
            continue
        answered = _event_named_by(about, mentions[:number] + mentions[number + 1:],
                                   noun_types, mention)
        if answered is None:
            continue
        parties = [a for a in answered.source if a.code and not _one_side(a, event.source)]
        if parties:
            event.target = parties


# What someone said, named by a noun: "rejected this argument", "dismissed the claim".
SAID_NOUNS = frozenset({"argument", "claim", "assertion", "statement", "remark", "comment",
                        "view", "position", "suggestion", "contention", "reasoning",
                        "characterisation", "characterization", "interpretation"})
SAID_REACH = 300  # characters back to the words answered


def aim_at_who_said_it(mentions: list[Mention], quotes: list[Quote]) -> None:
    """'The defence argued that the search was unlawful. The judge rejected this
    argument': a rejection or criticism of "this argument", "the claim", with no party as
    its target, is aimed at whoever said the words just before it."""
    for mention in mentions:
        event = mention.event
        if event.type not in ("REJECT", "ACCUSE") or any(a.code for a in event.target) or (
                mention.token is None):
            continue
        about = _what_it_answers(mention.token)
        if about is None or about.lemma_.lower() not in SAID_NOUNS or not any(
                c.dep_ == "det" and c.lower_ in DEFINITE_WORDS for c in about.children):
            continue
        said = [q for q in quotes if q.speaker is not None and q.speaker.code
                and q.content.end <= event.sentence.start
                and event.sentence.start - q.content.end <= SAID_REACH
                and not _one_side(q.speaker, event.source)]
        if said:
            event.target = [said[-1].speaker]


RESPONDING_VERBS = frozenset({"respond", "retaliate", "react", "reply", "answer", "hit"})
RESPONSE_NOUNS = frozenset({"response", "retaliation", "reprisal", "revenge"})
RESPONSE_REACH = 2  # sentences back to the act a response answers


def aim_responses_at_who_acted(mentions: list[Mention]) -> None:
    """'Police fired tear gas at protesters. Some protesters responded by throwing stones':
    an act told as a response, with no target of its own, is aimed at whoever acted on the
    responders just before (the nearest earlier event whose target is on their side)."""
    for number, mention in enumerate(mentions):
        event = mention.event
        if any(a.code for a in event.target) or not _identified(event.source) or (
                mention.token is None or not _told_as_a_response(mention.token)):
            continue
        for earlier in reversed(mentions[:number]):
            if mention.sentence - earlier.sentence > RESPONSE_REACH:
                break
            acted = earlier.event
            if _identified(acted.source) and any(a.code for a in acted.target) and (
                    _same_side(acted.target, event.source)) and not _same_side(
                    acted.source, event.source):
                event.target = list(acted.source)
                break


def _same_side(first: list[Actor], second: list[Actor]) -> bool:
    return sides_compatible(first, second) and bool(
        {a.sector for a in first if a.sector} & {a.sector for a in second if a.sector})


def _told_as_a_response(token: Token) -> bool:
    """'responded by throwing stones', 'retaliated', 'in response, fired rockets'."""
    verb = governing_verb(token) or token
    if verb.lemma_.lower() in RESPONDING_VERBS and verb.lemma_.lower() != "hit":
        return True
    if verb.dep_ == "pcomp" and verb.head.lower_ == "by" and (
            verb.head.head.lemma_.lower() in RESPONDING_VERBS):
        return True  # "responded by throwing stones", "hit back by shelling"
    return any(c.dep_ == "prep" and c.lower_ == "in" and any(
        g.dep_ == "pobj" and g.lemma_.lower() in RESPONSE_NOUNS and not any(
            p.dep_ == "prep" for p in g.children) for g in c.children)
        for c in verb.children)


def _what_it_answers(token: Token) -> Token | None:
    obj = next((c for c in token.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if obj is None:
        for preposition in ANSWERING_PREPOSITIONS:
            obj = next((g for c in token.children if c.dep_ == "prep" and c.lower_ ==
                        preposition for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None:
                break
    if obj is None:
        return None
    # "a lawsuit against the state of emergency": the noun the phrase is about
    inner = next((g for c in obj.children if c.dep_ == "prep" and c.lower_ == "against"
                  for g in c.children if g.dep_ == "pobj"), None)
    return inner if inner is not None and obj.pos_ == "NOUN" else obj


def _event_named_by(noun: Token, others: list[Mention], noun_types: dict[str, str],
                    mention: Mention) -> Event | None:
    lemma = noun.lemma_.lower()
    kind = noun_types.get(lemma)
    if kind is None or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    start, end = noun.idx, noun.idx + len(noun)
    for other in others:  # the event the noun itself triggers ("the state of emergency")
        trigger = other.event.trigger
        if trigger.start < end and start < trigger.end:
            return other.event
    earlier = [o for o in others if o.sentence <= mention.sentence
               and o.event.trigger.start < start and o.event.type == kind]
    # "characterized the attack as a violation": the latest attack someone is named as
    # doing, not a later one told without its doer ("the coalition came to fight ISIS")
    done_by_someone = [o for o in earlier if any(a.code for a in o.event.source)]
    chosen = done_by_someone or earlier
    return chosen[-1].event if chosen else None


def _one_side(actor: Actor, side: list[Actor]) -> bool:
    return any(actor.country and actor.country == other.country and
               (actor.sector or "") == (other.sector or "") for other in side)


# --- dates -----------------------------------------------------------------------------------


def date_events(mentions: list[Mention], published: dt.date | None,
                scene_days: dict[int, str] | None = None) -> None:
    """Each undated event's date from the story (see `ConsolidateStage`); `scene_days`: the
    day a sentence's main clause is told on, by sentence number, whether or not it holds an
    event ("On Wednesday, the House voted …" sets the day of "The first article charged
    …")."""
    # the story's day, the last sentence told in it, and how far it carries from there
    scene: tuple[str, int, int] | None = None
    news_day: str | None = None  # the first day of the news the article reports
    # an older time the story went back to ("In June 1968, Sirhan assassinated Kennedy"),
    # its last sentence and paragraph: the next past act of the paragraph is told in it
    flashback: tuple[str, int, int] | None = None
    days = sorted((scene_days or {}).items())
    for mention in mentions:
        while days and days[0][0] < mention.sentence:
            number, day = days.pop(0)
            if scene is None or number > scene[1]:
                scene = (day, number, SCENE_SENTENCES)  # a scene set by a sentence of its own
                if news_day is None and _recent(day, published):
                    news_day = day
        event = mention.event
        if event.date is not None:
            event.date_basis = event.date_basis or "stated"
            if _going_on_since(mention.token):
                continue  # still going on: the story's day stays as it was
            # a background day opens the story's day only when none is told yet ("Friday
            # was the fourth night that Serbians protested"), never after ("after the
            # government announced new measures on Tuesday")
            if _sets_the_day(mention) and (not event.background or (
                    scene is None and _recent(event.date, published))):
                scene = (event.date, mention.sentence, NARRATIVE_SENTENCES)
                if news_day is None and _recent(event.date, published):
                    news_day = event.date
            elif not event.background:
                scene = None  # the story moved to another time ("in 2017, …")
                if _long_before(event.date, published):
                    flashback = (event.date, mention.sentence, mention.paragraph)
            continue
        if event.status in UNTIMED_STATUSES or _told_as_earlier(mention.token):
            continue
        if event.background:
            _date_from_host(mention, mentions, scene[0] if scene else news_day)
            continue
        tense = mention.tense
        if tense == "future" and event.intent and event.type in VERBAL_TYPES:
            tense = "past"  # "'We will withdraw the bill,' Lam said": promised when said
        if tense in ("present", "perfect") and published is not None:
            event.date, event.date_basis = published.isoformat(), "report-date"
        elif tense in ("past", "unknown") and scene is not None and (
                mention.sentence - scene[1] <= scene[2]):
            event.date, event.date_basis = scene[0], "narrative"
            scene = (scene[0], mention.sentence, NARRATIVE_SENTENCES)
        elif tense == "past" and flashback is not None and flashback[2] == mention.paragraph \
                and mention.sentence - flashback[1] <= FLASHBACK_SENTENCES \
                and not _told_as_later(mention.token):
            event.date, event.date_basis = flashback[0], "narrative"
            if event.status == "asserted" and is_historical(event.date, published):
                event.status = "historical"
            flashback = (flashback[0], mention.sentence, mention.paragraph)
        elif tense == "past" and news_day is not None:
            event.date, event.date_basis = news_day, "news-day"


EARLIER_ADVERBS = frozenset({"before", "previously", "earlier", "formerly", "once"})


def _told_as_earlier(token: Token | None) -> bool:
    """'had threatened the network before', 'previously accused': an undated earlier time,
    not the day the story is told on."""
    verb = governing_verb(token) if token is not None else None
    for _ in range(3):
        if verb is None:
            return False
        if any(c.dep_ == "advmod" and c.lower_ in EARLIER_ADVERBS and not any(
                g.dep_ in ("npadvmod", "pobj", "prep") for g in c.children)
               for c in verb.children):
            return True
        if verb.dep_ != "conj" or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
TITLE_MONTH = re.compile(r"\b(" + "|".join(MONTHS) + r")\s+((?:19|20)\d\d)\b", re.IGNORECASE)


def date_by_the_titles_month(mentions: list[Mention], title: str | None,
                             published: dt.date | None) -> None:
    """'On the campaign trail in the USA, June 2020': a round-up whose title names the
    month it covers dates its undated events to that month (precision month), unless they
    are told as earlier, future or hypothetical."""
    found = TITLE_MONTH.search(title or "")
    if found is None:
        return
    month = f"{found.group(2)}-{MONTHS.index(found.group(1).lower()) + 1:02d}"
    if published is not None and month > published.isoformat()[:7]:
        return  # a title about a month still to come
    for mention in mentions:
        event = mention.event
        if event.date or event.status in UNTIMED_STATUSES or _told_as_earlier(mention.token):
            continue
        event.date, event.date_basis, event.date_precision = month, "title", "month"


def scene_days(doc: Doc, record: Record, published: dt.date | None) -> dict[int, str]:
    """By sentence number, the day its main clause is told on: a day-precise time
    expression (not a dateline, not in the future) hanging on the sentence's root verb in
    the past tense ("On Wednesday, the House voted …")."""
    layout = Layout(doc, record.article.text)
    found: dict[int, str] = {}
    for mention in record.dates:
        if mention.dateline or not mention.value or len(mention.value) != len("2020-01-01"):
            continue
        if published is not None and mention.value > published.isoformat():
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or not len(span) or a_cutoff(span):
            continue  # "As of September 30, 200 had died": no scene is set on that day
        verb = carrier(span.root)
        for _ in range(3):  # "At the debate, held October 8, the candidates …": a participle
            if verb is None or verb.dep_ == "ROOT" or verb.tag_ not in ("VBN", "VBG"):
                break
            verb = verb.head if verb.head.pos_ in ("VERB", "AUX") else carrier(verb.head)
        if verb is None or verb.dep_ != "ROOT" or verb.tag_ not in ("VBD", "VBN"):
            continue
        found.setdefault(layout.sentence(mention.start), mention.value)
    return found


def _date_from_host(mention: Mention, mentions: list[Mention], story_day: str | None) -> None:
    """A background event told as a participle or relative clause of a dated event of its
    sentence happened then ("protesters, carrying placards asking the government to …");
    one told as "N days/weeks/months after …" happened that long before its sentence's
    event, or, when the sentence tells none ("The move comes a month after …"), before the
    story's day; one told as plain "after …", "before …" or "since …" gets no date."""
    if mention.token is None:
        return
    host = next((m.event.date for m in mentions if m.event.date and not m.event.background
                 and _told_in(m, mention.event.sentence)), None)
    marker = _temporal_marker(mention.token)
    if marker is None:
        if host is not None:
            mention.event.date, mention.event.date_basis = host, "narrative"
        return
    shifted = _shifted(host or story_day, mention.event.sentence.text, marker)
    if shifted is not None:  # "comes a month after U.S. jets struck …"
        mention.event.date, mention.event.date_basis = shifted, "narrative"


def _contemporaneous_host(mention: Mention, mentions: list[Mention]) -> Event | None:
    """The foreground event of a background event's sentence, when the background event
    is told as part of it (a participle, a relative clause), not before or after it."""
    if mention.token is None or _temporal_marker(mention.token) is not None:
        return None
    return next((m.event for m in mentions if not m.event.background and m is not mention
                 and _told_in(m, mention.event.sentence)), None)


def _told_in(mention: Mention, sentence: Span) -> bool:
    event = mention.event
    return event.sentence == sentence or sentence in event.mentions


DURATION = re.compile(r"\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
                      r"(day|week|month|year)s?\s+(after|before|later|earlier)\b", re.I)
SMALL_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def _shifted(value: str | None, sentence: str, marker: str) -> str | None:
    """The host's day moved by the "N days/weeks/months after" of the sentence, at the
    precision of the unit: the event in the after-clause came N units before the host."""
    match = DURATION.search(sentence)
    if value is None or len(value) != len("YYYY-MM-DD") or match is None:
        return None
    if match[3].lower() not in (marker, "later" if marker == "before" else "earlier"):
        return None
    count = SMALL_COUNTS.get(match[1].lower()) or int(match[1])
    sign = -1 if marker == "after" else 1
    day = dt.date.fromisoformat(value)
    unit = match[2].lower()
    if unit == "day":
        return (day + dt.timedelta(days=sign * count)).isoformat()
    if unit == "week":
        return (day + dt.timedelta(weeks=sign * count)).isoformat()[:7]
    if unit == "month":
        year, month = divmod(day.year * 12 + day.month - 1 + sign * count, 12)
        return f"{year:04d}-{month + 1:02d}"
    return f"{day.year + sign * count:04d}"


def _temporal_marker(token: Token) -> str | None:
    node = token
    for _ in range(GOVERNING_STEPS):
        for candidate in (node, *node.children):
            if candidate.lower_ in TEMPORAL_MARKERS and (
                    candidate.i == node.i or candidate.dep_ in ("mark", "prep", "advmod")):
                return "before" if candidate.lower_ in ("before", "until", "prior") else \
                    "after"
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _recent(value: str, published: dt.date | None) -> bool:
    """A day within the days before publication that news reports (not a flashback)."""
    if published is None:
        return False
    days = (published - dt.date.fromisoformat(value)).days
    return 0 <= days <= NEWS_DAYS


LATER_ADVERBS = frozenset({"later", "subsequently", "afterwards", "afterward", "eventually",
                           "since"})


def _told_as_later(token: Token | None) -> bool:
    """'Soldiers later clashed with rebels': some time after the older time, not in it."""
    verb = governing_verb(token) if token is not None else None
    return verb is not None and any(  # but "an hour later" is still then
        c.dep_ == "advmod" and c.lower_ in LATER_ADVERBS
        and not any(g.dep_ in ("npadvmod", "nummod") for g in c.children)
        for c in verb.children)


def _long_before(value: str, published: dt.date | None) -> bool:
    """A day, month or year that began well before the news the article reports."""
    if published is None:
        return False
    parts = [int(part) for part in value.split("-")[:3] if part.isdigit()]
    if not parts:
        return False
    try:
        start = dt.date(parts[0], *[*parts[1:], 1, 1][:2])
    except ValueError:
        return False
    return (published - start).days > NEWS_DAYS


def _sets_the_day(mention: Mention) -> bool:
    """A day-precise event the story is telling (background mentions of a day count too:
    "the fourth night that protesters marched" sets the night)."""
    event = mention.event
    return event.date_precision == "day" and event.status not in UNTIMED_STATUSES


def _going_on_since(token: Token | None) -> bool:
    """'Protests have been taking place since Tuesday': the day an ongoing event began,
    not the day the story is told on."""
    from ..places.locate import occurring_verb

    if token is None:
        return False
    heads = [token, governing_verb(token), occurring_verb(token)]
    return any(c.dep_ == "prep" and c.lower_ == "since"
               for head in heads if head is not None for c in head.children)


def stated_precision(event: Event, record: Record) -> str | None:
    """The precision of the time expression an event's date comes from ("last week" is a
    week though its value is a day), else what the value's form says."""
    if not event.date:
        return None
    start, end = event.sentence.start, event.sentence.end
    for mention in record.dates:
        if mention.value == event.date and start <= mention.start < end and (
                mention.granularity):
            return mention.granularity
    for mention in record.dates:
        if mention.value == event.date and mention.granularity:
            return mention.granularity
    return _precision_of_value(event.date)


def _precision_of_value(value: str) -> str:
    return {len("YYYY-MM-DD"): "day", len("YYYY-MM"): "month"}.get(len(value), "year")


# --- places ----------------------------------------------------------------------------------


class Setting:
    """Where the article is set: per country, the city most of its places in that country
    are, when one dominates and is named more than once — a dateline ("HARTFORD, Conn. —")
    counts as often as that."""

    def __init__(self, places: list[Place], datelined: frozenset[int] = frozenset()) -> None:
        cities: dict[str, Counter[str]] = {}
        self.by_name: dict[str, Place] = {}
        for place in places:
            if place.use == "actor" and place.start not in datelined:
                continue  # "Moscow said": the government, not where the story is
            if place.country and (place.feature or "").startswith(CITY_FEATURES):
                key = place.name or place.text
                weight = SETTING_MENTIONS if place.start in datelined else 1
                cities.setdefault(place.country, Counter())[key] += weight
                self.by_name.setdefault(key, place)
        self.city: dict[str, str] = {}
        for country, counts in cities.items():
            (top, count), total = counts.most_common(1)[0], sum(counts.values())
            capital = (self.by_name[top].feature or "") == "PPLC"
            if (count >= SETTING_MENTIONS or capital) and count * 2 > total:
                self.city[country] = top


def place_events(mentions: list[Mention], record: Record,
                 gazetteer: Gazetteer | None,
                 scene_places: dict[int, Place] | None = None,
                 datelined: frozenset[int] = frozenset()) -> None:
    """Each unplaced event's place from the story (see `ConsolidateStage`);
    `scene_places`: the town or site a sentence's main clause is told in, by sentence
    number, whether or not it holds an event; `datelined`: the start offsets of the places
    named in a dateline."""
    setting = Setting(record.places, datelined)
    scene: tuple[Place, int, int] | None = None  # the place, its last sentence, its reach
    scene_paragraph = -1
    told = sorted((scene_places or {}).items())
    paragraph_of = {m.sentence: m.paragraph for m in mentions}
    for mention in mentions:
        while told and told[0][0] < mention.sentence:
            number, place = told.pop(0)
            if scene is None or number > scene[1]:
                scene = (place, number, SCENE_SENTENCES)
                scene_paragraph = paragraph_of.get(number, mention.paragraph)
        event = mention.event
        if event.location is not None:
            event.location_basis = event.location_basis or "stated"
            if not event.background and event.status not in UNTIMED_STATUSES:
                scene = (event.location, mention.sentence, NARRATIVE_SENTENCES)
                scene_paragraph = mention.paragraph
            continue
        if event.status in UNTIMED_STATUSES:
            continue
        local = _only_place_of_sentence(event, record.places)
        if local is not None and event.type in PLACED_TYPES:
            event.location, event.location_basis = local, "sentence"
            continue
        if event.background:
            continue  # placed with its host, below
        if scene is not None and mention.sentence - scene[1] <= scene[2] and (
                _fits_scene(event, scene[0])) and (
                mention.paragraph == scene_paragraph or scene_paragraph < 0
                or mention.sentence - scene[1] <= CARRY_ACROSS_PARAGRAPHS):
            event.location, event.location_basis = scene[0], "narrative"
            scene = (scene[0], mention.sentence, NARRATIVE_SENTENCES)
            continue
        _place_domestic(event, setting, gazetteer, record.places)
    for mention in mentions:
        event = mention.event
        if event.background and event.location is None and (
                event.status not in UNTIMED_STATUSES):
            host = _contemporaneous_host(mention, mentions)
            if host is not None and host.location is not None:
                event.location, event.location_basis = host.location, "narrative"


def scene_places(doc: Doc, record: Record) -> dict[int, Place]:
    """By sentence number, the town or site its main clause is told in: a place named
    after "in", "at" or "near" on the sentence's root verb in the past tense, or on a
    participle of it ("At the debate, held October 8 in Denver, …")."""
    layout = Layout(doc, record.article.text)
    found: dict[int, Place] = {}
    for place in record.places:
        if place.use == "actor" or (place.feature or "").startswith(("PCL", "CONT")):
            continue
        span = doc.char_span(place.start, place.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        root = span.root
        if root.dep_ != "pobj" or root.head.lower_ not in ("in", "at", "near"):
            continue
        verb = root.head.head
        for _ in range(3):
            if verb.dep_ == "ROOT" or verb.tag_ not in ("VBN", "VBG") or verb.head.i == verb.i:
                break
            verb = verb.head if verb.head.pos_ in ("VERB", "AUX") else carrier(verb.head)
            if verb is None:
                break
        if verb is None or verb.dep_ != "ROOT" or verb.tag_ not in ("VBD", "VBN"):
            continue
        found.setdefault(layout.sentence(place.start), place)
    return found


def dateline_starts(doc: Doc) -> frozenset[int]:
    """The character offsets of the dateline tokens ("SPRINGFIELD -")."""
    return frozenset(doc[i].idx for i in dateline_tokens(doc))


def _only_place_of_sentence(event: Event, places: list[Place]) -> Place | None:
    """The one town, region or site an event's sentence names ("struck the air base north
    of Omdurman, killing 14"), when it names exactly one (countries aside)."""
    start, end = event.sentence.start, event.sentence.end
    found = {(p.name, p.lat, p.lon): p for p in places
             if start <= p.start < end and not (p.feature or "").startswith(("PCL", "CONT"))
             and p.use != "actor" and not _dateline_place(event.sentence, p)}
    return next(iter(found.values())) if len(found) == 1 else None


def _dateline_place(sentence: Span, place: Place) -> bool:
    """'WASHINGTON — The United States on Monday …': where the report was filed."""
    before = sentence.text[:place.start - sentence.start]
    after = sentence.text[place.end - sentence.start:place.end - sentence.start + 40]
    return not before.strip(" ,") and bool(re.match(r"[^—–-]{0,30}[—–-]", after))


def localize_targets(event: Event) -> None:
    """The people an attack, arrest or crackdown hits where the text places it, named by
    their role alone ("detainees", "the air base"), are of that place's country."""
    place = event.location
    if event.type not in PLACED_TYPES or place is None or not place.country or (
            event.location_basis not in ("stated", "sentence", "same-event", "narrative")):
        return
    if place.country in NONSTATE or not re.fullmatch(r"[A-Z]{3}", place.country):
        return
    event.target = [replace(a, country=place.country, code=f"{place.country}{a.sector}",
                            country_basis="event-place")
                    if a.country is None and a.sector and a.sector not in FOREIGN_SECTORS
                    else a for a in event.target]


def _fits_scene(event: Event, place: Place) -> bool:
    """Talks and agreements happen where the story is; other events where a party is from,
    or anywhere when no party's country is known."""
    if event.type in GATHERING_TYPES:
        return True
    parties = countries([*event.source, *event.target])
    return not parties or place.country in parties


def domestic_country(event: Event) -> str | None:
    """The country of an event between parties of one country (or with no other party): its
    source's country, when every target is of that country too — or of none, for acts
    seldom done abroad ("police arrested three men"; but "the US strike killed a general" is
    not domestic); with no source of known country ("a city man was shot"), its targets'."""
    parties = countries(event.source) or countries(event.target)
    unknown_is_home = event.type not in ABROAD_TYPES
    if len(parties) != 1 or any(a.country not in parties and (a.country or not unknown_is_home)
                                for a in event.target):
        return None
    country = next(iter(parties))
    return country if re.fullmatch(r"[A-Z]{3}", country) and country not in (
        "IGO", "NGO", "UNO", "EUR", "IMG", "MNC", "ISM") else None


def actor_place(actors: list[Actor], places: list[Place]) -> Place | None:
    """A town or region a party is named by, of the party's own country (or of a party
    whose country is not known), as the places stage read it: "Athens" (the Greek
    government), "Northamptonshire police", "the Kabul governor", "an Alexandria grand
    jury" (never a word of a person's name: the places stage keeps those out)."""
    for actor in actors:
        if not actor.country and not actor.sector:
            continue
        for place in places:
            if actor.start <= place.start and place.end <= actor.end and (
                    place.country == actor.country or not actor.country) and (
                    place.feature or "").startswith(("PPL", "ADM", "FAC")):
                return place
    return None


# Who acts where they sit: a town's police and courts charge, indict, investigate and
# appeal in their town ("an Alexandria grand jury indicted", "Athens police are asking").
LOCAL_AUTHORITIES = frozenset({"COP", "JUD"})
# A town's or county's own government, not a capital's (whose name stands for the state).
LOCAL_FEATURES = frozenset({"PPL", "ADM2"})


def _by_a_local_authority(event: Event, places: list[Place]) -> bool:
    """Police or courts, or the government of a town or county the text names it by
    ("Atlantic Beach officials decided", "the Walker County commissioners"): a capital's or
    a state's government may speak anywhere."""
    if not event.source:
        return False
    if all(a.sector in LOCAL_AUTHORITIES for a in event.source):
        return True
    named = actor_place(event.source, places)
    return named is not None and all(a.sector == "GOV" for a in event.source) and (
        named.feature or "") in LOCAL_FEATURES


def _place_domestic(event: Event, setting: Setting, gazetteer: Gazetteer | None,
                    places: list[Place]) -> None:
    """A domestic event in the city the article is set in; a domestic act (not a statement,
    which can be made anywhere: never the speaker's capital) in the town its party is
    named by, else in its country."""
    country = domestic_country(event)
    if country is not None and setting.city.get(country) is not None:
        event.location = setting.by_name[setting.city[country]]
        event.location_basis = "article-setting"
        return
    if gazetteer is None or (event.type not in MATERIAL_TYPES
                             and not _by_a_local_authority(event, places)):
        return
    named = actor_place(event.source, places)
    if named is not None and (named.country == country or event.type not in ABROAD_TYPES):
        event.location, event.location_basis = named, "actor-place"
        return
    if country is None:
        return
    if event.type in ABROAD_TYPES and not event.target and all(
            a.sector in (None, "MIL", "GOV") for a in event.source):
        return  # a state's strike or deployment against no one named: where is not said
    entry = gazetteer.country(country)
    holder = next((a for a in event.source if a.country == country), None)
    if entry is None or holder is None:
        return
    event.location = Place(text=holder.text, start=holder.start, end=holder.end,
                           name=entry.name, country=country, lat=entry.lat, lon=entry.lon,
                           geonameid=entry.id, feature=entry.feature)
    event.location_basis = "actor-country"


def confidence_features(mention: Mention) -> list[str]:
    noun = mention.token is not None and mention.token.pos_ in ("NOUN", "PROPN")
    return [*features(mention.event, mention.sentence, mention.quoted, noun),
            f"tense:{mention.tense}", *reading_features(mention.event, mention.token)]


def drop_statements_without_a_type(record: Record) -> None:
    """CAMEO statements PLOVER has no type for are typed where PLOVER has a home for them
    (a denial rejects an accusation: REJECT). Expressing accord with a view ("X agreed
    with Y that …", "Z agreed, saying …") is an opinion, like the rest below. A claim of
    responsibility (015) stays, typeless as the record schema allows: who claims an attack
    is what CAMEO data and readers want. The rest (condolences, a pessimistic or
    optimistic comment, a symbolic act) are opinions, not events: the record's quotes and
    claims carry them. Events that pointed to one keep their own status; claims no longer
    list it."""
    for event in record.events:
        if event.type is None and event.cameo in STATEMENT_TYPES:
            event.type = STATEMENT_TYPES[event.cameo]
    typeless = {e.id for e in record.events
                if e.type is None and e.cameo not in KEPT_STATEMENTS}
    if typeless:
        drop_events(record, typeless)


CLAIM_OF_RESPONSIBILITY = "015"
CLAIM_REACH = 4  # sentences back to the attack a claim of responsibility is about
VIOLENT_TYPES = frozenset({"ASSAULT", "COERCE"})


def claimed_attacks(kept: list[Mention]) -> None:
    """'A car bomb killed five policemen. The Taliban have claimed responsibility.': the
    group that claims an attack told with no doer is its doer, on its own word."""
    for number, mention in enumerate(kept):
        claim = mention.event
        if claim.cameo != CLAIM_OF_RESPONSIBILITY or claim.type is not None or not any(
                a.code for a in claim.source):
            continue
        attack = next((m.event for m in reversed(kept[:number])
                       if m.event.type in VIOLENT_TYPES and not _identified(m.event.source)
                       and 0 <= mention.sentence - m.sentence <= CLAIM_REACH), None)
        if attack is None:
            continue
        attack.source = list(claim.source)
        attack.attributed_to = attack.attributed_to or claim.source[0]  # on its own word


def carry_casualties(doc: Doc, record: Record, kept: list[Mention]) -> None:
    """A toll told in a sentence of its own ("The plane was shot down near Tehran. All 176
    people on board were killed.") belongs to the attack just told, when that attack has
    no such figure yet: the nearest foreground attack in the CARRY_SENTENCES before it."""
    from ..quantities import casualty_kind

    used = {(q.span.start, q.span.end) for e in record.events for q in e.quantities}
    layout = Layout(doc, record.article.text)
    attacks = [m for m in kept if m.event.type == "ASSAULT" and not m.event.background
               and m.event.status not in ("negated", "hypothetical", "future")]
    for quantity in record.quantities:
        kind = casualty_kind(quantity)
        if kind not in ("dead", "injured") or (quantity.span.start, quantity.span.end) in used:
            continue
        number = layout.sentence(quantity.span.start)
        before = [m for m in attacks if 0 < number - m.sentence <= CARRY_SENTENCES]
        if not before or getattr(before[-1].event, kind) is not None:
            continue
        event = before[-1].event
        setattr(event, kind, quantity.value)
        event.quantities.append(quantity)
    carry_crowd_sizes(layout, record, kept, used)


CROWD_WORDS = frozenset({"protester", "demonstrator", "marcher", "people", "person",
                         "participant", "supporter", "student", "worker", "activist",
                         "rioter", "striker", "farmer", "resident", "citizen"})


def _names_a_crowd(word: str) -> bool:
    return word in CROWD_WORDS or word.rstrip("s") in CROWD_WORDS or word == "people"


def carry_crowd_sizes(layout: Layout, record: Record, kept: list[Mention],
                      used: set[tuple[int, int]]) -> None:
    """'Protesters marched through the capital. Organisers put the crowd at 250,000
    people': the size of a protest told in its sentence or the next, when no party holds
    it."""
    from ..quantities import casualty_kind

    protests = [m for m in kept if m.event.type == "PROTEST" and m.event.size is None
                and m.event.status not in ("negated", "hypothetical", "future")]
    for quantity in record.quantities:
        if (quantity.span.start, quantity.span.end) in used or casualty_kind(quantity):
            continue
        words = (quantity.what or "").lower().split()
        if quantity.unit is not None or not words or not _names_a_crowd(words[-1]):
            continue
        number = layout.sentence(quantity.span.start)
        near = [m for m in protests if 0 <= number - m.sentence <= 1 and m.event.size is None]
        if near:
            event = near[-1].event
            event.size = quantity.value
            event.quantities.append(quantity)


def drop_statements_by_no_one(record: Record, kept: list[Mention]) -> list[Mention]:
    """A verbal act (support, rejection, a demand, an accusation …) with neither a source
    nor a target, even after the story was read, says nothing an analyst can use: "most
    experts reject the views …", "it will be up to the elders to approve"."""
    empty = {m.event.id for m in kept if m.event.type in VERBAL_TYPES
             and not m.event.source and not m.event.target}
    if not empty:
        return kept
    drop_events(record, empty)
    return [m for m in kept if m.event.id not in empty]


def drop_events(record: Record, ids: set[str]) -> None:
    """Leave these events out of the record, and every reference to them."""
    record.events = [e for e in record.events if e.id not in ids]
    for event in record.events:
        if event.reported_in in ids:
            event.reported_in = None
    for claim in record.claims:
        claim.event_ids = [i for i in claim.event_ids if i not in ids]


def interview_turns(text: str) -> list[tuple[int, int]]:
    """The question-and-answer paragraphs of an interview: paragraphs opening with a
    speaker tag ("((WN)) :", "Q:"), questions, and the paragraph answering a question —
    when the text has at least INTERVIEW_TURNS such tags or questions. Otherwise none."""
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)
                  if text[m.start():m.end()].strip()]
    tagged = [bool(SPEAKER_TAG.match(text[a:b])) for a, b in paragraphs]
    asked = [text[a:b].strip().endswith("?") and b - a < QUESTION_CHARS for a, b in paragraphs]
    if max(sum(tagged), sum(asked)) < INTERVIEW_TURNS:
        return []
    turns = []
    for number, span in enumerate(paragraphs):
        answered = number > 0 and asked[number - 1]
        if tagged[number] or asked[number] or answered:
            turns.append(span)
    return turns


def drop_habits_told_in_quotations(doc: Doc, record: Record) -> None:
    """'"We also help them to get these benefits"', '"they attack our villages"': an act
    told in the simple present inside a quotation is what someone does, not an event (a
    verbal act in the present is one: "we condemn this attack")."""
    quoted = [(q.content.start, q.content.end) for q in record.quotes if q.kind != "indirect"]
    if not quoted:
        return
    drop_events(record, {
        event.id for event in record.events
        if event.type in MATERIAL_TYPES and _habit_told(trigger_token(doc, event.trigger))
        and any(a <= event.trigger.start < b for a, b in quoted)})


def _habit_told(token: Token | None) -> bool:
    return token is not None and token.tag_ in ("VBP", "VBZ") and not any(
        c.dep_ in ("aux", "auxpass") for c in token.children)


LOCATIVE_PREPOSITIONS = frozenset({"in", "at", "near", "into", "across", "throughout",
                                   "around", "inside", "outside", "within", "to"})
PLACE_ENTITY_LABELS = frozenset({"GPE", "LOC", "FAC"})
VENUE_NOUNS = frozenset({"consulate", "embassy", "hospital", "school", "church", "mosque",
                         "synagogue", "temple", "hotel", "airport", "prison", "market",
                         "square", "stadium", "office", "headquarters", "station", "camp",
                         "base", "court", "courthouse", "parliament", "building", "compound",
                         "residence", "home", "house", "mall", "restaurant", "club"})
# Going somewhere is not acting on it ("traveled to New York"); sending troops or aid to a
# country is (MOBILIZE, AID), so only these verbs make "to X" a destination.
MOTION_VERBS = frozenset({"travel", "go", "fly", "come", "return", "head", "drive", "sail",
                          "walk", "flee", "arrive"})


def _scene_of(trigger: Token) -> set[int]:
    """The tokens a phrase telling where the act happened hangs on: the trigger, the verbs
    above it ("arrests were made in …"), and for a verb its subject event noun ("a Kabul car
    bombing killed five")."""
    tokens = {trigger.i}
    current = trigger
    for _ in range(2):
        if current.head.i == current.i:
            break
        if current.dep_ in ("nsubj", "nsubjpass", "dobj", "xcomp", "ccomp", "conj"):
            current = current.head
            tokens.add(current.i)
    tokens.update(c.i for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")
                  and c.pos_ == "NOUN")
    return tokens


def _told_as_a_place(doc: Doc, actor: Actor, trigger: Token | None) -> bool:
    """A bare place name telling where the act happened ("arrests were made in
    Australia", "sued in Austria", "traveled to New York", "a Kabul car bombing", "the
    port town of Mokha, Yemen"): the scene, not a party. A place qualifying the thing
    acted on stays ("an attack on oil infrastructure in Saudi Arabia": Saudi Arabia)."""
    if actor.sector is not None or trigger is None:
        return False
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    head = span.root
    if head.ent_type_ not in PLACE_ENTITY_LABELS:
        # "murdered in the Saudi consulate", "shot at the hospital": a building the act
        # happened in, named by a common noun
        return head.lemma_.lower() in VENUE_NOUNS and head.dep_ == "pobj" and \
            head.head.lower_ in ("in", "at", "inside", "outside") and \
            head.head.head.i in _scene_of(trigger)
    if head.dep_ == "appos" and head.head.ent_type_ in PLACE_ENTITY_LABELS:
        return True  # "the port town of Mokha, Yemen"
    scene = _scene_of(trigger)
    if head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPOSITIONS:
        preposition = head.head
        if preposition.head.i not in scene:
            return False
        return preposition.lower_ != "to" or preposition.head.lemma_ in MOTION_VERBS
    if actor.country is not None and actor.code == actor.country:
        return False  # "the US strike": a state before an act is its doer, not its scene
    return head.dep_ in ("compound", "nmod") and head.head.i in scene and \
        head.head.pos_ == "NOUN"


# Undoing a measure: "restrictions were to be lifted", "the curfew was eased", "scrapped
# the sanctions" concede or retreat (the verb's own row codes that); the measure is not
# imposed again by being named.
UNDOING_VERBS = frozenset({"lift", "ease", "end", "remove", "scrap", "drop", "cancel",
                           "revoke", "relax", "rescind", "repeal", "suspend", "withdraw"})
IMPOSED_TYPES = frozenset({"COERCE", "SANCTION", "MOBILIZE", "THREATEN"})


def drop_measures_undone(doc: Doc, record: Record) -> None:
    dropped = set()
    for event in record.events:
        token = trigger_token(doc, event.trigger)
        if event.type not in IMPOSED_TYPES or token is None or token.pos_ != "NOUN":
            continue
        verb = governing_verb(token)
        if verb is None or token.head.i != verb.i:
            continue
        undoing = verb.lemma_.lower() in UNDOING_VERBS and token.dep_ in ("dobj", "nsubjpass")
        # "restrictions were to be lifted": the subject of "be" with the undoing in its
        # complement
        undoing = undoing or (verb.lemma_ == "be" and token.dep_ == "nsubj" and any(
            c.dep_ == "xcomp" and c.lemma_.lower() in UNDOING_VERBS for c in verb.children))
        if undoing:
            dropped.add(event.id)
    drop_events(record, dropped)


EXCLUDING_PREPOSITIONS = frozenset({"except", "excluding", "besides", "but"})


def _left_out(doc: Doc, actor: Actor) -> bool:
    """'invited the countries to talks, with the exception of Cyprus', 'all states except
    Cyprus': a party named as left out of an act is no party to it."""
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    head = span.root
    if head.dep_ != "pobj":
        return False
    preposition = head.head
    if preposition.lower_ in EXCLUDING_PREPOSITIONS:
        return True
    return preposition.lower_ == "of" and preposition.head.lemma_.lower() in (
        "exception", "exclusion")


def drop_parties_left_out(doc: Doc, record: Record) -> None:
    for event in record.events:
        event.target = [a for a in event.target if not _left_out(doc, a)]
        event.source = [a for a in event.source if not _left_out(doc, a)]


def places_are_not_targets(doc: Doc, record: Record) -> None:
    """A place told as where the act happened, beside a party the act hits ("killed a
    journalist in the port town of Mokha, Yemen"), is the scene, not a second target; it
    becomes the event's place when it has none."""
    for event in record.events:
        if not event.target:
            continue
        trigger = trigger_token(doc, event.trigger)
        scenes = [a for a in event.target if _told_as_a_place(doc, a, trigger)]
        kept = [a for a in event.target if a not in scenes]
        if not scenes or not kept:
            continue  # "eased measures in Montenegro", "blockades in the West Bank",
            # "a curfew in Abidjan": an act on a place with no one else named is aimed at
            # it (how CAMEO and PLOVER code it)
        event.target = kept
        if event.location is None:
            event.location = next((p for p in record.places for a in scenes
                                   if p.start == a.start and p.end == a.end), None)





def drop_standing_states(doc: Doc, record: Record) -> None:
    """'The PKK is banned in Turkey', 'the army patrols the border': a material act told
    in the simple present outside a headline and a quotation, with no day or time in its
    clause, is how things stand or are done, not an event. (Words in the present still
    are: "critics blame him for the fires" accuses now.)"""
    text = record.article.text
    dropped: set[str] = set()
    for event in record.events:
        token = trigger_token(doc, event.trigger)
        verb = governing_verb(token) if token is not None else None
        standing = (event.type in MATERIAL_TYPES and verb is not None
                    and _simple_present(verb) and not event.date
                    and not _told_as_a_title(text, event.sentence)
                    and not _inside_quotation(text, event))
        if standing:
            dropped.add(event.id)
    drop_events(record, dropped)


def _told_as_a_title(text: str, sentence: Span) -> bool:
    """A headline, or any line without a closing full stop (a title, a caption, a wire
    summary): the present tense there reports the news."""
    return is_headline(text, sentence) or not sentence.text.rstrip().endswith(
        (".", "!", "?", '"', "\u201d", "'"))


def _simple_present(verb: Token) -> bool:
    """'bans', 'impeaches', 'is banned' (present passive), not 'has banned', 'is banning',
    'will ban' or an infinitive."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ in ("VBZ", "VBP"):
        return not auxes
    return verb.tag_ == "VBN" and len(auxes) == 1 and auxes[0].dep_ == "auxpass" and \
        auxes[0].tag_ in ("VBZ", "VBP")


def no_self_targets(record: Record) -> None:
    """'Thunberg promised protests every week': a party is not the target of its own act
    (a promise, a protest) unless the sentence says so ("they protected themselves" is no
    event anyway); the target left is what else the event names."""
    for event in record.events:
        if event.reciprocal or not event.source or not event.target:
            continue
        names = {(a.name or a.text).lower() for a in event.source}
        countries = {a.country for a in event.source if a.country}
        event.target = [a for a in event.target if (a.name or a.text).lower() not in names
                        and not _its_own(a, countries, event.source)]


# The sectors of a state's own organs: what it names "its" it acts with.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})


def _its_own(actor: Actor, countries: set[str], source: list[Actor]) -> bool:
    """'Serbia agreed to move its embassy', 'the state recalled its ambassador': what the
    doer owns is what it acts with, not whom it acts on — but citizens criticising or
    protesting against "their government" act on it."""
    first = actor.text.split(maxsplit=1)[0].lower() if actor.text.strip() else ""
    if first not in ("its", "their") or actor.country not in countries:
        return False
    sectors = {a.sector for a in source}
    governed = None not in sectors and not sectors & STATE_SECTORS
    return not (governed and actor.sector in STATE_SECTORS)


# What a reporter does with a source: interviews, questions, agreements to talk.
NEWSGATHERING_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE", "REQUEST", "SUPPORT"})


def drop_the_outlets_own_reporting(record: Record) -> None:
    """'Wikinews asked three pundits for predictions', 'Siegel agreed to speak to Wikinews's
    correspondent': in an outlet's own article, what the outlet does, and what sources do
    with its reporters, is its newsgathering, not an event between actors (what others do
    to it — a lawsuit, a ban — stays)."""
    outlet = outlet_name(record.article.source, record.article.url)
    if not outlet:
        return
    word = re.compile(rf"\b{re.escape(outlet)}\b", re.IGNORECASE)

    def is_outlet(actors: list[Actor]) -> bool:
        return any(word.search(a.name or a.text) for a in actors)

    drop_events(record, {e.id for e in record.events if is_outlet(e.source) or (
        e.type in NEWSGATHERING_TYPES and is_outlet(e.target))})


STANCE_TYPES = frozenset({"SUPPORT"})
# Verbs of other types that tell a stance or a standing offer in the simple present: "the
# union firmly opposes privatisation", "both ferry lines offer crossings to the islands".
STANCE_VERBS = {"ACCUSE": frozenset({"oppose", "disapprove", "distrust", "dislike"}),
                "REJECT": frozenset({"oppose"}),
                "AGREE": frozenset({"offer"})}


def drop_standing_positions(doc: Doc, record: Record) -> None:
    """'She supports both LGBT rights and gun rights', 'he backs a balanced budget': support
    told in the simple present, outside a headline, is a position someone holds, not an act
    of support; "endorsed", "has backed", "voiced support" still are."""
    text = record.article.text
    dropped: set[str] = set()
    for event in record.events:
        token = trigger_token(doc, event.trigger)
        stance = event.type in STANCE_TYPES or (
            token is not None and token.lemma_.lower() in STANCE_VERBS.get(event.type, ()))
        position = (stance and _habit_told(token)
                    and not _told_as_a_title(text, event.sentence))
        if position:
            dropped.add(event.id)
    drop_events(record, dropped)


def drop_interview_answers(record: Record) -> None:
    """In a question-and-answer interview, what the interviewee says about themselves and
    their views is statements (the record's quotes and claims), not events; the article's
    own reporting around the interview keeps its events."""
    turns = interview_turns(record.article.text)
    if not turns:
        return
    record.events = [e for e in record.events
                     if not any(a <= e.trigger.start < b for a, b in turns)]


def protesters_are_civilians(doc: Doc, record: Record) -> None:
    """'Serbians protested': a people named by its nationality in the plural, protesting,
    is its civilians (CVL), not its state."""
    for event in record.events:
        if event.type != "PROTEST":
            continue
        event.source = [_as_civilians(doc, actor) for actor in event.source]


def _as_civilians(doc: Doc, actor: Actor) -> Actor:
    if actor.sector is not None or actor.country is None:
        return actor
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None or not len(span):
        return actor
    head = span.root
    if head.ent_type_ != "NORP" or head.tag_ not in ("NNS", "NNPS"):
        return actor
    return replace(actor, sector="CVL", code=f"{actor.country}CVL")


CIVIC_SECTORS = frozenset({"CVL", "OPP", "LAB", "EDU", "SOC", "AGR", "REL", "MED"})
AIMED_AT_AUTHORITIES = frozenset({"PROTEST", "REQUEST"})
# International rights groups and bodies calling for something where it happened
# ("Amnesty called for an investigation into the shooting"): aimed at that state.
WATCHDOGS = frozenset({"NGO", "IGO", "UNO"})
AUTHORITIES = "authorities"


PROTESTERS = "protesters"


def implied_party(event: Event, name: str, country: str, sector: str) -> Actor:
    """A party the event implies but the text does not name: it spans the trigger, the
    words that imply it, and says so (`country_basis` "implied")."""
    trigger = event.trigger
    return Actor(text=trigger.text, start=trigger.start, end=trigger.end, name=name,
                 country=country, sector=sector, code=f"{country}{sector}",
                 country_basis="implied")


def protest_by_the_public(event: Event, setting: str | None) -> None:
    """'Weeks of mass protests against the bill': a demonstration or riot told with no one
    named is held by civilians of where it happens (else of the story's one country)."""
    if event.type != "PROTEST" or event.source or (event.cameo or "") not in PUBLIC_PROTESTS:
        return
    country = (event.location.country if event.location is not None else None) or setting
    if country is None or country in NONSTATE:
        return
    event.source = [implied_party(event, PROTESTERS, country, "CVL")]


# Demonstrations and riots (not strikes or boycotts, which workers, parties or states hold).
PUBLIC_PROTESTS = frozenset({"14", "140", "141", "1411", "1412", "1413", "1414", "145",
                             "1451", "1452", "1453", "1454"})


def setting_country(record: Record) -> str | None:
    """The one country the article is set in (its role actors took it), if any."""
    found = {a.country for a in record.actors
             if a.country_basis == "article-setting" and a.country}
    return next(iter(found)) if len(found) == 1 else None


def aim_at_the_authorities(event: Event, setting: str | None = None) -> None:
    """'Thousands protested in Belgrade', 'protesters demanded an inquiry': what civilians,
    workers or the opposition protest or demand with no one named is aimed at the
    government of their country (told by their own country, else by where it happens)."""
    if event.type not in AIMED_AT_AUTHORITIES or event.target or not event.source or (
            event.status in ("negated", "hypothetical")) or event.cameo == "143":
        return  # a strike is aimed at an employer as often as at a government
    watchdogs = event.type == "REQUEST" and all(a.country in WATCHDOGS for a in event.source)
    if not watchdogs and not all(a.sector in CIVIC_SECTORS for a in event.source):
        return
    countries = {a.country for a in event.source if a.country and not watchdogs}
    if not countries and event.location is not None and event.location.country:
        countries = {event.location.country}
    if not countries and watchdogs and setting:
        countries = {setting}  # "Amnesty called for an inquiry" in a story set in one state
    if len(countries) != 1:
        return
    event.target = [implied_party(event, AUTHORITIES, next(iter(countries)), "GOV")]


def aim_protests_held_somewhere_at_the_authorities(doc: Doc, mention: Mention) -> None:
    """'held a rally in Lyon, France', 'marches in cities across Spain': a protest
    whose only target is the place it was held in is aimed at the authorities of that
    place's country (what the event data convention means by it), not at a place."""
    event = mention.event
    if event.type != "PROTEST" or not event.target:
        return
    trigger = trigger_token(doc, event.trigger)
    if not all(_told_as_a_place(doc, a, trigger) or a.country_basis == "event-place"
               for a in event.target):
        return
    countries = {a.country for a in event.target if a.country}
    if len(countries) != 1 or next(iter(countries)) in NONSTATE:
        return
    event.target = [implied_party(event, AUTHORITIES, next(iter(countries)), "GOV")]


def own_authorities(event: Event) -> None:
    """'Hong Kong student groups gave the government until Thursday …' after a mention of
    the Chinese government: "the government" civilians protest or make demands of, read
    by coreference as another country's, is their own (named ones stay as named)."""
    if event.type not in AIMED_AT_AUTHORITIES or not event.source or not all(
            a.sector in CIVIC_SECTORS for a in event.source):
        return
    countries = {a.country for a in event.source if a.country}
    if len(countries) != 1:
        return
    country = next(iter(countries))
    event.target = [replace(a, country=country, code=f"{country}{a.sector}",
                            country_basis="implied")
                    if a.country_basis == "coreference" and a.sector in STATE_BODIES
                    and a.country != country and a.country not in NONSTATE else a
                    for a in event.target]


# Restrictions a state puts on its people (172x: curfews, bans, lockdowns, emergencies) and
# their easing (081x).
RULES_OVER_PEOPLE = ("172", "081")
RULING_SECTORS = frozenset({"GOV", "LEG", "JUD"})
THE_PUBLIC = "the public"


def aim_at_the_governed(event: Event) -> None:
    """'The government announced new lockdown measures', 'dropped the measures': a state's
    restrictions, and their easing, with no one named are aimed at its own people."""
    if event.target or not event.source or not (event.cameo or "").startswith(
            RULES_OVER_PEOPLE) or event.status in ("negated", "hypothetical"):
        return
    if not all(a.sector in RULING_SECTORS for a in event.source):
        return
    countries = {a.country for a in event.source if a.country}
    if len(countries) != 1:
        return
    event.target = [implied_party(event, THE_PUBLIC, next(iter(countries)), "CVL")]


def no_party_holds_its_trigger(record: Record) -> None:
    """A headline the parser read as one long noun ("Kenyan police arrest teacher over exam
    leak") is no party of the arrest it names: a party never runs on past its event's
    trigger (though "protesters" may end in the word that names their protest)."""
    for event in record.events:
        start, end = event.trigger.start, event.trigger.end
        event.source = [a for a in event.source if not a.start <= start < end < a.end]
        event.target = [a for a in event.target if not a.start <= start < end < a.end]


def parties_of_the_towns_meant(record: Record) -> None:
    """A party named by a town ("an Alexandria grand jury") took the country of the largest
    town of that name (Egypt); when the places stage, reading the whole article, placed the
    town in another country (Alexandria, Virginia), the party is of that one."""
    towns = [p for p in record.places if p.country and re.fullmatch(r"[A-Z]{3}", p.country)
             and (p.feature or "").startswith(("PPL", "ADM2"))]
    recoded: dict[tuple[int, int], Actor] = {}
    for actor in record.actors:
        town = _town_naming(actor, towns)
        if town is not None:
            recoded[(actor.start, actor.end)] = replace(
                actor, country=town.country, code=make_code(town.country, actor.sector))
    if not recoded:
        return
    record.actors = [recoded.get((a.start, a.end), a) for a in record.actors]
    for event in record.events:
        event.source = [recoded.get((a.start, a.end), a) for a in event.source]
        event.target = [recoded.get((a.start, a.end), a) for a in event.target]


def _town_naming(actor: Actor, towns: list[Place]) -> Place | None:
    """The town a party's name opens with, read in another country than the party's own,
    when the party's country came from that town's name alone."""
    if actor.country_basis != "stated" or not actor.country:
        return None
    lead = re.sub(r"^(?:an?|the)\s+", "", actor.text, flags=re.IGNORECASE)
    for town in towns:
        if not (actor.start <= town.start and town.end <= actor.end):
            continue
        if lead.startswith(town.text) and town.country != actor.country and (
                city_country(town.text) == actor.country):
            return town
    return None


def give_parties_the_setting(record: Record) -> None:
    """Roles the event coder named itself ("people were arrested": the police it implies;
    "protesters" it resolved from a phrase) take the article's setting country, as the
    actors stage gives it to the role mentions it found."""
    from ..actors.setting import Setting, apply_setting

    setting_country = {a.country for a in record.actors
                       if a.country_basis == "article-setting" and a.country}
    if len(setting_country) != 1:
        return
    confidence = max(a.country_confidence or 0.0 for a in record.actors
                     if a.country_basis == "article-setting")
    setting = Setting(next(iter(setting_country)), confidence)
    for event in record.events:
        event.source = apply_setting(event.source, setting)
        event.target = apply_setting(event.target, setting)


def split_joint_sources(record: Record) -> None:
    """'Both Saudi Arabia and the United States have alleged Iranian involvement': two
    parties that each act are two events (as event data codes a compound actor), unless
    they act on each other (talks, an agreement between them: a reciprocal event)."""
    events: list[Event] = []
    for event in record.events:
        parties = _by_country(event.source)
        if event.reciprocal or len(parties) < 2:
            events.append(event)
            continue
        for number, actors in enumerate(parties):
            part = replace(event, source=actors, mentions=list(event.mentions),
                           quantities=list(event.quantities))
            if number:
                part.id = f"{event.id}.{number}"
            events.append(part)
    record.events = events


def _by_country(actors: list[Actor]) -> list[list[Actor]]:
    groups: dict[str | None, list[Actor]] = {}
    for actor in actors:
        groups.setdefault(actor.country, []).append(actor)
    if None in groups and len(groups) > 1:
        uncoded = groups.pop(None)  # "Rwanda and its allies": the allies go with the first
        next(iter(groups.values())).extend(uncoded)
    return list(groups.values())


# --- the stage -------------------------------------------------------------------------------


class ConsolidateStage:
    name = "consolidate"

    def __init__(self, gazetteer: Gazetteer | None = None,
                 event_nouns: frozenset[str] = frozenset(),
                 noun_types: dict[str, str] | None = None,
                 confidence: ConfidenceModel | None = None) -> None:
        self.gazetteer = gazetteer
        self.confidence = confidence
        self.event_nouns = event_nouns
        self.noun_types = {**(noun_types or {}), **STATEMENT_NOUN_TYPES}

    def __call__(self, doc: Doc, record: Record) -> None:
        if skip_unless_english(record, self.name) or not record.events:
            return
        no_party_holds_its_trigger(record)
        drop_statements_without_a_type(record)
        drop_interview_answers(record)
        drop_habits_told_in_quotations(doc, record)
        drop_standing_positions(doc, record)
        drop_standing_states(doc, record)
        drop_the_outlets_own_reporting(record)
        places_are_not_targets(doc, record)
        drop_parties_left_out(doc, record)
        drop_measures_undone(doc, record)
        parties_of_the_towns_meant(record)
        give_parties_the_setting(record)
        protesters_are_civilians(doc, record)
        split_joint_sources(record)
        mentions = mentions_of(doc, record, self.event_nouns)
        read_by_antecedent(mentions)
        kept, renamed = merge_events(mentions)
        kept = [m for m in kept if not _unplaced_retelling(m) and not _nobodys_words(m)]
        record.events = [m.event for m in kept]
        renumber_references(record, renamed)
        answer_denials(kept)
        aim_at_what_is_answered(kept, self.noun_types)
        aim_at_who_said_it(kept, record.quotes)
        aim_responses_at_who_acted(kept)
        kept = drop_statements_by_no_one(record, kept)
        carry_casualties(doc, record, kept)
        claimed_attacks(kept)
        for mention in kept:
            mention.event.date_precision = stated_precision(mention.event, record)
        published = parse_publication_date(record.article.published)
        date_events(kept, published, scene_days(doc, record, published))
        date_by_the_titles_month(kept, record.article.title, published)
        for mention in kept:
            event = mention.event
            if event.date and not event.date_precision:
                event.date_precision = _precision_of_value(event.date)
        place_events(kept, record, self.gazetteer, scene_places(doc, record),
                     dateline_starts(doc))
        for mention in kept:
            localize_targets(mention.event)
            protest_by_the_public(mention.event, setting_country(record))
            aim_protests_held_somewhere_at_the_authorities(doc, mention)
            aim_at_the_authorities(mention.event, setting_country(record))
            own_authorities(mention.event)
            aim_at_the_governed(mention.event)
        no_self_targets(record)
        if self.confidence is not None:
            for mention in kept:
                mention.event.confidence = round(self.confidence.probability(
                    confidence_features(mention)), 2)


@registry.stages.register("consolidate")
def make_consolidate_stage(settings: Settings, nlp: Language) -> ConsolidateStage:
    from ..places.gazetteer import Gazetteer
    from .patterns import PatternTable

    del nlp
    table = PatternTable.load(settings.event_patterns)
    return ConsolidateStage(Gazetteer.open(settings.gazetteer_dir or None,
                                           settings.place_aliases), table.event_nouns(),
                            table.noun_types(),
                            ConfidenceModel.load(settings.event_confidence))
