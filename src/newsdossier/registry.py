"""Registries through which stages, readers and evaluation adapters are found by name.

Modelled on spaCy's `catalogue` registries: a plugin package adds its own entries either by
calling `stages.register("name")` at import time or through the Python entry-point groups
`newsdossier_stages`, `newsdossier_readers` and `newsdossier_evaluators`.
"""

from __future__ import annotations

import catalogue

stages = catalogue.create("newsdossier", "stages", entry_points=True)
readers = catalogue.create("newsdossier", "readers", entry_points=True)
evaluators = catalogue.create("newsdossier", "evaluators", entry_points=True)
