"""The talent pool's role groups and the leadership qualities framework."""

from django.db import migrations

GROUPS = ["Aspirant leaders", "School Improvement Partners"]

LEADERSHIP_QUALITIES = [
    ("passion-and-drive", "Passion and drive", "Cares deeply about children's learning and keeps going."),
    (
        "effective-communicator",
        "Effective communicator",
        "Explains clearly and listens well, to adults and children.",
    ),
    ("visionary", "Visionary", "Sees where the school or team could be and helps others see it."),
    (
        "emotional-intelligence",
        "Emotional intelligence",
        "Reads people and situations and responds with care.",
    ),
    ("resilience", "Resilience", "Stays steady under pressure and recovers from setbacks."),
    (
        "motivator-and-enabler",
        "Motivator and enabler",
        "Brings out the best in others and gives them room to grow.",
    ),
    ("decision-maker", "Decision maker", "Weighs the evidence and makes timely, fair decisions."),
    (
        "risk-taker-who-trusts-others",
        "Risk taker who trusts others",
        "Tries new things and lets others lead.",
    ),
    (
        "responsible-for-self-and-others",
        "Responsible for self and others",
        "Owns outcomes, for themselves and their team.",
    ),
    ("reflective", "Reflective", "Learns from what happened and changes practice."),
    (
        "questions-supports-and-challenges-others",
        "Questions, supports and challenges others",
        "Asks good questions and holds others to high standards.",
    ),
]


def create_roles_and_qualities(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    LeadershipQuality = apps.get_model("talentpool", "LeadershipQuality")
    for name in GROUPS:
        Group.objects.get_or_create(name=name)
    for order, (slug, name, description) in enumerate(LEADERSHIP_QUALITIES):
        LeadershipQuality.objects.update_or_create(
            slug=slug, defaults={"name": name, "description": description, "sort_order": order}
        )


class Migration(migrations.Migration):
    dependencies = [("talentpool", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(create_roles_and_qualities, migrations.RunPython.noop)]
