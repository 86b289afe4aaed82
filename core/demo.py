"""Helpers for each app's ``demo.py``, which ``manage.py load_demo`` runs in turn.

Demo data is written as JSON with one value per language: ``{"de": …, "en": …}``.
Loading uses ``get_or_create`` on a stable key, so a second run changes
nothing and never overwrites what the office has edited since.
"""

import io
import json
import random
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from modeltranslation.utils import build_localized_fieldname
from PIL import Image, ImageDraw

from .images import image_model


def read_json(app_file, name):
    """Read ``demo/<name>`` beside the calling app's ``demo.py``."""
    path = Path(app_file).resolve().parent / "demo" / name
    return json.loads(path.read_text(encoding="utf-8"))


def translated(field_name, values):
    """``{"de": "Titel", "en": "Title"}`` → ``{"title_de": "Titel", "title_en": "Title"}``.

    A plain string is the same in every language: a name that nobody translates.
    """
    if isinstance(values, str):
        values = dict.fromkeys((code for code, _name in settings.LANGUAGES), values)
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


# The site's own colours (static/css/site.css) and a few friendly ones beside them.
COLOURS = ["#8a1538", "#0b5e6b", "#ffbf47", "#5e0e26", "#e2f3ea", "#e6f0f7", "#fbe3e6"]
SIZE = (960, 540)


def _network(draw, rng):
    # Nodes on a loose 4 × 3 grid, each joined to its right and lower neighbours.
    nodes = {
        (column, row): (
            150 + column * 220 + rng.randint(-50, 50),
            100 + row * 170 + rng.randint(-30, 30),
        )
        for column in range(4)
        for row in range(3)
    }
    for (column, row), point in nodes.items():
        for neighbour in ((column + 1, row), (column, row + 1)):
            if neighbour in nodes:
                draw.line([point, nodes[neighbour]], fill="#5e0e26", width=5)
    for x, y in nodes.values():
        radius = rng.randint(26, 46)
        draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=rng.choice(COLOURS))


def _conversation(draw, rng):
    for index, colour in enumerate(rng.sample(COLOURS[:4], 3)):
        left, top = 140 + index * 200, 90 + (index % 2) * 120
        draw.rounded_rectangle([left, top, left + 360, top + 220], radius=60, fill=colour)
        draw.polygon(
            [(left + 80, top + 210), (left + 150, top + 210), (left + 60, top + 290)], fill=colour
        )


def _city(draw, rng):
    draw.ellipse([760, 50, 880, 170], fill="#ffbf47")
    left = 40
    while left < 900:
        width, height = rng.randint(90, 150), rng.randint(150, 330)
        colour = rng.choice(COLOURS)
        draw.rectangle([left, 540 - height, left + width, 540], fill=colour)
        for window in range(540 - height + 30, 500, 60):
            draw.rectangle([left + 20, window, left + width - 20, window + 25], fill="#ffffff")
        draw.polygon(
            [(left, 540 - height), (left + width // 2, 480 - height), (left + width, 540 - height)],
            fill="#5e0e26",
        )
        left += width + rng.randint(10, 30)


MOTIFS = {"network": _network, "conversation": _conversation, "city": _city}


def illustration(motif, seed):
    """An illustration drawn for the demo content, as a PNG upload: ``motif`` from
    ``MOTIFS``, varied by ``seed`` (the same seed draws the same picture)."""
    rng = random.Random(seed)
    image = Image.new("RGB", SIZE, "#f3f1ec")
    MOTIFS[motif](ImageDraw.Draw(image), rng)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return ContentFile(buffer.getvalue(), name=f"{motif}-{seed}.png")


def illustrated(field_name, data):
    """For a record whose demo data names an ``"illustration"`` motif: ``field_name``, its
    foreign key to the image library, for ``defaults=`` of ``get_or_create``; else nothing.

    The picture is drawn from the motif and described in every language, and made only
    when the record is: a second run makes none.
    """
    motif = data.get("illustration")
    if motif is None:
        return {}
    alternatives = read_json(__file__, "illustrations.json")[motif]
    library = image_model()

    def picture():
        return library.objects.create(
            file=illustration(motif, data["slug"]),
            licence=library.Licence.OWN,
            **translated("alt", alternatives),
        )

    return {field_name: picture}
