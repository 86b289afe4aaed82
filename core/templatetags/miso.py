"""Site-wide template tags.

``{% translated obj "field" %}`` shows a translated field with its fallback
marked: where the visitor's language has no text yet, the German text is shown inside
an element with ``lang="de" dir="ltr"`` (so screen readers pronounce it right
and Arabic pages keep it left-to-right), followed by a short note. A field that is not
translated at all (an organisation's name) is shown as its owner wrote it, in whatever
script, so it is isolated in ``<bdi>``: it cannot reorder the text around it.
"""

from contextlib import nullcontext

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from .. import structured_data
from ..fields import RichTextField
from ..fragments import cached_fragment
from ..images import image_model, variant_name, variant_widths
from ..rich_text import IMAGE_REFERENCE
from ..translated import is_fallback, is_translated

register = template.Library()


@register.simple_tag
def translated(obj, field_name):
    value = getattr(obj, field_name) or ""
    rich = isinstance(obj._meta.get_field(field_name), RichTextField)
    fallback = is_translated(obj, field_name) and is_fallback(obj, field_name)
    if rich:
        # Its pictures are described in the language of the text around them.
        with translation.override(settings.LANGUAGE_CODE) if fallback else nullcontext():
            value = with_pictures(value)
    # Rich text was sanitised when it was saved.
    html = mark_safe(value) if rich else conditional_escape(value)  # noqa: S308
    if not is_translated(obj, field_name):
        return format_html("<bdi>{}</bdi>", html) if html and not rich else html
    if not fallback:
        return html
    note = gettext("Not yet translated; shown in German.")
    if rich:
        return format_html(
            '<div lang="de" dir="ltr">{}</div><p class="untranslated">{}</p>', html, note
        )
    return format_html(
        '<span lang="de" dir="ltr">{}</span> <small class="untranslated">({})</small>',
        html,
        note,
    )


@register.simple_tag
def email_link(address, text=""):
    """A working ``mailto:`` link, written as character references.

    Browsers and screen readers read it like any link; simple harvesters that
    search the page source for ``@`` and ``mailto:`` do not find it.
    """
    if not address:
        return ""

    def encode(value):
        return "".join(f"&#{ord(char)};" for char in value)

    label = conditional_escape(text) if text else encode(address)
    return mark_safe(f'<a href="{encode("mailto:" + address)}">{label}</a>')  # noqa: S308


@register.simple_tag(takes_context=True)
def nav_link(context, url_name, label, section=False):
    """A menu item, marked ``aria-current`` on its own page.

    A ``section`` link (the news list, say) is also marked, as ``"true"``, on
    every page below it (each news post).
    """
    url = reverse(url_name)
    path = context["request"].path
    if path == url:
        current = mark_safe(' aria-current="page"')
    elif section and url in path:
        current = mark_safe(' aria-current="true"')
    else:
        current = ""
    return format_html('<li><a href="{}"{}>{}</a></li>', url, current, label)


class SharedFragmentNode(template.Node):
    def __init__(self, nodelist, name, parts, condition=None, negated=False):
        self.nodelist, self.name, self.parts = nodelist, name, parts
        self.condition, self.negated = condition, negated

    def render(self, context):
        if self.condition is not None and bool(self.condition.resolve(context)) == self.negated:
            return self.nodelist.render(context)
        return cached_fragment(
            self.name,
            [part.resolve(context) for part in self.parts],
            lambda: self.nodelist.render(context),
            str(context.get("content_generation", "")),
        )


@register.tag
def shared(parser, token):
    """``{% shared "post-card" post.pk heading_level %}…{% endshared %}``: a piece that is
    the same for everyone who sees it, rendered once per language and content generation
    for the values named after its name (``core.fragments``).

    ``{% shared "news-filters" if not is_filtered %}`` shares it only while the condition
    holds, and renders it for this request alone otherwise (a filtered list's filters).
    """
    tag_name, *bits = token.split_contents()
    condition = negated = None
    if "if" in bits:
        bits, condition = bits[: bits.index("if")], bits[bits.index("if") + 1 :]
        negated = condition[:1] == ["not"]
        if len(condition) != 1 + negated:
            raise template.TemplateSyntaxError(f"{tag_name} takes 'if [not] variable'.")
        condition = parser.compile_filter(condition[-1])
    if not bits:
        raise template.TemplateSyntaxError(f"{tag_name} needs the name of the piece.")
    name, *parts = bits
    nodelist = parser.parse(("endshared",))
    parser.delete_first_token()
    return SharedFragmentNode(
        nodelist,
        name.strip("\"'"),
        [parser.compile_filter(part) for part in parts],
        condition,
        negated,
    )


@register.inclusion_tag("includes/picture.html")
def picture(image, alt=None, sizes="(min-width: 72rem) 60rem, 100vw", eager=False):
    """A picture of the image library as ``<picture>`` with WebP and JPEG ``srcset``.

    Its text alternative is the library's, in the reader's language or marked as
    German where that has none; ``alt=""`` marks a picture that only decorates
    (a logo beside the organisation's name). Width and height are stored with the
    picture, so rendering never opens the file.
    """
    if not image:
        return {"image": None}
    file = image.file
    storage = file.storage
    widths = variant_widths(image.width)

    def srcset(extension):
        return ", ".join(
            f"{storage.url(variant_name(file.name, w, extension))} {w}w" for w in widths
        )

    described = alt is None
    return {
        "image": image,
        "src": file.url,
        "alt": image.alt if described else alt,
        "alt_in_german": described and is_fallback(image, "alt"),
        "focus_classes": image.focus_classes,
        "sizes": sizes,
        "width": image.width,
        "height": image.height,
        "webp_srcset": srcset("webp"),
        "jpeg_srcset": ", ".join(filter(None, [srcset("jpg"), f"{file.url} {image.width}w"])),
        "eager": eager,
    }


# Pictures in rich text fill the text column (``.prose``).
PROSE_PICTURE_SIZES = "(min-width: 72rem) 45rem, 100vw"


def with_pictures(html):
    """Rich text with its references to the image library (``core/rich_text.py``) shown as
    pictures, in one query; a reference to a picture deleted since is left out."""
    numbers = {int(number) for number in IMAGE_REFERENCE.findall(html)}
    if not numbers:
        return html
    images = image_model().objects.in_bulk(numbers)

    def shown(reference):
        context = picture(images.get(int(reference[1])), sizes=PROSE_PICTURE_SIZES)
        return render_to_string("includes/picture.html", context).strip()

    return IMAGE_REFERENCE.sub(shown, html)


@register.filter
def elided_page_range(page):
    """The page numbers around ``page`` with ``…`` for long gaps, for includes/pagination.html."""
    return page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)


@register.simple_tag(takes_context=True)
def open_graph(context, title, description="", **details):
    """Open Graph tags for the page: ``{% open_graph title description image=… kind="article" %}``.

    Its address is the canonical one (no query string); ``details`` are those of
    ``core.structured_data.open_graph_tags``.
    """
    return structured_data.open_graph_tags(
        context["request"],
        title=title,
        description=description,
        url=context["canonical_url"],
        language=context["LANGUAGE_CODE"],
        **details,
    )


@register.simple_tag
def json_ld(data):
    """schema.org data built by the view, as ``<script type="application/ld+json">``."""
    return structured_data.json_ld(data) if data else ""
