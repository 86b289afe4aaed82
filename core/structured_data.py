"""What shared links and search results show of a page: Open Graph tags and schema.org data.

Views build schema.org data as Python dictionaries with the helpers below; ``json_ld()`` is
the one place that writes it out, as ``<script type="application/ld+json">``. That element
is data, not a script: browsers never run it, so the Content-Security-Policy, which allows
no inline script, does not concern it. Its text is escaped as ``json_script`` escapes,
so nothing in it can close the element or start markup.
"""

import html
import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.utils import timezone
from django.utils.html import format_html, format_html_join, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

# The characters json_script escapes: "</script>", "<!--" and "&" lose their meaning in HTML.
HTML_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}

# Open Graph names a locale with its territory; where the language's own code does not
# make one (en_EN, uk_UK), the usual one.
OG_TERRITORIES = {"en": "GB", "uk": "UA", "ar": "AR"}

EVENT_SCHEDULED = "https://schema.org/EventScheduled"
EVENT_CANCELLED = "https://schema.org/EventCancelled"
OFFLINE_EVENT = "https://schema.org/OfflineEventAttendanceMode"


def json_ld(data):
    """``data`` as a JSON-LD element: UTF-8 as written (Arabic stays Arabic), HTML-safe."""
    text = json.dumps(data, ensure_ascii=False, cls=DjangoJSONEncoder).translate(HTML_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


def plain_text(text, length=200):
    """Rich text (or plain) as one line of plain text, cut at ``length`` characters."""
    words = html.unescape(strip_tags(str(text or ""))).split()
    return Truncator(" ".join(words)).chars(length)


def berlin_time(moment):
    """A date and time as the site's clock shows it, with its offset:
    ``2026-07-01T18:00:00+02:00``."""
    local = timezone.localtime(moment, timezone.get_default_timezone())
    return local.replace(microsecond=0).isoformat()


def postal_address(street="", postcode="", city="", country="DE"):
    address = {
        "@type": "PostalAddress",
        "streetAddress": street,
        "postalCode": postcode,
        "addressLocality": city,
        "addressCountry": country,
    }
    return {key: value for key, value in address.items() if value}


def image_url(request, image):
    """The absolute address of a picture of the image library, or None without one."""
    return request.build_absolute_uri(image.file.url) if image else None


def logo_url(request):
    return request.build_absolute_uri(static("img/favicon.svg"))


def og_locale(code):
    return f"{code}_{OG_TERRITORIES.get(code, code.upper())}"


def open_graph_tags(
    request,
    *,
    title,
    description="",
    url,
    language,
    kind="website",
    image=None,
    image_alt=None,
    published=None,
    modified=None,
):
    """The ``<meta property="og:…">`` tags of a page: ``url`` is its canonical address,
    ``description`` may be rich text, ``image`` a picture of the image library, described
    by its own text alternative unless ``image_alt`` says otherwise."""
    tags = [
        ("og:type", kind),
        ("og:title", title),
        ("og:description", plain_text(description)),
        ("og:url", url),
        ("og:locale", og_locale(language)),
        *(
            ("og:locale:alternate", og_locale(code))
            for code, _name in settings.LANGUAGES
            if code != language
        ),
    ]
    if image:
        tags += [
            ("og:image", image_url(request, image)),
            ("og:image:width", image.width),
            ("og:image:height", image.height),
            ("og:image:alt", image.alt if image_alt is None else image_alt),
        ]
    if published:
        tags.append(("article:published_time", berlin_time(published)))
    if modified:
        tags.append(("article:modified_time", berlin_time(modified)))
    og = format_html_join(
        "\n",
        '<meta property="{}" content="{}">',
        ((name, content) for name, content in tags if content not in (None, "")),
    )
    card = "summary_large_image" if image else "summary"
    return format_html('{}\n<meta name="twitter:card" content="{}">', og, card)
