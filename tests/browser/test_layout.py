"""Every page type fits every screen in every language: no sideways scrolling, no text out of place.

For each language, one page of each type (the first path per URL name, from
the sitemap and the URLs without arguments) is opened once and checked at 320,
390, 768 and 1366 px, the tab resized in between as a phone turned on its side
is, with one script:

- the page does not scroll sideways;
- no element scrolls sideways inside the page (a table in a scroll box hides
  columns on a phone just as well);
- no visible text reaches outside the card, cell or box it stands in, or
  outside the screen;
- no block whose content is wider than itself lets it spill out.

One test per language, so pytest-xdist can spread them.
"""

from pathlib import Path

import pytest
from django.test import Client

from tests.browser.conftest import Visit
from tests.languages import LANGUAGE_CODES
from tests.public_pages import html_pages, one_path_per_type

pytestmark = pytest.mark.browser

WIDTHS = [320, 390, 768, 1366]
HEIGHT = 844

# What counts as a box that holds its text: cards, table cells, the label/value
# lists, notices and form blocks, buttons and badges, and the page's own regions.
BOXES = (
    ".card, td, th, dt, dd, li, label, button, .button, .badge, .notice, .subscribe, .filters,"
    " .form-row, .map-consent, .meeting-point, .search-result, .box, main, .site-header,"
    " .site-footer"
)

FIND_OFFENDERS = (Path(__file__).parent / "layout_offenders.js").read_text(encoding="utf-8")


def report(offenders):
    lines = []
    for (path, width), problems in offenders.items():
        lines.append(f"{path} at {width} px:")
        lines.extend(
            f"  {problem['problem']}: {problem['selector']} «{problem['text']}»"
            for problem in problems[:8]
        )
        if len(problems) > 8:
            lines.append(f"  ... and {len(problems) - 8} more")
    return "\n".join(lines)


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_every_page_type_fits_every_screen_width(browser, site, language):
    paths = one_path_per_type(html_pages(Client(), languages=[language]))
    assert len(paths) > 15
    offenders = {}
    context = browser.new_context(base_url=site, viewport={"width": WIDTHS[0], "height": HEIGHT})
    visit = Visit(origin=site)
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    tab.route("**/*", visit.route)
    tab.on("pageerror", visit.page_error)
    for path in paths.values():
        tab.set_viewport_size({"width": WIDTHS[0], "height": HEIGHT})
        tab.goto(path)
        for width in WIDTHS:
            tab.set_viewport_size({"width": width, "height": HEIGHT})
            if problems := tab.evaluate(FIND_OFFENDERS, BOXES):
                offenders[(path, width)] = problems
    context.close()
    assert visit.elsewhere == []
    assert visit.console_errors == []
    if offenders:
        pytest.fail(
            f"{len(offenders)} of {len(paths) * len(WIDTHS)} pages × widths do not fit:\n"
            + report(offenders),
            pytrace=False,
        )
