"""The admin works under its Content-Security-Policy: an editor edits a page, every form opens."""

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse
from playwright.sync_api import expect

from pages.models import Page
from tests.backoffice.factories import make_staff
from tests.browser.sign_in import sign_in_to_the_admin

pytestmark = pytest.mark.browser


def log_in(page, user):
    sign_in_to_the_admin(page, user.username)


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


def admin_form_paths(user):
    """The list of every model in the admin, and its add form where ``user`` may add by hand
    (fixed content, such as the pages, and what visitors send are only changed or read)."""
    request = RequestFactory().get("/admin/")
    request.user = user
    paths = []
    for model, model_admin in admin.site._registry.items():
        url_name = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        paths.append(reverse(f"{url_name}_changelist"))
        if model_admin.has_add_permission(request):
            paths.append(reverse(f"{url_name}_add"))
    return paths


def test_every_admin_form_opens_without_policy_or_script_errors(page, site):
    chef = make_staff("chef", superuser=True)
    log_in(page, chef)
    change_forms = [
        reverse("admin:pages_page_change", args=[page_.pk]) for page_ in Page.objects.all()[:2]
    ]
    assert len(change_forms) == 2
    paths = admin_form_paths(chef) + change_forms
    assert len(paths) > 20
    failed = {}
    for path in paths:
        status = page.goto(path).status
        if status != 200:
            failed[path] = status
    assert failed == {}
