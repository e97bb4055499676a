"""Story clusters: near-duplicate wire copies grouped into one story in the store."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

from newsdossier.model import Actor, Article, Event, Place, Record, Span
from newsdossier.store import Store

STORY = ("government forces shelled the central market in the town on monday killing at least "
         "twelve civilians and wounding dozens more according to local officials who said the "
         "attack came hours after rebels rejected a ceasefire proposal brokered by regional "
         "envoys the army denied targeting civilians and accused the rebels of using the "
         "market as cover aid groups called for an independent investigation and urged both "
         "sides to allow medical teams into the area residents described hours of heavy "
         "shelling that began before dawn and continued until the afternoon when smoke could "
         "be seen rising over the eastern districts a doctor at the main hospital said staff "
         "had treated more than forty patients many of them children and that supplies of "
         "blood and painkillers were running low the regional governor blamed the rebels for "
         "starting the fighting and said troops had only returned fire after an ambush on a "
         "convoy near the river crossing the rebel spokesman said the claim was a lie and that "
         "the convoy had been carrying weapons to a base in the hills the united nations "
         "envoy said she was deeply alarmed by the reports and would travel to the capital on "
         "wednesday to meet both delegations talks on a truce collapsed last month after the "
         "two sides failed to agree on the withdrawal of heavy weapons from the front line "
         "and on the release of prisoners held since the start of the conflict more than "
         "two hundred thousand people have fled their homes in the province this year "
         "according to figures from aid agencies working in the region many are sheltering "
         "in schools and mosques in neighbouring towns where food and clean water are "
         "scarce and where officials fear outbreaks of disease as the rainy season begins")
BANK = ("the central bank raised its main interest rate by half a point on thursday citing "
         "persistent inflation in food and energy prices analysts had expected a smaller "
         "increase and the currency rose against the dollar after the announcement while "
         "share prices fell in early trading in the capital")
WORDS, OTHER = STORY.split(), BANK.split()


def copy_of(words: list[str], rng: random.Random, edits: int) -> str:
    """The story with a few words changed, dropped or added, as desks rewrite wire copy."""
    text = list(words)
    for _ in range(edits):
        position = rng.randrange(len(text))
        choice = rng.random()
        if choice < 0.4:
            text[position] = rng.choice(["reportedly", "on Monday", "sources", "residents"])
        elif choice < 0.7:
            del text[position]
        else:
            text.insert(position, rng.choice(["also", "earlier", "local", "several"]))
    return " ".join(text).capitalize() + "."


def add(store: Store, article_id: str, text: str, source: str, day: int,
        events: list[Event] | None = None) -> None:
    article = Article(id=article_id, text=text, source=source, published=f"2026-03-{day:02d}")
    assert store.add_record(Record(article=article, events=events or []))


def shelling(text: str, day: int | None, *, target: str = "CVL", kind: str = "ASSAULT",
             background: bool = False, place: str = "El Obeid") -> Event:
    """The report's coded event (as the event coder would give it; built here directly)."""
    span = Span(0, 10, text[:10])
    return Event(id="e1", type=kind, cameo="195", sentence=span, trigger=span,
                 source=[Actor("government forces", 0, 17, "government forces", "SDN", "MIL",
                               "SDNMIL")],
                 target=[Actor("civilians", 20, 29, "civilians", None, target, target)],
                 location=Place(place, 30, 38, place, "SDN", 13.18, 30.22),
                 date=f"2026-03-{day:02d}" if day else None, background=background)


def stories(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return dict(conn.execute("SELECT id, story_id FROM articles"))


def test_thirty_edited_copies_from_five_sources_are_one_story(tmp_path: Path):
    rng = random.Random(3)
    db = tmp_path / "s.db"
    with Store(db) as store:
        for n in range(30):
            add(store, f"copy-{n}", copy_of(WORDS, rng, edits=4), f"Source {n % 5}", 1 + n % 9)
        add(store, "other", copy_of(OTHER, rng, edits=2), "Source 1", 3)
    found = stories(db)
    assert len({found[f"copy-{n}"] for n in range(30)}) == 1
    assert found["other"] != found["copy-0"]
    with sqlite3.connect(db) as conn:
        (first,) = conn.execute("SELECT first_article FROM stories WHERE story_id = ?",
                                (found["copy-0"],)).fetchone()
    assert first == "copy-0"


def test_later_runs_group_against_what_is_stored(tmp_path: Path):
    rng = random.Random(5)
    db = tmp_path / "s.db"
    with Store(db) as store:
        add(store, "first", copy_of(WORDS, rng, edits=3), "A", 1)
    with Store(db) as store:  # a new process would start here: signatures come from the file
        add(store, "later", copy_of(WORDS, rng, edits=3), "B", 2)
        add(store, "unrelated", copy_of(OTHER, rng, edits=1), "B", 2)
    found = stories(db)
    assert found["later"] == found["first"] != found["unrelated"]


def clusters(db: Path) -> list[dict]:
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(r) for r in conn.execute("SELECT * FROM event_clusters ORDER BY cluster_id")]


def test_the_copies_events_count_once_as_one_real_world_event(tmp_path: Path):
    rng = random.Random(9)
    db = tmp_path / "e.db"
    with Store(db) as store:
        for n in range(30):  # published over four days, the event dated the first day
            text = copy_of(WORDS, rng, edits=4)
            add(store, f"copy-{n}", text, f"Source {n % 5}", 2 + n % 4,
                [shelling(text, 2 if n % 3 else None)])
        text = copy_of(OTHER, rng, edits=1)
        add(store, "later", text, "Source 1", 20, [shelling(text, 20)])  # weeks later
        add(store, "other-kind", text + " x", "Source 2", 2, [shelling(text, 2, kind="PROTEST")])
        add(store, "recalled", text + " y", "Source 3", 2, [shelling(text, 2, background=True)])
    found = clusters(db)
    first = found[0]
    assert (first["type"], first["num_reports"], first["num_sources"]) == ("ASSAULT", 30, 5)
    assert first["first_reported"] == "2026-03-02" and first["first_date"] == "2026-03-02"
    assert len(found) == 3  # + the shelling weeks later, + the protest; the recall is none
    with sqlite3.connect(db) as conn:
        reports = conn.execute("SELECT count(*) FROM events WHERE cluster_id = ?",
                               (first["cluster_id"],)).fetchone()[0]
        recalled = conn.execute("SELECT cluster_id FROM events WHERE article_id = 'recalled'"
                                ).fetchone()[0]
    assert reports == 30 and recalled is None
