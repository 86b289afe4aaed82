"""A picture from the image library inside rich text: what the sanitiser lets through.

The editor's "LibraryImage" extension (``static/js/rich-text-image.js``) stores a
picture as a reference to the library, ``<img data-image="42">``, and nothing else:
no address, no text alternative. The page resolves it when it is shown
(``core.templatetags.miso``), with the alternative in the reader's language, so an
edit in the library reaches every text that shows the picture.

``settings.DJANGO_PROSE_EDITOR_EXTENSIONS`` names ``allow_image_references`` as the
extension's sanitiser rule; this module imports nothing of the project, as the
settings read it.
"""

import re

from django_prose_editor.config import add_tags_and_attributes

IMAGE_REFERENCE = re.compile(r'<img data-image="([0-9]+)">')
# What the sanitiser leaves of any other <img>: a tag without attributes.
BARE_IMAGE = re.compile(r"<img>")


def _numbers_only(element, attribute, value):
    """nh3's attribute filter: a reference is a number, every other attribute stays as it is."""
    if (element, attribute) == ("img", "data-image"):
        return value if re.fullmatch(r"[0-9]+", value) else None
    return value


def allow_image_references(config, nh3_config):
    """django-prose-editor's rule for the extension: ``<img>`` with a numeric ``data-image``."""
    add_tags_and_attributes(nh3_config, ["img"], {"img": ["data-image"]})
    nh3_config["attribute_filter"] = _numbers_only


def drop_bare_images(html):
    """After the sanitiser: an ``<img>`` it has stripped of everything (a pasted picture
    from elsewhere, an ``onerror`` attack) leaves the text entirely."""
    return BARE_IMAGE.sub("", html)
