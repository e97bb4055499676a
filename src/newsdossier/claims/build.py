"""Claims: each attributed proposition of an article, with its stance, what it responds to,
the evidence it cites and the events it concerns.

A claim is made for every quotation (its speaker is the claimant, its cue gives the stance:
asserts, alleges, denies, supports, disputes), for every accusation or denial the event coder
found that no quotation carries, and for a hedged sentence that reports an alleged event in the
article's own voice ("Syria reportedly hanged ...", claimant unknown). Then, within the
article:

* stance: a quotation that carries an accusation of violence ("The US said Iraq had
  attacked") alleges; one whose content refutes or doubts a claim ("the claims were
  unproven", "a hoax") denies or disputes; one that cites evidence consistent with an earlier
  allegation ("satellite images were consistent with a crematorium") supports it;
* responds_to: a denial, dispute or support points to the earlier allegation it answers — the
  one by the party its words name ("rejected US accusations" → the US claim), else the latest
  allegation of the article;
* evidence: spans citing reports, images, documents, witnesses ... and qualifications such as
  "consistent with" in the claim's sentence;
* event_ids: the events whose trigger lies in the claim's content or that it reports;
  about: the coded actors its content names and the parties of those events.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..model import Actor, Claim, Event, Quote, Span
from .claimants import Claimants
from .draft import Draft
from .parsed import SPEECH, ParsedClaims, accusation_frame
from .proposition import predicate, prepare, proposition, quoted, refusal
from .reading import (
    accuses,
    cue_token,
    disapproves,
    framing_stance,
    negated_finding,
    own_words_stance,
    party,
    same_side,
    span_of,
)
from .responses import RESPONDING, Responses, same_claimant
from .words import ClaimWords

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from ..events.arguments import ActorIndex
    from ..model import Record

CLAIM_NOUNS = frozenset({"claim", "claims", "allegation", "allegations", "accusation",
                         "accusations", "charge", "charges", "report", "reports", "it", "this",
                         "that", "they", "story", "assertion", "assertions",
                         # what a claim rests on, called fake ("the video was a hoax")
                         "video", "videos", "footage", "photo", "photos", "photograph",
                         "photographs", "image", "images", "picture", "pictures", "document",
                         "documents", "figure", "figures", "recording", "recordings",
                         # statements and decisions called unfounded ("the declaration is
                         # unwarranted")
                         "statement", "statements", "declaration", "decision", "announcement",
                         "conclusion", "conclusions", "finding", "findings", "assessment",
                         "estimate", "estimates", "account"})
VIOLENT_TYPES = frozenset({"ASSAULT", "COERCE"})
# Adverbs that tell a statement is someone's report, told in the article's voice.
HEARSAY = frozenset({"reportedly", "purportedly", "supposedly"})
MIN_HEARSAY_TOKENS = 4
# A cue in a clause another verb governs ("blame him for encouraging …") whose speaker
# cannot be found is no cue at all.
GOVERNED_CLAUSES = frozenset({"pcomp", "xcomp", "advcl", "amod", "relcl", "ccomp", "conj"})
_VERDICT_CLIMB = 4
CLAIMERS = frozenset({"those", "anyone", "people", "whoever", "everyone", "they"})
_EVIDENCE_WINDOW = 0  # evidence is looked for in the claim's own sentence


class ClaimBuilder:
    """Builds the claims of one record from its quotations and events."""

    def __init__(self, words: ClaimWords) -> None:
        self.words = words
        self.parsed = ParsedClaims(words)

    def build(self, doc: Doc, record: Record, index: ActorIndex | None = None) -> list[Claim]:
        text = record.article.text
        prepare(doc, text)
        drafts = [d for q in record.quotes if not _unsaid(doc, q, self.words)
                  if (d := self._from_quote(doc, q, record, index)) is not None]
        drafts += self._from_events(doc, record, drafts)
        claimants = Claimants(doc, record, index) if index is not None else None
        if claimants is not None:
            for draft in self.parsed.find(doc, drafts, claimants):
                draft.event_ids = _events_in(draft.content, draft.cue, record.events)
                draft.stance = self._stance(doc, draft, cue_token(doc, draft.cue), record,
                                            index)
                carrier = draft.carried_by
                if carrier is not None and carrier.cue_stance is not None:
                    carrier.stance = carrier.cue_stance  # "Reuters reported X said …": a report
                drafts.append(draft)
        drafts += self._hedged(doc, record, drafts)
        if claimants is not None and index is not None:
            drafts = _with_claimants(drafts, claimants, doc)
            drafts += self._embedded_allegations(doc, record, drafts, index)
        drafts.sort(key=lambda d: (d.content[0], d.content[1]))
        for draft in drafts:
            self._evidence(draft, doc, text)
            self._supporting(draft, drafts, text)
            _contradicting(draft, drafts, doc)
            draft.about = _about(draft, record)
        responses = Responses(doc, text, record.actors, self.words)
        for draft in drafts:
            draft.responds_to = responses.answered(draft, drafts)
        ids = {id(d): f"c{n}" for n, d in enumerate(drafts, start=1)}
        return [_claim(d, ids, text) for d in drafts]

    # --- where claims come from --------------------------------------------------------------

    def _from_quote(self, doc: Doc, quote: Quote, record: Record,
                    index: ActorIndex | None) -> Draft | None:
        cue = (quote.cue.start, quote.cue.end) if quote.cue else None
        verb = cue_token(doc, cue)
        content = proposition(doc, (quote.content.start, quote.content.end), verb, quote.kind,
                              self.words)
        if content is None:
            return None  # "a speech which was delivered in Tehran": no proposition
        draft = Draft(quote.stance, content, quote.speaker, cue, quoted=quote.kind,
                      cue_stance=quote.stance)
        draft.event_ids = _events_in(content, cue, record.events)
        draft.stance = self._stance(doc, draft, verb, record, index)
        accusation = next((e for e in record.events if cue and e.type == "ACCUSE"
                           and (e.trigger.start, e.trigger.end) == cue
                           and any(party(a) and not same_side(a, quote.speaker)
                                   for a in e.target)), None)
        if accusation is not None and draft.stance == "asserts":
            draft.stance = "alleges"  # "The US said Iraq had attacked": an accusation
        if accusation is not None:
            draft.target_codes = {a.country for a in accusation.target if a.country}
        return draft

    def _stance(self, doc: Doc, draft: Draft, verb: Token | None, record: Record,
                index: ActorIndex | None) -> str:
        """The quote's stance read in context (reading.py)."""
        stance, framed = draft.stance, None
        claimed = verb is not None and self.words.lemma_has(verb.lemma_, "claiming")
        if verb is not None:
            if negated_finding(verb, self.words):
                return "disputes"
            framed = framing_stance(verb, self.words)
            if framed is not None:
                stance = framed
            elif stance == "alleges" and claimed:
                stance = "asserts"  # what is claimed decides
        content = span_of(doc, *draft.content)
        own = own_words_stance(content, self.words) if content is not None else None
        if own is not None:
            stance = own
        words = record.article.text[draft.content[0]:draft.content[1]]
        if stance in ("asserts", "alleges") and content is not None and len(content):
            verdict = _verdict_on_a_claim(content, self.words)
            if verdict is not None:
                return verdict
        if stance == "asserts" and self.words.has(words, "disowns"):
            return "denies"  # "the ban is not part of any broader plan"
        if stance == "denies" and self.words.has(words, "questions") and not self.words.has(
                words, "refutes"):
            return "disputes"  # "dismissed the claim as groundless": doubted, not refuted
        # said, or a statement noun ("demands include …"); not "Pentagon: …"
        reported = verb is not None and verb.pos_ in ("VERB", "AUX", "NOUN")
        if reported and (stance == "asserts" or framed == stance == "disputes") and accuses(
                doc, draft.content, draft.claimant, record.actors, record.events, self.words,
                claimed, index):
            return "alleges"
        if stance == "asserts" and content is not None and len(content) and disapproves(
                content[0].sent, draft.content, self.words):
            return "disputes"
        return stance

    def _from_events(self, doc: Doc, record: Record, drafts: list[Draft]) -> list[Draft]:
        cues = {d.cue for d in drafts if d.cue}
        made = []
        for event in record.events:
            trigger = (event.trigger.start, event.trigger.end)
            if trigger in cues or event.background or not _verbal(doc, event) or (
                    _speech(doc, event)):
                continue  # "said": a quotation's, or an attribution inside one (parsed.py)
            verb = cue_token(doc, trigger)
            if verb is None or refusal(verb) or quoted(verb):
                continue  # "deny terrorism any victory", a verb in someone's quoted words
            stance = _event_stance(event)
            if stance is None:
                continue
            holder = next((d for d in drafts if d.content[0] <= trigger[0]
                           and trigger[1] <= d.content[1] and d.claimant is not None), None)
            if holder is not None and event.id not in holder.event_ids:
                holder.event_ids.append(event.id)
            if holder is not None and _said_by(event, holder.claimant):
                if holder.stance == "asserts" and stance != "disputes":  # "accused Y of …"
                    holder.stance = stance
                    holder.target_codes = {a.country for a in event.target if a.country}
                continue
            if holder is not None and stance == "disputes":
                continue  # "said the government had ignored warnings": the speaker's claim
            if holder is not None and stance == "alleges" and not accusation_frame(
                    verb, nested=True):
                continue  # "Rudaw reports X has alleged ties to …": the report's words
            content = predicate(doc, trigger) or (event.sentence.start, event.sentence.end)
            carrier = next((d for d in drafts if d.cue is not None and d.cue[0] > trigger[0]
                            and content[0] <= d.cue[0] < content[1]), None)
            if carrier is None:  # "denounced the ruling, calling it …": its participle says it
                carrier = next((d for d in drafts if d.cue is not None
                                and _participle_of(doc, d.cue, verb)), None)
            if carrier is not None:  # "filed a lawsuit claiming that …": the quotation says it
                if event.id not in carrier.event_ids:
                    carrier.event_ids.append(event.id)
                if carrier.stance == "asserts" and stance == "alleges":
                    carrier.stance = stance
                continue
            for claimant in event.source or [None]:  # "Saudi Arabia and the US alleged …"
                draft = Draft(stance, content, claimant, trigger, [event.id])
                draft.target_codes = {a.country for a in event.target if a.country}
                made.append(draft)
        return made

    def _hedged(self, doc: Doc, record: Record, drafts: list[Draft]) -> list[Draft]:
        """'Syria reportedly hanged …': an allegation in the article's own voice."""
        covered = [d.content for d in drafts]
        made = []
        for event in record.events:
            if event.status != "alleged" or event.attributed_to is not None or event.background:
                continue
            span = (event.sentence.start, event.sentence.end)
            if any(a < span[1] and span[0] < b for a, b in covered):
                continue
            made.append(Draft("alleges", span, None, None, [event.id]))
            covered.append(span)
        lowered = record.article.text.lower()
        hedged = any(word in lowered for word in HEARSAY)
        for sentence in doc.sents if hedged else ():  # "Reportedly, Trump and Bolton …"
            hearsay = next((t for t in sentence if t.lower_ in HEARSAY and t.dep_ == "advmod"
                            and t.head.pos_ in ("VERB", "AUX")), None)
            if hearsay is None:
                continue
            reported = hearsay.head  # "the attack, reportedly conducted by …": the attack
            if reported.dep_ == "acl":
                reported = reported.head
            elif not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in reported.children):
                continue
            content = _clause(reported)
            if content is not None and not any(a < content[1] and content[0] < b
                                               for a, b in covered):
                made.append(Draft("asserts", content, None, None,
                                  _events_in(content, None, record.events)))
                covered.append(content)
        return made

    def _embedded_allegations(self, doc: Doc, record: Record, drafts: list[Draft],
                              index: ActorIndex) -> list[Draft]:
        """'Iran denied US accusations that it had supplied drones': the US allegation the
        denial names, as a claim of its own (claimant: the accusations' owner) that the
        denial answers — unless the article already quotes that party alleging."""
        made = []
        for draft in [d for d in drafts if d.stance in RESPONDING]:
            found = _named_allegation(doc, draft, index)
            if found is None:
                continue
            owner, noun, content = found
            if any(d.stance == "alleges" and d.claimant is not None and d.claimant.country
                   == owner.country and d.content[0] < draft.content[0] for d in drafts):
                continue  # the article reports that allegation itself; answer that one
            allegation = Draft("alleges", content, owner, noun, reported_by=draft)
            allegation.event_ids = _events_in(content, None, record.events)
            made.append(allegation)
        return made

    # --- evidence and support --------------------------------------------------------------------

    def _evidence(self, draft: Draft, doc: Doc, text: str) -> None:
        anchor = draft.cue[0] if draft.cue else draft.content[0]
        span = doc.char_span(anchor, anchor + 1, alignment_mode="expand")
        if span is None:
            return
        sentence = span[0].sent
        start, end = sentence.start_char, sentence.end_char
        words = text[start:end]
        found = []
        for hit in self.words.find(words, "evidence"):
            if not _is_noun(doc, start + hit.start, start + hit.end):
                continue  # "told to report", not "a report"
            phrase = _noun_phrase(doc, start + hit.start, start + hit.end)
            if phrase is not None and phrase not in found:
                found.append(phrase)
        if found:  # "consistent with" ties evidence to a claim; "backed by Iran" cites none
            for hit in self.words.find(words, "qualifies"):
                found.append((start + hit.start, _clause_end(doc, start + hit.end, end)))
        low, high = draft.content
        draft.evidence = [r for r in _merged_ranges(found) if r[0] < high and low < r[1]]

    def _supporting(self, draft: Draft, drafts: list[Draft], text: str) -> None:
        """Evidence said to match an earlier allegation supports it."""
        if draft.stance != "asserts" or not draft.evidence:
            return
        qualified = any(self.words.has(text[a:b], "qualifies") for a, b in draft.evidence)
        if qualified and any(d.stance == "alleges" and d.content[0] < draft.content[0]
                             for d in drafts):
            draft.stance = "supports"


# --- helpers -------------------------------------------------------------------------------


def _with_claimants(drafts: list[Draft], claimants: Claimants, doc: Doc) -> list[Draft]:
    """Every claimant resolved and completed (claimants.py), one claim per coordinated
    claimant; an indirect quotation nobody can be found to have said is dropped (a
    participle the cue table took for a cue: "… for encouraging illegal logging")."""
    made = []
    for draft in sorted(drafts, key=lambda d: d.content[0]):
        verb = cue_token(doc, draft.cue)
        if draft.claimant is None and draft.cue is not None:
            draft.claimant = claimants.from_parse(verb)
            if draft.claimant is None and draft.quoted == "indirect" and verb is not None \
                    and verb.dep_ in GOVERNED_CLAUSES:
                continue
        if claimants.nobody(draft.claimant):
            continue  # "Not everyone agreed …": nobody in particular claims it
        for claimant in claimants.split(draft.claimant):
            completed = claimants.complete(claimant, verb)
            made.append(replace(draft, claimant=completed, person=claimants.surname(completed)))
    return made



def _contradicting(draft: Draft, drafts: list[Draft], doc: Doc) -> None:
    """'There is no crematorium. There have been no executions.' against an earlier
    allegation of executions and a crematorium, by someone else: a denial of it."""
    if draft.stance != "asserts":
        return
    negated = _negated_nouns(doc, draft.content)
    if not negated:
        return
    absent = bool(negated & TRACES)
    for allegation in reversed(drafts):  # the nearest earlier one
        if allegation.stance != "alleges" or allegation.content[0] >= draft.content[0] \
                or same_claimant(allegation, draft):
            continue
        if negated & _noun_lemmas(doc, allegation.content):
            draft.stance = "disputes" if absent else "denies"
            draft.contradicts = allegation
            return


# "no traces of poison were found": no evidence of the allegation, which disputes it (a
# flat "there was no poison" denies it).
TRACES = frozenset({"trace", "sign", "evidence", "proof", "indication"})


def _negated_nouns(doc: Doc, content: tuple[int, int]) -> set[str]:
    """Lemmas of the nouns a content negates: "no crematorium", "were not executed",
    "never tortured anyone" (the verb's lemma counts too: "executed" meets "executions"),
    "no traces of poison" (the traces and the poison)."""
    span = doc.char_span(content[0], content[1], alignment_mode="expand")
    if span is None:
        return set()
    found: set[str] = set()
    for token in span:
        if token.lower_ == "no" and token.dep_ == "det" and token.head.pos_ == "NOUN":
            noun = token.head
            found.add(noun.lemma_.lower())
            if noun.lemma_.lower() in TRACES:
                found |= {p.lemma_.lower() for c in noun.children if c.dep_ == "prep"
                          and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"}
        elif token.dep_ == "neg" and token.head.pos_ in ("VERB", "AUX"):
            verb = token.head
            found.add(verb.lemma_.lower())
            found |= {c.lemma_.lower() for c in verb.children
                      if c.dep_ in ("dobj", "attr", "nsubjpass") and c.pos_ == "NOUN"}
    return found - _GENERIC_LEMMAS


def _noun_lemmas(doc: Doc, content: tuple[int, int]) -> set[str]:
    span = doc.char_span(content[0], content[1], alignment_mode="expand")
    if span is None:
        return set()
    lemmas = {t.lemma_.lower() for t in span if t.pos_ in ("NOUN", "VERB")}
    # "executions" and "executed": a noun of action meets its verb
    lemmas |= {lemma[:-3] + "e" for lemma in lemmas if lemma.endswith("ion")}
    return lemmas - _GENERIC_LEMMAS


_GENERIC_LEMMAS = frozenset({"be", "have", "do", "say", "make", "take", "go", "get", "give",
                             "people", "thing", "time", "way", "one", "anyone", "anything",
                             "evidence", "information", "comment", "know", "see", "want"})


ALLEGATION_NOUNS = frozenset({"accusation", "allegation", "claim", "charge", "assertion"})
_OWNER_DEPS = frozenset({"compound", "poss", "nmod", "amod"})


def _named_allegation(doc: Doc, draft: Draft, index: ActorIndex,
                      ) -> tuple[Actor, tuple[int, int], tuple[int, int]] | None:
    """In a response's content, an allegation noun with a coded owner ("US accusations",
    "allegations by Human Rights Watch") and what it alleges (its clause, or its "of"
    phrase): (owner, noun range, content range)."""
    span = doc.char_span(draft.content[0], draft.content[1], alignment_mode="expand")
    if span is None:
        return None
    for noun in span:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in ALLEGATION_NOUNS:
            continue
        owners = [c for c in noun.children if c.dep_ in _OWNER_DEPS]
        owners += [o for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from")
                   for o in c.children if o.dep_ == "pobj"]
        owner = next((a for o in owners if (a := _owner_actor(o, index)) is not None), None)
        content = _alleged_content(noun)
        if owner is not None and content is not None:
            return owner, (noun.idx, noun.idx + len(noun)), content
    return None


def _owner_actor(token: Token, index: ActorIndex) -> Actor | None:
    found = index.actor_at(token)
    if found is None or not found.code:
        return None
    start, end = token.left_edge.idx, token.idx + len(token)
    text = index.text[start:end]
    return Actor(text=text, start=start, end=end, name=found.name, country=found.country,
                 sector=found.sector, code=found.code)


def _alleged_content(noun: Token) -> tuple[int, int] | None:
    """What "accusations that …" / "accusations of …" allege."""
    clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl")
                   and c.i > noun.i), None)
    if clause is not None:  # "rejected the accusation that … as a plot": the "as" is theirs
        cut = {t.i for c in clause.children if c.dep_ == "prep" and c.lower_ == "as"
               and c.i > clause.i for t in c.subtree}
        tokens = [t for t in clause.subtree if t.i not in cut and not t.is_punct]
    else:
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ in ("pobj", "pcomp")), None) if (
            of is not None) else None
        if pobj is None:
            return None
        cut = {t.i for c in pobj.children if c.dep_ == "prep" and c.lower_ == "as"
               for t in c.subtree}  # "accusations of abuses as interference"
        tokens = [t for t in pobj.subtree if t.i not in cut and not t.is_punct]
    if not tokens:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _unsaid(doc: Doc, quote: Quote, words: ClaimWords) -> bool:
    """'Rebels did not say that they attacked': a negated verb of plain saying claims
    nothing, though it is still an attribution ("did not find that …" disputes, though)."""
    if quote.stance != "asserts" or quote.cue is None:
        return False
    cue = doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
    if cue is None or not len(cue) or words.lemma_has(cue.root.lemma_, "finding"):
        return False
    auxiliaries = [c for t in cue for c in t.children if c.dep_ in ("aux", "auxpass")]
    return any(c.dep_ == "neg" for t in [*cue, *auxiliaries] for c in t.children)


def _said_by(event: Event, claimant: Actor | None) -> bool:
    """Whether an event inside a quotation is the speaker's own act of speech ("said X had
    attacked and accused Y of …"), not a third party's ("… and his critics blame him")."""
    if claimant is None:
        return False
    return not event.source or any(same_side(a, claimant) or (
        a.start, a.end) == (claimant.start, claimant.end) for a in event.source)


def _verbal(doc: Doc, event: Event) -> bool:
    """Whether an event's trigger is a verb: "accused" makes a claim, "U.S. allegations"
    (a noun) only mentions one."""
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    return span is not None and span.root.pos_ in ("VERB", "AUX")


def _clause(verb: Token) -> tuple[int, int] | None:
    """A clause without its edge punctuation and hedges."""
    tokens = [t for t in verb.subtree if not (t.lower_ in HEARSAY and t.head.i == verb.i)]
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    if len(tokens) < MIN_HEARSAY_TOKENS:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _speech(doc: Doc, event: Event) -> bool:
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.lemma_.lower() in SPEECH


def _participle_of(doc: Doc, cue: tuple[int, int], verb: Token) -> bool:
    token = cue_token(doc, cue)
    return token is not None and token.tag_ == "VBG" and token.dep_ in ("advcl", "xcomp") and (
        token.head.i == verb.i)


def _event_stance(event: Event) -> str | None:
    if event.type == "ACCUSE" and event.mode != "investigate":  # an inquiry alleges nothing
        return "alleges"
    if event.type is None and event.cameo == "016":
        return "denies"
    if event.type == "REJECT" and event.intent is None:
        return "disputes"
    return None


def _events_in(content: tuple[int, int], cue: tuple[int, int] | None,
               events: list[Event]) -> list[str]:
    found = []
    for event in events:
        trigger = (event.trigger.start, event.trigger.end)
        inside = content[0] <= trigger[0] < content[1]
        said = cue is not None and trigger == cue
        if inside or said:
            found.append(event.id)
    return found


def _verdict_on_a_claim(content: SpacySpan, words: ClaimWords) -> str | None:
    """'the claims were unproven' disputes, 'it is a lie' / 'those who say so are lying'
    denies: a refuting or doubting word said of a claim (or of those who make it)."""
    start = content.start_char
    for role, stance in (("refutes", "denies"), ("questions", "disputes")):
        for hit in words.find(content.text, role):
            token = next((t for t in content if t.idx >= start + hit.start), None)
            if token is not None and _said_of_a_claim(token):
                return stance
    return None


def _said_of_a_claim(word: Token) -> bool:
    role = word
    while role.dep_ == "conj" and role.head.i != role.i:
        role = role.head
    if role.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass", "compound", "poss"):
        return False  # "they're using tricks and lies": lies used, no claim called a lie
    node = word
    for _ in range(_VERDICT_CLIMB):
        if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("aux", "auxpass"):
            break
        if node.head.i == node.i:
            break
        node = node.head
    for subject in (c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")):
        if subject.lemma_.lower() in CLAIM_NOUNS or subject.lower_ in CLAIM_NOUNS:
            return True
        if subject.lower_ in CLAIMERS and any(c.dep_ == "relcl" for c in subject.children):
            return True  # "those who link these attacks to Iran are lying"
    return False


def _about(draft: Draft, record: Record) -> list[Actor]:
    start, end = draft.content
    found: list[Actor] = []
    codes: set[str] = set()
    candidates = [a for a in record.actors if start <= a.start and a.end <= end]
    events = {e.id: e for e in record.events}
    for event_id in draft.event_ids:
        event = events.get(event_id)
        if event is not None:
            candidates += [*event.source, *event.target]
    for actor in candidates:
        if actor.code and actor.code not in codes:
            codes.add(actor.code)
            found.append(actor)
    return found


def _is_noun(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and span.root.pos_ in ("NOUN", "PROPN")


def _noun_phrase(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    head = span.root
    left, right = head.left_edge, head.right_edge
    tokens = [t for t in doc[left.i:right.i + 1]]
    while tokens and (tokens[0].tag_ in ("DT", "PDT") or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    if not tokens or len(tokens) > 14:
        return start, end
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _clause_end(doc: Doc, position: int, limit: int) -> int:
    """'consistent with a crematorium, officials said': up to the next comma or the end."""
    span = doc.char_span(position, limit, alignment_mode="expand")
    if span is None:
        return position
    end = position
    for token in span:
        if token.text in (",", ";", ".") and token.idx > position:
            break
        end = token.idx + len(token)
    return end


def _merged_ranges(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _claim(draft: Draft, ids: dict[int, str], text: str) -> Claim:
    start, end = draft.content
    return Claim(
        id=ids[id(draft)], stance=draft.stance, content=Span(start, end, text[start:end]),
        claimant=draft.claimant, about=draft.about,
        responds_to=ids.get(id(draft.responds_to)) if draft.responds_to else None,
        evidence=[Span(a, b, text[a:b]) for a, b in draft.evidence],
        event_ids=draft.event_ids,
    )
