"""The store suite runs on SQLite and on a throwaway PostgreSQL cluster started here.

The cluster: Debian's `initdb`/`pg_ctl` (package `postgresql`), a temporary directory, a unix socket
only (no TCP), a port of its own, fsync off. As root, `initdb` refuses to run, so the cluster is run
as the `postgres` system user. When PostgreSQL cannot start the PostgreSQL half is skipped locally,
and FAILS when `CI` is set (CI must never pass without having tested PostgreSQL).
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa


class PgCluster:
    def __init__(self, bindir: Path, root: Path, port: int, as_postgres: bool):
        self.bindir, self.root, self.port, self.as_postgres = bindir, root, port, as_postgres

    @property
    def socket_dir(self) -> str:
        return str(self.root)

    def url(self, dbname: str = "postgres", user: str = "postgres") -> str:
        return f"postgresql://{user}@/{dbname}?host={self.root}&port={self.port}"

    def admin(self) -> sa.Engine:
        return sa.create_engine(
            self.url().replace("postgresql://", "postgresql+psycopg://"), isolation_level="AUTOCOMMIT"
        )

    def new_database(self) -> str:
        name = "vc_" + uuid.uuid4().hex[:12]
        eng = self.admin()
        with eng.connect() as c:
            c.exec_driver_sql(f'CREATE DATABASE "{name}"')
        eng.dispose()
        return self.url(name)


def _run(cmd: list[str], as_postgres: bool) -> subprocess.CompletedProcess[str]:
    if as_postgres:
        cmd = ["runuser", "-u", "postgres", "--", *cmd]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)


def _unavailable(why: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"PostgreSQL could not start (CI requires it): {why}", pytrace=False)
    pytest.skip(f"PostgreSQL not available: {why}")


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        _unavailable("no /usr/lib/postgresql/*/bin/initdb (apt-get install postgresql)")
    bindir = Path(found[-1]).parent
    as_postgres = os.geteuid() == 0
    root = Path(tempfile.mkdtemp(prefix="vc-store-pg-"))
    if as_postgres:
        shutil.chown(root, "postgres", "postgres")
    data = root / "data"
    port = 55000 + os.getpid() % 5000
    r = _run(
        [
            str(bindir / "initdb"),
            "-D",
            str(data),
            "-A",
            "trust",
            "-U",
            "postgres",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync",
        ],
        as_postgres,
    )
    if r.returncode != 0:
        shutil.rmtree(root, ignore_errors=True)
        _unavailable(f"initdb: {r.stderr.strip()[-300:]}")
    opts = f"-k {root} -p {port} -c listen_addresses='' -c fsync=off -c full_page_writes=off"
    r = _run(
        [str(bindir / "pg_ctl"), "-D", str(data), "-o", opts, "-l", str(root / "log"), "-w", "start"],
        as_postgres,
    )
    if r.returncode != 0:
        log = (root / "log").read_text(errors="replace")[-300:] if (root / "log").exists() else ""
        shutil.rmtree(root, ignore_errors=True)
        _unavailable(f"pg_ctl start: {r.stderr.strip()[-300:]} {log}")
    try:
        yield PgCluster(bindir, root, port, as_postgres)
    finally:
        _run([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"], as_postgres)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database on each engine: a SQLite path or a PostgreSQL URL."""
    if request.param == "sqlite":
        return str(tmp_path / "data" / "vc.db")
    cluster: PgCluster = request.getfixturevalue("pg_cluster")
    return cluster.new_database()
