"""An office editor's day: log in, edit a news post in Arabic, preview it, publish it."""

import pytest
from playwright.sync_api import expect

from news.models import Post
from tests.backoffice.factories import make_staff
from tests.browser.sign_in import sign_in_to_the_admin
from tests.news.factories import make_post

pytestmark = pytest.mark.browser

TITLE_AR = "الاحتفال الصيفي في الشبكة"
BODY_AR = "ندعوكم إلى الاحتفال الصيفي"


def log_in(page, username):
    sign_in_to_the_admin(page, username)


def test_office_staff_edit_a_news_post_in_arabic_preview_it_and_publish_it(page, site):
    make_staff("office", groups=["Office"])
    post = make_post(slug="sommerfest", title_de="Sommerfest im Netzwerk", is_published=False)
    public_page = f"/ar/news/{post.slug}/"
    log_in(page, "office")

    page.goto(f"/admin/news/post/{post.pk}/change/")
    title_tab = page.locator("a[href='#tab_id_title_ar']")
    expect(title_tab).to_contain_text("ar")
    expect(title_tab.locator(".mt-missing-mark")).to_be_visible()
    title_tab.click()
    page.fill("#id_title_ar", TITLE_AR)
    expect(title_tab.locator(".mt-missing-mark")).to_have_count(0)

    page.locator("a[href='#tab_id_body_ar']").click()
    editor = page.locator("#tab_id_body_ar .prose-editor")
    expect(editor).to_have_attribute("dir", "rtl")
    editor.locator("[contenteditable=true]").click()
    page.keyboard.type(BODY_AR)
    page.locator("[name=_continue]").click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    saved = Post.objects.get(pk=post.pk)
    assert (saved.title_ar, saved.is_published) == (TITLE_AR, False)
    assert BODY_AR in saved.body_ar

    page.goto(page.locator(".preview-links a[lang=ar]").get_attribute("href"))
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("h1")).to_have_text(TITLE_AR)
    expect(page.locator(".preview-banner")).to_be_visible()

    page.go_back()
    page.locator("#id_is_published").check()
    page.locator("[name=_save]").click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    assert Post.objects.get(pk=post.pk).is_published

    page.locator("#logout-form [type=submit]").click()
    page.goto(public_page)
    expect(page.locator("h1")).to_have_text(TITLE_AR)
    expect(page.locator(".preview-banner")).to_have_count(0)


def test_a_german_only_post_written_in_an_english_admin_stays_german_only(page, site):
    """The English page shows the German body marked as German, and the dashboard counts it."""
    make_staff("office-en", groups=["Office"], admin_language="en")
    log_in(page, "office-en")
    page.goto("/admin/news/post/add/")
    for field in ("title", "teaser", "body"):
        page.locator(f"a[href='#tab_id_{field}_de']").click()
    page.fill("#id_title_de", "Neue Beratungszeiten")
    page.fill("#id_teaser_de", "Ab Montag beraten wir länger.")
    page.locator("#tab_id_body_de .prose-editor [contenteditable=true]").click()
    page.keyboard.type("Montags bis 19 Uhr.")
    page.locator("#id_is_published").check()
    page.locator("[name=_save]").click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    post = Post.objects.get(title_de="Neue Beratungszeiten")
    assert not post.title_en and not post.body_en

    page.locator("#logout-form [type=submit]").click()
    page.goto(f"/en/news/{post.slug}/")
    body = page.locator(".prose > [lang=de]")
    expect(body).to_have_text("Montags bis 19 Uhr.")
    expect(page.locator(".prose .untranslated")).to_have_text(
        "Not yet translated; shown in German."
    )

    log_in(page, "office-en")
    page.goto("/admin/translations/?language=en")
    post_row = page.locator(".translation-counts tr", has_text="Posts")
    expect(post_row).to_contain_text("missing: 1")
    expect(page.locator("#missing-en")).to_contain_text("Neue Beratungszeiten")
