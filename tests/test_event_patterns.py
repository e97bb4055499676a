"""The shipped event pattern table (data/events/patterns.tsv): shape, codes and coverage.

Read with plain `csv` so a malformed row is reported here even if the loader changes. The PLOVER
types, modes and contexts are restated from the PLOVER codebook (short names only).
"""

from __future__ import annotations

import csv
import re
from importlib import resources

import pytest

from newsdossier.events import PatternTable

PLOVER_MODES: dict[str, frozenset[str]] = {
    "AGREE": frozenset(),
    "CONSULT": frozenset({"visit", "third-party", "multilateral", "phone"}),
    "SUPPORT": frozenset(),
    "CONCEDE": frozenset(),
    "COOPERATE": frozenset(),
    "AID": frozenset(),
    "RETREAT": frozenset({"withdraw", "release", "disarm", "ceasefire", "access", "resign"}),
    "REQUEST": frozenset({"assist", "change", "yield", "meet"}),
    "ACCUSE": frozenset({"disapprove", "investigate", "allege"}),
    "REJECT": frozenset({"assist", "change", "yield", "meet"}),
    "THREATEN": frozenset({
        "restrict", "arrest", "relations", "expel", "territory", "violence",
    }),
    "PROTEST": frozenset({
        "demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize",
    }),
    "SANCTION": frozenset({"convict", "expel", "withdraw", "discontinue"}),
    "MOBILIZE": frozenset({"troops", "weapons", "police", "militia"}),
    "COERCE": frozenset({
        "seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport", "withhold",
        "misinformation", "cyber",
    }),
    "ASSAULT": frozenset({
        "abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms",
        "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control",
        "unconventional",
    }),
}
PLOVER_TYPES = frozenset(PLOVER_MODES)
PLOVER_CONTEXTS = frozenset({
    "military", "intelligence", "executive", "legislative", "election", "political_institutions",
    "pro_democracy", "pro_autocracy", "economic", "legal", "reparations", "human_rights",
    "rights_freedoms", "repression", "human_security", "gender", "lgbt", "religion_ethnicity",
    "inequality", "diplomatic", "territory", "peacekeeping", "health", "asylum", "migration",
    "disasters", "natural_resource", "environment", "technology", "terrorism", "cbrn", "cyber",
    "misinformation", "crime", "corruption", "illegal_drugs", "trafficking",
})
CAMEO = re.compile(r"\d{2,4}")
TARGET = re.compile(r"none|comp|(obj|prep:[a-z]+)(\+(obj|prep:[a-z]+))*")
TRIGGER = re.compile(r"[a-z0-9][a-z0-9'-]*( [a-z0-9'-]+)*")
LEMMAS = re.compile(r"[a-z0-9-]+(,[a-z0-9-]+)*")


def _rows() -> list[tuple[int, list[str]]]:
    text = resources.files("newsdossier").joinpath("data/events/patterns.tsv").read_text("utf-8")
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        row = next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))
        rows.append((number, row))
    return rows


ROWS = _rows()


def _when_is_valid(when: str, pos: str) -> bool:
    if when == "-":
        return True
    for part in when.split(";"):
        key, _, value = part.partition("=")
        if key in ("obj", "obj!"):
            if pos != "VERB" or not (LEMMAS.fullmatch(value) or (key, value) == ("obj", "*")):
                return False
        elif key == "light":
            if pos != "NOUN" or not LEMMAS.fullmatch(value):
                return False
        elif key == "modal":
            if pos != "VERB" or not LEMMAS.fullmatch(value):
                return False
        elif key == "prep":
            if not re.fullmatch(r"[a-z]+(:[a-z0-9-]+(,[a-z0-9-]+)*)?", value):
                return False
        elif part not in ("xcomp", "ccomp"):
            return False
    return True


def test_table_is_not_empty():
    assert len(ROWS) >= 400


@pytest.mark.parametrize(("line", "row"), ROWS, ids=[f"line{n}" for n, _ in ROWS])
def test_row_is_well_formed(line: int, row: list[str]):
    assert len(row) == 8, f"line {line}: {len(row)} columns"
    trigger, pos, when, event_type, mode, cameo, target, context = row
    assert all(cell and cell == cell.strip() for cell in row), f"line {line}: empty/padded cell"
    assert TRIGGER.fullmatch(trigger), f"line {line}: trigger {trigger!r} is not a lower-case lemma"
    assert pos in ("VERB", "NOUN"), f"line {line}: pos {pos!r}"
    assert _when_is_valid(when, pos), f"line {line}: when {when!r}"
    if event_type == "none":  # no event for this use of the trigger
        assert (mode, cameo, target, context) == ("-", "-", "-", "-"), f"line {line}"
        return
    assert event_type == "-" or event_type in PLOVER_TYPES, f"line {line}: type {event_type!r}"
    if mode != "-":
        assert mode in PLOVER_MODES.get(event_type, ()), f"line {line}: {event_type}/{mode}"
    assert CAMEO.fullmatch(cameo), f"line {line}: CAMEO {cameo!r}"
    assert TARGET.fullmatch(target), f"line {line}: target {target!r}"
    if context != "-":
        unknown = set(context.split(",")) - PLOVER_CONTEXTS
        assert not unknown, f"line {line}: contexts {sorted(unknown)}"


def test_every_plover_type_and_cameo_root_is_covered():
    missing_types = PLOVER_TYPES - {row[3] for _, row in ROWS}
    assert not missing_types, sorted(missing_types)
    missing_roots = {f"{root:02d}" for root in range(1, 21)} - {row[5][:2] for _, row in ROWS}
    assert not missing_roots, sorted(missing_roots)


def test_no_duplicate_trigger_keys():
    seen: dict[tuple[str, str, str], int] = {}
    for line, row in ROWS:
        key = (row[0], row[1], row[2])
        assert key not in seen, f"line {line} repeats line {seen[key]}: {key}"
        seen[key] = line


def test_loader_accepts_every_row():
    assert len(PatternTable.load()) == len(ROWS)


# --- the intent table (data/events/intents.tsv) ------------------------------------------------

INTENT_KINDS = {"agree": "AGREE", "threaten": "THREATEN", "reject": "REJECT",
                "demand": "REQUEST", "appeal": "REQUEST"}
INTENT_ROOTS = {"agree": "03", "threaten": "13", "reject": "12", "demand": "10", "appeal": "02"}


def _intent_rows() -> list[tuple[int, list[str]]]:
    text = resources.files("newsdossier").joinpath("data/events/intents.tsv").read_text("utf-8")
    return [(n, line.split("\t")) for n, line in enumerate(text.splitlines(), start=1)
            if line.strip() and not line.startswith("#")]


def test_intent_rows_are_well_formed():
    seen = set()
    for line, row in _intent_rows():
        assert len(row) == 4, f"line {line}"
        action, kind, cameo, mode = row
        assert action == "*" or re.fullmatch(r"\d{2,4}", action), f"line {line}: {action!r}"
        assert kind in INTENT_KINDS, f"line {line}: {kind!r}"
        assert cameo.startswith(INTENT_ROOTS[kind]), f"line {line}: {kind} coded {cameo}"
        assert mode == "-" or mode in PLOVER_MODES[INTENT_KINDS[kind]], f"line {line}: {mode}"
        assert (action, kind) not in seen, f"line {line} repeats {(action, kind)}"
        seen.add((action, kind))
    assert {("*", kind) for kind in INTENT_KINDS} <= seen


def test_intent_lookup_takes_the_longest_prefix_and_user_rows_win(tmp_path):
    from newsdossier.events import IntentError, IntentTable

    table = IntentTable.load()
    assert table.code("agree", "0841") == ("0353", None)
    assert table.code("agree", "089") == ("035", None)
    assert table.code("threaten", "192") == ("1382", "territory")
    assert table.code("demand", None) == ("100", None)
    mine = tmp_path / "mine.tsv"
    mine.write_text("# promises of release\n084\tagree\t0353\t-\n")
    assert IntentTable.load([mine]).code("agree", "0842") == ("0353", None)
    bad = tmp_path / "bad.tsv"
    bad.write_text("084\tpromise\t0353\t-\n")
    with pytest.raises(IntentError, match=r"bad\.tsv:1: unknown intent"):
        IntentTable.load([bad])


def test_none_rows_stop_a_trigger_and_prep_objects_refine_it(pipeline_events=None):
    from newsdossier.events import PatternTable as Table

    table = Table.load()
    fights = table.candidates("VERB", "fight")
    assert fights[0].blocks and fights[0].when.prep == "for"
    withdrawals = [p for p in table.candidates("VERB", "withdraw") if p.when.prep_objects]
    assert withdrawals and withdrawals[0].type == "SANCTION"
