"""Where the data lives: inside the package (`engine/data/`, which in a source checkout links to the
repository's `elements/`, `element_tables/`, `judgment_templates/`, `parameters/`), and, for the
evaluation commands of a source checkout only, the team corpus and ../shared/realdata.
"""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPOSITORY = PACKAGE_DIR.parent
DATA_ROOT = PACKAGE_DIR / "data" if (PACKAGE_DIR / "data" / "element_tables").is_dir() else REPOSITORY
PARAMETERS_DIR = DATA_ROOT / "parameters"
CORPUS_DIR = REPOSITORY / "corpus"
SHARED_DIR = REPOSITORY.parent / "shared"
