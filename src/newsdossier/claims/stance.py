"""How a text stands toward the proposition it reports: as fact, as someone's report, or as
false — what a headline does with a claim ("Apple will sell 19 million watches"):

* `for`: the text states it in its own voice ("World's oldest burger is 20 years old");
* `observing`: it reports it without vouching for it — attributed to someone ("Man claims to
  have kept burger for 20 years"), hedged ("reportedly", "may"), or asked ("Is this the
  world's oldest burger?");
* `against`: it refutes or denies it ("Burger story is a hoax", "McDonald's denies …", "No,
  the burger is not 20 years old").

Read from the claims the pipeline made of the text (their stances and claimants) and from the
claim word table (data/claims/words.tsv): refuting words and a negated main statement make
`against`, an attributed claim, hedging or questioning words make `observing`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import Record
    from .words import ClaimWords

FOR, OBSERVING, AGAINST = "for", "observing", "against"
_NEGATION = re.compile(r"\b(?:not|no|never|n't|isn't|wasn't|aren't|didn't|doesn't|won't)\b",
                       re.IGNORECASE)


def text_stance(record: Record, words: ClaimWords) -> str:
    """`for`, `observing` or `against`: the stance of the record's text toward what it says."""
    text = record.article.text
    stances = {claim.stance for claim in record.claims}
    if stances & {"denies", "disputes"} or words.has(text, "refutes") or (
        words.has(text, "questions") or _NEGATION.search(text)
    ):
        return AGAINST
    if stances & {"alleges"} or words.has(text, "hedges"):
        return OBSERVING
    return FOR
