"""yaosu (要素): element-style judgment drafting for the demonstration-zone courts.

Reading order for a newcomer, following one pleading to a .docx:
  engine/elements/dictionary.py  - element definitions and tables (data in elements/, element_tables/)
  engine/extraction/             - pleading text -> element values with evidence
  engine/case/merge.py           - complaint + answer -> case file with agreed/disputed status
  engine/law/                    - dated legal parameters and calculators
  engine/drafting/context.py     - case file + court profile -> judgment content
  engine/drafting/render.py      - judgment content -> .docx / HTML / text
  engine/cli.py                  - the `yaosu` command
"""

__version__ = "0.1.0"
