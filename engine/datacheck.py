"""`yaosu check-data`: every data file under a root checked against its schema, problems listed.

The same models that load the data (engine/elements/schema.py, engine/drafting/courts.py, the parameter
loader) check it, so what `check-data` accepts is exactly what the system loads.
"""

from __future__ import annotations

from pathlib import Path

from engine.errors import YaosuError


def _parameter_problems(folder: Path) -> list[str]:
    from engine.law import parameters

    check = getattr(parameters, "check_parameters", None)
    if check is not None:
        return list(check(folder))
    problems = []
    for path in sorted(folder.glob("*.yaml")):
        try:
            parameters.load_yaml(path)
        except YaosuError as exc:
            problems.append(exc.message)
    return problems


def check_data_tree(root: Path) -> list[str]:
    """Every problem of the data under `root` (empty when it loads cleanly)."""
    from engine.system import read_system

    if not root.is_dir():
        return [f"{root}：数据根目录不存在"]
    try:
        _, problems = read_system(root)
    except YaosuError as exc:
        problems = [exc.message]
    if (root / "parameters").is_dir():
        problems += _parameter_problems(root / "parameters")
    else:
        problems.append(f"{root}：缺少数据文件夹 parameters/")
    return problems
