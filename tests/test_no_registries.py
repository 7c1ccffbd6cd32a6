"""No module in bot/ or summarizer/ keeps run-time state in a module-level container or a ``global``.

Runtime state (publishers, the scheduler's runtime, lock tables) belongs to the objects the composition
root builds, so tests build their own and nothing needs resetting. The check reads the source: a
module-level dict/list/set (or defaultdict, deque …) that any function mutates — in its own module,
through ``from m import NAME`` or through ``m.NAME`` — fails, as does any ``global`` statement. Tables
built once at import time are data and pass.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("bot", "summarizer")
CONTAINER_CALLS = {"dict", "list", "set", "defaultdict", "OrderedDict", "Counter", "deque", "WeakValueDictionary"}
CONTAINER_NODES = (ast.Dict, ast.List, ast.Set, ast.DictComp, ast.ListComp, ast.SetComp)
MUTATORS = {
    "append", "extend", "insert", "add", "update", "setdefault", "clear", "pop", "popitem", "remove",
    "discard", "appendleft", "popleft", "difference_update", "intersection_update", "__setitem__",
}  # fmt: skip
# Module-level state that decides nothing, each with why it may stay.
ALLOWED = {
    "summarizer.analysis.analyse: mutates module-level _parsed": "a count of parses that tests and benchmarks read",
}


def _modules() -> dict[str, ast.Module]:
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
            found[name] = ast.parse(path.read_text(encoding="utf-8"), str(path))
    return found


def _is_container(value: ast.expr | None) -> bool:
    if isinstance(value, CONTAINER_NODES):
        return True
    if isinstance(value, ast.Call):
        func = value.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        return name in CONTAINER_CALLS
    return False


def module_containers(tree: ast.Module) -> set[str]:
    names = set()
    for node in tree.body:
        if isinstance(node, ast.Assign) and _is_container(node.value):
            names |= {t.id for t in node.targets if isinstance(t, ast.Name)}
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and _is_container(node.value):
            names.add(node.target.id)
    return names


def _locals(func: ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda) -> set[str]:
    names = {a.arg for a in [*func.args.posonlyargs, *func.args.args, *func.args.kwonlyargs]}
    names |= {a.arg for a in (func.args.vararg, func.args.kwarg) if a is not None}
    for node in ast.walk(func):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
    return names


def _mutated(node: ast.AST) -> ast.expr | None:
    """The container expression ``node`` mutates, if it is a mutation."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in MUTATORS:
        return node.func.value
    targets: list[ast.expr] = []
    if isinstance(node, ast.Assign | ast.Delete):
        targets = list(node.targets)
    elif isinstance(node, ast.AugAssign | ast.AnnAssign):
        targets = [node.target]
    for target in targets:
        if isinstance(target, ast.Subscript):
            return target.value
    return None


def violations(modules: dict[str, ast.Module]) -> list[str]:
    containers = {name: module_containers(tree) for name, tree in modules.items()}
    found = []
    for name, tree in modules.items():
        imported: dict[str, str] = {}  # local name -> "module.NAME" of a container, or "module" for a module alias
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                for alias in node.names:
                    local = alias.asname or alias.name
                    if alias.name in containers.get(node.module, set()):
                        imported[local] = f"{node.module}.{alias.name}"
                    elif f"{node.module}.{alias.name}" in containers:
                        imported[local] = f"{node.module}.{alias.name}"
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name in containers:
                        imported[alias.asname or alias.name] = alias.name
        for node in ast.walk(tree):
            if isinstance(node, ast.Global):
                found.append(f"{name}:{node.lineno}: global {', '.join(node.names)}")
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                continue
            local = _locals(node)
            for inner in ast.walk(node):
                target = _mutated(inner)
                if isinstance(target, ast.Name) and target.id not in local:
                    if target.id in containers[name]:
                        found.append(f"{name}:{inner.lineno}: mutates module-level {target.id}")
                    elif "." in imported.get(target.id, "") and imported[target.id] not in containers:
                        found.append(f"{name}:{inner.lineno}: mutates {imported[target.id]}")
                elif isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name):
                    owner = imported.get(target.value.id, "")
                    if target.attr in containers.get(owner, set()):
                        found.append(f"{name}:{inner.lineno}: mutates {owner}.{target.attr}")
    return sorted(set(found), key=lambda line: (line.split(":")[0], int(line.split(":")[1])))


def test_no_module_keeps_run_time_state_in_a_global() -> None:
    found = [v for v in violations(_modules()) if _without_line(v) not in ALLOWED]
    assert found == []


def _without_line(violation: str) -> str:
    module, _line, what = violation.split(":", 2)
    return f"{module}:{what}"


def test_the_check_catches_the_registries_it_replaced() -> None:
    """The publishers registry, the runtime set with ``global`` and the lock table the check was written for."""
    jobs = ast.parse(
        "PUBLISHERS: dict[str, object] = {}\n_runtime = None\n"
        "def configure(runtime):\n    global _runtime\n    _runtime = runtime\n"
    )
    setup = ast.parse(
        "from bot.scheduler import jobs\n"
        "def start(publishers):\n    jobs.PUBLISHERS.clear()\n    jobs.PUBLISHERS.update(publishers)\n"
    )
    store = ast.parse("_LOCKS = {}\ndef lock_for(path):\n    return _LOCKS.setdefault(path, object())\n")
    app = ast.parse("from bot.scheduler.jobs import PUBLISHERS\ndef on_start(p):\n    PUBLISHERS['discord'] = p\n")
    found = violations(
        {"bot.scheduler.jobs": jobs, "bot.scheduler.setup": setup, "bot.config.store": store, "bot.app": app}
    )
    assert found == [
        "bot.app:3: mutates bot.scheduler.jobs.PUBLISHERS",
        "bot.config.store:3: mutates module-level _LOCKS",
        "bot.scheduler.jobs:4: global _runtime",
        "bot.scheduler.setup:3: mutates bot.scheduler.jobs.PUBLISHERS",
        "bot.scheduler.setup:4: mutates bot.scheduler.jobs.PUBLISHERS",
    ]


def test_a_table_built_at_import_and_a_local_of_the_same_name_pass() -> None:
    tree = ast.parse(
        "TABLE = {}\nTABLE['a'] = 1\nfor k in 'bc':\n    TABLE[k] = 2\n"
        "def f():\n    TABLE = {}\n    TABLE['x'] = 1\n    return TABLE\n"
    )
    assert violations({"summarizer.table": tree}) == []
