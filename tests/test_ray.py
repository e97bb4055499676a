"""The Ray engine on a real local Ray cluster: a head and a worker node on this host.

(Ray itself turns a loopback address into the host's own, so the nodes talk over that
address; nothing leaves the machine.)"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsdossier.pipeline import Pipeline
from newsdossier.runner import ingest_paths
from newsdossier.settings import load_settings
from newsdossier.store import Store

ray = pytest.importorskip("ray", reason="the [ray] extra is not installed")

from test_parallel import _demo_rows, _rows  # noqa: E402

SHARDING = {"DOSSIER_SHARD_ARTICLES": "4", "DOSSIER_SHARDS_PER_ROUND": "2",
            "DOSSIER_BATCH_SIZE": "4", "DOSSIER_PROGRESS": "never"}


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    """Two Ray nodes of one CPU each, so the two extraction actors must sit on both."""
    from ray.cluster_utils import Cluster

    nodes = Cluster(initialize_head=True, head_node_args={
        "num_cpus": 1, "include_dashboard": False})
    nodes.add_node(num_cpus=1)
    nodes.wait_for_nodes()
    yield nodes.address
    nodes.shutdown()


def _node_ids(address: str) -> set[str]:
    script = (f"import ray; ray.init(address={address!r}, logging_level='ERROR'); "
              "print(' '.join(n['NodeID'] for n in ray.nodes() if n['Alive']))")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=120, check=True)
    return set(result.stdout.split())


def _nodes_in_output(shards: Path) -> set[str]:
    import pyarrow.parquet as pq

    return {node for file in (shards / "output").rglob("*.parquet")
            for node in pq.read_table(file, columns=["node"]).column("node").to_pylist()}


def _dossier(*args: str) -> list[str]:
    return [sys.executable, "-m", "newsdossier.cli", *args]


def test_ray_engine_killed_and_resumed_equals_the_local_engine(cluster: str, tmp_path: Path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(_demo_rows(24)) + "\n", encoding="utf-8")
    environment = {**os.environ, **SHARDING}
    settings = load_settings().with_overrides(batch_size=4)
    reference = tmp_path / "local.db"
    with Store(reference) as store:
        ingest_paths([str(corpus)], store, Pipeline(settings))

    db, shards = tmp_path / "ray.db", tmp_path / "job-shards"
    command = _dossier("ingest", "--engine", "ray", "--address", cluster, "--shards",
                       str(shards), "--db", str(db), str(corpus))
    run = subprocess.Popen(command, env=environment, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 240
    while not list((shards / "output").glob("*.done.json")) and run.poll() is None:
        assert time.monotonic() < deadline, "no round finished in time"
        time.sleep(0.1)
    assert run.poll() is None, "the job ended before it could be killed"
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    finished = len(list((shards / "output").glob("*.done.json")))
    assert 1 <= finished < 3  # 6 input shards, 2 a round

    resumed = subprocess.run(command, env=environment, capture_output=True, text=True,
                             timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    assert "24 new, 0 already stored, 0 failed" in resumed.stderr
    assert len(list((shards / "output").glob("*.done.json"))) == 3
    assert _rows(db) == _rows(reference)

    cluster_nodes = _node_ids(cluster)
    assert len(cluster_nodes) == 2
    assert _nodes_in_output(shards) == cluster_nodes  # both nodes extracted

    merged = tmp_path / "merged.db"
    loaded = subprocess.run(_dossier("load", str(shards), "--db", str(merged)),
                            env=environment, capture_output=True, text=True, timeout=300)
    assert "24 new, 0 already stored, 0 failed (from 3 finished rounds)" in loaded.stderr
    assert _rows(merged) == _rows(reference)
    again = subprocess.run(command, env=environment, capture_output=True, text=True,
                           timeout=300)
    assert "0 new, 24 already stored, 0 failed" in again.stderr, again.stderr


def test_load_refuses_a_folder_without_shards(tmp_path: Path):
    result = subprocess.run(_dossier("load", str(tmp_path), "--db", str(tmp_path / "x.db")),
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert result.stderr.strip().endswith("no job shards here (no input/ or output/ folder)")


def test_a_shard_folder_of_another_job_is_refused(cluster: str, tmp_path: Path):
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text("\n".join(_demo_rows(2)) + "\n", encoding="utf-8")
    second.write_text("\n".join(_demo_rows(3)) + "\n", encoding="utf-8")
    environment = {**os.environ, **SHARDING}
    shards = tmp_path / "shared-shards"
    for corpus in (first, second):
        result = subprocess.run(_dossier("ingest", "--engine", "ray", "--address", cluster,
                                         "--shards", str(shards), "--db",
                                         str(tmp_path / "y.db"), str(corpus)),
                                env=environment, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert "holds a job for other inputs" in result.stderr
