"""A site to back up, what it holds, and the two commands as an operator runs them."""

import io
import json
import tarfile
from pathlib import Path

import reversion
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import User
from django.core.management import call_command

from documents.models import Document
from images.models import Image
from members.models import MemberOrganisation
from tests.accounts.factories import is_logged_in
from tests.accounts.factories import log_in as sign_in
from tests.backoffice.factories import make_staff
from tests.documents.factories import make_document
from tests.images.factories import image_file
from tests.members.factories import (
    make_application,
    make_district,
    make_focus_area,
    make_language,
    make_organisation,
)
from tests.news.factories import make_post

# Logins in progress, failed-login records, and the mail and task queue are not backed up
# (README, "Backup").
NOT_BACKED_UP = {"sessions", "axes", "django_tasks_database"}
NOT_BACKED_UP_MODELS = {"core.outgoingemail", "core.outgoingattachment", "core.dailyjobrun"}


def rows():
    """Every row of every table a backup holds, as stored; many-to-many links without the
    numbers of their own that Django gives them."""
    state = {}
    for model in apps.get_models(include_auto_created=True):
        if (
            model._meta.app_label in NOT_BACKED_UP
            or model._meta.label_lower in NOT_BACKED_UP_MODELS
        ):
            continue
        columns = [
            field.attname
            for field in model._meta.concrete_fields
            if not (model._meta.auto_created and field.primary_key)
        ]
        state[model._meta.label] = sorted(model._base_manager.values_list(*columns), key=repr)
    return state


def stored_files():
    """The bytes of every uploaded file and document on disk, by where and under which name."""
    roots = {"public": settings.MEDIA_ROOT, "private": settings.PRIVATE_MEDIA_ROOT}
    return {
        (kind, path.relative_to(root).as_posix()): path.read_bytes()
        for kind, root in roots.items()
        for path in Path(root).rglob("*")
        if path.is_file()
    }


def site_now():
    return {"rows": rows(), "files": stored_files()}


def picture(colour="teal", alt="Ein Bild"):
    """A picture in the image library, stored with its resized versions."""
    upload = image_file(size=(800, 500), colour=colour, name=f"{colour}.png")
    return Image.objects.create(file=upload, alt_de=alt)


def make_site():
    """One of each thing a backup must keep: the office's account, an organisation with its
    many-to-many links, a post in German and Arabic with a cover image (stored with its
    resized versions) and a version in its history, a members-only document and a
    membership application."""
    office = make_staff("office", superuser=True)
    make_organisation(
        name="Ελληνική Κοινότητα",
        district=make_district(),
        focus_areas=[make_focus_area()],
        languages=[make_language()],
    )
    with reversion.create_revision():
        reversion.set_user(office)
        post = make_post(
            title_de="Sommerfest im Ihme-Zentrum",
            title_ar="مهرجان الصيف",
            cover_image=picture(),
        )
    make_document(slug="satzung", members_only=True)
    make_application()
    return post


def change_everything(post):
    """What happens to a site after its backup: edits, deletions, new content and files."""
    post.title_de = "Geänderter Titel"
    post.cover_image = picture("orange")
    post.save()
    MemberOrganisation.objects.get().delete()
    document = Document.objects.get()
    document.file.delete()
    document.delete()
    make_post(title_de="Nach der Sicherung", cover_image=picture("navy", alt="Bild"))
    office = User.objects.get(username="office")
    office.set_password("another-password-entirely")
    office.save()


def backup(path):
    call_command("backup", output=path, stdout=io.StringIO())
    return path


def restore(path, **options):
    """What ``manage.py restore path --yes`` says (``yes=False`` leaves the ``--yes`` out)."""
    output = io.StringIO()
    call_command("restore", path, stdout=output, **({"yes": True} | options))
    return output.getvalue()


def log_in(client, username, password):
    """Through the site's sign-in form, as the office does (django-axes watches it)."""
    email = User.objects.get(username=username).email
    sign_in(client, email, password)
    return is_logged_in(client)


def manifest_of(archive):
    with tarfile.open(archive) as opened:
        return json.load(opened.extractfile("manifest.json"))


def rewritten(archive, path, change):
    """A copy of ``archive`` at ``path`` whose members' bytes are ``change(name, data)``."""
    with tarfile.open(archive) as source, tarfile.open(path, "w:gz") as copy:
        for member in source:
            data = change(member.name, source.extractfile(member).read())
            member.size = len(data)
            copy.addfile(member, io.BytesIO(data))
    return path


def with_manifest(archive, path, change):
    """A copy of ``archive`` at ``path`` whose manifest ``change(manifest)`` has edited."""

    def edit(name, data):
        if name != "manifest.json":
            return data
        manifest = json.loads(data)
        change(manifest)
        return json.dumps(manifest).encode()

    return rewritten(archive, path, edit)
