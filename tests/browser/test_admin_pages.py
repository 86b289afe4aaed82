"""The admin works under its Content-Security-Policy: an editor edits a page, every form opens."""

import re

import pytest
from django.contrib import admin
from django.urls import NoReverseMatch, reverse
from playwright.sync_api import expect

from pages.models import Page
from tests.backoffice.factories import PASSWORD, make_staff

pytestmark = pytest.mark.browser


def log_in(page, user):
    page.goto("/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.locator("#login-form [type=submit]").click()
    expect(page.locator("#user-tools")).to_be_visible()


@pytest.fixture
def editor(site):
    return make_staff("redaktion", groups=["Office"])


def test_editor_logs_in_and_edits_a_page_with_the_rich_text_editor(page, editor):
    about = Page.objects.get(key=Page.Key.ABOUT)
    log_in(page, editor)
    page.goto(f"/admin/pages/page/{about.pk}/change/")
    expect(page.locator("a[href='#tab_id_title_ar']")).to_be_visible()
    expect(page.locator("#tab_id_body_de .prose-menubar").first).to_be_visible()
    page.fill("#id_title_de", "Wer wir sind")
    page.locator("#tab_id_body_de [contenteditable=true]").click()
    page.keyboard.press("Control+End")
    page.keyboard.type(" Neu ergänzt.")
    page.locator("[name=_save]").click()
    expect(page.locator(".messagelist .success")).to_be_visible()

    page.goto("/de/about/")
    expect(page.locator("main h1")).to_have_text("Wer wir sind")
    expect(page.locator("main")).to_contain_text("Neu ergänzt.")


def admin_form_paths():
    """The add form (or, for fixed content, the list) of every model in the admin."""
    paths = []
    for model in admin.site._registry:
        meta = model._meta
        try:
            paths.append(reverse(f"admin:{meta.app_label}_{meta.model_name}_add"))
        except NoReverseMatch:
            continue
        paths.append(reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist"))
    return paths


def test_every_admin_form_opens_without_policy_or_script_errors(page, site):
    log_in(page, make_staff("chef", superuser=True))
    change_forms = [f"/admin/pages/page/{page_.pk}/change/" for page_ in Page.objects.all()[:2]]
    opened = []
    for path in admin_form_paths() + change_forms:
        response = page.goto(path)
        if response.status == 200:
            opened.append(path)
    assert len(opened) > 20
    assert any(re.match(r"/admin/pages/page/\d+/change/", path) for path in opened)
