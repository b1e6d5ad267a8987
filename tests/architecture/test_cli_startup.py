"""`yaosu` starts without the calculators: engine/cli.py builds `calc` only when a command line asks for it,
and `yaosu calc …` then behaves as the calculators' own command group does. Loading the system (what
`meta`, `validate`, `find`, `check-data` do) does not import spaCy: only extraction needs it."""

from __future__ import annotations

import json
import subprocess
import sys

from typer.testing import CliRunner

from engine.cli import app
from engine.law.cli import calc_app

runner = CliRunner()


def test_importing_the_command_line_imports_no_calculator_and_no_spacy() -> None:
    probe = "import sys, engine.cli; print([m for m in sorted(sys.modules) if m.startswith('engine.law') or m == 'spacy'])"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_loading_the_system_imports_no_spacy_until_an_answer_is_classified() -> None:
    probe = ("import sys\n"
             "from engine.system import default_system\n"
             "system = default_system()\n"
             "print('spacy' in sys.modules)\n"
             "system.casetypes['private_lending'].package.clause_classifier(['被告辩称借款已经全部还清了'])\n"
             "print('spacy' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "True"]


def test_yaosu_calc_runs_the_calculators_group() -> None:
    # 诉讼费用交纳办法第十三条：50,000元 → 50 + (50,000 − 10,000) × 2.5% = 1,050元；第十六条简易程序减半 → 525元
    args = ["fee", "--amount", "50000", "--procedure", "simple", "--json"]
    through_yaosu = runner.invoke(app, ["calc", *args])
    assert through_yaosu.exit_code == 0, through_yaosu.output
    assert json.loads(through_yaosu.stdout)["fee"] == "525.00"
    assert through_yaosu.stdout == runner.invoke(calc_app, args).stdout


def test_calc_is_listed_in_its_place_with_its_help() -> None:
    result = runner.invoke(app, ["--help"], terminal_width=200)
    assert result.exit_code == 0
    lines = [line.strip("│ ").split(None, 1) for line in result.stdout.splitlines() if line.startswith("│")]
    listed = [parts[0] for parts in lines if parts]
    assert listed[-3:] == ["calc", "user", "store"]
    assert "法律计算器：诉讼费、民间借贷利息、人身损害赔偿、劳动争议补偿。" in result.stdout
    usage = runner.invoke(app, ["calc", "--help"], terminal_width=200)
    assert usage.exit_code == 0 and "用法：yaosu calc [选项] 命令 [参数]..." in usage.stdout
    assert "fee" in usage.stdout and "--parameters" in usage.stdout
