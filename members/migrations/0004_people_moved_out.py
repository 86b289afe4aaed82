from django.db import migrations


class Migration(migrations.Migration):
    """Person, BoardMembership, TeamPosition and WorkingGroup now live in the people app
    (its first migration): they leave this app's state, their tables stay."""

    dependencies = [
        ("members", "0003_name_index"),
        ("people", "0001_initial"),
        ("projects", "0002_alter_project_contacts"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='person',
                    name='organisation',
                ),
                migrations.RemoveField(
                    model_name='workinggroup',
                    name='members',
                ),
                migrations.RemoveField(
                    model_name='teamposition',
                    name='person',
                ),
                migrations.DeleteModel(
                    name='BoardMembership',
                ),
                migrations.DeleteModel(
                    name='WorkingGroup',
                ),
                migrations.DeleteModel(
                    name='Person',
                ),
                migrations.DeleteModel(
                    name='TeamPosition',
                ),
    
            ],
        ),
    ]
