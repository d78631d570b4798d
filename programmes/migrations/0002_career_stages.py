from django.db import migrations

CAREER_STAGES = [
    ("teaching-assistant", "Teaching assistant"),
    ("early-career-teacher", "Early career teacher"),
    ("teacher", "Teacher"),
    ("middle-leader", "Middle leader"),
    ("senior-leader", "Senior leader"),
    ("deputy-headteacher", "Deputy headteacher"),
    ("headteacher", "Headteacher"),
]


def add_career_stages(apps, schema_editor):
    CareerStage = apps.get_model("programmes", "CareerStage")
    for order, (slug, name) in enumerate(CAREER_STAGES):
        CareerStage.objects.update_or_create(slug=slug, defaults={"name": name, "sort_order": order})


class Migration(migrations.Migration):
    dependencies = [("programmes", "0001_initial")]

    operations = [migrations.RunPython(add_career_stages, migrations.RunPython.noop)]
