"""No two confirmed bookings of one resource overlap: PostgreSQL's exclusion constraint.

It exists only on PostgreSQL and stays out of the migration state: SQLite has no such
constraint and rebuilds a table from that state when it alters one, so the model does not
declare it. On SQLite ``Booking.book`` holds the write lock while it checks and inserts.
"""

from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import DateTimeRangeField, RangeBoundary, RangeOperators
from django.contrib.postgres.operations import BtreeGistExtension
from django.db import migrations, models


class TimeSpan(models.Func):
    # Half-open ("[)"): a booking may start when the one before it ends.
    function = "TSTZRANGE"
    output_field = DateTimeRangeField()


class AddConstraintOnPostgreSQL(migrations.AddConstraint):
    def state_forwards(self, app_label, state):
        pass

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):
    dependencies = [
        ("bookings", "0001_resources_and_bookings"),
    ]

    operations = [
        # Lets the GiST index compare the resource with "=" beside the time ranges.
        BtreeGistExtension(),
        AddConstraintOnPostgreSQL(
            model_name="booking",
            constraint=ExclusionConstraint(
                name="bookings_booking_no_double_booking",
                expressions=[
                    (TimeSpan("starts_at", "ends_at", RangeBoundary()), RangeOperators.OVERLAPS),
                    ("resource", RangeOperators.EQUAL),
                ],
                condition=~models.Q(status="cancelled"),
            ),
        ),
    ]
