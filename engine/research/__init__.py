"""Research and batch work: many cases at once, de-identified exports, reports, similar cases."""
