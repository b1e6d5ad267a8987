"""Law as data: dated legal parameters (parameters/) and pure calculators returning CalcResult.

Importing this package registers every calculator in engine.registry (litigation_fee.v1, …).
"""

from engine.law import fee, injury, interest, labor, late_performance  # noqa: F401  (registration)
from engine.law.result import CalcResult

__all__ = ["CalcResult"]
