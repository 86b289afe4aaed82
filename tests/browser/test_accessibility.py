"""axe-core finds no WCAG 2.1 A/AA violation on any page type, in German and in Arabic."""

import pytest
from django.test import Client

from tests.public_pages import html_pages, one_path_per_type
from tests.security.html_forms import forms_on

pytestmark = pytest.mark.browser


def report(violations_by_page):
    lines = []
    for where, violations in violations_by_page.items():
        lines.append(where)
        for violation in violations:
            lines.append(f"  {violation['id']}: {violation['help']}")
            lines.extend(f"    {target}" for target in violation["targets"][:5])
    return "\n".join(lines)


@pytest.mark.parametrize("language", ["de", "ar"])
def test_every_page_type_has_no_accessibility_violations(page, axe, language):
    pages = html_pages(Client(), languages=[language])
    paths = one_path_per_type(pages)
    assert len(paths) > 15
    found = {}
    for kind, path in paths.items():
        page.goto(path)
        if violations := axe():
            found[f"{kind} {path}"] = violations
        if any(form.method == "post" for form in forms_on(pages[path].content.decode())):
            # The same form again, sent empty, with its error messages.
            page.locator("main form[method=post] [type=submit]").first.click()
            page.wait_for_load_state()
            if violations := axe():
                found[f"{kind} {path} (sent empty)"] = violations
    assert found == {}, "\n" + report(found)


def test_the_map_after_consent_has_no_accessibility_violations(page, axe, visit):
    visit.allow("https://tile.openstreetmap.org/")
    page.goto("/ar/members/")
    page.locator(".map-consent-button").click()
    page.locator(".map-canvas .leaflet-marker-icon").first.wait_for()
    assert axe() == []
