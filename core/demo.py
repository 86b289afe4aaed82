"""Helpers for each app's ``demo.py``, which ``manage.py load_demo`` runs in turn.

Demo data is written as JSON with one value per language: ``{"de": …, "en": …}``.
Loading uses ``get_or_create`` on a stable key, so a second run changes
nothing and never overwrites what the office has edited since.
"""

import json
from pathlib import Path

from django.conf import settings
from modeltranslation.utils import build_localized_fieldname


def read_json(app_file, name):
    """Read ``demo/<name>`` beside the calling app's ``demo.py``."""
    path = Path(app_file).resolve().parent / "demo" / name
    return json.loads(path.read_text(encoding="utf-8"))


def translated(field_name, values):
    """``{"de": "Titel", "en": "Title"}`` → ``{"title_de": "Titel", "title_en": "Title"}``."""
    return {
        build_localized_fieldname(field_name, code): values.get(code, "")
        for code, _name in settings.LANGUAGES
    }


def translated_fields(data, field_names):
    """All translated fields of one record, for ``defaults=`` of ``get_or_create``."""
    result = {}
    for field_name in field_names:
        if field_name in data:
            result.update(translated(field_name, data[field_name]))
    return result
