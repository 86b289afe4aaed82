"""The search has no models: its SQLite index is a virtual table made by its own
migration (search/sqlite_index.py). This module makes Django send the app the
``post_migrate`` signal, after which the index is written afresh (search/apps.py)."""
