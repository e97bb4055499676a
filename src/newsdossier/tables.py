"""The data tables that ship with the package (TSV under data/), and the user's own files
layered over them: each as (name for messages, its lines), shipped ones first."""

from __future__ import annotations

from collections.abc import Sequence
from importlib import resources
from pathlib import Path


def table_sources(shipped: Sequence[str], extra_files: Sequence[str | Path],
                  error: type[Exception]) -> list[tuple[str, list[str]]]:
    """The lines of the shipped tables (paths under the package's data folder, named in
    messages by their file name) and then of each extra file; an unreadable extra file
    raises `error` naming it."""
    data = resources.files("newsdossier").joinpath("data")
    sources = [(Path(name).name, data.joinpath(name).read_text("utf-8").splitlines())
               for name in shipped]
    for extra in extra_files:
        try:
            sources.append((str(extra), Path(extra).read_text("utf-8").splitlines()))
        except OSError as exc:
            raise error(f"{extra}: {exc}") from exc
    return sources
