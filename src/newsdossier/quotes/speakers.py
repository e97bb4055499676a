"""Who said it: the speaker of a cue, found in the parse, and resolved to an actor.

The speaker of a cue verb is its subject, the agent of a passive cue, the subject of the verb
a participle or infinitive hangs on ("…, saying …", "continued to say"), the noun a
participle modifies ("officials saying …") — unless that noun is only what the speaker
carried, filed or spoke to ("filed a motion claiming …", "speaking to a think tank called
…": then the one who filed or spoke), or the name after an inverted cue ("…,” said a
protester). The speaker of a cue noun is its possessor, its "by"/"from" phrase or the subject
of the verb that issues it ("issued a statement saying …", "Statements have come from X").

A pronoun speaker is resolved to the nearest earlier mention that fits it, outside quotations:
"he"/"she" to a person, "they"/"we" to a group, a clause subject preferred to an object in the
same sentence (the addressee "speaking to the press" is not who "he" is).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..datelines import in_dateline
from ..entities import entity_at
from ..model import Actor
from ..nlp import doc_text
from ..parse_repairs import subject_of_stranded_finite_verb
from .people import INSTITUTION_WORDS, looks_like_people

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..events.arguments import ActorIndex

IsCue = Callable[["Token"], bool]
Range = tuple[int, int]

_SPEAKER_DEPS = ("nsubj", "nsubjpass")
# Links between an infinitive or gerund and the verb whose subject it shares: "in the lead
# in advocating", "short of calling", "unable to say".
_BETWEEN = ("pobj", "prep", "acomp", "advmod", "npadvmod", "oprd", "dobj")
_DASHES = ("—", "–", "―", "-", "--")
RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "himself", "herself"})
GROUP_PRONOUNS = frozenset({"they", "them", "their", "we", "us", "our", "themselves"})
BODY_PRONOUNS = frozenset({"it", "its", "itself"})
SPEAKER_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# How far back a pronoun looks for its antecedent, in sentences.
ANTECEDENT_SENTENCES = 6


# --- the speaker token ------------------------------------------------------------------------


def verb_speaker(verb: Token, is_speech_noun: IsCue, index: ActorIndex | None = None,
                 ) -> Token | None:
    node = verb
    for _ in range(7):
        subjects = [c for c in node.children if not in_dateline(c) and (
            c.dep_ in _SPEAKER_DEPS or (c.dep_ == "csubj" and c.ent_type_ in SPEAKER_ENTITIES))]
        # a name the parser read as a clause: "The Committee to Protect Journalists reports"
        before = [s for s in subjects if s.i < node.i]
        subject = before[-1] if before else (subjects[0] if subjects else None)
        if subject is not None and not (subject.dep_ == "nsubjpass" and is_passive(node)):
            return unwrapped(subject)
        agent = next((c for c in node.children if c.dep_ == "agent"), None)
        if agent is not None:
            return next((c for c in agent.children if c.dep_ == "pobj"), None)
        if node.i == verb.i:
            inverted = _inverted_speaker(verb)
            if inverted is not None:
                return inverted
        if node.dep_ == "acl" and node.head.i != node.i:
            stranded = subject_of_stranded_finite_verb(node)
            if stranded is not None:
                return unwrapped(stranded)
            if node.tag_ == "VBN":
                return None  # "people accused of crimes": the accused, not the accuser
            return _acl_speaker(node, is_speech_noun, index)
        if node.dep_ == "pcomp" and node.head.head.i != node.head.i:
            node = node.head.head  # "called for calm by saying …"
            continue
        if node.dep_ in ("xcomp", "conj", "advcl") and node.head.i != node.i:
            node = node.head  # "continued to say", "…, saying that …"
            continue
        if node.i != verb.i and node.dep_ in _BETWEEN and node.head.i != node.i:
            node = node.head  # "were in the lead in advocating …", "stopped short of calling"
            continue
        if node.dep_ == "relcl" and node.head.i != node.i and not is_passive(node):
            return node.head  # "officials, who said …" (not "people who were accused …")
        return None
    return None


def is_passive(verb: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in verb.children)


def unwrapped(subject: Token) -> Token:
    if subject.lower_ in RELATIVE_PRONOUNS and subject.head.dep_ == "relcl":
        return subject.head.head  # "an organisation that documents abuses": the organisation
    if subject.tag_ == "VBG":
        inner = next((c for c in subject.children if c.dep_ == "nsubj"), None)
        if inner is not None:
            return inner
    return subject


def _inverted_speaker(verb: Token) -> Token | None:
    """'“…,” said a protester', '…, stated the minister, …': a cue with no subject after a
    comma or a quotation, whose following noun the parser took for its object."""
    if verb.i == 0 or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    before = verb.doc[verb.i - 1]
    if before.text not in (",", "”", "''") and before.tag_ != "''":
        return None  # not after an opening mark: '… and “deny terrorism any victory”
    return next((c for c in verb.children if c.dep_ in ("dobj", "obj", "attr")
                 and c.i > verb.i and c.pos_ in ("NOUN", "PROPN")), None)


def could_speak(token: Token, index: ActorIndex | None) -> bool:
    """A person, an organisation, a place standing for its government, or a role the actor
    dictionary knows ("officials") — not a thing carried or filed ("placards", "a motion")."""
    if token.ent_type_ in SPEAKER_ENTITIES or token.pos_ == "PRON" or (
            token.pos_ == "PROPN" and not _capitalised_common_word(token)):
        return True
    actor = index.by_token.get(token.i) if index is not None else None
    return actor is not None and bool(actor.sector or actor.country or actor.name)


def _capitalised_common_word(token: Token) -> bool:
    """A sentence's first word the tagger took for a name only for its capital, with no
    entity type ("Unrest continued …")."""
    return token.is_sent_start and not token.ent_type_ and token.i + 1 < len(token.doc) and (
        not token.doc[token.i + 1].text[:1].isupper())


def could_intend(token: Token, index: ActorIndex | None) -> bool:
    """Someone with a will: what could_speak admits, people and bodies by the shape of the
    noun ("voters", "analysts", "the commission", "a nominee") — not "the agreement seeks",
    "a referendum seeking", "one of the goals", "polls show"."""
    if could_speak(token, index):
        return True
    return token.pos_ == "NOUN" and (token.tag_ == "NNS" or looks_like_people(token))


def _acl_speaker(participle: Token, is_speech_noun: IsCue,
                 index: ActorIndex | None) -> Token | None:
    """'officials saying …' → officials; 'a statement saying …' → whoever issued it; 'filed
    a motion claiming …' → who filed; 'speaking to a think tank called …' → who spoke."""
    noun = participle.head
    if is_speech_noun(noun):
        return noun_speaker(noun, is_speech_noun, index)
    governor = noun.head
    if noun.dep_ == "pobj" and governor.lower_ in ("to", "with") and (
            governor.head.pos_ in ("VERB", "AUX")) and governor.lower_ == "to":
        return verb_speaker(governor.head, is_speech_noun, index)  # an addressee
    if noun.dep_ in ("dobj", "obj") and not could_speak(noun, index) and governor.i != noun.i:
        return verb_speaker(governor, is_speech_noun, index) or noun
    return noun


def noun_speaker(noun: Token, is_speech_noun: IsCue, index: ActorIndex | None = None,
                 ) -> Token | None:
    for child in noun.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    head = noun.head
    if noun.dep_ in ("dobj", "obj") and head.pos_ in ("VERB", "AUX"):
        return verb_speaker(head, is_speech_noun, index)  # "issued a statement saying …"
    if noun.dep_ in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        for child in head.children:  # "Statements … have come from X", "… were made by X"
            if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "from"):
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
    return None


def adjective_speaker(adjective: Token, is_speech_noun: IsCue,
                      index: ActorIndex | None = None) -> Token | None:
    if adjective.dep_ in ("acomp", "amod"):
        return verb_speaker(adjective.head, is_speech_noun, index)
    return None


# --- the speaker's phrase --------------------------------------------------------------------


def phrase_range(head: Token) -> Range | None:
    """A speaker's noun phrase: its subtree without a following relative clause or
    participle (unless it names the speaker: "a protester using the pseudonym Katya"), a date
    phrase ("on Wednesday"), the medium or venue after a name ("Erick Rowan on Instagram"),
    quoted words the parser hung on it, or a dateline before a dash ("BANGKOK — A rights
    group")."""
    cut = {t.i for child in head.children if child.i > head.i and _not_the_speaker(head, child)
           for t in child.subtree}
    # a relative clause deeper in the phrase is not the speaker either ("some of the
    # protesters Wikinews interviewed")
    cut |= {t.i for node in head.subtree if node.i != head.i for child in node.children
            if child.i > node.i and child.dep_ in ("relcl", "acl")
            and not _names_someone(child) for t in child.subtree}
    tokens = [t for t in head.subtree if t.i not in cut]
    dashes = [n for n, t in enumerate(tokens) if t.text in _DASHES and t.i < head.i]
    if dashes:
        tokens = tokens[dashes[-1] + 1:]
    while tokens and tokens[0].i != head.i and (tokens[0].tag_ in ("DT", "PDT")
                                                or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].tag_ == "POS"):
        tokens = tokens[:-1]
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    glued_dash = len(tokens[0].text) > 1 and tokens[0].text[0] in "-—–"  # "-Commissioner"
    return (start + 1, end) if glued_dash else (start, end)


_AFFILIATIONS = ("of", "from", "for", "at", "by", "with")
_MARKS = ("“", '"', "``", "”", "''")  # "Mijares of the police", "a spokesman for X"


def _not_the_speaker(head: Token, child: Token) -> bool:
    if child.dep_ in ("relcl", "acl"):
        return not _names_someone(child)
    doc = child.doc
    before = doc[child.left_edge.i - 1] if child.left_edge.i > 0 else None
    if any(t.text in _MARKS for t in child.subtree) or (before is not None and (
            before.text in _MARKS)):
        return True  # '…, reads a press release, “a fierce talent …”'
    if child.dep_ != "prep":
        return False
    if any(t.ent_type_ in ("DATE", "TIME") for t in child.subtree):
        return True
    named = doc[child.i - 1].pos_ == "PROPN"  # "Erick Rowan on Instagram"
    return named and child.lower_ not in _AFFILIATIONS


def _names_someone(clause: Token) -> bool:
    return len(list(clause.subtree)) <= 6 and any(t.ent_type_ == "PERSON" for t in clause.subtree)


# --- resolution ---------------------------------------------------------------------------


def speaker_actor(head: Token | None, span: Range | None, content: Range, doc: Doc, text: str,
                  index: ActorIndex, quoted: list[Range]) -> Actor | None:
    if head is None:
        return None
    start, end = span or phrase_range(head) or (head.idx, head.idx + len(head))
    mention = _mention_in(index, start, end, head)
    if head.pos_ == "PRON":
        mention = antecedent(head, content, index, quoted) or mention
    elif mention is None and head.pos_ == "NOUN" and _bare(head):
        mention = _earlier_with_head(index, head, content)
    if mention is None:
        return Actor(text=text[start:end], start=start, end=end)
    name = mention.name or (mention.text if mention.start != start else None)
    if name and _indefinite(head) and name not in text[start:end]:
        name = None  # "a protester" is someone new, not the protester named before
    return Actor(text=text[start:end], start=start, end=end, name=name,
                 country=mention.country, sector=mention.sector, code=mention.code)


def _indefinite(head: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in head.children)


def _mention_in(index: ActorIndex, start: int, end: int, head: Token) -> Actor | None:
    if head.i in index.by_token:
        return index.by_token[head.i]
    inside = [a for a in index.actors if start <= a.start and a.end <= end]
    return inside[-1] if inside else None


def _bare(head: Token) -> bool:
    """'the spokesman': a noun with no words of its own but a determiner."""
    return all(c.dep_ == "det" or c.is_punct for c in head.children)


def _earlier_with_head(index: ActorIndex, head: Token, content: Range) -> Actor | None:
    """'The spokesman said' after 'Ministry spokesman U Kyaw Thiha Naing': the latest
    earlier named or coded mention ending in the same word, outside the quotation."""
    word = head.lower_
    for actor in reversed(index.actors):
        if actor.end > head.idx or content[0] <= actor.start < content[1]:
            continue
        words = actor.text.lower().replace("'s", " ").split()
        if word in words and (actor.name or actor.code):
            return actor
    return None


def antecedent(pronoun: Token, content: Range, index: ActorIndex,
               quoted: list[Range], depth: int = 0) -> Actor | None:
    """The mention a speaker pronoun stands for: the nearest earlier sentence with a mention
    that fits it (outside quotations and the quote's own content), its subject first; a
    subject pronoun of the same kind there ("He added …") stands for the same mention."""
    word = pronoun.lower_
    if word in PERSON_PRONOUNS:
        fits, same = _person, PERSON_PRONOUNS
    elif word in GROUP_PRONOUNS:
        fits, same = _group, GROUP_PRONOUNS
    elif word in BODY_PRONOUNS:
        fits, same = _group, BODY_PRONOUNS  # "it said": a company, a ministry, a country
    else:
        return None
    excluded = [content, *quoted]
    sentence: Span | None = pronoun.sent
    seen = 0
    while sentence is not None and seen < ANTECEDENT_SENTENCES:
        outside = [t for t in sentence if t.i < pronoun.i and not _inside(t.idx, excluded)]
        candidates = [t for t in outside if (fits(t, index) and not _as_description(t)) or (
            t.lower_ in same and t.dep_ in _SPEAKER_DEPS)]
        if candidates:
            subjects = [t for t in candidates if _is_subject(t)]
            chosen = max(subjects, key=lambda t: _subject_rank(t, index)) if subjects \
                else candidates[-1]
            if chosen.pos_ != "PRON":
                return _actor_of(chosen, index)
            if depth < 3:
                return antecedent(chosen, content, index, quoted, depth + 1)
            return None
        if any(t.is_alpha for t in outside):
            seen += 1  # a sentence all in quotation marks does not count
        sentence = _previous_sentence(sentence)
    return None


def _as_description(token: Token) -> bool:
    """'spoke with Anne Sacoolas as a suspect': a role after "as" describes another
    mention; a pronoun later stands for that mention, not for the role."""
    return token.dep_ == "pobj" and token.head.lower_ == "as" and token.pos_ == "NOUN"


def _subject_rank(subject: Token, index: ActorIndex) -> tuple[bool, int, int]:
    """Which of a sentence's subjects a later pronoun most likely stands for: a known actor
    before a thing, the main clause's subject before an embedded one ("The researchers
    suggested the corals' defenses were weaker. They reported …" → the researchers), else
    the last."""
    return subject.i in index.by_token, -_depth(subject), subject.i


def _depth(token: Token) -> int:
    depth, node = 0, token
    while node.head.i != node.i and depth < 50:
        node, depth = node.head, depth + 1
    return depth


def _inside(position: int, ranges: list[Range]) -> bool:
    return any(a <= position < b for a, b in ranges)


def _previous_sentence(sentence: Span) -> Span | None:
    if sentence.start == 0:
        return None
    return sentence.doc[sentence.start - 1].sent


def _is_subject(token: Token) -> bool:
    node = token
    for _ in range(4):
        if node.dep_ in ("nsubj", "nsubjpass"):
            return True
        if node.dep_ not in ("compound", "appos", "conj", "flat") or node.head.i == node.i:
            return False
        node = node.head
    return False


def _entity_head(token: Token) -> bool:
    """The last token of a named entity, or a noun heading its own phrase."""
    if token.ent_type_:
        following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        return following is None or following.ent_iob_ != "I"
    return token.dep_ != "compound"


def _person(token: Token, index: ActorIndex) -> bool:
    """A named person, a coded role held by one ("the minister"), or a name in apposition
    to a role ("a spokesperson, Morgan Ortagus," whatever entity type the tagger gave)."""
    if not _entity_head(token) or token.pos_ not in ("NOUN", "PROPN"):
        return False
    if token.ent_type_ == "PERSON":
        return True
    if token.tag_ in ("NNS", "NNPS") or token.lemma_.lower() in INSTITUTION_WORDS:
        return False
    if token.dep_ == "appos" and token.pos_ == "PROPN" and _one_person(token.head):
        return True
    actor = index.by_token.get(token.i)
    if actor is None or token.ent_type_ in ("GPE", "ORG", "NORP", "LOC", "FAC"):
        return False
    return bool(actor.sector or actor.name)


def _one_person(noun: Token) -> bool:
    return noun.pos_ == "NOUN" and noun.tag_ == "NN" and (
        noun.lemma_.lower() not in INSTITUTION_WORDS)


def _group(token: Token, index: ActorIndex) -> bool:
    if not _entity_head(token) or token.pos_ not in ("NOUN", "PROPN"):
        return False  # not "Italian" in "the Italian foreign minister"
    if token.dep_ in ("amod", "compound", "poss"):
        return False
    if token.dep_ == "conj":
        return False  # the coordination is named by its first member
    if any(c.dep_ == "conj" for c in token.children) and token.dep_ in _SPEAKER_DEPS:
        return True  # "Shoukry and his counterparts gathered …"
    if token.ent_type_ == "PERSON":
        return False
    if token.ent_type_ in ("ORG", "NORP", "GPE"):
        return True
    actor = index.by_token.get(token.i)
    plural = token.tag_ in ("NNS", "NNPS")
    institution = token.lemma_.lower() in INSTITUTION_WORDS
    return (plural or institution) and (actor is not None or _is_subject(token))


def _actor_of(token: Token, index: ActorIndex) -> Actor:
    actor = index.by_token.get(token.i)
    if actor is not None:
        return actor
    span = entity_at(token)
    if span is None:
        start, end = phrase_range(token) or (token.idx, token.idx + len(token))
        phrase = doc_text(token.doc)[start:end]
        return Actor(text=phrase, start=start, end=end, name=phrase)
    return Actor(text=span.text, start=span.start_char, end=span.end_char, name=span.text)
