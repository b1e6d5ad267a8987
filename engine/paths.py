"""Where the data folders live. Data stays out of the package, beside it in the repository."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ELEMENTS_DIR = ROOT / "elements"
TABLES_DIR = ROOT / "element_tables"
TEMPLATES_DIR = ROOT / "judgment_templates"
PARAMETERS_DIR = ROOT / "parameters"
CORPUS_DIR = ROOT / "corpus"
SHARED_DIR = ROOT.parent / "shared"
