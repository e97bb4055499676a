"""Places: name keys, the gazetteer, toponym mentions, resolution in context, event locations."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from conftest import run_dossier
from newsdossier.model import Article, Record
from newsdossier.pipeline import Pipeline
from newsdossier.places import AliasError, Gazetteer
from newsdossier.places.gazetteer import _fingerprint, _with_aliases
from newsdossier.places.names import key, lookup_keys, variants
from newsdossier.places.resolve import haversine_km
from newsdossier.places.sources import Row, _aliases


@pytest.fixture(scope="module")
def gazetteer(pipeline: Pipeline) -> Gazetteer:
    return pipeline.get_stage("places").gazetteer


def places_of(pipeline: Pipeline, text: str) -> Record:
    record = pipeline.process(Article(id="p", text=text, published="2026-03-12"))
    for place in record.places:
        assert text[place.start:place.end] == place.text
    return record


def resolved(pipeline: Pipeline, text: str, phrase: str, occurrence: int = 0):
    doc = pipeline.nlp(text)
    record = pipeline.apply_stages(doc, Article(id="p", text=text))
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    (place,) = pipeline.get_stage("places").resolve_spans(doc, record,
                                                          [(start, start + len(phrase))])
    return place


def test_name_keys_fold_case_accents_articles_and_spellings():
    assert key("Al-Raqqa") == "al raqqa" and key("Şaydnāyā") == "saydnaya"
    assert key("St. John's") == key("Saint John’s")
    assert variants("Ar Raqqah") >= {"ar raqqah", "raqqah", "raqqa"}
    assert lookup_keys("al-Raqqa") == ["al raqqa", "raqqa"]
    assert lookup_keys("the Gaza Strip")[-1] == "gaza strip"


def test_gazetteer_knows_cities_countries_regions_and_aliases(gazetteer: Gazetteer):
    damascus = gazetteer.candidates("Damascus")[0]
    assert (damascus.country, damascus.feature) == ("SYR", "PPLC")
    assert gazetteer.candidates("Turkey")[0].feature == "PCLI"
    parish = gazetteer.candidates("Rapides Parish")[0]
    assert (parish.feature, parish.admin1) == ("ADM2", "Louisiana")
    assert "Louisiana" in [c.name for c in gazetteer.candidates("La.")]
    assert gazetteer.candidates("Sednaya prison")[0].feature == "FAC"
    assert gazetteer.candidates("Kiev")[0].name == "Kyiv"
    assert gazetteer.country("SYR").name == "Syria"
    assert gazetteer.candidates("Qwxzzy") == [] and not gazetteer.has("Qwxzzy")
    for name in ("Damascus", "Saydnaya", "Alexandria"):
        assert gazetteer.candidates(name) == gazetteer.candidates(name.upper())


def test_gazetteer_index_is_a_read_only_sqlite_file(gazetteer: Gazetteer):
    assert gazetteer.path.suffix == ".sqlite" and gazetteer.path.stat().st_size > 10_000_000
    with pytest.raises(sqlite3.OperationalError):
        gazetteer.conn.execute("DELETE FROM places")


def test_alias_rows_and_their_errors():
    lines = ["# comment", "Sednaya\tSaydnaya", "Camp Nowhere\t10.5\t20.25\tSYR\tFAC\t300", ""]
    spelled, place = list(_aliases(lines, "mine.tsv"))
    assert spelled == ("Sednaya", "Saydnaya")
    assert (place[1].lat, place[1].lon, place[1].feature, place[1].population) == (
        10.5, 20.25, "FAC", 300)
    for bad, message in (("A\tB\tC", "expected NAME"), ("A\tx\t1\tSYR\tFAC", "could not"),
                         ("A\t91\t1\tSYR\tFAC", "out of range"), ("A\t1\t1\tSYR\tCASTLE",
                                                                  "unknown feature")):
        with pytest.raises(AliasError, match=message) as caught:
            list(_aliases(["# header", bad], "mine.tsv"))
        assert "mine.tsv:2" in str(caught.value)


def test_a_spelling_alias_joins_the_most_populous_place_of_each_kind(tmp_path: Path):
    city = Row(1, "Saydnaya", 33.7, 36.4, "SYR", "PPL", 25000, names={"Saydnaya"})
    village = Row(2, "Saydnaya", 10.0, 10.0, "XXX", "PPL", 50, names={"Saydnaya"})
    extra = tmp_path / "aliases.tsv"
    extra.write_text("Sidnaia\tSaydnaya\n", encoding="utf-8")
    rows = _with_aliases([city, village], [extra])
    assert "Sidnaia" in city.names and "Sidnaia" not in village.names
    assert any(r.feature == "FAC" for r in rows)  # the shipped aliases come too


def test_the_city_file_is_read_in_chunks_across_object_boundaries(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch):
    from newsdossier.places import sources

    cities = {str(n): {"geonameid": n, "name": f"Town {n}", "latitude": n / 10,
                       "longitude": -n / 10, "countrycode": "ZZ", "population": n * 100,
                       "admin1code": "01", "alternatenames": [f"Old Town {n}", "Город"]}
              for n in range(1, 40)}
    path = tmp_path / "cities.json"
    path.write_text(json.dumps(cities), encoding="utf-8")
    monkeypatch.setattr(sources, "CHUNK_CHARS", 97)
    monkeypatch.setattr(sources, "MAX_OBJECT_CHARS", 400)
    read = list(sources._cities(path))
    assert [c.geonameid for c in read] == list(range(1, 40))
    assert read[-1].names == ("Old Town 39",) and read[-1].lat == 3.9  # Latin names only


def test_the_index_name_changes_with_the_user_alias_files(tmp_path: Path):
    extra = tmp_path / "aliases.tsv"
    extra.write_text("Sidnaia\tSaydnaya\n", encoding="utf-8")
    first = _fingerprint([extra])
    extra.write_text("Sidnaia\tSaydnaya\nSaidnaia\tSaydnaya\n", encoding="utf-8")
    assert _fingerprint([extra]) != first != _fingerprint([])


def test_qualifiers_pick_the_region(pipeline: Pipeline):
    text = "Chiquita Henry, 19, was arrested in Pineville, La., on Friday."
    place = resolved(pipeline, text, "Pineville")
    assert (place.country, place.feature) == ("USA", "PPL")
    assert haversine_km(place.lat, place.lon, 31.32, -92.43) < 20
    texas = resolved(pipeline, "The fair opened in Paris, Texas, on Monday.", "Paris")
    assert texas.country == "USA" and haversine_km(texas.lat, texas.lon, 33.66, -95.56) < 30


def test_population_and_context(pipeline: Pipeline):
    assert resolved(pipeline, "The summit opened in Paris on Monday.", "Paris").country == "FRA"
    story = ("Heavy rain flooded Clarksville and Bogata on Monday. Schools in Paris and "
             "Detroit closed, and roads near Mount Pleasant were shut.")
    paris = resolved(pipeline, story, "Paris")
    assert paris.country == "USA", paris  # the Texan towns around it
    lone = "Russian troops left the town of Kalo, the Kremlin said. Syria denied it."
    assert resolved(pipeline, lone, "Kalo") is None  # not the Burmese Kalaw


def test_a_place_of_the_exact_name_beats_one_once_so_called(pipeline: Pipeline):
    text = "Students from Oxford drove to Pickerington, Ohio, for the regional final."
    oxford = resolved(pipeline, text, "Oxford")  # not Ashley, Ohio ("Oxford" of old)
    assert oxford.name == "Oxford" and haversine_km(oxford.lat, oxford.lon, 39.51, -84.75) < 20


def test_actors_named_after_the_place_do_not_vote_for_its_reading(pipeline: Pipeline):
    text = ("Paris police said a Paris man was arrested on Sunday. Paris detectives and the "
            "Paris fire chief said the Paris mayor was told. He was taken to the Henry County "
            "jail.")
    assert resolved(pipeline, text, "Paris").country == "USA"  # Henry County, Tennessee


def test_congo_is_the_one_the_article_places(pipeline: Pipeline):
    east = "Rebels advanced on Goma in eastern Congo on Monday."
    assert resolved(pipeline, east, "Congo").country == "COD"
    west = "Protesters gathered in Brazzaville, the capital of Congo, on Monday."
    assert resolved(pipeline, west, "Congo").country == "COG"
    full = "Aid reached the Democratic Republic of Congo."
    assert resolved(pipeline, full, "Democratic Republic of Congo").country == "COD"


def test_breakaway_regions_and_their_adjectives(pipeline: Pipeline):
    text = "South Ossetian forces fired on villages near Abkhazia."
    assert resolved(pipeline, text, "South Ossetian").name == "South Ossetia"
    assert resolved(pipeline, text, "Abkhazia").country == "GEO"


def test_demonyms_and_adjectives_resolve_when_asked(pipeline: Pipeline):
    text = "Syrian and African officials met."
    assert resolved(pipeline, text, "Syrian").country == "SYR"
    assert resolved(pipeline, text, "African").feature == "CONT"
    record = places_of(pipeline, text)
    assert record.places == []  # adjectives are no place mentions of their own


def test_places_in_records_are_every_place_the_article_names(pipeline: Pipeline):
    text = ("BEIRUT — Damascus said on Monday that talks in Geneva had failed. Syria's foreign "
            "ministry blamed the opposition, and fighting continued near Aleppo.")
    record = places_of(pipeline, text)
    names = [(p.text, p.country) for p in record.places]
    assert ("BEIRUT", "LBN") in names and ("Geneva", "CHE") in names
    assert ("Aleppo", "SYR") in names
    assert ("Damascus", "SYR") in names and ("Syria", "SYR") in names  # acting, still named


def test_place_mentions_locational_keeps_places_named_as_places():
    from newsdossier.places.stage import PlacesStage
    from newsdossier.settings import SettingsError, load_settings

    located = Pipeline(load_settings().with_overrides(place_mentions="locational"))
    text = "Damascus said on Monday that talks in Geneva had failed."
    record = places_of(located, text)
    assert [p.text for p in record.places] == ["Geneva"]
    with pytest.raises(SettingsError, match="place_mentions"):
        PlacesStage(located.get_stage("places").gazetteer, "some")


def test_names_inside_other_names_are_no_places(pipeline: Pipeline):
    text = ("The Atlantic Council said the Islamic State of Iraq and the Levant had claimed "
            "the attack. Prices are quoted in U.S. dollars. Reporters at state news agency "
            "Tasnim and the Mahan Air pilots said Mahan flies twice a week.")
    record = places_of(pipeline, text)
    assert record.places == [], [(p.text, p.name) for p in record.places]
    doc = pipeline.nlp(text)
    toponyms = pipeline.get_stage("places").toponyms(doc, pipeline.apply_stages(
        doc, Article(id="p", text=text)))
    assert "Iraq" in [p.text for p in toponyms]  # the geoparsing sets' scheme keeps them


def test_a_major_place_the_model_tags_as_an_organisation(pipeline: Pipeline):
    text = "Edmonton police said the man was arrested."
    doc = pipeline.nlp(text)
    record = pipeline.apply_stages(doc, Article(id="p", text=text))
    toponyms = pipeline.get_stage("places").toponyms(doc, record)
    assert [(p.text, p.country) for p in toponyms] == [("Edmonton", "CAN")]


def test_facility_from_the_alias_table_and_event_location(pipeline: Pipeline):
    text = ("The US State Department said detainees were hanged at the Saydnaya military "
            "prison north of Damascus.")
    record = places_of(pipeline, text)
    prison = next(p for p in record.places if p.feature == "FAC")
    assert prison.text == "Saydnaya military prison" and prison.country == "SYR"
    hanged = next(e for e in record.events if e.trigger.text == "hanged")
    assert hanged.location == prison
    said = next(e for e in record.events if e.trigger.text == "said")
    assert said.location is None  # the place is the hanging's, not the statement's


def test_event_location_only_when_the_text_says_so(pipeline: Pipeline):
    record = places_of(pipeline, "Moscow said Ukrainian forces had attacked its troops.")
    assert all(e.location is None for e in record.events)  # never the speaker's capital
    record = places_of(pipeline, "In Geneva, the envoys met on Monday.")
    met = next(e for e in record.events if e.type == "CONSULT")
    assert met.location is not None and met.location.country == "CHE"
    record = places_of(pipeline, "Government forces shelled the market in El Obeid on "
                                 "Monday, killing 12 people.")
    shelled = next(e for e in record.events if e.trigger.text == "shelled")
    assert shelled.location is not None and shelled.location.country == "SDN"


def test_bad_input_for_places(pipeline: Pipeline):
    shouting = " ".join(["THE GOVERNOR OF TEXAS VISITED DALLAS AND HOUSTON TODAY."] * 50)
    record = places_of(pipeline, shouting)
    assert all(p.lat is not None for p in record.places)
    numbers = "\n".join(" | ".join(str(n * k) for k in range(12)) for n in range(200))
    assert places_of(pipeline, numbers).places == []
    german = ("Die Regierung in Berlin hat neue Sanktionen gegen Russland beschlossen, "
              "teilte ein Sprecher mit. Die Truppen wurden nach Litauen verlegt.")
    record = places_of(pipeline, german)
    assert record.places == [] and any("places: skipped" in n for n in record.notes)


def test_places_are_stored_and_exported(tmp_path: Path):
    corpus = tmp_path / "a.txt"
    corpus.write_text("Troops shelled the market in El Obeid, officials said.", "utf-8")
    db = tmp_path / "p.db"
    assert run_dossier("ingest", str(corpus), "--db", str(db)).returncode == 0
    exported = run_dossier("export", "--db", str(db), "--table", "places", "--format", "csv")
    assert exported.returncode == 0, exported.stderr
    assert "El Obeid" in exported.stdout and "SDN" in exported.stdout
    with sqlite3.connect(db) as conn:
        (name,) = conn.execute("SELECT location_name FROM events WHERE location_name IS NOT "
                               "NULL").fetchone()
    assert name == "El Obeid"


def test_dates_titles_and_function_words_are_no_places(pipeline: Pipeline):
    text = ("Talks resumed in August and again on Friday, March 13, officials in Kabul said. "
            "The minister wrote to the Secretary of Defense, according to The Herald, and "
            "the UN envoy agreed. The Sea was calm.")
    record = places_of(pipeline, text)
    assert [(p.text, p.country) for p in record.places] == [("Kabul", "AFG")]


def test_airport_codes_are_no_names_of_their_city(gazetteer: Gazetteer):
    assert gazetteer.candidates("The") == []
    assert "Seattle" not in [e.name for e in gazetteer.candidates("Sea")]
    assert gazetteer.candidates("NYC")[0].name == "New York City"  # an abbreviation news uses


def test_facilities_sit_at_the_town_they_are_named_after(pipeline: Pipeline):
    text = ("A rocket hit Kandahar International Airport on Tuesday, and a drone crashed near "
            "RAF Lakenheath.")
    record = places_of(pipeline, text)
    airport, base = record.places
    assert (airport.name, airport.feature, airport.country) == (
        "Kandahar International Airport", "FAC", "AFG")
    assert haversine_km(airport.lat, airport.lon, 31.61, 65.71) < 25
    assert base.text == "RAF Lakenheath" and base.country == "GBR"
    assert haversine_km(base.lat, base.lon, 52.42, 0.52) < 25


def test_organisation_entities_that_are_places(pipeline: Pipeline):
    text = ("The White House rejected the claim. The nerve agent was developed by the Soviet "
            "Union decades ago.")
    record = places_of(pipeline, text)
    names = {p.text: (p.country, p.feature) for p in record.places}
    assert names["White House"] == ("USA", "FAC")
    assert names["Soviet Union"] == ("SUN", "PCLI")  # a former country keeps its own code


def test_a_world_city_beats_a_small_namesake_without_local_evidence(pipeline: Pipeline):
    text = ("The State Department said US and Russian envoys would meet in Geneva next week "
            "to discuss the war in Syria.")
    assert resolved(pipeline, text, "Geneva").country == "CHE"
    local = ("Flooding closed roads in Geneva and nearby Ashtabula, the Ohio Department of "
             "Transportation said.")
    geneva = resolved(pipeline, local, "Geneva")
    assert geneva.country == "USA" and haversine_km(geneva.lat, geneva.lon, 41.8, -80.95) < 30


def test_a_region_named_like_its_main_city_means_the_city(pipeline: Pipeline):
    omsk = resolved(pipeline, "The bank is based in Omsk, its lawyers said.", "Omsk")
    assert omsk.feature == "PPL" and haversine_km(omsk.lat, omsk.lon, 54.99, 73.37) < 10
    quebec = resolved(pipeline, "Snow storms swept across Quebec on Monday.", "Quebec")
    assert quebec.feature == "ADM1"  # Quebec City holds a small share of the province


def test_a_small_namesake_needs_local_evidence(pipeline: Pipeline):
    text = "Protesters marched in Whitehall and in London, an American tourist said."
    record = places_of(pipeline, text)
    assert [p.text for p in record.places] == ["London"]  # not the Ohio town
    text = ("She grew up in the village of Castelfranci in southern Italy, her brother said "
            "in Boston.")
    village = resolved(pipeline, text, "Castelfranci")
    assert village is not None and village.country == "ITA"


def test_people_and_small_towns_named_like_organisations_are_no_places(pipeline: Pipeline):
    text = ("The wrestler Jon Huber died on Saturday, according to his wife, Amanda. Huber "
            "was 41, Forbes reported. The rally filled the South Lawn of the White House.")
    record = places_of(pipeline, text)
    assert [p.text for p in record.places] == ["White House"]


def test_a_state_name_means_the_state(pipeline: Pipeline):
    text = "Governors of California, Maryland, Florida and Vermont met in Washington."
    record = places_of(pipeline, text)
    states = {p.text: p.feature for p in record.places}
    assert all(states[name] == "ADM1" for name in ("California", "Maryland", "Florida",
                                                    "Vermont"))
    town = resolved(pipeline, "He worked at a clinic in London, Kentucky, for years.",
                    "London")
    assert town.country == "USA" and haversine_km(town.lat, town.lon, 37.13, -84.08) < 20


def test_a_generic_region_name_needs_its_country(pipeline: Pipeline):
    text = ("Protesters gathered in Victoria Park in Hong Kong and marched to the Central "
            "district, where police fired tear gas.")
    record = places_of(pipeline, text)
    assert all(p.country == "HKG" for p in record.places), [(p.text, p.country)
                                                           for p in record.places]


def test_a_name_modifying_a_regions_office_is_the_region(pipeline: Pipeline):
    state = resolved(pipeline, "Former New York Gov. Hugh Carey died on Monday.", "New York")
    assert state.feature == "ADM1"
    city = resolved(pipeline, "The Omsk mayor said the roads were closed.", "Omsk")
    assert city.feature == "PPL"  # a mayor is no office of a region


def test_a_person_noun_is_no_place(pipeline: Pipeline):
    record = places_of(pipeline, "It is exciting to be a Latina in the Nevada legislature.")
    assert [p.text for p in record.places] == ["Nevada"]


def test_a_company_named_like_a_town_is_no_place(pipeline) -> None:
    from newsdossier.model import Article

    record = pipeline.process(Article(id="t", text="Regulators opened an investigation "
                                      "into Toyota over its brakes.", published="2026-03-12"))
    assert [p.name for p in record.places if p.use == "place"] == []


def test_a_town_before_an_event_noun_is_where_not_who(pipeline) -> None:
    record = pipeline.process(Article(id="t", text="The Mosul car bombing killed nine people.",
                                      published="2026-03-12"))
    [attack] = [e for e in record.events if e.type == "ASSAULT"]
    assert attack.location is not None and attack.location.name == "Mosul"
    assert not [a for a in attack.source if a.code]
    strike = pipeline.process(Article(id="s", text="The US strike killed a general.",
                                      published="2026-03-12")).events
    assert [e.location for e in strike if e.type == "ASSAULT"] == [None]  # not "in the US"


def test_ground_taken_or_given_up_is_where_that_happened(pipeline: Pipeline):
    fell = places_of(pipeline, "Mali has been at war since the city of Timbuktu fell under "
                               "jihadist control in 2012.")
    [seized] = [e for e in fell.events if e.cameo == "192"]
    assert seized.location is not None and seized.location.name == "Timbuktu"
    retaken = places_of(pipeline, "Malian troops recaptured the town of Gao from the "
                                  "rebels on Monday.")
    [event] = [e for e in retaken.events if e.cameo == "192"]
    assert event.location is not None and event.location.name == "Gao"


def test_a_pronoun_taken_stands_for_the_town_its_clause_hangs_on(pipeline: Pipeline):
    since = places_of(pipeline, "Gunmen killed three traders in Timbuktu, Mali, on Monday. "
                                "Timbuktu has been quiet for years, since it was retaken "
                                "from the rebels in 2013.")
    [event] = [e for e in since.events if e.cameo == "192"]
    assert event.location is not None and event.location.name == "Timbuktu"


def test_a_name_resolved_once_is_the_same_place_when_named_again(pipeline: Pipeline):
    record = places_of(pipeline, "A bomb hit the port town of Mokha, Yemen. Mokha is a quiet "
                                 "place.")
    assert [p.start for p in record.places if p.text == "Mokha"] == [28, 42]
    assert len({(p.lat, p.lon) for p in record.places if p.text == "Mokha"}) == 1


def test_a_town_named_before_its_own_police_or_jury_is_a_place_whatever_its_tag(
        pipeline: Pipeline) -> None:
    for text, town in (("A teacher was arrested by Danbury police on Monday night.", "Danbury"),
                       ("An Alexandria court sentenced the activist to two years in prison.",
                        "Alexandria")):
        record = pipeline.process(Article(id="t", text=text, published="2026-03-12"))
        assert [p.name for p in record.places] == [town]
        [event] = record.events
        assert (event.location.name, event.location_basis) == (town, "actor-place")


def test_a_party_named_by_a_town_is_of_the_country_the_article_places_the_town_in(
        pipeline: Pipeline) -> None:
    record = pipeline.process(Article(
        id="t", published="2026-03-12",
        text="The woman was found dead in her home in Alexandria, Virginia, in December. On "
             "Monday, an Alexandria grand jury indicted a 31-year-old man on murder charges."))
    [indictment] = record.events
    assert [a.code for a in indictment.source] == ["USAJUD"]
    assert indictment.location.country == "USA"


def test_places_read_a_shared_town_as_the_article_reads_it(pipeline: Pipeline) -> None:
    text = "A 19-year-old man was arrested in Paris on Sunday afternoon, police said."
    local = pipeline.process(Article(id="t", text=text, published="2026-03-12",
                                     url="http://www.theparisnews.com/story/7"))
    assert [(p.name, p.country) for p in local.places] == [("Paris", "USA")]
    world = pipeline.process(Article(id="u", text=text, published="2026-03-12",
                                     url="http://www.example.com/story/7"))
    assert [(p.name, p.country) for p in world.places] == [("Paris", "FRA")]
