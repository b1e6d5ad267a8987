"""Element dictionary, element tables, the pydantic models and JSON Schema derived from them."""
