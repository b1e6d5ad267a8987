"""The case file: one case as the judge works on it (pleadings, merged elements, findings)."""
