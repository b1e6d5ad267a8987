"""`yaosu serve`: the web form and JSON API for judges (FastAPI + SQLAlchemy)."""
