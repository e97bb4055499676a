"""The seed story's shape, end to end as a user runs it: a wire story written for this test
(an accusation of mass hangings, a denial, satellite evidence, an NGO's earlier figure, a
strike a month before, talks in Geneva, the opposition's support) read through
`dossier extract`. What a reader needs must be there, with both parties' countries, a date
and, where the text gives one, a place; nothing a reader would call nonsense."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_dossier

STORY = Path(__file__).parent / "data" / "wire_story.txt"
PUBLISHED = "2026-05-12"  # a Tuesday


@pytest.fixture(scope="module")
def record() -> dict:
    result = run_dossier("extract", str(STORY), "--published", PUBLISHED, "--title",
                         "U.S. says Sudan hangs dozens of detainees a day at military prison",
                         "--source", "Test Wire", "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def events(record: dict, type_: str) -> list[dict]:
    return [e for e in record["events"] if e["type"] == type_]


def countries(actors: list[dict]) -> set[str]:
    return {a["country"] for a in actors if a.get("country")}


def test_the_us_accuses_sudan_on_monday(record: dict) -> None:
    [accusation] = [e for e in events(record, "ACCUSE") if countries(e["source"]) == {"USA"}]
    assert countries(accusation["target"]) == {"SDN"}
    assert accusation["date"] == "2026-05-11"


def test_the_alleged_hangings_with_their_toll_and_place(record: dict) -> None:
    hangings = [e for e in events(record, "ASSAULT") if e.get("dead") == 30]
    [hanging] = hangings
    assert hanging["status"] == "alleged"
    assert countries(hanging["source"]) == {"SDN"}
    assert hanging["location"]["country"] == "SDN" and hanging["date"] == "2026-05-11"


def test_sudan_rejects_the_accusation_on_tuesday(record: dict) -> None:
    [denial] = events(record, "REJECT")
    assert countries(denial["source"]) == {"SDN"} and countries(denial["target"]) == {"USA"}
    assert denial["date"] == PUBLISHED
    assert any(c["stance"] == "denies" and "Hollywood" in c["content"]["text"]
               for c in record["claims"])


def test_the_crematorium_and_the_earlier_ngo_figure(record: dict) -> None:
    assert any("crematorium" in c["content"]["text"] and c["claimant"]
               and c["claimant"].get("country") == "USA" for c in record["claims"])
    assert any(c["stance"] == "supports" and "consistent with" in c["content"]["text"]
               for c in record["claims"])
    assert any(q["value"] == 9000 for q in record["quantities"])
    assert any("9,000" in c["content"]["text"] and c["claimant"]
               and "Amnesty" in (c["claimant"].get("text") or "") for c in record["claims"])


def test_the_strike_a_month_before_on_a_sudanese_base(record: dict) -> None:
    [strike] = [e for e in events(record, "ASSAULT") if e.get("dead") == 14]
    assert countries(strike["source"]) == {"USA"} and countries(strike["target"]) == {"SDN"}
    assert strike["date"] == "2026-04"
    assert strike["location"]["name"] == "Omdurman"


def test_talks_in_geneva_switzerland(record: dict) -> None:
    [talks] = events(record, "CONSULT")
    assert talks["location"]["country"] == "CHE" and talks["status"] == "future"
    assert all(p["country"] != "USA" for p in record["places"] if p["name"] == "Geneva")


def test_the_opposition_supports_the_allegation(record: dict) -> None:
    [support] = events(record, "SUPPORT")
    assert {a["code"] for a in support["source"]} == {"SDNOPP"}
    assert countries(support["target"]) == {"USA"}


def test_nothing_a_reader_would_call_nonsense(record: dict) -> None:
    text = record["article"]["text"]
    for event in record["events"]:
        assert event["type"] is not None or event["cameo"] == "015"
        for actor in event["source"] + event["target"]:
            assert text[actor["start"]:actor["end"]] == actor["text"]
            assert "\n" not in actor["text"]
    assert len([e for e in record["events"] if e["type"] == "ACCUSE"
                and countries(e["source"]) == {"USA"}]) == 1, "one accusation, told twice"
    for quote in record["quotes"]:
        content = quote["content"]["text"]
        assert len(content.split()) >= 3, f"a quote that states nothing: {content!r}"
