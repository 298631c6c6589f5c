"""Issue 12 item 2: `vergoedingcheck teams list|add|assign|unassign`, on both engines. On SQLite one
implicit team (`standaard`): `list` shows it and says so, the changes exit 2 with the reason. On
PostgreSQL the administrator manages teams; a coordinator is refused (exit 2, no traceback)."""

from __future__ import annotations

import uuid
from datetime import date

import pytest

from vergoedingcheck.cli import main
from vergoedingcheck.model import Benefit
from vergoedingcheck.store import ResidentRecord, Store, StoreError


def resident(rid: str) -> ResidentRecord:
    return ResidentRecord(
        rid, name=f"Bewoner {rid}", birth_date=date(1980, 1, 1), benefits=(Benefit("bijstand"),)
    )


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["teams", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_sqlite_has_one_team_and_says_so(tmp_path: object, capsys: pytest.CaptureFixture[str]) -> None:
    db = f"{tmp_path}/vc.db"
    with Store(db) as s:
        s.add_resident(resident("R1"))
        s.add_resident(resident("R2"))
    code, out, _ = run(capsys, "list", "--db", db)
    assert code == 0
    assert out.splitlines()[0] == "standaard (Standaard): 2 bewoners"
    assert "SQLite heeft één team" in out
    for args in (["add", "noord"], ["assign", "R1", "noord"], ["unassign", "R1", "standaard"]):
        code, out, err = run(capsys, *args, "--db", db)
        assert (code, out) == (2, "")
        assert err.startswith("vergoedingcheck: SQLite heeft één team (standaard)") and "Traceback" not in err


def test_the_administrator_adds_assigns_and_unassigns(
    pg_cluster: object, capsys: pytest.CaptureFixture[str]
) -> None:
    url = pg_cluster.new_database()  # type: ignore[attr-defined]
    with Store(url) as admin:
        admin.add_resident(resident("R1"))
    assert run(capsys, "add", "noord", "--name", "Team Noord", "--db", url)[:2] == (
        0,
        "team noord toegevoegd\n",
    )
    code, _, err = run(capsys, "add", "noord", "--db", url)
    assert code == 2 and "er is al een team noord" in err
    assert run(capsys, "assign", "R1", "noord", "--db", url)[:2] == (0, "bewoner R1 zit nu in team noord\n")
    assert run(capsys, "assign", "R1", "noord", "--db", url)[:2] == (0, "bewoner R1 zat al in team noord\n")
    code, out, _ = run(capsys, "list", "--db", url)
    # R1 joined `standaard` when it was added (the default team) and `noord` now
    assert out.splitlines() == ["noord (Team Noord): 1 bewoner", "standaard (Standaard): 1 bewoner"]
    code, _, err = run(capsys, "assign", "R9", "noord", "--db", url)
    assert code == 2 and "bewoner R9 bestaat niet" in err
    code, _, err = run(capsys, "assign", "R1", "zuid", "--db", url)
    assert code == 2 and "er is geen team zuid" in err
    assert run(capsys, "unassign", "R1", "standaard", "--db", url)[0] == 0
    code, _, err = run(capsys, "unassign", "R1", "noord", "--db", url)
    assert code == 2 and "het laatste team" in err  # nobody would see R1 any more
    with Store(url) as admin:
        assert admin.teams_of("R1") == ["noord"]


def test_a_coordinator_lists_their_own_and_cannot_change_teams(
    pg_cluster: object, capsys: pytest.CaptureFixture[str]
) -> None:
    url = pg_cluster.new_database()  # type: ignore[attr-defined]
    dbname = url.split("/")[3].split("?")[0]
    role = f"vc_a_{uuid.uuid4().hex[:6]}"
    with Store(url) as admin:
        with admin.engine.connect() as c:
            c.exec_driver_sql(f'CREATE ROLE "{role}" LOGIN')
            c.commit()
        admin.grant_team(role, "A")
        for rid in ("A1", "B1"):
            admin.add_resident(resident(rid))
        admin.set_teams("A1", ["A"])
        admin.set_teams("B1", ["B"])
    mine = pg_cluster.url(dbname, user=role)  # type: ignore[attr-defined]
    code, out, _ = run(capsys, "list", "--db", mine)
    assert code == 0
    # team B's resident is not counted for A's coordinator
    assert out.splitlines() == [
        f"A: 1 bewoner · {role}",
        "B: 0 bewoners",
        "standaard (Standaard): 0 bewoners",
    ]
    for args in (["add", "C"], ["assign", "A1", "B"], ["unassign", "A1", "A"]):
        code, out, err = run(capsys, *args, "--db", mine)
        assert code == 2 and out == "" and "Traceback" not in err, args


def test_the_administrator_grants_and_revokes_a_role(
    pg_cluster: object, capsys: pytest.CaptureFixture[str]
) -> None:
    """`teams grant ROL TEAM [--alleen-lezen]` and `teams revoke ROL TEAM`: the role then sees the
    team's residents (and no others); a role or a team that does not exist is refused with exit 2
    and nothing is created; after the last revoke the role reads nothing at all."""
    url = pg_cluster.new_database()  # type: ignore[attr-defined]
    dbname = url.split("/")[3].split("?")[0]
    role = f"vc_g_{uuid.uuid4().hex[:6]}"
    with Store(url) as admin:
        with admin.engine.connect() as c:
            c.exec_driver_sql(f'CREATE ROLE "{role}" LOGIN')
            c.commit()
        admin.add_team("noord")
        for rid in ("N1", "Z1"):
            admin.add_resident(resident(rid))
        admin.set_teams("N1", ["noord"])
    code, _, err = run(capsys, "grant", "vc_nobody_here", "noord", "--db", url)
    assert code == 2 and "er is geen PostgreSQL-rol vc_nobody_here" in err and "Traceback" not in err
    code, _, err = run(capsys, "grant", role, "nord", "--db", url)  # a typing error in the team
    assert code == 2 and "er is geen team nord" in err
    with Store(url) as admin:
        assert [tid for tid, *_ in admin.team_list()] == ["noord", "standaard"]  # no team "nord"
    assert run(capsys, "grant", role, "noord", "--alleen-lezen", "--db", url)[:2] == (
        0,
        f"rol {role} mag lezen in team noord\n",
    )
    mine = pg_cluster.url(dbname, user=role)  # type: ignore[attr-defined]
    with Store(mine) as s:
        assert [r.id for r in s.residents()] == ["N1"]
        with pytest.raises(StoreError):
            s.add_resident(resident("N2"))  # read-only
    assert run(capsys, "grant", role, "noord", "--db", url)[0] == 0  # now as an editor
    with Store(mine) as s:
        s.add_resident(resident("N2"))
    code, out, _ = run(capsys, "revoke", role, "noord", "--db", url)
    assert (code, out) == (0, f"rol {role} is geen lid meer van team noord\n")
    code, _, err = run(capsys, "revoke", role, "noord", "--db", url)
    assert code == 2 and f"rol {role} is geen lid van team noord" in err
    with pytest.raises(StoreError), Store(mine) as s:
        s.residents()  # no grants left: refused, opening or reading
