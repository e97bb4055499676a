"""Shared fixtures: one loaded pipeline per session, the shared data folder, CLI runners."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsdossier.evaluate import find_shared_dir
from newsdossier.pipeline import Pipeline
from newsdossier.settings import load_settings

REPO = Path(__file__).resolve().parents[1]
SHARED = find_shared_dir()
DOSSIER = [sys.executable, "-m", "newsdossier.cli"]


def shared_path(relative: str) -> Path:
    """A file under ../shared, or skip the test with the reason."""
    if SHARED is None:
        pytest.skip("../shared is absent (set DOSSIER_SHARED to run tests on the shared data)")
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"{path} is absent")
    return path


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline(load_settings())


@pytest.fixture(scope="session")
def nlp(pipeline: Pipeline):
    return pipeline.nlp


@pytest.fixture(scope="session")
def record_schema() -> dict:
    return json.loads((REPO / "src/newsdossier/schema/record-v1.schema.json").read_text())


def run_dossier(*args: str, stdin: str | bytes | None = None, cwd: Path | None = None,
                env: dict[str, str] | None = None, timeout: float = 300,
                ) -> subprocess.CompletedProcess[str]:
    """Run the real `dossier` CLI in a subprocess."""
    full_env = {**os.environ, "DOSSIER_PROGRESS": "never", **(env or {})}
    data = stdin.decode("utf-8", "replace") if isinstance(stdin, bytes) else stdin
    return subprocess.run(
        [*DOSSIER, *args], input=data, capture_output=True, text=True, cwd=cwd, env=full_env,
        timeout=timeout,
    )
