"""Claims read from the parse where no quotation carries them: a stance verb with its subject
and its complement.

* a verb of the claim word table that no quotation has as its cue ("The Iraqi government has
  declared victory", "The committee reports sixteen deaths", "deemed that the agreement goes
  against …", "The attack was claimed by the Houthi movement");
* an attribution inside another ("NPR reported the prime minister recommended the troops
  withdraw", "Reuters reported a government source said …"): the inner speaker's claim, when
  the inner speaker is someone else;
* an allegation made by a party ("Similar attributions of responsibility were made by X");
* an alleged act given as the grounds of a party's action ("the EU sanctioned Iran over
  alleged assassination plots", "the protesters' demands include an investigation of
  alleged police violence"): that party's allegation.

Speech verbs ("say", "tell") count only inside another attribution: elsewhere the quotes stage
has read them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..events.arguments import is_passive
from .draft import Draft
from .proposition import in_caption, quoted, refusal
from .reading import is_negated, verb_stance

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .claimants import Claimants
    from .words import ClaimWords

ROLE_STANCES = {"asserting": "asserts", "claiming": "asserts", "finding": "asserts",
                "alleging": "alleges", "denying": "denies", "disputing": "disputes",
                "supporting": "supports"}
SPEECH = frozenset({"say", "tell", "write", "state", "add"})
DECIDING = frozenset({"vote"})  # a claim only when what is voted on is a proposal
MAKING = frozenset({"make", "level", "raise", "voice", "repeat"})
# Participles that give the source of a figure or a finding: "tolls provided by officials".
PROVIDING = frozenset({"provide", "give", "release", "issue", "publish", "compile"})
ALLEGATION_NOUNS = frozenset({"allegation", "accusation", "attribution", "charge"})
ALLEGED = frozenset({"alleged", "suspected", "purported"})
# What one supports or disputes when one supports or disputes a proposition.
PROPOSALS = frozenset({"claim", "allegation", "accusation", "charge", "report", "statement",
                       "call", "recommendation", "proposal", "suggestion", "plan", "demand",
                       "decision", "conclusion", "finding", "findings", "assessment",
                       "position", "view", "account", "resolution", "ruling", "verdict",
                       "request", "appeal", "assertion", "argument", "idea", "motion",
                       "declaration"})
MAX_SENTENCE_TOKENS = 150
_MAX_GROUNDS_CLIMB = 5
_CUT_AFTER_HEAD = frozenset({"conj", "cc", "parataxis"})


class ParsedClaims:
    """Finds the claims of the parse (see the module's docstring) for one record."""

    def __init__(self, words: ClaimWords) -> None:
        self.words = words
        self.verbs = SPEECH | MAKING | PROVIDING | frozenset(
            lemma for role in ROLE_STANCES for lemma in words.roles.get(role, ()))

    def find(self, doc: Doc, drafts: list[Draft], claimants: Claimants) -> list[Draft]:
        cues = {d.cue[0] for d in drafts if d.cue}
        direct = [d.content for d in drafts if d.quoted == "direct"]
        made: list[Draft] = []
        for sentence in doc.sents:
            if len(sentence) > MAX_SENTENCE_TOKENS:
                continue
            candidates = [t for t in sentence if self._candidate(t) and t.idx not in cues]
            if not candidates or in_caption(doc, (sentence.start_char, sentence.end_char)):
                continue
            for token in candidates:
                if any(a <= token.idx < b for a, b in direct) or (
                        token.pos_ == "VERB" and quoted(token)):
                    continue
                draft = self._from_token(token, drafts, claimants)
                if draft is not None:
                    made.append(draft)
        return made

    def _candidate(self, token: Token) -> bool:
        """A word a claim can be read from: a stance verb, a verb of making or providing,
        "alleged" before a noun."""
        if token.pos_ == "VERB":
            return token.lemma_.lower() in self.verbs
        return token.dep_ == "amod" and token.lower_ in ALLEGED

    def _from_token(self, token: Token, drafts: list[Draft],
                    claimants: Claimants) -> Draft | None:
        if token.lower_ in ALLEGED and token.dep_ == "amod":
            return None if _inside(token, drafts) else _grounds(token, claimants)
        if token.pos_ == "VERB":
            lemma = token.lemma_.lower()
            if lemma in MAKING:
                return _allegation_made(token, claimants)
            if lemma in PROVIDING and token.dep_ == "acl":
                return None if _inside(token, drafts) else _provided(token, claimants)
            stance = self._verb_stance(token)
            if stance is not None and not refusal(token):
                return self._stance_verb(token, stance, drafts, claimants)
        return None

    def _verb_stance(self, verb: Token) -> str | None:
        lemma = verb.lemma_.lower()
        if lemma in SPEECH:
            return "asserts"
        for role, stance in ROLE_STANCES.items():
            if self.words.lemma_has(lemma, role):
                if role == "finding" and is_negated(verb):
                    return "disputes"  # "the Senate did not find the network had …"
                if is_negated(verb):
                    return None
                return verb_stance(verb, self.words) or stance
        return None

    def _stance_verb(self, verb: Token, stance: str, drafts: list[Draft],
                     claimants: Claimants) -> Draft | None:
        holder = next((d for d in drafts if d.content[0] <= verb.idx < d.content[1]), None)
        if verb.lemma_.lower() in SPEECH and holder is None:
            return None  # plain saying: the quotes stage's
        if holder is not None and verb.lemma_.lower() in SPEECH and not any(
                c.dep_ in ("nsubj", "nsubjpass", "agent") for c in verb.children):
            return None  # "…, further saying …": the holder's speaker goes on
        if stance == "alleges" and not accusation_frame(verb, nested=holder is not None):
            return None  # "will need charging every day", "has alleged ties to …"
        needs_proposal = stance in ("supports", "disputes", "denies") or (
            verb.lemma_.lower() in DECIDING)
        if needs_proposal and not _proposition_object(verb):
            return None  # "supported Assad", "agreed to a meeting", "voted to leave": acts
        claimant = claimants.from_parse(verb)
        if claimant is None:
            return None
        if holder is not None and holder.claimant is not None and (
                (holder.claimant.start < claimant.end and claimant.start < holder.claimant.end)
                or claimant.text.lower() in ("he", "she", "they", "i", "we")):
            return None  # the speaker's own words
        content = _complement(verb)
        if content is None:
            return None
        if any(d.cue is not None and _participle_cue_of(verb, d.cue) for d in drafts):
            return None  # "denounced the ruling, calling it …": the participle says what
        return Draft(stance, content, claimant, (verb.idx, verb.idx + len(verb)),
                     quoted="parsed", carried_by=holder)


def _participle_cue_of(verb: Token, cue: tuple[int, int]) -> bool:
    return any(c.tag_ == "VBG" and c.dep_ in ("advcl", "xcomp") and c.idx == cue[0]
               for c in verb.children)


def accusation_frame(verb: Token, nested: bool) -> bool:
    """'accused X of …', 'blamed X for …', 'alleged that …', 'alleged Iranian involvement':
    a clause, or an object with what it is charged with; inside another report only a
    clause ("Rudaw reports X has alleged ties to …" is no allegation by X)."""
    children = list(verb.children)
    if any(c.dep_ == "ccomp" for c in children):
        return True
    if nested:
        return False
    objects = [c for c in children if c.dep_ in ("dobj", "nsubjpass")]
    charged = [c for c in children if c.dep_ in ("prep", "dative") and c.lower_ in (
        "of", "for", "with", "to", "over")]
    return bool(objects) and (bool(charged) or verb.lemma_.lower() == "allege")


def _proposition_object(verb: Token) -> bool:
    """Whether a verb of support or dispute takes a proposition: a clause ("agreed that
    …") or something said or proposed ("seconded the recommendation", "rejected the
    claim")."""
    if any(c.dep_ == "ccomp" for c in verb.children):
        return True
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    objects += [p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "for")
                for p in c.children if p.dep_ == "pobj"]
    return any(o.lemma_.lower() in PROPOSALS for o in objects)


def _inside(token: Token, drafts: list[Draft]) -> bool:
    return any(d.content[0] <= token.idx < d.content[1] for d in drafts)


def _complement(verb: Token) -> tuple[int, int] | None:
    """What a stance verb says: its clause ("deemed that …", "recommended the troops
    withdraw"), else its phrase without its subject ("declared victory", "claimed
    responsibility for the attack"), or — passive — its whole clause ("The attack was
    claimed by the Houthi movement")."""
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if clause is not None:
        tokens = list(clause.subtree)
    else:
        passive = is_passive(verb)
        cut = {t.i for c in verb.children if (c.dep_ in _CUT_AFTER_HEAD and c.i > verb.i)
               or (not passive and c.dep_ in ("nsubj", "aux", "advmod", "npadvmod")
                   and c.i < verb.i)
               or (c.dep_ == "advcl" and c.tag_ == "VBG")
               for t in c.subtree}
        tokens = [t for t in verb.subtree if t.i not in cut]
        if not passive:
            tokens = [t for t in tokens if t.i >= verb.i]
    while tokens and (tokens[0].is_punct or tokens[0].dep_ in ("mark", "cc")):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space or tokens[-1].dep_ == "cc"):
        tokens = tokens[:-1]
    if len([t for t in tokens if not t.is_punct]) < 2:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _allegation_made(verb: Token, claimants: Claimants) -> Draft | None:
    """'Similar attributions of responsibility were made by Saba and al-Eryani'."""
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is None or subject.lemma_.lower() not in ALLEGATION_NOUNS:
        return None
    claimant = claimants.from_parse(verb)
    content = _complement(verb)
    if claimant is None or content is None:
        return None
    return Draft("alleges", content, claimant, (verb.idx, verb.idx + len(verb)),
                 quoted="parsed")


def _provided(participle: Token, claimants: Claimants) -> Draft | None:
    """'Death tolls, provided anonymously by officials to journalists, exceeded 100': the
    statement is the officials'."""
    agent = next((p for c in participle.children if c.dep_ == "agent" for p in c.children
                  if p.dep_ == "pobj"), None)
    noun = participle.head
    if agent is None or noun.dep_ not in ("nsubj", "nsubjpass") or noun.head.pos_ not in (
            "VERB", "AUX"):
        return None
    claimant = claimants.actor_of(agent)
    clause = noun.head
    cut = {t.i for t in participle.subtree}
    cut |= {t.i for c in clause.children if c.dep_ in _CUT_AFTER_HEAD and c.i > clause.i
            for t in c.subtree}
    tokens = [t for t in clause.subtree if t.i not in cut and not t.is_space]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    if claimant is None or len(tokens) < 3:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    return Draft("asserts", (start, end), claimant,
                 (participle.idx, participle.idx + len(participle)), quoted="parsed")


def _grounds(alleged: Token, claimants: Claimants) -> Draft | None:
    """'sanctioned Iran over alleged assassination plots': the allegation of the party
    that acts on it (the possessor of a subject such as "the protesters' demands")."""
    noun = alleged.head
    node = noun
    for _ in range(_MAX_GROUNDS_CLIMB):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            break
    else:
        return None
    if node.pos_ not in ("VERB", "AUX") or is_passive(node):
        return None
    subject = next((c for c in node.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    owner = next((c for c in subject.children if c.dep_ == "poss"), None)
    claimant = claimants.actor_of(owner if owner is not None else subject)
    if claimant is None:
        return None
    tokens = [t for t in noun.subtree if t.i >= alleged.i]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    return Draft("alleges", (start, end), claimant, (alleged.idx, alleged.idx + len(alleged)),
                 quoted="parsed")
