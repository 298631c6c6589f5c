"""A small mutation run over the engine: `make mutants` (not part of `make test`: too slow).

Mutation points are found generically with `ast` over every file of `src/vergoedingcheck/engine/`
and `money.py` (no line numbers are hard-coded, so the engine's split into regime modules does not
break it). Operators, each applied one at a time to a temporary copy of the checkout:

- comparison flips: `<`<->`<=`, `>`<->`>=`, `==`<->`!=`
- off by one: an integer constant `n` -> `n + 1`
- dropping a term: `a + b` -> `a`, `a - b` -> `a`
- rounding: `ROUND_HALF_UP` <-> `ROUND_HALF_EVEN`, `ROUND_DOWN` <-> `ROUND_UP`
- removing a `continue` (replaced by `pass`)
- `and` <-> `or`

For each mutant the fast subset (engine tests and the scenario cases, `-x`, a timeout) runs; a
mutant is killed when it fails. The run reports the share killed and lists every survivor with
file, line and the change. The worktree is never modified.

    python tools/mutants.py [--limit N] [--seed S] [--timeout SECONDS] [--only SUBSTRING]
"""

from __future__ import annotations

import argparse
import ast
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGETS = [
    *sorted((ROOT / "src/vergoedingcheck/engine").rglob("*.py")),
    ROOT / "src/vergoedingcheck/money.py",
]
TESTS = ["tests/engine", "tests/rules/test_rules_cases.py", "tests/test_money.py", "tests/test_golden.py"]

DESELECT: list[str] = []  # --deselect NODEID: a test already red on the unmutated code

CMP_FLIP: dict[type, type] = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
}
ROUND_SWAP = {
    "ROUND_HALF_UP": "ROUND_HALF_EVEN",
    "ROUND_HALF_EVEN": "ROUND_HALF_UP",
    "ROUND_DOWN": "ROUND_UP",
    "ROUND_UP": "ROUND_DOWN",
}


@dataclass(frozen=True)
class Mutant:
    file: Path
    index: int  # the n-th mutation point of this kind in the file (in ast.walk order)
    kind: str
    line: int
    what: str


def _decorator_nodes(tree: ast.AST) -> set[int]:
    """Nodes inside decorators (`@lru_cache(maxsize=8192)`): a cache size changes speed, never a
    result, so mutating it only yields equivalent mutants."""
    ids: set[int] = set()
    for fn in ast.walk(tree):
        if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            for d in fn.decorator_list:
                ids.update(id(n) for n in ast.walk(d))
    return ids


def _points(tree: ast.AST) -> list[tuple[str, ast.AST, str]]:
    out: list[tuple[str, ast.AST, str]] = []
    skip = _decorator_nodes(tree)
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Compare) and len(node.ops) == 1 and type(node.ops[0]) in CMP_FLIP:
            a, b = type(node.ops[0]).__name__, CMP_FLIP[type(node.ops[0])].__name__
            out.append(("cmp", node, f"{a} -> {b}"))
        elif isinstance(node, ast.Constant) and type(node.value) is int and node.value not in (0,):
            out.append(("int", node, f"{node.value} -> {node.value + 1}"))
        elif isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub)):
            out.append(("term", node, f"drop the right operand of {type(node.op).__name__}"))
        elif isinstance(node, ast.Name) and node.id in ROUND_SWAP:
            out.append(("round", node, f"{node.id} -> {ROUND_SWAP[node.id]}"))
        elif isinstance(node, ast.Attribute) and node.attr in ROUND_SWAP:
            out.append(("round", node, f"{node.attr} -> {ROUND_SWAP[node.attr]}"))
        elif isinstance(node, ast.Continue):
            out.append(("continue", node, "continue -> pass"))
        elif isinstance(node, ast.BoolOp):
            a = type(node.op).__name__
            out.append(("bool", node, f"{a} -> {'Or' if a == 'And' else 'And'}"))
    return out


def discover() -> list[Mutant]:
    out: list[Mutant] = []
    for f in TARGETS:
        tree = ast.parse(f.read_text(encoding="utf-8"))
        for i, (kind, node, what) in enumerate(_points(tree)):
            out.append(Mutant(f, i, kind, getattr(node, "lineno", 0), what))
    return out


class _Apply(ast.NodeTransformer):
    def __init__(self, target: int):
        self.target = target

    def mutate(self, tree: ast.AST) -> ast.AST:
        pts = _points(tree)
        kind, node, _ = pts[self.target]
        if kind == "cmp":
            assert isinstance(node, ast.Compare)
            node.ops = [CMP_FLIP[type(node.ops[0])]()]
        elif kind == "int":
            assert isinstance(node, ast.Constant)
            node.value = node.value + 1
        elif kind == "term":
            assert isinstance(node, ast.BinOp)
            return _replace(tree, node, node.left)
        elif kind == "round":
            if isinstance(node, ast.Name):
                node.id = ROUND_SWAP[node.id]
            else:
                assert isinstance(node, ast.Attribute)
                node.attr = ROUND_SWAP[node.attr]
        elif kind == "continue":
            return _replace(tree, node, ast.Pass())
        elif kind == "bool":
            assert isinstance(node, ast.BoolOp)
            node.op = ast.Or() if isinstance(node.op, ast.And) else ast.And()
        return tree


def _replace(tree: ast.AST, old: ast.AST, new: ast.AST) -> ast.AST:
    class R(ast.NodeTransformer):
        def generic_visit(self, node: ast.AST) -> ast.AST:
            if node is old:
                return ast.copy_location(new, old)
            return super().generic_visit(node)

    return R().visit(tree)


def run_tests(cwd: Path, timeout: float) -> bool:
    """True when the fast subset passes (the mutant survives)."""
    cmd = [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", "--no-cov", *TESTS]
    cmd += [f"--deselect={d}" for d in DESELECT]
    try:
        r = subprocess.run(cmd, cwd=cwd, capture_output=True, timeout=timeout, env=_env(cwd))
    except subprocess.TimeoutExpired:
        return False  # a mutant that hangs the tests is caught (by the timeout)
    if r.returncode == 4 or b"unrecognized arguments: --no-cov" in r.stderr:
        cmd.remove("--no-cov")
        r = subprocess.run(cmd, cwd=cwd, capture_output=True, timeout=timeout, env=_env(cwd))
    return r.returncode == 0


def _env(cwd: Path) -> dict[str, str]:
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith("VERGOEDINGCHECK_")}
    env["PYTHONPATH"] = str(cwd / "src")
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=40, help="at most this many mutants (sampled)")
    ap.add_argument("--seed", type=int, default=8, help="sample seed (reproducible runs)")
    ap.add_argument("--timeout", type=float, default=300, help="seconds per mutant")
    ap.add_argument("--only", default="", help="only files whose path contains this")
    ap.add_argument("--deselect", action="append", default=[], help="pytest node id to skip")
    args = ap.parse_args(argv)
    DESELECT.extend(args.deselect)
    mutants = [m for m in discover() if args.only in str(m.file)]
    total_points = len(mutants)
    if args.limit and len(mutants) > args.limit:
        mutants = sorted(
            random.Random(args.seed).sample(mutants, args.limit), key=lambda m: (str(m.file), m.line)
        )
    print(f"{total_points} mutation points; running {len(mutants)}", flush=True)
    with tempfile.TemporaryDirectory(prefix="vc-mutants-") as tmp:
        work = Path(tmp) / "wt"
        shutil.copytree(
            ROOT, work, ignore=shutil.ignore_patterns(".venv", ".git", "build", "__pycache__", ".*cache")
        )
        if (ROOT.parent / "shared").is_dir() and not (work.parent / "shared").exists():
            (work.parent / "shared").symlink_to(ROOT.parent / "shared")
        if not run_tests(work, args.timeout * 2):
            print("the unmutated code fails the fast subset: fix that first", file=sys.stderr)
            return 2
        survivors: list[Mutant] = []
        killed = 0
        for n, m in enumerate(mutants, 1):
            rel = m.file.relative_to(ROOT)
            dst = work / rel
            original = m.file.read_text(encoding="utf-8")
            tree = _Apply(m.index).mutate(ast.parse(original))
            dst.write_text(ast.unparse(ast.fix_missing_locations(tree)), encoding="utf-8")
            t0 = time.monotonic()
            survived = run_tests(work, args.timeout)
            dst.write_text(original, encoding="utf-8")
            verdict = "SURVIVED" if survived else "killed"
            print(
                f"[{n}/{len(mutants)}] {verdict:8} {rel}:{m.line} {m.kind}: {m.what} "
                f"({time.monotonic() - t0:.0f}s)",
                flush=True,
            )
            if survived:
                survivors.append(m)
            else:
                killed += 1
    share = killed / len(mutants) if mutants else 1.0
    print(f"\nmutation score: {killed}/{len(mutants)} killed ({share:.0%})")
    for m in survivors:
        print(f"  survivor: {m.file.relative_to(ROOT)}:{m.line} {m.kind}: {m.what}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
