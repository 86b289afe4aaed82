"""An editor works with the image library in the browser, under the admin's
Content-Security-Policy: a cover chosen in the pop-up, a focal point clicked, a picture
placed in a text."""

import mimetypes
import re
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

from images.models import Image
from news.models import Post
from tests.backoffice.factories import make_staff
from tests.browser.sign_in import sign_in_to_the_admin

pytestmark = pytest.mark.browser


@pytest.fixture
def editor(page, site):
    """An office editor, logged in; the live server serves no uploads, so the tab gets
    them from the storage."""

    def uploaded(route):
        name = route.request.url.split("/media/", 1)[1]
        path = Path(settings.MEDIA_ROOT) / name
        route.fulfill(path=path, content_type=mimetypes.guess_type(name)[0])

    page.route("**/media/**", uploaded)
    user = make_staff("redaktion", groups=["Office"])
    sign_in_to_the_admin(page, user.username)
    return page


def test_a_cover_chosen_in_the_libraries_pop_up_shows_its_thumbnail(editor):
    post = Post.objects.filter(cover_image__isnull=True).first()
    image = Image.objects.first()
    editor.goto(f"/admin/news/post/{post.pk}/change/")
    preview = editor.locator(".image-choice-preview")
    expect(preview).to_be_hidden()
    with editor.expect_popup() as opened:
        editor.locator("#lookup_id_cover_image").click()
    opened.value.locator(f"a[data-popup-opener='{image.pk}']").first.click()
    expect(preview.locator("img")).to_have_attribute("src", image.thumbnail_url)
    expect(preview.locator("figcaption")).to_have_text(image.alt_de)
    editor.locator("[name=_save]").click()
    expect(editor.locator(".messagelist .success")).to_be_visible()
    assert Post.objects.get(pk=post.pk).cover_image == image


def test_the_focal_point_is_chosen_by_clicking_on_the_picture(editor):
    image = Image.objects.first()
    editor.goto(f"/admin/images/image/{image.pk}/change/")
    picture = editor.locator(".focal-point-picker img")
    box = picture.bounding_box()
    picture.click(position={"x": box["width"] * 0.8, "y": box["height"] * 0.2})
    expect(editor.locator("#id_focal_x")).to_have_value("80")
    expect(editor.locator("#id_focal_y")).to_have_value("20")
    editor.locator("[name=_save]").click()
    expect(editor.locator(".messagelist .success")).to_be_visible()
    image.refresh_from_db()
    assert (image.focal_x, image.focal_y) == (80, 20)


def test_a_picture_placed_in_a_text_shows_on_the_public_page(editor):
    post = Post.objects.filter(is_published=True).first()
    image = Image.objects.first()
    editor.goto(f"/admin/news/post/{post.pk}/change/")
    editor.locator("a[href='#tab_id_body_de']").click()
    body = editor.locator("#tab_id_body_de .prose-editor")
    body.locator("[contenteditable=true] p").first.click()
    body.get_by_role("button", name="Bild aus der Bildbibliothek einfügen").click()
    chooser = editor.locator("dialog.library-image-chooser")
    chooser.get_by_role("searchbox").fill(image.alt_de)
    chooser.get_by_role("button", name=image.alt_de).first.click()
    expect(chooser).to_have_count(0)
    expect(body.locator("img.library-image")).to_have_attribute("alt", image.alt_de)
    editor.locator("[name=_save]").click()
    expect(editor.locator(".messagelist .success")).to_be_visible()
    assert f'<img data-image="{image.pk}">' in Post.objects.get(pk=post.pk).body_de

    editor.goto(f"/de/news/{post.slug}/")
    shown = editor.locator("main .prose picture img")
    expect(shown).to_have_attribute("alt", image.alt_de)
    expect(shown).to_have_attribute("srcset", re.compile(r"\.480w\.jpg 480w"))
