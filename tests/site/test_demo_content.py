from django.core.management import call_command
from django.db.models import Model

from pages.models import Association, Page, Principle
from tests.languages import LANGUAGE_CODES


def content_counts():
    from django.apps import apps

    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if issubclass(model, Model) and model._meta.app_label not in {"sessions", "admin"}
    }


def test_demo_loader_runs_twice_without_changing_anything(db):
    call_command("load_demo")
    first = content_counts()
    call_command("load_demo")
    assert content_counts() == first


def test_demo_loader_keeps_what_the_office_edited(db):
    call_command("load_demo")
    page = Page.objects.get(key="home")
    page.title_de = "Von der Geschäftsstelle geändert"
    page.save()
    call_command("load_demo")
    page.refresh_from_db()
    assert page.title_de == "Von der Geschäftsstelle geändert"


def test_demo_content_describes_the_association_in_all_languages(db):
    call_command("load_demo")
    association = Association.objects.get()
    assert association.founded.isoformat() == "2012-05-03"
    assert association.street == "Mengendamm 12"
    for page in Page.objects.all():
        for code in LANGUAGE_CODES:
            assert getattr(page, f"title_{code}"), (page.key, code)
            assert getattr(page, f"body_{code}"), (page.key, code)
    assert Principle.objects.count() >= 10
    texts = Principle.objects.first()
    assert len({getattr(texts, f"text_{code}") for code in LANGUAGE_CODES}) == len(LANGUAGE_CODES)


def test_demo_site_pages_answer_in_every_language(client, db):
    call_command("load_demo")
    for code in LANGUAGE_CODES:
        assert client.get(f"/{code}/").status_code == 200
        assert client.get(f"/{code}/about/").status_code == 200
