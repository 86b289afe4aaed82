"""The image library in the back office: pictures chosen from it with a thumbnail, found by any
language's description, and never deleted while a page still shows them."""

import re
from html import unescape

import pytest
from django.urls import reverse

from images.models import Image
from news.models import Post
from tests.backoffice.factories import make_staff
from tests.news.factories import make_post
from tests.people.factories import make_person
from tests.security.html_forms import forms_on

from .factories import image_file, make_image

pytestmark = pytest.mark.django_db

# What the delete page says of a picture still in use, by the admin language.
IN_USE = {
    "en": "is still shown in the places below, so it cannot be deleted",
    "de": "wird noch an den unten genannten Stellen gezeigt und kann deshalb nicht gelöscht werden",
    "ar": "لا تزال معروضة في المواضع المذكورة أدناه، لذلك لا يمكن حذفها",
}
SELECTED_IN_USE = {
    "en": "Some of the selected pictures are still shown in the places below",
    "de": "Einige der ausgewählten Bilder werden noch an den unten genannten Stellen gezeigt",
    "ar": "بعض الصور المختارة لا تزال معروضة في المواضع المذكورة أدناه",
}


@pytest.fixture
def editor(client):
    client.force_login(make_staff(superuser=True, admin_language="en"))
    return client


def editor_in(client, language):
    client.force_login(make_staff(superuser=True, admin_language=language))
    return client


def text(html):
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_a_post_gets_a_picture_chosen_from_the_library(editor):
    image = make_image()
    post = make_post()
    url = reverse("admin:news_post_change", args=[post.pk])
    forms = forms_on(editor.get(url).content.decode())
    form = next(form for form in forms if any(f.name == "cover_image" for f in form.fields))
    response = editor.post(url, form.values() | {"cover_image": [str(image.pk)]})
    assert response.status_code == 302
    assert Post.objects.get(pk=post.pk).cover_image == image


def test_the_chosen_picture_is_shown_as_a_thumbnail_beside_its_field(editor):
    image = make_image(alt_de="Gäste im Saal")
    post = make_post(cover_image=image)
    html = editor.get(reverse("admin:news_post_change", args=[post.pk])).content.decode()
    preview = html.split('class="image-choice-preview"')[1].split("</figure>")[0]
    assert f'src="{image.thumbnail_url}"' in preview
    assert "Gäste im Saal" in preview
    assert 'id="lookup_id_cover_image"' in html


def test_the_library_is_chosen_from_in_a_popup_with_thumbnails(editor):
    image = make_image()
    html = editor.get(reverse("admin:images_image_changelist") + "?_popup=1&_to_field=id")
    html = html.content.decode()
    assert f'data-popup-opener="{image.pk}"' in html
    assert f'<img class="image-thumbnail" src="{image.thumbnail_url}"' in html


def test_the_library_finds_a_picture_by_its_description_in_any_language(editor):
    make_image(alt_de="Plakat des Sommerfests", alt_ar="ملصق الاحتفال الصيفي")
    make_image(alt_de="Vorstand beim Empfang")
    html = editor.get(reverse("admin:images_image_changelist") + "?q=الصيفي").content.decode()
    assert "Plakat des Sommerfests" in html
    assert "Vorstand beim Empfang" not in html


def test_the_library_lists_pictures_by_licence(editor):
    make_image(alt_de="Eigenes Foto", licence=Image.Licence.OWN)
    make_image(alt_de="Foto der Stadt", licence=Image.Licence.PERMISSION)
    html = editor.get(reverse("admin:images_image_changelist") + "?licence__exact=own")
    assert "Eigenes Foto" in html.content.decode()
    assert "Foto der Stadt" not in html.content.decode()


def test_a_new_picture_is_uploaded_with_its_credit_and_focal_point(editor):
    data = {
        "file": image_file(),
        "alt_de": "Gäste beim Sommerfest",
        "credit": "Foto: Amina Yusuf",
        "licence": "permission",
        "focal_x": "30",
        "focal_y": "70",
    }
    assert editor.post(reverse("admin:images_image_add"), data).status_code == 302
    image = Image.objects.get()
    assert (image.credit, image.focal_x, image.focal_y) == ("Foto: Amina Yusuf", 30, 70)


def test_the_chooser_answers_with_the_pictures_found(editor):
    image = make_image(alt_de="Plakat des Sommerfests")
    make_image(alt_de="Vorstand beim Empfang")
    chooser = reverse("admin:images_image_chooser")
    (found,) = editor.get(chooser, {"q": "Sommerfest"}).json()["results"]
    assert found["id"] == image.pk
    assert found["thumbnail"] == image.thumbnail_url
    assert editor.get(chooser, {"id": image.pk}).json()["results"][0]["label"] == (
        "Plakat des Sommerfests"
    )


def test_the_chooser_shows_nothing_to_staff_who_may_not_see_the_library(client):
    make_image()
    client.force_login(make_staff())
    assert client.get(reverse("admin:images_image_chooser")).status_code == 403


def test_the_pictures_page_lists_where_it_is_used(editor):
    image = make_image()
    post = make_post(title_en="Summer party", cover_image=image)
    person = make_person("Nadia", "Kurtul", photo=image)
    in_text = make_post(title_en="Our year", body_de=f'<img data-image="{image.pk}">')
    html = editor.get(reverse("admin:images_image_change", args=[image.pk])).content.decode()
    usage = html.split('<ul class="image-usage">')[1].split("</ul>")[0]
    places = {text(item) for item in re.findall(r"<li>(.*?)</li>", usage)}
    assert places == {"Post: Summer party", "Person: Nadia Kurtul", "Post: Our year"}
    for url in [
        reverse("admin:news_post_change", args=[post.pk]),
        reverse("admin:people_person_change", args=[person.pk]),
        reverse("admin:news_post_change", args=[in_text.pk]),
    ]:
        assert f'href="{url}"' in usage


def test_an_unused_picture_says_so(editor):
    image = make_image()
    html = editor.get(reverse("admin:images_image_change", args=[image.pk])).content.decode()
    assert "Nowhere yet." in html


@pytest.mark.parametrize("language", IN_USE)
def test_deleting_a_picture_in_use_shows_where_it_is_used_instead(client, language):
    image = make_image()
    post = make_post(cover_image=image)
    client = editor_in(client, language)
    url = reverse("admin:images_image_delete", args=[image.pk])
    html = client.get(url).content.decode()
    assert IN_USE[language] in text(html)
    assert f'href="{reverse("admin:news_post_change", args=[post.pk])}"' in html
    assert client.post(url, {"post": "yes"}).status_code == 200
    assert Image.objects.filter(pk=image.pk).exists()


def test_a_picture_shown_only_inside_a_text_is_not_deleted_either(editor):
    image = make_image()
    make_post(title_en="Our year", body_de=f'<p>Rückblick.</p><img data-image="{image.pk}">')
    url = reverse("admin:images_image_delete", args=[image.pk])
    assert "Post: Our year" in text(editor.get(url).content.decode())
    editor.post(url, {"post": "yes"})
    assert Image.objects.filter(pk=image.pk).exists()


@pytest.mark.parametrize("language", SELECTED_IN_USE)
def test_deleting_selected_pictures_keeps_them_all_while_one_is_in_use(client, language):
    used, unused = make_image(), make_image()
    make_post(cover_image=used)
    client = editor_in(client, language)
    selected = {"action": "delete_selected", "_selected_action": [used.pk, unused.pk]}
    changelist = reverse("admin:images_image_changelist")
    assert SELECTED_IN_USE[language] in text(client.post(changelist, selected).content.decode())
    client.post(changelist, selected | {"post": "yes"})
    assert Image.objects.count() == 2


def test_an_unused_picture_is_deleted(editor):
    image = make_image()
    url = reverse("admin:images_image_delete", args=[image.pk])
    assert editor.post(url, {"post": "yes"}).status_code == 302
    assert not Image.objects.exists()
