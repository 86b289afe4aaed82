"""Moving the people models out of the members app keeps every row, link and version."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("members", "0003_name_index"), ("projects", "0001_initial")]
UNDO = [*BEFORE, ("people", None)]
# Apps whose models the test reads besides the moved ones; their migrations stay applied.
ALSO_READ = [
    ("contenttypes", "0002_remove_content_type_name"),
    ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
]


def migrate(targets, state):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state([*state, *ALSO_READ]).apps


@pytest.mark.django_db(transaction=True)
def test_people_made_before_the_move_are_kept_with_their_links_and_history():
    old = migrate(UNDO, BEFORE)
    Organisation = old.get_model("members", "MemberOrganisation")
    Person = old.get_model("members", "Person")
    ContentType = old.get_model("contenttypes", "ContentType")
    Version = old.get_model("reversion", "Version")
    Revision = old.get_model("reversion", "Revision")
    organisation = Organisation.objects.create(name="kargah e.V.", slug="kargah")
    person = Person.objects.create(first_name="Amina", last_name="Yusuf", organisation=organisation)
    old.get_model("members", "BoardMembership").objects.create(
        person=person, role="chair", term_start="2024-05-01", term_end="2026-04-30"
    )
    # As on a site migrated before the move: the people app has no content types yet.
    ContentType.objects.filter(app_label="people").delete()
    person_type, _created = ContentType.objects.get_or_create(app_label="members", model="person")
    Version.objects.create(
        revision=Revision.objects.create(date_created="2025-01-01T00:00:00Z"),
        object_id=str(person.pk),
        content_type=person_type,
        db="default",
        format="json",
        serialized_data=f'[{{"model": "members.person", "pk": {person.pk}, "fields": {{}}}}]',
        object_repr="Amina Yusuf",
    )

    leaves = MigrationExecutor(connection).loader.graph.leaf_nodes()
    new = migrate(leaves, leaves)

    moved = new.get_model("people", "Person").objects.get(pk=person.pk)
    assert (moved.first_name, moved.organisation_id) == ("Amina", organisation.pk)
    assert new.get_model("people", "BoardMembership").objects.get().person_id == person.pk
    version = new.get_model("reversion", "Version").objects.get()
    assert version.content_type.app_label == "people"
    assert '"model": "people.person"' in version.serialized_data
